// Integrations: a provider's credentials and settings, shared with workspaces.
import type { APIPromise } from '../core/api-promise';
import type { RequestOptions } from '../core/transport';
import type { Operation, OperationResult } from '../core/types';
import type { Caller } from './caller';

export type Integration = OperationResult<Operation<'/integrations/{slug}', 'get'>>;

export class Integrations {
  constructor(private readonly call: Caller) {}

  /** GET /integrations/{slug}: one integration, with its (masked) configuration and access settings. */
  retrieve(slug: string, options?: RequestOptions): APIPromise<Integration> {
    return this.call('GET', '/integrations/{slug}', { ...options, params: { path: { slug } } });
  }
}
