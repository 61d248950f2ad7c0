// MCP types: results and arguments come from the spec (never `any`); enums, required fields and the
// connections.delete selection are enforced by the compiler.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/portkey';
import {
  isMcpIntegrationWorkspacePage,
  type McpIntegration,
  type McpIntegrationCapability,
  type McpIntegrationMetadata,
  type McpIntegrationSummary,
  type McpIntegrationWorkspace,
  type McpIntegrationWorkspaceList,
  type McpServer,
  type McpServerCapability,
  type McpServerConnection,
  type McpServerSummary,
  type McpServerTestResult,
  type McpServerUserAccess,
  type PortkeyAdmin,
} from '../../src/index';

declare const portkey: PortkeyAdmin;
type S = components['schemas'];

describe('mcpIntegrations types', () => {
  it('nouns are the spec’s schemas', () => {
    expectTypeOf<McpIntegration>().toEqualTypeOf<S['McpIntegration']>();
    expectTypeOf<McpIntegrationSummary>().toEqualTypeOf<S['McpIntegrationListItem']>();
    expectTypeOf<McpIntegrationCapability>().toEqualTypeOf<S['McpIntegrationCapability']>();
    expectTypeOf<McpIntegrationMetadata>().toEqualTypeOf<S['McpIntegrationMetadata']>();
    expectTypeOf<McpIntegrationWorkspace>().toEqualTypeOf<S['McpIntegrationWorkspace']>();
    expectTypeOf<McpIntegration>().not.toBeAny();
    expectTypeOf<McpIntegration['transport']>().toEqualTypeOf<'http' | 'sse' | 'interactive' | undefined>();
  });

  it('list awaits to a page and iterates typed items', async () => {
    const page = await portkey.mcpIntegrations.list({ current_page: 0, page_size: 50 });
    expectTypeOf(page.has_more).toEqualTypeOf<boolean | undefined>();
    for await (const item of portkey.mcpIntegrations.list()) expectTypeOf(item).toEqualTypeOf<McpIntegrationSummary>();
    // @ts-expect-error type is an enum
    portkey.mcpIntegrations.list({ type: 'everyone' });
  });

  it('create requires name, url, auth_type and transport; enums are checked', () => {
    // @ts-expect-error transport is required
    portkey.mcpIntegrations.create({ name: 'GitHub MCP', url: 'https://x.example/mcp', auth_type: 'none' });
    portkey.mcpIntegrations.create({
      name: 'GitHub MCP',
      url: 'https://x.example/mcp',
      auth_type: 'none',
      // @ts-expect-error transport is an enum
      transport: 'websocket',
    });
    expectTypeOf(
      portkey.mcpIntegrations.create({ name: 'n', url: 'https://x.example', auth_type: 'none', transport: 'http' }),
    ).resolves.toEqualTypeOf<S['McpIntegrationCreateResponse']>();
  });

  it('workspaces.list answers a union the guard narrows; for await yields workspaces', async () => {
    const answer = await portkey.mcpIntegrations.workspaces.list('github-mcp', { version: '2' });
    expectTypeOf(answer).toEqualTypeOf<McpIntegrationWorkspaceList>();
    if (isMcpIntegrationWorkspacePage(answer)) {
      expectTypeOf(answer.data).toEqualTypeOf<S['McpIntegrationWorkspace'][]>();
      expectTypeOf(answer.total).toEqualTypeOf<number | undefined>();
    } else {
      expectTypeOf(answer.workspaces).toEqualTypeOf<S['McpIntegrationWorkspace'][]>();
    }
    for await (const w of portkey.mcpIntegrations.workspaces.list('github-mcp')) {
      expectTypeOf(w).toEqualTypeOf<McpIntegrationWorkspace>();
    }
    // @ts-expect-error workspaces is required
    portkey.mcpIntegrations.workspaces.update('github-mcp', { global_workspace_access: { enabled: true } });
  });

  it('capabilities take 1-based pages and a type enum; updates need name, type and enabled', async () => {
    for await (const c of portkey.mcpIntegrations.capabilities.list('github-mcp', { page: 1 })) {
      expectTypeOf(c).toEqualTypeOf<McpIntegrationCapability>();
    }
    // @ts-expect-error type is an enum
    portkey.mcpIntegrations.capabilities.list('github-mcp', { type: 'function' });
    // @ts-expect-error enabled is required
    portkey.mcpIntegrations.capabilities.update('github-mcp', { capabilities: [{ name: 'x', type: 'tool' }] });
    // @ts-expect-error the path parameter is required
    portkey.mcpIntegrations.metadata.retrieve();
  });
});

describe('mcpServers types', () => {
  it('nouns are the spec’s schemas', () => {
    expectTypeOf<McpServer>().toEqualTypeOf<S['McpServer']>();
    expectTypeOf<McpServerSummary>().toEqualTypeOf<S['McpServerListItem']>();
    expectTypeOf<McpServerCapability>().toEqualTypeOf<S['McpServerCapability']>();
    expectTypeOf<McpServerUserAccess>().toEqualTypeOf<S['McpServerUserAccess']>();
    expectTypeOf<McpServerConnection>().toEqualTypeOf<S['McpServerConnection']>();
    expectTypeOf<McpServer>().not.toBeAny();
  });

  it('test is typed', () => {
    expectTypeOf(portkey.mcpServers.test('github-data-science')).resolves.toEqualTypeOf<McpServerTestResult>();
    expectTypeOf<McpServerTestResult['success']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<McpServerTestResult['error']>().toEqualTypeOf<string | null | undefined>();
  });

  it('create requires mcp_integration_id', () => {
    // @ts-expect-error mcp_integration_id is required
    portkey.mcpServers.create({ name: 'GitHub (Data Science)' });
  });

  it('userAccess: default_user_access is an enum', () => {
    // @ts-expect-error default_user_access is allow or deny
    portkey.mcpServers.userAccess.update('github-data-science', { default_user_access: 'maybe' });
  });

  it('connections.delete needs user_id or workspace_id', () => {
    portkey.mcpServers.connections.delete('github-data-science', { user_id: 'u' });
    portkey.mcpServers.connections.delete('github-data-science', { workspace_id: 'ws-data-science' });
    // @ts-expect-error neither user_id nor workspace_id
    portkey.mcpServers.connections.delete('github-data-science', {});
    // @ts-expect-error the query is required
    portkey.mcpServers.connections.delete('github-data-science');
    expectTypeOf(portkey.mcpServers.connections.delete('s', { user_id: 'u' })).resolves.toEqualTypeOf<
      S['McpServerConnectionDeleteResponse']
    >();
  });
});
