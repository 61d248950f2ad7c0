// MCP lists walked against a local server in each style they page in, the two shapes of
// mcpIntegrations.workspaces.list, and bad input from plain JavaScript refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { APIError, isMcpIntegrationWorkspacePage, PortkeyError, type PortkeyAdmin } from '../../src/index';
import { clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

const JANE = '8b3f1d27-6c4e-4a9b-92d5-e71a0c3f5b48';
const tools = Array.from({ length: 23 }, (_, i) => ({ name: `tool_${i}`, type: 'tool', enabled: i % 2 === 0 }));

/** Serves `items` 1-based under `page`/`page_size`, ending with `has_more: false`. */
async function oneBasedServer(items: readonly object[], extra: object = {}) {
  const s = await server((req, res) => {
    const url = new URL(req.url, 'http://x');
    const pageNo = Number(url.searchParams.get('page') ?? 1);
    const size = Number(url.searchParams.get('page_size') ?? 100);
    const data = items.slice((pageNo - 1) * size, pageNo * size);
    json(res, 200, { ...extra, data, total: items.length, has_more: pageNo * size < items.length });
  });
  return { s, portkey: clientFor(s.url), asked: () => s.requests.map((r) => new URL(r.url, 'http://x').search) };
}

describe('1-based lists with has_more (capabilities, user access)', () => {
  const lists: [string, (p: PortkeyAdmin, q: { page_size: number }) => AsyncIterable<unknown> & PromiseLike<any>][] = [
    ['mcpIntegrations.capabilities.list', (p, q) => p.mcpIntegrations.capabilities.list('github-mcp', q)],
    ['mcpServers.capabilities.list', (p, q) => p.mcpServers.capabilities.list('github-data-science', q)],
    ['mcpServers.userAccess.list', (p, q) => p.mcpServers.userAccess.list('github-data-science', q)],
  ];

  it.each(lists)('%s: for await walks pages 1, 2, 3 (short) and stops on has_more: false', async (_, list) => {
    const { portkey, asked } = await oneBasedServer(tools);
    const names: string[] = [];
    for await (const item of list(portkey, { page_size: 10 })) names.push((item as { name: string }).name);
    expect(names).toEqual(tools.map((t) => t.name));
    expect(asked()).toEqual(['?page_size=10', '?page_size=10&page=2', '?page_size=10&page=3']);
  });

  it.each(lists)('%s: .pages() ends on has_more: false even after a full page', async (_, list) => {
    const { portkey, asked } = await oneBasedServer(tools.slice(0, 20));
    const pages: any[] = [];
    for await (const p of (list(portkey, { page_size: 10 }) as any).pages()) pages.push(p);
    expect(pages.map((p) => p.data.length)).toEqual([10, 10]);
    expect(pages.at(-1).has_more).toBe(false);
    expect(asked()).toHaveLength(2);
  });

  it('mcpServers.userAccess.list: the awaited page keeps default_user_access', async () => {
    const { portkey } = await oneBasedServer([{ user_id: JANE, enabled: true }], { default_user_access: 'deny' });
    const first = await portkey.mcpServers.userAccess.list('github-data-science');
    expect(first.default_user_access).toBe('deny');
    expect(first.data?.[0]?.user_id).toBe(JANE);
  });
});

describe('0-based lists with has_more (connections, MCP integrations, MCP servers)', () => {
  const connections = Array.from({ length: 7 }, (_, i) => ({ user_id: `user-${i}`, connected: true }));
  async function zeroBasedServer(items: readonly object[]) {
    const s = await server((req, res) => {
      const url = new URL(req.url, 'http://x');
      const pageNo = Number(url.searchParams.get('current_page') ?? 0);
      const size = Number(url.searchParams.get('page_size') ?? 100);
      const data = items.slice(pageNo * size, (pageNo + 1) * size);
      // No `total`: the walk has only has_more (and the page length) to go by.
      json(res, 200, { data, has_more: (pageNo + 1) * size < items.length });
    });
    return { s, portkey: clientFor(s.url) };
  }
  const pagesAsked = (s: { requests: { url: string }[] }) =>
    s.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('current_page') ?? '0');

  it('mcpServers.connections.list: for await walks 0, 1, 2 (short) and stops on has_more: false', async () => {
    const { s, portkey } = await zeroBasedServer(connections);
    const ids: string[] = [];
    for await (const c of portkey.mcpServers.connections.list('github-data-science', { page_size: 3 })) {
      ids.push(c.user_id!);
    }
    expect(ids).toEqual(connections.map((c) => c.user_id));
    expect(pagesAsked(s)).toEqual(['0', '1', '2']);
  });

  it('mcpServers.connections.list: .pages() stops on has_more: false after a full page', async () => {
    const { s, portkey } = await zeroBasedServer(connections.slice(0, 6));
    const sizes: number[] = [];
    for await (const p of portkey.mcpServers.connections.list('github-data-science', { page_size: 3 }).pages()) {
      sizes.push(p.data?.length ?? 0);
    }
    expect(sizes).toEqual([3, 3]);
    expect(pagesAsked(s)).toEqual(['0', '1']);
  });

  it('mcpIntegrations.list and mcpServers.list walk the same way', async () => {
    const { s, portkey } = await zeroBasedServer(connections.map((c) => ({ slug: c.user_id })));
    let n = 0;
    for await (const i of portkey.mcpIntegrations.list({ page_size: 4 })) n += i.slug ? 1 : 0;
    for await (const m of portkey.mcpServers.list({ page_size: 4 })) n += m.slug ? 1 : 0;
    expect(n).toBe(14);
    expect(pagesAsked(s)).toEqual(['0', '1', '0', '1']);
  });
});

describe('mcpIntegrations.workspaces.list: two shapes, no discriminator', () => {
  const workspaces = [
    { id: 'ws-data-science', enabled: true },
    { id: 'ws-platform-eng', enabled: false },
  ];
  async function shapes() {
    const s = await server((req, res) => {
      const url = new URL(req.url, 'http://x');
      if (url.searchParams.has('version'))
        json(res, 200, { data: workspaces, total: 2, global_workspace_access: null });
      else json(res, 200, { workspaces, global_workspace_access: null });
    });
    return { s, portkey: clientFor(s.url) };
  }

  it('without version: the { workspaces } shape, narrowed by the guard; for await yields its items', async () => {
    const { s, portkey } = await shapes();
    const answer = await portkey.mcpIntegrations.workspaces.list('github-mcp');
    expect(isMcpIntegrationWorkspacePage(answer)).toBe(false);
    if (isMcpIntegrationWorkspacePage(answer)) throw new Error('wrong shape');
    expect(answer.workspaces.map((w) => w.id)).toEqual(['ws-data-science', 'ws-platform-eng']);
    const ids: (string | undefined)[] = [];
    for await (const w of portkey.mcpIntegrations.workspaces.list('github-mcp')) ids.push(w.id);
    expect(ids).toEqual(['ws-data-science', 'ws-platform-eng']);
    expect(s.requests).toHaveLength(2);
  });

  it('with version: the { data, total } shape, narrowed by the guard; for await yields its items', async () => {
    const { portkey } = await shapes();
    const answer = await portkey.mcpIntegrations.workspaces.list('github-mcp', { version: '2' });
    expect(isMcpIntegrationWorkspacePage(answer)).toBe(true);
    if (!isMcpIntegrationWorkspacePage(answer)) throw new Error('wrong shape');
    expect(answer.total).toBe(2);
    expect(answer.data.map((w) => w.enabled)).toEqual([true, false]);
    const ids: (string | undefined)[] = [];
    for await (const w of portkey.mcpIntegrations.workspaces.list('github-mcp', { version: '2' })) ids.push(w.id);
    expect(ids).toEqual(['ws-data-science', 'ws-platform-eng']);
  });

  it('the guard says no to anything without a `data` list', () => {
    expect(isMcpIntegrationWorkspacePage({ workspaces: [] })).toBe(false);
    expect(isMcpIntegrationWorkspacePage({ data: 'x' } as never)).toBe(false);
    expect(isMcpIntegrationWorkspacePage(null as never)).toBe(false);
  });
});

/** The rejection of `promise`: our own refusal (not a server's answer) whose message matches. */
async function refusal(promise: PromiseLike<unknown>, message: RegExp): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(PortkeyError);
  expect(error).not.toBeInstanceOf(APIError);
  expect(error.message).toMatch(message);
}

describe('bad input from plain JavaScript is refused before anything is sent', () => {
  const js = (p: PortkeyAdmin) => p as any;
  const bad: [string, (p: any) => PromiseLike<unknown>, RegExp][] = [
    ['mcpIntegrations.retrieve', (p) => p.mcpIntegrations.retrieve(''), /mcpIntegrations\.retrieve.*mcpIntegrationId/],
    ['mcpIntegrations.delete', (p) => p.mcpIntegrations.delete('..'), /mcpIntegrations\.delete.*mcpIntegrationId/],
    [
      'mcpIntegrations.create',
      (p) => p.mcpIntegrations.create({ name: 'GitHub MCP', url: 'https://api.githubcopilot.com/mcp/' }),
      /mcpIntegrations\.create.*`auth_type` and `transport`/,
    ],
    ['mcpIntegrations.create', (p) => p.mcpIntegrations.create('GitHub MCP'), /mcpIntegrations\.create.*body/],
    ['mcpIntegrations.update', (p) => p.mcpIntegrations.update('github-mcp', []), /mcpIntegrations\.update.*body/],
    [
      'mcpIntegrations.workspaces.update',
      (p) => p.mcpIntegrations.workspaces.update('github-mcp', { global_workspace_access: { enabled: true } }),
      /mcpIntegrations\.workspaces\.update.*`workspaces`/,
    ],
    [
      'mcpIntegrations.workspaces.list',
      (p) => p.mcpIntegrations.workspaces.list(undefined),
      /mcpIntegrations\.workspaces\.list.*mcpIntegrationId/,
    ],
    [
      'mcpIntegrations.capabilities.update',
      (p) => p.mcpIntegrations.capabilities.update('github-mcp', {}),
      /mcpIntegrations\.capabilities\.update/,
    ],
    [
      'mcpIntegrations.capabilities.list',
      (p) => p.mcpIntegrations.capabilities.list('github-mcp', { page: 0 }),
      /\bpage must be an integer ≥ 1/,
    ],
    ['mcpIntegrations.list', (p) => p.mcpIntegrations.list('ws-data-science'), /mcpIntegrations\.list.*query/],
    [
      'mcpIntegrations.metadata.retrieve',
      (p) => p.mcpIntegrations.metadata.retrieve(42),
      /mcpIntegrations\.metadata\.retrieve.*mcpIntegrationId/,
    ],
    ['mcpServers.create', (p) => p.mcpServers.create({ name: 'GitHub' }), /mcpServers\.create.*`mcp_integration_id`/],
    ['mcpServers.test', (p) => p.mcpServers.test('%2e%2e'), /mcpServers\.test.*mcpServerId/],
    [
      'mcpServers.userAccess.list',
      (p) => p.mcpServers.userAccess.list('github-data-science', { page_size: 0 }),
      /\bpage_size must be an integer ≥ 1/,
    ],
    [
      'mcpServers.connections.list',
      (p) => p.mcpServers.connections.list('github-data-science', { current_page: -1 }),
      /\bcurrent_page must be an integer ≥ 0/,
    ],
    [
      'mcpServers.capabilities.update',
      (p) => p.mcpServers.capabilities.update('github-data-science', null),
      /mcpServers\.capabilities\.update.*body/,
    ],
    [
      'mcpServers.userAccess.update',
      (p) => p.mcpServers.userAccess.update('github-data-science', 'deny'),
      /mcpServers\.userAccess\.update.*body/,
    ],
  ];

  // Page numbers and sizes are checked by the core's checkPageQuery, whose message names the argument but
  // not (yet) the method: the three list cases above match the argument only.
  it.each(bad)('%s', async (_, call, message) => {
    const s = await server((_req, res) => json(res, 200, { data: [] }));
    await refusal(call(js(clientFor(s.url))), message);
    expect(s.requests).toHaveLength(0);
  });

  describe('mcpServers.connections.delete never disconnects everyone', () => {
    const refused: [string, unknown][] = [
      ['no query', undefined],
      ['an empty query', {}],
      ['empty strings', { user_id: '', workspace_id: '' }],
      ['null values', { user_id: null }],
      ['a non-object', 'jane.doe@example.com'],
      ['an array', [JANE]],
      ['a non-string id', { user_id: 42 }],
    ];
    it.each(refused)('refuses %s', async (_, query) => {
      const s = await server((_req, res) => json(res, 200, { success: true }));
      await refusal(
        js(clientFor(s.url)).mcpServers.connections.delete('github-data-science', query),
        /^mcpServers\.connections\.delete needs `user_id` or `workspace_id`/,
      );
      expect(s.requests).toHaveLength(0);
    });

    it('refuses a bad server id with its own name', async () => {
      const s = await server((_req, res) => json(res, 200, { success: true }));
      await refusal(
        js(clientFor(s.url)).mcpServers.connections.delete('..', { user_id: JANE }),
        /mcpServers\.connections\.delete.*mcpServerId/,
      );
      expect(s.requests).toHaveLength(0);
    });

    it.each([
      ['user_id', { user_id: JANE }, `user_id=${JANE}`],
      ['workspace_id', { workspace_id: 'ws-data-science' }, 'workspace_id=ws-data-science'],
    ])('sends a call with %s, as a DELETE with that query', async (_, query, search) => {
      const s = await server((_req, res) => json(res, 200, { success: true }));
      const result = await clientFor(s.url).mcpServers.connections.delete('github-data-science', query);
      expect(result.success).toBe(true);
      expect(s.requests).toHaveLength(1);
      expect(s.requests[0]!.method).toBe('DELETE');
      expect(s.requests[0]!.url).toBe(`/mcp-servers/github-data-science/connections?${search}`);
    });
  });
});
