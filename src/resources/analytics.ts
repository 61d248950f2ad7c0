// Analytics: graphs over a time window, usage grouped by user, model or metadata value, and the cache
// summary. All take the same filters (AnalyticsFilters): a workspace and a time window are required.
import { type ItemOf, zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Query, Result } from '../core/types';
import { AnalyticsGraphs } from './analytics.graphs';

/** The filters of a grouping, with its page (`current_page` counts from 0) and `page_size`. */
export type AnalyticsGroupsQuery = Query<'GET /analytics/groups/users'>;
export type UserGroupPage = Result<'GET /analytics/groups/users'>;
/** One user's requests and cost over the window. */
export type UserGroup = ItemOf<UserGroupPage, typeof zeroBased>;
export type ModelGroupPage = Result<'GET /analytics/groups/ai-models'>;
/** One model's requests over the window. */
export type ModelGroup = ItemOf<ModelGroupPage, typeof zeroBased>;
export type MetadataGroupPage = Result<'GET /analytics/groups/metadata/{metadataKey}'>;
/** One value of a metadata key: its requests, cost, tokens and feedback over the window. */
export type MetadataGroup = ItemOf<MetadataGroupPage, typeof zeroBased>;
/** Cache hits, their latency and the speed-up over the window. */
export type CacheSummary = Result<'GET /analytics/summary/cache'>;

const groups = {
  /** Requests and cost per user: await for one page, `for await` for all (`current_page` counts from 0). */
  users: paged('GET /analytics/groups/users', zeroBased),
  /** Requests per model: await for one page, `for await` for all (`current_page` counts from 0). */
  aiModels: paged('GET /analytics/groups/ai-models', zeroBased),
  /** Usage per value of one metadata key: await for one page, `for await` for all (0-based pages). */
  metadata: paged('GET /analytics/groups/metadata/{metadataKey}', zeroBased),
} as const;

export const AnalyticsGroups = resource('analytics.groups', groups);
export type AnalyticsGroups = InstanceType<typeof AnalyticsGroups>;

const summary = {
  /** How much the cache answered over the window, and how much faster (one object, not a list). */
  cache: 'GET /analytics/summary/cache',
} as const;

export const AnalyticsSummary = resource('analytics.summary', summary);
export type AnalyticsSummary = InstanceType<typeof AnalyticsSummary>;

export const Analytics = resource(
  'analytics',
  {},
  {
    /** Data points over a time window, for dashboards. */
    graphs: AnalyticsGraphs,
    /** Usage grouped by user, model or metadata value, paged. */
    groups: AnalyticsGroups,
    /** Figures for the whole window. */
    summary: AnalyticsSummary,
  },
);
export type Analytics = InstanceType<typeof Analytics>;
