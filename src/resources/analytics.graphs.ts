// Analytics > Graphs: data points over a time window (cost, requests, tokens, latency, errors, cache,
// feedback) for dashboards. Every graph takes the same filters: a workspace and a time window, then
// anything that narrows the requests counted.
import { resource } from '../core/resource';
import type { Query, Result } from '../core/types';

/**
 * The filters every graph, group and summary takes: `workspace_slug` and the time window
 * (`time_of_generation_min`, `time_of_generation_max`, ISO 8601) are required.
 */
export type AnalyticsFilters = Query<'GET /analytics/graphs/cost'>;

export type CostGraph = Result<'GET /analytics/graphs/cost'>;
export type RequestsGraph = Result<'GET /analytics/graphs/requests'>;
export type TokensGraph = Result<'GET /analytics/graphs/tokens'>;
export type LatencyGraph = Result<'GET /analytics/graphs/latency'>;
export type UsersGraph = Result<'GET /analytics/graphs/users'>;
export type UserRequestsGraph = Result<'GET /analytics/graphs/users/requests'>;
export type ErrorsGraph = Result<'GET /analytics/graphs/errors'>;
export type ErrorRateGraph = Result<'GET /analytics/graphs/errors/rate'>;
export type ErrorStacksGraph = Result<'GET /analytics/graphs/errors/stacks'>;
export type ErrorStatusCodesGraph = Result<'GET /analytics/graphs/errors/status-codes'>;
export type RescuedRequestsGraph = Result<'GET /analytics/graphs/requests/rescued'>;
export type CacheHitRateGraph = Result<'GET /analytics/graphs/cache/hit-rate'>;
export type CacheLatencyGraph = Result<'GET /analytics/graphs/cache/latency'>;
export type FeedbacksGraph = Result<'GET /analytics/graphs/feedbacks'>;
export type FeedbacksByModelGraph = Result<'GET /analytics/graphs/feedbacks/ai-models'>;
export type FeedbackScoresGraph = Result<'GET /analytics/graphs/feedbacks/scores'>;
export type WeightedFeedbackGraph = Result<'GET /analytics/graphs/feedbacks/weighted'>;

const graphs = {
  /** Spend per time bucket, in cents, with the window's total and average per request. */
  cost: 'GET /analytics/graphs/cost',
  /** Requests per time bucket. */
  requests: 'GET /analytics/graphs/requests',
  /** Tokens per time bucket, with the average per request. */
  tokens: 'GET /analytics/graphs/tokens',
  /** Average, p50, p90 and p99 latency per time bucket, in ms. */
  latency: 'GET /analytics/graphs/latency',
  /** Distinct users (the `_user` metadata key) per time bucket. */
  users: 'GET /analytics/graphs/users',
  /** Average requests per user per time bucket, with the window's totals. */
  usersRequests: 'GET /analytics/graphs/users/requests',
  /** Failed requests per time bucket. */
  errors: 'GET /analytics/graphs/errors',
  /** Percentage of failed requests per time bucket. */
  errorsRate: 'GET /analytics/graphs/errors/rate',
  /** Failed requests per time bucket, by status code. */
  errorsStacks: 'GET /analytics/graphs/errors/stacks',
  /** Failures per status code over the whole window. */
  errorsStatusCodes: 'GET /analytics/graphs/errors/status-codes',
  /** Requests rescued by retries and fallbacks, per time bucket. */
  requestsRescued: 'GET /analytics/graphs/requests/rescued',
  /** Simple and semantic cache hits, the hit rate and the savings, per time bucket. */
  cacheHitRate: 'GET /analytics/graphs/cache/hit-rate',
  /** Average latency of cache hits per time bucket, in ms. */
  cacheLatency: 'GET /analytics/graphs/cache/latency',
  /** Feedback entries per time bucket. */
  feedbacks: 'GET /analytics/graphs/feedbacks',
  /** Feedback entries and the average weighted score, per model. */
  feedbacksAiModels: 'GET /analytics/graphs/feedbacks/ai-models',
  /** Feedback entries per score (-10 to 10). */
  feedbacksScores: 'GET /analytics/graphs/feedbacks/scores',
  /** Average weighted feedback score per time bucket. */
  feedbacksWeighted: 'GET /analytics/graphs/feedbacks/weighted',
} as const;

export const AnalyticsGraphs = resource('analytics.graphs', graphs);
export type AnalyticsGraphs = InstanceType<typeof AnalyticsGraphs>;
