// Integrations > Models: which models an integration allows, and their custom pricing.
import type { APIPromise } from '../core/api-promise';
import { PortkeyError } from '../core/errors';
import { wholeModels } from '../core/pagination';
import { paged, rejected, resource, send } from '../core/resource';
import type { RequestOptions } from '../core/transport';
import type { Body, Result } from '../core/types';

export type IntegrationModelList = Result<'GET /integrations/{slug}/models'>;
export type IntegrationModelsUpdateParams = Body<'PUT /integrations/{slug}/models'>;
export type IntegrationModelsUpdateResult = Result<'PUT /integrations/{slug}/models'>;
export type IntegrationModelsDeleteResult = Result<'DELETE /integrations/{slug}/models'>;

export interface IntegrationModelsDeleteParams {
  /** Model slugs to remove, e.g. ['gpt-4o']; sent as the comma-separated `slugs` query parameter. */
  slugs: readonly string[] | string;
}

const models = {
  /** The models an integration allows (the whole list in one answer). */
  list: paged('GET /integrations/{slug}/models', wholeModels),
  /** Enable or disable models in bulk, and `allow_all_models`. */
  update: 'PUT /integrations/{slug}/models',
} as const;

export class IntegrationModels extends resource('integrations.models', models) {
  /** Remove custom models by slug. */
  delete(
    slug: string,
    params: IntegrationModelsDeleteParams,
    options?: RequestOptions,
  ): APIPromise<IntegrationModelsDeleteResult> {
    const label = 'integrations.models.delete';
    const slugs = typeof params?.slugs === 'string' ? params.slugs.split(',') : params?.slugs;
    // Sent as one comma-separated value, so a slug can be neither empty nor hold a comma. Spread, so that
    // the holes of a sparse array are seen (some() skips them) as the undefined they are.
    if (
      !Array.isArray(slugs) ||
      slugs.length === 0 ||
      [...slugs].some((s) => typeof s !== 'string' || s === '' || s.includes(','))
    ) {
      return rejected(new PortkeyError(`${label} needs \`slugs\`: non-empty model slugs without commas.`));
    }
    return send(this, label, 'DELETE /integrations/{slug}/models', [slug, { slugs: slugs.join(',') }, options]);
  }
}
