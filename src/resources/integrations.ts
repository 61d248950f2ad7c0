// Integrations: a provider's credentials and settings, shared with workspaces, and the models they allow.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';
import { IntegrationModels } from './integrations.models';
import { IntegrationWorkspaces } from './integrations.workspaces';

export type IntegrationListQuery = Query<'GET /integrations'>;
export type IntegrationListPage = Result<'GET /integrations'>;
/** An integration as lists show it. */
export type IntegrationSummary = ItemOf<IntegrationListPage, typeof zeroBased>;
/** One integration, with its (masked) configuration and access settings. */
export type Integration = Result<'GET /integrations/{slug}'>;
export type IntegrationCreateParams = Body<'POST /integrations'>;
export type IntegrationCreateResult = Result<'POST /integrations'>;
export type IntegrationUpdateParams = Body<'PUT /integrations/{slug}'>;
export type IntegrationUpdateResult = Result<'PUT /integrations/{slug}'>;
export type IntegrationDeleteResult = Result<'DELETE /integrations/{slug}'>;

const integrations = {
  /** The organisation's integrations: await for one page, `for await` for all (`current_page` counts from 0). */
  list: paged('GET /integrations', zeroBased),
  /** Create an integration; answers its id and slug. */
  create: 'POST /integrations',
  /** One integration, with its (masked) configuration and access settings. */
  retrieve: 'GET /integrations/{slug}',
  /** Change an integration's name, key, description or configuration. */
  update: 'PUT /integrations/{slug}',
  /** Delete an integration. */
  delete: 'DELETE /integrations/{slug}',
} as const;

export const Integrations = resource('integrations', integrations, {
  /** Which models an integration allows. */
  models: IntegrationModels,
  /** Which workspaces may use an integration, with their limits. */
  workspaces: IntegrationWorkspaces,
});
export type Integrations = InstanceType<typeof Integrations>;
