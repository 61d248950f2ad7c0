// Policies > Usage limits: cost or token budgets on the requests matching conditions, per group.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';
import { UsageLimitsPolicyEntities } from './policies.usageLimits.entities';

export type UsageLimitsPolicyListQuery = Query<'GET /policies/usage-limits'>;
export type UsageLimitsPolicyListPage = Result<'GET /policies/usage-limits'>;
/** A usage-limit policy as lists show it. */
export type UsageLimitsPolicySummary = ItemOf<UsageLimitsPolicyListPage, typeof zeroBased>;
/** One usage-limit policy (with `value_key_usage_map` when asked `include_usage`). */
export type UsageLimitsPolicy = Result<'GET /policies/usage-limits/{policyUsageLimitsId}'>;
export type UsageLimitsPolicyRetrieveQuery = Query<'GET /policies/usage-limits/{policyUsageLimitsId}'>;
export type UsageLimitsPolicyCreateParams = Body<'POST /policies/usage-limits'>;
export type UsageLimitsPolicyCreateResult = Result<'POST /policies/usage-limits'>;
export type UsageLimitsPolicyUpdateParams = Body<'PUT /policies/usage-limits/{policyUsageLimitsId}'>;

const usageLimits = {
  /** Usage-limit policies: await for one page, `for await` for all (`current_page` counts from 0). */
  list: paged('GET /policies/usage-limits', zeroBased),
  /** Cap the cost or tokens of matching requests, counted per `group_by` value; answers the id. */
  create: 'POST /policies/usage-limits',
  /** One usage-limit policy; `{ include_usage: true }` adds each group's usage. */
  retrieve: 'GET /policies/usage-limits/{policyUsageLimitsId}',
  /** Change a policy's name, limit, alert threshold or reset period. */
  update: 'PUT /policies/usage-limits/{policyUsageLimitsId}',
  /** Delete a usage-limit policy. */
  delete: 'DELETE /policies/usage-limits/{policyUsageLimitsId}',
} as const;

export const UsageLimitsPolicies = resource('policies.usageLimits', usageLimits, {
  /** The groups a policy counts, with their usage. */
  entities: UsageLimitsPolicyEntities,
});
export type UsageLimitsPolicies = InstanceType<typeof UsageLimitsPolicies>;
