// Configs: saved gateway configs (routing strategy, targets, retries, cache), versioned.
import type { ItemOf } from '../core/pagination';
import { wholeData } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Result } from '../core/types';
import { ConfigVersions } from './configs.versions';

export type ConfigList = Result<'GET /configs'>;
/** A config as the list shows it (the list is not paged: one answer holds every config). */
export type ConfigSummary = ItemOf<ConfigList, typeof wholeData>;
/** One config, with the rules of its current version (under `data.config`). */
export type Config = Result<'GET /configs/{slug}'>;
export type ConfigCreateParams = Body<'POST /configs'>;
export type ConfigCreateResult = Result<'POST /configs'>;
export type ConfigUpdateParams = Body<'PUT /configs/{slug}'>;
export type ConfigUpdateResult = Result<'PUT /configs/{slug}'>;
export type ConfigDeleteResult = Result<'DELETE /configs/{slug}'>;

const configs = {
  /** Every config of the organisation, in one answer (`{ success, data }`, not paged); `for await` works too. */
  list: paged('GET /configs', wholeData),
  /** Save a config under a new slug; answers its id and first version. */
  create: 'POST /configs',
  /** One config, with the rules of its current version. */
  retrieve: 'GET /configs/{slug}',
  /** Save a new version of a config (name, rules or status); answers the version's id. */
  update: 'PUT /configs/{slug}',
  /** Delete a config. */
  delete: 'DELETE /configs/{slug}',
} as const;

export const Configs = resource('configs', configs, {
  /** The saved versions of a config. */
  versions: ConfigVersions,
});
export type Configs = InstanceType<typeof Configs>;
