// Policies > Usage limits > Entities: the groups a usage-limit policy counts separately, with their usage.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Query, Result } from '../core/types';

export type UsageLimitsPolicyEntityListQuery = Query<'GET /policies/usage-limits/{policyUsageLimitsId}/entities'>;
export type UsageLimitsPolicyEntityListPage = Result<'GET /policies/usage-limits/{policyUsageLimitsId}/entities'>;
/** One group a usage-limit policy counts (one value of its `group_by`), with its usage. */
export type UsageLimitsPolicyEntity = ItemOf<UsageLimitsPolicyEntityListPage, typeof zeroBased>;

const entities = {
  /** A policy's entities: await for one page, `for await` for all; filter by `status` or `search`. */
  list: paged('GET /policies/usage-limits/{policyUsageLimitsId}/entities', zeroBased),
  /** Set one entity's usage back to zero, so its requests pass again. */
  reset: 'PUT /policies/usage-limits/{policyUsageLimitsId}/entities/{entityId}/reset',
} as const;

export const UsageLimitsPolicyEntities = resource('policies.usageLimits.entities', entities);
export type UsageLimitsPolicyEntities = InstanceType<typeof UsageLimitsPolicyEntities>;
