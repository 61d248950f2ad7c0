// Providers: integrations made usable in a workspace, each under its own slug, budget and rate limits.
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type ProviderListQuery = Query<'GET /providers'>;
export type ProviderListPage = Result<'GET /providers'>;
/** A provider of a workspace: the item of a list and the result of a retrieve. */
export type Provider = Result<'GET /providers/{slug}'>;
export type ProviderCreateParams = Body<'POST /providers'>;
export type ProviderCreateResult = Result<'POST /providers'>;
export type ProviderUpdateParams = Body<'PUT /providers/{slug}'>;
export type ProviderUpdateResult = Result<'PUT /providers/{slug}'>;
/** The `workspace_id` query of retrieve and delete (and of update, in its options' `query`). */
export type ProviderWorkspaceQuery = Query<'GET /providers/{slug}'>;

const providers = {
  /** A workspace's providers: await for one page, `for await` for all (`current_page` counts from 0). */
  list: paged('GET /providers', zeroBased),
  /** Make an integration usable in a workspace, with optional limits; answers its id and slug. */
  create: 'POST /providers',
  /** One provider; `{ workspace_id }` after the slug when an admin key acts in a workspace. */
  retrieve: 'GET /providers/{slug}',
  /** Change a provider's name, note, limits or expiry; `workspace_id` goes in the options' `query`. */
  update: 'PUT /providers/{slug}',
  /** Remove a provider from a workspace (the integration stays); `{ workspace_id }` after the slug. */
  delete: 'DELETE /providers/{slug}',
} as const;

export const Providers = resource('providers', providers);
export type Providers = InstanceType<typeof Providers>;
