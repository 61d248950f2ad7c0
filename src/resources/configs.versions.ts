// Configs > Versions: the saved versions of a config, each with the rules it held.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Result } from '../core/types';

export type ConfigVersionListPage = Result<'GET /configs/{slug}/versions'>;
/** One saved version of a config, its rules as a JSON string under `config`. */
export type ConfigVersion = ItemOf<ConfigVersionListPage, typeof zeroBased>;

const versions = {
  /** A config's versions: await for one page, `for await` for all (the walk ends on `total`). */
  list: paged('GET /configs/{slug}/versions', zeroBased),
} as const;

export const ConfigVersions = resource('configs.versions', versions);
export type ConfigVersions = InstanceType<typeof ConfigVersions>;
