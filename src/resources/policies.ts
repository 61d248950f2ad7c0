// Policies: budgets (usage limits) and rates (rate limits) on groups of requests.
import { resource } from '../core/resource';
import { RateLimitsPolicies } from './policies.rateLimits';
import { UsageLimitsPolicies } from './policies.usageLimits';

export const Policies = resource(
  'policies',
  {},
  {
    /** Cost or token budgets over a period. */
    usageLimits: UsageLimitsPolicies,
    /** Request or token rates per minute, hour or day. */
    rateLimits: RateLimitsPolicies,
  },
);
export type Policies = InstanceType<typeof Policies>;
