// Types of the observability group: results from the spec (never any), the shared analytics filters,
// enums and required arguments enforced.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/portkey';
import {
  PortkeyAdmin,
  type AnalyticsFilters,
  type APIPromise,
  type CostGraph,
  type Log,
  type LogExport,
  type LogExportError,
  type LogExportRun,
  type LogExportStatus,
  type MetadataGroup,
  type PagePromise,
  type UserGroup,
  type UserGroupPage,
} from '../../src/index';

declare const portkey: PortkeyAdmin;
const window = {
  workspace_slug: 'ws-data-science',
  time_of_generation_min: '2026-03-01T00:00:00Z',
  time_of_generation_max: '2026-03-08T00:00:00Z',
};

describe('analytics types', () => {
  it('graphs resolve to their own typed results', () => {
    expectTypeOf(portkey.analytics.graphs.cost(window)).toEqualTypeOf<APIPromise<CostGraph>>();
    expectTypeOf<CostGraph>().not.toBeAny();
    expectTypeOf<CostGraph['summary']['avg']>().toEqualTypeOf<number>();
    expectTypeOf<CostGraph['object']>().toEqualTypeOf<'analytics-graph'>();
    expectTypeOf(portkey.analytics.graphs.errorsStatusCodes(window)).resolves.toHaveProperty('data_points');
  });

  it('every graph takes the same filters, with the workspace and time window required', () => {
    expectTypeOf(portkey.analytics.graphs.latency).parameter(0).toEqualTypeOf<AnalyticsFilters>();
    expectTypeOf(portkey.analytics.graphs.feedbacksWeighted).parameter(0).toEqualTypeOf<AnalyticsFilters>();
    expectTypeOf<AnalyticsFilters['workspace_slug']>().toEqualTypeOf<string>();
    expectTypeOf<AnalyticsFilters['time_of_generation_min']>().toEqualTypeOf<string | Date>();
    portkey.analytics.graphs.cost({ ...window, time_of_generation_max: new Date() });
    // @ts-expect-error a timestamp in ms is not a date
    portkey.analytics.graphs.cost({ ...window, time_of_generation_max: Date.now() });
    expectTypeOf<AnalyticsFilters['cost_min']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error the filters are required
    portkey.analytics.graphs.cost();
    // @ts-expect-error the time window is required
    portkey.analytics.graphs.requests({ workspace_slug: 'ws-data-science' });
    // @ts-expect-error no such filter
    portkey.analytics.graphs.tokens({ ...window, costMin: 1 });
    // @ts-expect-error a number is not a comma-separated list
    portkey.analytics.graphs.errors({ ...window, status_code: 500 });
  });

  it('groups are lists: a page, its items, and a required metadata key', async () => {
    const call = portkey.analytics.groups.users({ ...window, current_page: 0, page_size: 50 });
    expectTypeOf(call).toEqualTypeOf<PagePromise<UserGroupPage, UserGroup>>();
    expectTypeOf<UserGroup['user']>().toEqualTypeOf<string | undefined>();
    for await (const group of portkey.analytics.groups.metadata('env', window)) {
      expectTypeOf(group).toEqualTypeOf<MetadataGroup>();
      expectTypeOf(group.requests).toEqualTypeOf<number | undefined>();
    }
    // @ts-expect-error the metadata key comes first
    portkey.analytics.groups.metadata(window);
  });

  it('summary.cache is one object, not a list', () => {
    expectTypeOf(portkey.analytics.summary.cache(window)).resolves.toHaveProperty('summary');
    expectTypeOf(portkey.analytics.summary.cache(window)).not.toHaveProperty('pages');
  });
});

describe('logs and exports types', () => {
  it('retrieve resolves to the export, with its status enum', () => {
    expectTypeOf(portkey.logs.exports.retrieve('x')).toEqualTypeOf<APIPromise<LogExport>>();
    expectTypeOf<LogExport>().toEqualTypeOf<components['schemas']['LogExport']>();
    expectTypeOf<LogExportStatus>().toEqualTypeOf<'draft' | 'in_progress' | 'success' | 'failed' | 'stopped'>();
  });

  it('create needs filters and requested_data, from the enum of fields', () => {
    portkey.logs.exports.create({ filters: {}, requested_data: ['id', 'cost'] });
    // @ts-expect-error requested_data is required
    portkey.logs.exports.create({ filters: {} });
    // @ts-expect-error not a field an export can write
    portkey.logs.exports.create({ filters: {}, requested_data: ['password'] });
  });

  it('run resolves with the export and its URL; its error carries the status', () => {
    expectTypeOf(portkey.logs.exports.run({ filters: {}, requested_data: ['id'] })).toEqualTypeOf<
      Promise<LogExportRun>
    >();
    expectTypeOf<LogExportRun['url']>().toEqualTypeOf<string>();
    expectTypeOf<LogExportError['exportStatus']>().toEqualTypeOf<LogExportStatus | undefined>();
    // @ts-expect-error the time limit is a number of ms
    portkey.logs.exports.run({ filters: {}, requested_data: ['id'] }, { timeLimit: '10m' });
  });

  it('custom logs: one log or an array; retrieve is typed', () => {
    const log = { request: { url: 'https://api.openai.com/v1/chat/completions', body: {} }, response: { body: {} } };
    portkey.logs.create(log);
    portkey.logs.create([log, log]);
    // @ts-expect-error a log needs its response
    portkey.logs.create({ request: log.request });
    expectTypeOf(portkey.logs.retrieve('x')).toEqualTypeOf<APIPromise<Log>>();
    expectTypeOf<Log['response']['status']>().toEqualTypeOf<number>();
  });

  it('feedback: value is required, the id is a string', () => {
    portkey.feedback.create({ trace_id: 'ticket-4821', value: 8 });
    // @ts-expect-error the value is required
    portkey.feedback.create({ trace_id: 'ticket-4821' });
    // @ts-expect-error the value is a number
    portkey.feedback.update('f', { value: 'good' });
    expectTypeOf(portkey.feedback.update('f', { value: 1 })).resolves.toHaveProperty('feedback_ids');
  });
});
