// Organisation and access against local servers: bad input refused before sending, every list style of
// the group walked across several pages to its own end signal, and Portkey's error code on a refused
// workspace delete.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { APIError, ConflictError, PortkeyError, type PortkeyAdmin } from '../../src/index';
import { clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json, type LocalServer } from '../helpers/local-server';
import { otherRequiredQuery } from '../helpers/spec-inputs';

closeServersAfterEach();

async function target(): Promise<{ s: LocalServer; portkey: PortkeyAdmin }> {
  const s = await server((_req, res) => json(res, 200, {}));
  return { s, portkey: clientFor(s.url) };
}

const DATES = { start_time: '2026-02-01T00:00:00.000Z', end_time: '2026-02-28T23:59:59.999Z' };
/** The audit-log window, plus whatever else the spec in openapi/ requires (nothing, in ours). */
const WINDOW = { ...DATES, ...otherRequiredQuery('GET /audit-logs', DATES) };

/**
 * Queries that depend on our spec's departures (no `organisation_id` on audit logs, SCIM `page`/`page_size`,
 * Dates for date-time parameters), cast so that this file, which tests the client's behaviour rather than
 * the types (organisation.test-d.ts does), still compiles against types generated from Portkey's spec
 * (npm run check:full-spec).
 */
const q = <T>(query: T) => query as never;

describe('bad input from plain JavaScript is refused, naming the method and the argument, and nothing is sent', () => {
  const cases: [string, (p: PortkeyAdmin) => PromiseLike<unknown>, RegExp][] = [
    ['workspaces.retrieve', (p) => p.workspaces.retrieve(''), /^workspaces\.retrieve: .*"workspaceId".*""/],
    ['workspaces.delete', (p) => p.workspaces.delete('..'), /^workspaces\.delete: .*"workspaceId".*"\.\."/],
    [
      'workspaces.update',
      (p) => p.workspaces.update('ws-data-science', 'Data' as never),
      /^workspaces\.update needs a non-empty object body/,
    ],
    [
      'workspaces.members.update',
      (p) => p.workspaces.members.update('ws-data-science', undefined as never, { role: 'member' }),
      /^workspaces\.members\.update: .*"userId"/,
    ],
    [
      'workspaces.members.list',
      (p) => p.workspaces.members.list('ws-data-science', 'x' as never),
      /^workspaces\.members\.list: the query must be an object/,
    ],
    [
      'scim.workspaces.create',
      (p) => p.scim.workspaces.create({ role: 'member' } as never),
      /^scim\.workspaces\.create needs `workspace_id`/,
    ],
    [
      'scim.workspaces.delete',
      (p) => p.scim.workspaces.delete(42 as never),
      /^scim\.workspaces\.delete: .*"scimWorkspaceGroupId"/,
    ],
    ['users.list', (p) => p.users.list({ currentPage: -1 }), /currentPage/],
    ['users.retrieve', (p) => p.users.retrieve('%2e%2e'), /^users\.retrieve: .*"userId"/],
    [
      'users.invites.create',
      (p) => p.users.invites.create({ email: 'maria.garcia@example.com' } as never),
      /^users\.invites\.create needs `workspaces` and `role`/,
    ],
    [
      'users.invites.create',
      (p) => p.users.invites.create([] as never),
      /^users\.invites\.create needs a non-empty object body/,
    ],
    ['users.invites.resend', (p) => p.users.invites.resend(''), /^users\.invites\.resend: .*"inviteId"/],
    ['apiKeys.create', (p) => p.apiKeys.create('workspace', undefined as never), /^apiKeys\.create: .*"sub-type"/],
    [
      'apiKeys.create',
      (p) => p.apiKeys.create('workspace', 'service', 'checkout' as never),
      /^apiKeys\.create needs a non-empty object body/,
    ],
    ['apiKeys.rotate', (p) => p.apiKeys.rotate('..'), /^apiKeys\.rotate: .*"id"/],
    ['auditLogs.list', (p) => (p.auditLogs.list as any)(), /^auditLogs\.list: the query must be an object/],
    ['auditLogs.list', (p) => p.auditLogs.list(q({ ...WINDOW, page_size: 0 })), /page_size/],
  ];
  it.each(cases)('%s', async (_name, call, message) => {
    const { s, portkey } = await target();
    const error = await rejection(call(portkey));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(error.message).toMatch(message);
    expect(s.requests).toHaveLength(0);
  });
});

describe('workspaces.delete of a workspace with dependents', () => {
  it("surfaces Portkey's 409 as a ConflictError whose code is AB07", async () => {
    const s = await server((_req, res) =>
      json(res, 409, {
        error: { type: 'conflict_error', message: 'The workspace still has dependents', param: null, code: 'AB07' },
      }),
    );
    const error = await rejection(clientFor(s.url).workspaces.delete('ws-data-science'));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('AB07');
    expect(error.body?.error?.code).toBe('AB07');
    expect(error.message).toMatch(/dependents/);
    expect(s.requests[0]!.method).toBe('DELETE');
    expect(s.requests[0]!.url).toBe('/admin/workspaces/ws-data-science');
  });
});

describe("an API key's secret is in the create and rotate results, and in no error", () => {
  const NEW_SECRET = 'pk-NEW-SECRET-3b9d1f7c-never-in-an-error';
  const KEY_ID = 'e2b7c9d4-3a1f-4c6e-9b8d-5f0a2c4e6b18';
  const CREATE = 'POST /api-keys/{type}/{sub-type}';
  const ROTATE = 'POST /api-keys/{id}/rotate';
  const calls: [string, string, (p: PortkeyAdmin) => PromiseLike<unknown>][] = [
    [
      'apiKeys.create',
      CREATE,
      (p) => p.apiKeys.create('workspace', 'service', { name: 'checkout-service', scopes: [] }),
    ],
    ['apiKeys.rotate', ROTATE, (p) => p.apiKeys.rotate(KEY_ID, { key_transition_period_ms: 3_600_000 })],
    [
      'low-level post (create)',
      CREATE,
      (p) =>
        p.post('/api-keys/{type}/{sub-type}', {
          params: { path: { type: 'organisation', 'sub-type': 'service' } },
          body: { name: 'billing-export', scopes: [] },
        }),
    ],
    ['low-level post (rotate)', ROTATE, (p) => p.post('/api-keys/{id}/rotate', { params: { path: { id: KEY_ID } } })],
  ];

  it.each(calls)('%s answers it', async (_name, _route, call) => {
    const s = await server((_req, res) => json(res, 200, { id: KEY_ID, key: NEW_SECRET, object: 'api-key' }));
    expect(await call(clientFor(s.url))).toMatchObject({ key: NEW_SECRET });
  });

  it.each(calls)('%s: an answer cut short (invalid JSON) is refused without quoting it', async (_name, route, call) => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"${KEY_ID}","key":"${NEW_SECRET}`);
    });
    const error = await rejection(call(clientFor(s.url)));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toBe(`Invalid JSON in a 200 response to ${route} (not quoted: it may hold a new API key).`);
    expect(inspect(error)).not.toContain(NEW_SECRET);
    expect(JSON.stringify(error)).not.toContain(NEW_SECRET);
  });
});

/** 23 items, served in pages by `serve(items, page, size, url)`; the query keys are the style's. */
const TOTAL = 23;
const items = Array.from({ length: TOTAL }, (_, i) => `item-${i}`);

async function pagesServer(
  pageKey: string,
  sizeKey: string,
  answer: (slice: string[], url: URL) => unknown,
): Promise<{ s: LocalServer; portkey: PortkeyAdmin; asked: () => string[] }> {
  const s = await server((req, res) => {
    const url = new URL(req.url, 'http://x');
    const page = Number(url.searchParams.get(pageKey) ?? 0);
    const size = Number(url.searchParams.get(sizeKey) ?? 10);
    json(res, 200, answer(items.slice(page * size, page * size + size), url));
  });
  const asked = () => s.requests.map((r) => new URL(r.url, 'http://x').searchParams.get(pageKey) ?? '0');
  return { s, portkey: clientFor(s.url), asked };
}

describe('paging in the styles of the group', () => {
  it('users.list: camelCase currentPage/pageSize from 0, ends at total', async () => {
    const { portkey, asked } = await pagesServer('currentPage', 'pageSize', (slice) => ({
      object: 'list',
      total: TOTAL,
      data: slice.map((id) => ({ id, email: `${id}@example.com` })),
    }));
    const ids: string[] = [];
    for await (const user of portkey.users.list({ pageSize: 5, role: 'member' })) ids.push(user.id!);
    expect(ids).toEqual(items);
    expect(asked()).toEqual(['0', '1', '2', '3', '4']);
  });

  it('users.invites.list: camelCase, ends on a short page without total; .pages() yields each page', async () => {
    const { s, portkey, asked } = await pagesServer('currentPage', 'pageSize', (slice) => ({
      object: 'list',
      data: slice.map((id) => ({ id, status: 'pending' })),
    }));
    const sizes: number[] = [];
    for await (const page of portkey.users.invites.list({ pageSize: 10, status: 'pending' }).pages()) {
      sizes.push(page.data!.length);
    }
    expect(sizes).toEqual([10, 10, 3]);
    expect(asked()).toEqual(['0', '1', '2']);
    // The filters go with every page, and the snake_case keys never.
    for (const r of s.requests) {
      const q = new URL(r.url, 'http://x').searchParams;
      expect(q.get('status')).toBe('pending');
      expect(q.get('pageSize')).toBe('10');
      expect(q.has('current_page')).toBe(false);
    }
  });

  it('auditLogs.list: records under `records`, ends on a short page; the window goes with every page', async () => {
    const { s, portkey, asked } = await pagesServer('current_page', 'page_size', (slice) => ({
      records: slice.map((request_id) => ({ request_id, method: 'DELETE' })),
      object: 'analytics-graph',
    }));
    const ids: string[] = [];
    for await (const record of portkey.auditLogs.list(q({ ...WINDOW, page_size: 10 }))) ids.push(record.request_id!);
    expect(ids).toEqual(items);
    expect(asked()).toEqual(['0', '1', '2']);
    for (const r of s.requests) {
      const q = new URL(r.url, 'http://x').searchParams;
      expect(q.get('start_time')).toBe(WINDOW.start_time);
      expect(q.get('end_time')).toBe(WINDOW.end_time);
      expect(q.has('organisation_id')).toBe('organisation_id' in WINDOW);
    }
    let pages = 0;
    for await (const page of portkey.auditLogs.list(q({ ...WINDOW, page_size: 10 })).pages()) {
      expect(Array.isArray(page.records)).toBe(true);
      pages++;
    }
    expect(pages).toBe(3);
  });

  it('auditLogs.list: a Date window is sent as ISO 8601, on every page', async () => {
    const { s, portkey } = await pagesServer('current_page', 'page_size', (slice) => ({ records: slice }));
    const start = new Date(Date.UTC(2026, 1, 1));
    const end = new Date(Date.UTC(2026, 1, 28, 23, 59, 59, 999));
    let count = 0;
    const window = { start_time: start, end_time: end };
    for await (const _ of portkey.auditLogs.list(q({ ...WINDOW, ...window, page_size: 10 }))) count++;
    expect(count).toBe(TOTAL);
    expect(s.requests).toHaveLength(3);
    for (const r of s.requests) {
      const q = new URL(r.url, 'http://x').searchParams;
      expect(q.get('start_time')).toBe('2026-02-01T00:00:00.000Z');
      expect(q.get('end_time')).toBe('2026-02-28T23:59:59.999Z');
    }
  });

  it('auditLogs.list: a last page exactly full ends on the empty page after it', async () => {
    const { portkey, asked } = await pagesServer('current_page', 'page_size', (slice) => ({ records: slice }));
    let count = 0;
    for await (const _ of portkey.auditLogs.list(q({ ...WINDOW, page_size: 23 }))) count++;
    expect(count).toBe(TOTAL);
    expect(asked()).toEqual(['0', '1']);
  });

  it('scim.workspaces.list: undocumented 0-based page/page_size, items under `mappings`, ends on a short page', async () => {
    const { s, portkey, asked } = await pagesServer('page', 'page_size', (slice) => ({
      mappings: slice.map((id) => ({ id, workspace_id: 'ws-data-science', role: 'member' })),
      total_count: slice.length,
    }));
    const ids: string[] = [];
    for await (const mapping of portkey.scim.workspaces.list(q({ workspace_id: 'ws-data-science', page_size: 10 }))) {
      ids.push(mapping.id!);
    }
    expect(ids).toEqual(items);
    expect(asked()).toEqual(['0', '1', '2']);
    expect(new URL(s.requests[1]!.url, 'http://x').searchParams.has('current_page')).toBe(false);
    const sizes: number[] = [];
    for await (const page of portkey.scim.workspaces.list(q({ page_size: 10 })).pages())
      sizes.push(page.mappings!.length);
    expect(sizes).toEqual([10, 10, 3]);
  });
});
