// Every MCP method against Prism: a 2xx, the shape the spec promises, and a request Prism finds nothing
// wrong with. Asserts the contract, not one spec's example values, so the same suite passes against
// Portkey's full spec (which has no examples here: Prism then invents values of the right types).
import { describe, expect, it } from 'vitest';
import { isMcpIntegrationWorkspacePage, type PortkeyAdmin } from '../../src/index';
import { expectNoRequestViolations, prismClient } from '../helpers/prism-client';

const JANE = '8b3f1d27-6c4e-4a9b-92d5-e71a0c3f5b48';
const WS_DATA_SCIENCE = '5a2e8c41-9d3b-4f6a-b1e7-0c4d2f8a9e63';

type Check = (data: any) => void;
interface Case {
  name: string;
  call: (p: PortkeyAdmin) => { withResponse(): Promise<{ data: unknown; response: Response }> };
  check: Check;
}

const isStringOrMissing = (v: unknown) => expect(['string', 'undefined']).toContain(typeof v);
const isOptional = (v: unknown, type: string) => expect([type, 'undefined']).toContain(typeof v);
const isObject: Check = (data) => {
  expect(typeof data).toBe('object');
  expect(data).not.toBeNull();
};
const isSuccess: Check = (data) => {
  isObject(data);
  isOptional(data.success, 'boolean');
};
/** A page: `data` a list whose items pass `item`, with the counts typed. */
const page =
  (item: Check, extra: Check = () => {}): Check =>
  (data) => {
    isObject(data);
    expect(Array.isArray(data.data)).toBe(true);
    isOptional(data.total, 'number');
    isOptional(data.has_more, 'boolean');
    for (const entry of data.data) item(entry);
    extra(data);
  };
const integration: Check = (i) => {
  isStringOrMissing(i.id);
  isStringOrMissing(i.slug);
  isStringOrMissing(i.url);
  if (i.auth_type !== undefined) {
    expect(['oauth_auto', 'oauth_client_credentials', 'headers', 'none']).toContain(i.auth_type);
  }
  if (i.transport !== undefined) expect(['http', 'sse', 'interactive']).toContain(i.transport);
};
const capability: Check = (c) => {
  isStringOrMissing(c.name);
  if (c.type !== undefined) expect(['tool', 'prompt', 'resource', 'resource_template']).toContain(c.type);
  isOptional(c.enabled, 'boolean');
};
const counts: Check = (data) => {
  if (data.counts !== undefined) isOptional(data.counts.tools?.total, 'number');
};
const server: Check = (s) => {
  isStringOrMissing(s.id);
  isStringOrMissing(s.slug);
  isStringOrMissing(s.mcp_integration_id);
};
const created: Check = (data) => {
  isObject(data);
  isStringOrMissing(data.id);
  isStringOrMissing(data.slug);
};

const cases: Case[] = [
  {
    name: 'mcpIntegrations.list',
    call: (p) => p.mcpIntegrations.list({ page_size: 50, type: 'all', workspace_id: 'ws-data-science' }),
    check: page(integration),
  },
  {
    name: 'mcpIntegrations.create',
    call: (p) =>
      p.mcpIntegrations.create({
        name: 'GitHub MCP',
        slug: 'github-mcp',
        url: 'https://api.githubcopilot.com/mcp/',
        auth_type: 'oauth_auto',
        transport: 'http',
        workspace_id: WS_DATA_SCIENCE,
      }),
    check: created,
  },
  { name: 'mcpIntegrations.retrieve', call: (p) => p.mcpIntegrations.retrieve('github-mcp'), check: integration },
  {
    name: 'mcpIntegrations.update',
    call: (p) => p.mcpIntegrations.update('github-mcp', { description: 'GitHub tools for coding agents.' }),
    check: isObject,
  },
  { name: 'mcpIntegrations.delete', call: (p) => p.mcpIntegrations.delete('docs-search-mcp'), check: isObject },
  {
    name: 'mcpIntegrations.workspaces.list',
    call: (p) => p.mcpIntegrations.workspaces.list('github-mcp'),
    check: (data) => {
      isObject(data);
      const items = isMcpIntegrationWorkspacePage(data) ? data.data : data.workspaces;
      expect(Array.isArray(items)).toBe(true);
      for (const w of items) {
        isStringOrMissing(w.id);
        isOptional(w.enabled, 'boolean');
      }
    },
  },
  {
    name: 'mcpIntegrations.workspaces.update',
    call: (p) =>
      p.mcpIntegrations.workspaces.update('github-mcp', {
        workspaces: [
          { id: 'ws-data-science', enabled: true },
          { id: 'ws-marketing', enabled: false },
        ],
      }),
    check: isObject,
  },
  {
    name: 'mcpIntegrations.capabilities.list',
    call: (p) => p.mcpIntegrations.capabilities.list('github-mcp', { page: 1, page_size: 100, type: 'tool' }),
    check: page(capability, counts),
  },
  {
    name: 'mcpIntegrations.capabilities.update',
    call: (p) =>
      p.mcpIntegrations.capabilities.update('github-mcp', {
        capabilities: [{ name: 'delete_repository', type: 'tool', enabled: false }],
      }),
    check: isSuccess,
  },
  {
    name: 'mcpIntegrations.metadata.retrieve',
    call: (p) => p.mcpIntegrations.metadata.retrieve('github-mcp'),
    check: (data) => {
      isObject(data);
      expect(['string', 'undefined', 'object']).toContain(typeof data.server_name);
      expect(['string', 'undefined', 'object']).toContain(typeof data.sync_status);
    },
  },
  {
    name: 'mcpServers.list',
    call: (p) => p.mcpServers.list({ workspace_id: 'ws-data-science', page_size: 50, search: 'github' }),
    check: page(server),
  },
  {
    name: 'mcpServers.create',
    call: (p) =>
      p.mcpServers.create({
        workspace_id: WS_DATA_SCIENCE,
        name: 'GitHub (Data Science)',
        slug: 'github-data-science',
        mcp_integration_id: 'github-mcp',
      }),
    check: created,
  },
  { name: 'mcpServers.retrieve', call: (p) => p.mcpServers.retrieve('github-data-science'), check: server },
  {
    name: 'mcpServers.update',
    call: (p) => p.mcpServers.update('github-data-science', { name: 'GitHub (Data Science agents)' }),
    check: isObject,
  },
  { name: 'mcpServers.delete', call: (p) => p.mcpServers.delete('github-data-science'), check: isObject },
  {
    name: 'mcpServers.test',
    call: (p) => p.mcpServers.test('github-data-science'),
    check: (data) => {
      isSuccess(data);
      expect(['number', 'undefined', 'object']).toContain(typeof data.response_time_ms);
    },
  },
  {
    name: 'mcpServers.capabilities.list',
    call: (p) => p.mcpServers.capabilities.list('github-data-science', { page: 1, page_size: 100 }),
    check: page(capability, counts),
  },
  {
    name: 'mcpServers.capabilities.update',
    call: (p) =>
      p.mcpServers.capabilities.update('github-data-science', {
        capabilities: [{ name: 'create_issue', type: 'tool', enabled: false }],
      }),
    check: isSuccess,
  },
  {
    name: 'mcpServers.userAccess.list',
    call: (p) => p.mcpServers.userAccess.list('github-data-science', { page: 1, page_size: 100, search: 'jane' }),
    check: page(
      (u) => {
        isStringOrMissing(u.user_id);
        isOptional(u.enabled, 'boolean');
        if (u.connection_status !== undefined) expect(['connected', 'not_connected']).toContain(u.connection_status);
      },
      (data) => {
        if (data.default_user_access !== undefined) expect(['allow', 'deny']).toContain(data.default_user_access);
      },
    ),
  },
  {
    name: 'mcpServers.userAccess.update',
    call: (p) =>
      p.mcpServers.userAccess.update('github-data-science', {
        default_user_access: 'deny',
        user_access: [{ user_id: JANE, enabled: true }],
      }),
    check: isSuccess,
  },
  {
    name: 'mcpServers.connections.list',
    call: (p) => p.mcpServers.connections.list('github-data-science', { workspace_id: 'ws-data-science' }),
    check: page((c) => {
      isStringOrMissing(c.user_id);
      isOptional(c.connected, 'boolean');
    }),
  },
  {
    name: 'mcpServers.connections.delete',
    call: (p) => p.mcpServers.connections.delete('github-data-science', { user_id: JANE }),
    check: isSuccess,
  },
];

describe('MCP against the Prism mock', () => {
  it('covers the 22 operations of the group', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(22);
  });

  it.each(cases)('$name', async ({ call, check }) => {
    const { data, response } = await call(prismClient()).withResponse();
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expectNoRequestViolations(response);
    check(data);
  });

  it('mcpServers.connections.delete sends its selection as the query', async () => {
    const { response } = await prismClient()
      .mcpServers.connections.delete('github-data-science', { user_id: JANE, workspace_id: 'ws-data-science' })
      .withResponse();
    const query = new URL(response.url).searchParams;
    expect(query.get('user_id')).toBe(JANE);
    expect(query.get('workspace_id')).toBe('ws-data-science');
    expectNoRequestViolations(response);
  });

  it('mcpIntegrations.workspaces.list passes `version` through', async () => {
    const { response } = await prismClient()
      .mcpIntegrations.workspaces.list('github-mcp', { version: '2' })
      .withResponse();
    expect(new URL(response.url).searchParams.get('version')).toBe('2');
    expectNoRequestViolations(response);
  });
});
