// Integrations: a provider's credentials and settings, shared with workspaces, and the models they allow.
// Types come from the generated `paths` by operation, so a regenerated spec changes types, not code.
import type { APIPromise } from '../core/api-promise';
import { PagePromise, zeroBasedPages } from '../core/pagination';
import type { RequestOptions } from '../core/transport';
import type { Operation, OperationBody, OperationQuery, OperationResult } from '../core/types';
import { Resource } from './caller';
import { requireBody, requirePageQuery } from './checks';
import { IntegrationModels } from './integration-models';
import { IntegrationWorkspaces } from './integration-workspaces';

type ListOp = Operation<'/integrations', 'get'>;
export type IntegrationListQuery = OperationQuery<ListOp>;
export type IntegrationListPage = OperationResult<ListOp>;
export type IntegrationSummary = NonNullable<IntegrationListPage['data']>[number];
export type Integration = OperationResult<Operation<'/integrations/{slug}', 'get'>>;
export type IntegrationCreateParams = OperationBody<Operation<'/integrations', 'post'>>;
export type IntegrationCreateResult = OperationResult<Operation<'/integrations', 'post'>>;
export type IntegrationUpdateParams = OperationBody<Operation<'/integrations/{slug}', 'put'>>;
export type IntegrationUpdateResult = OperationResult<Operation<'/integrations/{slug}', 'put'>>;
export type IntegrationDeleteResult = OperationResult<Operation<'/integrations/{slug}', 'delete'>>;

const integrationPages = zeroBasedPages<IntegrationListQuery, IntegrationListPage, IntegrationSummary>(
  (page) => page.data,
  (page) => page.total,
);

export class Integrations extends Resource {
  /** Which models an integration allows. */
  readonly models = new IntegrationModels(this.call);
  /** Which workspaces may use an integration, with their limits. */
  readonly workspaces = new IntegrationWorkspaces(this.call);

  /**
   * GET /integrations. Await for one page (`{ object, total, data }`), or `for await` for every
   * integration across all pages (`current_page` counts from 0).
   */
  list(
    query: IntegrationListQuery = {},
    options: RequestOptions = {},
  ): PagePromise<IntegrationListQuery, IntegrationListPage, IntegrationSummary> {
    return new PagePromise(
      (q, o) =>
        this.call<IntegrationListPage>('GET', '/integrations', { ...o, params: { query: q } }, () =>
          requirePageQuery(q),
        ).withResponse(),
      query,
      options,
      integrationPages,
    );
  }

  /** POST /integrations: create an integration; answers its id and slug. */
  create(body: IntegrationCreateParams, options?: RequestOptions): APIPromise<IntegrationCreateResult> {
    return this.call('POST', '/integrations', { ...options, body }, () =>
      requireBody('integrations.create', body, ['name', 'ai_provider_id']),
    );
  }

  /** GET /integrations/{slug}: one integration, with its (masked) configuration and access settings. */
  retrieve(slug: string, options?: RequestOptions): APIPromise<Integration> {
    return this.call('GET', '/integrations/{slug}', { ...options, params: { path: { slug } } });
  }

  /** PUT /integrations/{slug}: change name, key, description or configuration. */
  update(slug: string, body: IntegrationUpdateParams, options?: RequestOptions): APIPromise<IntegrationUpdateResult> {
    return this.call('PUT', '/integrations/{slug}', { ...options, params: { path: { slug } }, body }, () =>
      requireBody('integrations.update', body),
    );
  }

  /** DELETE /integrations/{slug}. */
  delete(slug: string, options?: RequestOptions): APIPromise<IntegrationDeleteResult> {
    return this.call('DELETE', '/integrations/{slug}', { ...options, params: { path: { slug } } });
  }
}
