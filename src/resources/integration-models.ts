// Integrations > Models: which models an integration allows, and their custom pricing.
import type { APIPromise } from '../core/api-promise';
import { PortkeyError } from '../core/errors';
import type { RequestOptions } from '../core/transport';
import type { Operation, OperationBody, OperationResult } from '../core/types';
import { Resource } from './caller';
import { requireBody } from './checks';

export type IntegrationModelList = OperationResult<Operation<'/integrations/{slug}/models', 'get'>>;
export type IntegrationModelsUpdateParams = OperationBody<Operation<'/integrations/{slug}/models', 'put'>>;
export type IntegrationModelsUpdateResult = OperationResult<Operation<'/integrations/{slug}/models', 'put'>>;
export type IntegrationModelsDeleteResult = OperationResult<Operation<'/integrations/{slug}/models', 'delete'>>;

export interface IntegrationModelsDeleteParams {
  /** Model slugs to remove, e.g. ['gpt-4o']; sent as the comma-separated `slugs` query parameter. */
  slugs: readonly string[] | string;
}

export class IntegrationModels extends Resource {
  /** GET /integrations/{slug}/models. */
  list(slug: string, options?: RequestOptions): APIPromise<IntegrationModelList> {
    return this.call('GET', '/integrations/{slug}/models', { ...options, params: { path: { slug } } });
  }

  /** PUT /integrations/{slug}/models: enable or disable models in bulk, and `allow_all_models`. */
  update(
    slug: string,
    body: IntegrationModelsUpdateParams,
    options?: RequestOptions,
  ): APIPromise<IntegrationModelsUpdateResult> {
    return this.call('PUT', '/integrations/{slug}/models', { ...options, params: { path: { slug } }, body }, () =>
      requireBody('integrations.models.update', body, ['models']),
    );
  }

  /** DELETE /integrations/{slug}/models?slugs=…: remove custom models. */
  delete(
    slug: string,
    params: IntegrationModelsDeleteParams,
    options?: RequestOptions,
  ): APIPromise<IntegrationModelsDeleteResult> {
    const slugs = typeof params?.slugs === 'string' ? params.slugs.split(',') : params?.slugs;
    return this.call(
      'DELETE',
      '/integrations/{slug}/models',
      { ...options, params: { path: { slug }, query: { slugs: Array.isArray(slugs) ? slugs.join(',') : slugs } } },
      () => {
        // Sent as one comma-separated value, so a slug can be neither empty nor hold a comma. Spread, so
        // that the holes of a sparse array are seen (some() skips them) as the undefined they are.
        if (
          !Array.isArray(slugs) ||
          slugs.length === 0 ||
          [...slugs].some((s) => typeof s !== 'string' || s === '' || s.includes(','))
        ) {
          throw new PortkeyError('integrations.models.delete needs `slugs`: non-empty model slugs without commas.');
        }
      },
    );
  }
}
