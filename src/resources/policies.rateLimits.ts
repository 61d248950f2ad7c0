// Policies > Rate limits: request or token rates allowed to the requests matching conditions, per group.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type RateLimitsPolicyListQuery = Query<'GET /policies/rate-limits'>;
export type RateLimitsPolicyListPage = Result<'GET /policies/rate-limits'>;
/** A rate-limit policy as lists show it. */
export type RateLimitsPolicySummary = ItemOf<RateLimitsPolicyListPage, typeof zeroBased>;
/** One rate-limit policy. */
export type RateLimitsPolicy = Result<'GET /policies/rate-limits/{rateLimitsPolicyId}'>;
export type RateLimitsPolicyCreateParams = Body<'POST /policies/rate-limits'>;
export type RateLimitsPolicyCreateResult = Result<'POST /policies/rate-limits'>;
export type RateLimitsPolicyUpdateParams = Body<'PUT /policies/rate-limits/{rateLimitsPolicyId}'>;

const rateLimits = {
  /** Rate-limit policies: await for one page, `for await` for all (`current_page` counts from 0). */
  list: paged('GET /policies/rate-limits', zeroBased),
  /** Limit the rate of matching requests, counted per `group_by` value; answers the id. */
  create: 'POST /policies/rate-limits',
  /** One rate-limit policy. */
  retrieve: 'GET /policies/rate-limits/{rateLimitsPolicyId}',
  /** Change a policy's name, unit or value. */
  update: 'PUT /policies/rate-limits/{rateLimitsPolicyId}',
  /** Delete a rate-limit policy. */
  delete: 'DELETE /policies/rate-limits/{rateLimitsPolicyId}',
} as const;

export const RateLimitsPolicies = resource('policies.rateLimits', rateLimits);
export type RateLimitsPolicies = InstanceType<typeof RateLimitsPolicies>;
