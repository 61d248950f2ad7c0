// Integrations > Workspaces: which workspaces may use an integration, with usage and rate limits.
import type { APIPromise } from '../core/api-promise';
import type { RequestOptions } from '../core/transport';
import type { Operation, OperationBody, OperationResult } from '../core/types';
import { Resource } from './caller';
import { requireBody } from './checks';

export type IntegrationWorkspaceList = OperationResult<Operation<'/integrations/{slug}/workspaces', 'get'>>;
export type IntegrationWorkspacesUpdateParams = OperationBody<Operation<'/integrations/{slug}/workspaces', 'put'>>;
export type IntegrationWorkspacesUpdateResult = OperationResult<Operation<'/integrations/{slug}/workspaces', 'put'>>;

export class IntegrationWorkspaces extends Resource {
  /** GET /integrations/{slug}/workspaces. */
  list(slug: string, options?: RequestOptions): APIPromise<IntegrationWorkspaceList> {
    return this.call('GET', '/integrations/{slug}/workspaces', { ...options, params: { path: { slug } } });
  }

  /** PUT /integrations/{slug}/workspaces: grant or revoke workspaces in bulk, and global workspace access. */
  update(
    slug: string,
    body: IntegrationWorkspacesUpdateParams,
    options?: RequestOptions,
  ): APIPromise<IntegrationWorkspacesUpdateResult> {
    return this.call('PUT', '/integrations/{slug}/workspaces', { ...options, params: { path: { slug } }, body }, () =>
      requireBody('integrations.workspaces.update', body),
    );
  }
}
