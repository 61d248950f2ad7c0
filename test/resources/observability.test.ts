// Every Observability method against Prism: a 2xx, the shape the spec promises, and a request Prism finds
// nothing wrong with; then bad input from plain JavaScript refused before anything is sent, and the
// gateway routing of custom logs. Asserts the contract, not one spec's example values, so the same suite
// passes against Portkey's full spec.
import { describe, expect, it } from 'vitest';
import { inputs } from '../../generated/operations';
import { type AnalyticsFilters, PortkeyError, type PortkeyAdmin } from '../../src/index';
import { clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';
import { expectNoRequestViolations, prismClient } from '../helpers/prism-client';

closeServersAfterEach();
const portkey = () => prismClient();

const window: AnalyticsFilters = {
  workspace_slug: 'ws-data-science',
  time_of_generation_min: '2026-03-01T00:00:00Z',
  time_of_generation_max: '2026-03-08T00:00:00Z',
};
const filtered: AnalyticsFilters = {
  ...window,
  cost_min: 0.5,
  status_code: '200,429',
  metadata: '{"env":"production"}',
  ai_org_model: 'openai__gpt-4o',
  weighted_feedback_min: -2,
};

type Graphs = PortkeyAdmin['analytics']['graphs'];
/** Each graph and one numeric field its data points must carry. */
const graphs: [keyof Graphs, string][] = [
  ['cost', 'total'],
  ['requests', 'total'],
  ['tokens', 'total'],
  ['latency', 'p99'],
  ['users', 'total'],
  ['usersRequests', 'avg'],
  ['errors', 'total'],
  ['errorsRate', 'rate'],
  ['errorsStacks', 'timestamp'],
  ['errorsStatusCodes', 'status_code'],
  ['requestsRescued', 'fallback'],
  ['cacheHitRate', 'simple_hits'],
  ['cacheLatency', 'avg'],
  ['feedbacks', 'total'],
  ['feedbacksAiModels', 'total'],
  ['feedbacksScores', 'score'],
  ['feedbacksWeighted', 'avg'],
];

describe('analytics against the Prism mock', () => {
  it.each(graphs)('graphs.%s: a graph with its summary and data points', async (name, field) => {
    const { data, response } = await (portkey().analytics.graphs[name] as Graphs['cost'])(filtered).withResponse();
    expect(response.status).toBe(200);
    expectNoRequestViolations(response);
    expect(new URL(response.url).pathname).toMatch(/^\/analytics\/graphs\//);
    expect(data.object).toBe('analytics-graph');
    expect(typeof data.summary).toBe('object');
    expect(Array.isArray(data.data_points)).toBe(true);
    for (const point of data.data_points) {
      expect(['number', 'string']).toContain(typeof (point as Record<string, unknown>)[field]);
    }
  });

  it('graphs send the time window and filters as query parameters', async () => {
    const { response } = await portkey().analytics.graphs.cacheHitRate(filtered).withResponse();
    const query = new URL(response.url).searchParams;
    expect(query.get('workspace_slug')).toBe('ws-data-science');
    expect(query.get('time_of_generation_min')).toBe('2026-03-01T00:00:00Z');
    expect(query.get('metadata')).toBe('{"env":"production"}');
    expectNoRequestViolations(response);
  });

  it('a time window of Dates is sent as ISO 8601', async () => {
    const { response } = await portkey()
      .analytics.graphs.cost({
        workspace_slug: 'ws-data-science',
        time_of_generation_min: new Date('2026-03-01T00:00:00Z'),
        time_of_generation_max: new Date('2026-03-08T00:00:00Z'),
      })
      .withResponse();
    expect(new URL(response.url).searchParams.get('time_of_generation_max')).toBe('2026-03-08T00:00:00.000Z');
    expectNoRequestViolations(response);
  });

  it('groups.users: one page of users', async () => {
    const { data, response } = await portkey()
      .analytics.groups.users({ ...window, current_page: 0, page_size: 20 })
      .withResponse();
    expectNoRequestViolations(response);
    expect(data.object).toBe('list');
    expect(typeof data.total).toBe('number');
    for (const group of data.data) expect(['string', 'undefined']).toContain(typeof group.user);
  });

  it('groups.aiModels: one page of models', async () => {
    const { data, response } = await portkey().analytics.groups.aiModels(window).withResponse();
    expectNoRequestViolations(response);
    expect(Array.isArray(data.data)).toBe(true);
    for (const group of data.data) expect(['string', 'undefined']).toContain(typeof group.ai_model);
  });

  it('groups.metadata: one page of values of a metadata key', async () => {
    const { data, response } = await portkey()
      .analytics.groups.metadata('env', { ...window, current_page: 1, page_size: 10 })
      .withResponse();
    expectNoRequestViolations(response);
    expect(new URL(response.url).pathname).toBe('/analytics/groups/metadata/env');
    expect(typeof data.total).toBe('number');
    for (const group of data.data) expect(['number', 'undefined']).toContain(typeof group.requests);
  });

  it('groups walk with for await and end', async () => {
    let count = 0;
    for await (const group of portkey().analytics.groups.aiModels({ ...window, page_size: 2 })) {
      expect(typeof group).toBe('object');
      if (++count > 1000) throw new Error('the walk did not end');
    }
  });

  it('summary.cache: one summary object, not a list', async () => {
    const { data, response } = await portkey().analytics.summary.cache(window).withResponse();
    expectNoRequestViolations(response);
    expect(data.object).toBe('analytics-summary');
    expect(typeof data.summary).toBe('object');
    expect(data).not.toHaveProperty('data');
  });
});

const exportId = '9b4e2c71-5d3a-4f18-8e6b-2a7c0d9f1e35';
const exportBody = {
  workspace_id: 'ws-data-science',
  filters: { time_of_generation_min: '2026-03-01T00:00:00Z', time_of_generation_max: '2026-03-08T00:00:00Z' },
  requested_data: ['id', 'trace_id', 'cost', 'metadata'] as ('id' | 'trace_id' | 'cost' | 'metadata')[],
};
const statuses = ['draft', 'in_progress', 'success', 'failed', 'stopped'];

describe('logs.exports against the Prism mock', () => {
  it('list: the exports, whole', async () => {
    const { data, response } = await portkey().logs.exports.list({ workspace_id: 'ws-data-science' }).withResponse();
    expectNoRequestViolations(response);
    expect(Array.isArray(data.data)).toBe(true);
    for (const item of data.data ?? []) expect(statuses).toContain(item.status);
  });

  it('create: the draft’s id and size', async () => {
    const { data, response } = await portkey().logs.exports.create(exportBody).withResponse();
    expectNoRequestViolations(response);
    expect(typeof data.id).toBe('string');
    expect(typeof data.total).toBe('number');
  });

  it('retrieve: the export and its status', async () => {
    const { data, response } = await portkey().logs.exports.retrieve(exportId).withResponse();
    expectNoRequestViolations(response);
    expect(typeof data.id).toBe('string');
    expect(statuses).toContain(data.status);
    expect(Array.isArray(data.requested_data)).toBe(true);
  });

  it('update: a draft’s filters', async () => {
    const { data, response } = await portkey()
      .logs.exports.update(exportId, { filters: { status_code: '500' } })
      .withResponse();
    expectNoRequestViolations(response);
    expect(typeof data.id).toBe('string');
  });

  it.each(['start', 'cancel'] as const)('%s: acknowledged', async (action) => {
    const { data, response } = await portkey().logs.exports[action](exportId).withResponse();
    expect(new URL(response.url).pathname).toBe(`/logs/exports/${exportId}/${action}`);
    expectNoRequestViolations(response);
    expect(typeof data.message).toBe('string');
  });

  it('download: a signed URL', async () => {
    const { data, response } = await portkey().logs.exports.download(exportId).withResponse();
    expectNoRequestViolations(response);
    expect(typeof data.signed_url).toBe('string');
  });
});

describe('logs and feedback against the Prism mock', () => {
  const log = {
    request: { url: 'https://api.openai.com/v1/chat/completions', method: 'POST', body: { model: 'gpt-4o' } },
    response: { status: 200, body: { id: 'chatcmpl-9xQ2' }, response_time: 840 },
    metadata: { trace_id: 'ticket-4821', _user: 'jane.doe@example.com' },
  };

  it('logs.create: one log, or an array of them', async () => {
    for (const body of [log, [log, log]]) {
      const { response } = await portkey().logs.create(body).withResponse();
      expect(response.ok).toBe(true);
      expectNoRequestViolations(response);
    }
  });

  it('logs.retrieve: the log with its request and response', async () => {
    const { data, response } = await portkey().logs.retrieve('0f6a1c3e-8b2d-4e9f-a7c5-3d1b2e4f6a80').withResponse();
    expectNoRequestViolations(response);
    expect(typeof data.request).toBe('object');
    expect(typeof data.response.status).toBe('number');
  });

  it('feedback.create', async () => {
    const { data, response } = await portkey()
      .feedback.create({ trace_id: 'ticket-4821', value: 8, weight: 0.5, metadata: { source: 'thumbs-up' } })
      .withResponse();
    expectNoRequestViolations(response);
    expect(typeof data).toBe('object');
    for (const id of data.feedback_ids ?? []) expect(typeof id).toBe('string');
  });

  it('feedback.update', async () => {
    const { data, response } = await portkey()
      .feedback.update('4c8e2a6f-1d3b-4a5c-9e7f-0b2d4f6a8c1e', { value: -3 })
      .withResponse();
    expectNoRequestViolations(response);
    expect(typeof data).toBe('object');
  });
});

describe('custom logs go to the gateway', () => {
  it('logs.create and logs.retrieve use gatewayUrl; exports and feedback stay on baseUrl', async () => {
    const control = await server((_req, res) => json(res, 200, { id: exportId, total: 1, object: 'export' }));
    const gateway = await server((_req, res) => json(res, 200, {}));
    const client = clientFor(control.url, { gatewayUrl: gateway.url });
    await client.logs.create({ request: { url: 'https://x.example', body: {} }, response: { body: {} } });
    await client.logs.retrieve('log-1');
    await client.logs.exports.create(exportBody);
    await client.feedback.create({ trace_id: 't', value: 1 });
    expect(gateway.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /logs', 'GET /logs/log-1']);
    expect(control.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /logs/exports', 'POST /feedback']);
  });
});

describe('bad input from plain JavaScript is refused before sending', () => {
  const cases: [string, (p: any) => Promise<unknown>, RegExp][] = [
    ['analytics.graphs.cost', (p) => p.analytics.graphs.cost(), /analytics\.graphs\.cost: the query must be an object/],
    [
      'analytics.graphs.errorsRate',
      (p) => p.analytics.graphs.errorsRate('ws'),
      /analytics\.graphs\.errorsRate: the query/,
    ],
    ['analytics.summary.cache', (p) => p.analytics.summary.cache([]), /analytics\.summary\.cache: the query/],
    [
      'analytics.groups.metadata',
      (p) => p.analytics.groups.metadata('', window),
      /analytics\.groups\.metadata.*"metadataKey"/,
    ],
    ['analytics.groups.users', (p) => p.analytics.groups.users({ ...window, current_page: -1 }), /current_page/],
    ['analytics.groups.aiModels', (p) => p.analytics.groups.aiModels({ ...window, page_size: 1.5 }), /page_size/],
    ['logs.exports.retrieve', (p) => p.logs.exports.retrieve('..'), /logs\.exports\.retrieve.*"exportId"/],
    ['logs.exports.download', (p) => p.logs.exports.download(42), /logs\.exports\.download.*"exportId"/],
    [
      'logs.exports.create',
      (p) => p.logs.exports.create('filters'),
      /logs\.exports\.create needs a non-empty object body/,
    ],
    [
      'logs.exports.create',
      (p) => p.logs.exports.create({ filters: {} }),
      /logs\.exports\.create needs `requested_data`/,
    ],
    ['logs.exports.update', (p) => p.logs.exports.update(exportId, {}), /logs\.exports\.update needs a non-empty/],
    ['logs.exports.run', (p) => p.logs.exports.run({ filters: {} }), /logs\.exports\.run needs `requested_data`/],
    ['logs.exports.run', (p) => p.logs.exports.run(exportBody, { timeLimit: -1 }), /logs\.exports\.run: `timeLimit`/],
    ['logs.exports.run', (p) => p.logs.exports.run(exportBody, { pollInterval: NaN }), /`pollInterval`/],
    ['logs.create', (p) => p.logs.create(null), /logs\.create needs a non-empty object body/],
    ['logs.create', (p) => p.logs.create([]), /logs\.create needs .*the array is empty/],
    [
      'logs.create',
      (p) => p.logs.create([{ request: {}, response: {} }, { request: {} }]),
      /`response` \(item 1 of the array\)/,
    ],
    ['logs.create', (p) => p.logs.create({ request: {}, response: {} }, 'fast'), /logs\.create: the options/],
    ['logs.retrieve', (p) => p.logs.retrieve(''), /logs\.retrieve.*"logId"/],
    ['feedback.create', (p) => p.feedback.create({ value: 1 }), /feedback\.create needs `trace_id`/],
    ['feedback.update', (p) => p.feedback.update('f-1', 5), /feedback\.update needs a non-empty object body/],
    ['feedback.update', (p) => p.feedback.update('f-1', { weight: 1 }), /feedback\.update needs `value`/],
  ];

  // Our spec requires the export bodies (a recorded departure); against a spec that does not, those checks are not
  // generated, and the cases that rely on them are left out.
  const bodyRequired = (route: string) => inputs[route]?.startsWith('B') ?? false;
  const applicable = cases.filter(([name, , message]) => {
    const reliesOnRequiredBody = /needs/.test(String(message));
    if (name === 'logs.exports.update') return !reliesOnRequiredBody || bodyRequired('PUT /logs/exports/{exportId}');
    if (name === 'logs.exports.create' || name === 'logs.exports.run') {
      return !reliesOnRequiredBody || bodyRequired('POST /logs/exports');
    }
    return true;
  });

  it.each(applicable)('%s', async (_name, call, message) => {
    const local = await server((_req, res) => json(res, 200, {}));
    const error = await rejection(call(clientFor(local.url)));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toMatch(message);
    expect(local.requests).toEqual([]);
  });
});

describe('logs.exports.list is not paged (wholeData)', () => {
  it('one answer holds every export: for await yields them all, .pages() one page, one request', async () => {
    const item = (n: number) => ({ id: `export-${n}`, status: 'success', object: 'export' });
    const local = await server((_req, res) => json(res, 200, { object: 'list', total: 3, data: [1, 2, 3].map(item) }));
    const client = clientFor(local.url);
    const ids: string[] = [];
    for await (const e of client.logs.exports.list({ workspace_id: 'ws-data-science' })) ids.push(e.id);
    expect(ids).toEqual(['export-1', 'export-2', 'export-3']);
    const pages = [];
    for await (const page of client.logs.exports.list().pages()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.data).toHaveLength(3);
    expect(local.requests.map((r) => r.url)).toEqual(['/logs/exports?workspace_id=ws-data-science', '/logs/exports']);
  });
});
