// The README's MCP example (docs/readme/mcp.md), kept compiling: the same code, inside a function.
import { it } from 'vitest';
import { PortkeyAdmin, isMcpIntegrationWorkspacePage } from '../../src/index';

export async function readmeExample() {
  const portkey = new PortkeyAdmin(); // PORTKEY_API_KEY from the environment

  // Register GitHub's hosted MCP server for the whole organisation.
  const { slug } = await portkey.mcpIntegrations.create({
    name: 'GitHub MCP',
    slug: 'github-mcp',
    url: 'https://api.githubcopilot.com/mcp/',
    auth_type: 'oauth_auto',
    transport: 'http',
  });

  // Share it with two workspaces, and keep it from a third: one request.
  await portkey.mcpIntegrations.workspaces.update('github-mcp', {
    workspaces: [
      { id: 'ws-data-science', enabled: true },
      { id: 'ws-platform-eng', enabled: true },
      { id: 'ws-marketing', enabled: false },
    ],
  });

  // Disable one destructive tool for every workspace: capabilities set on the integration apply everywhere.
  await portkey.mcpIntegrations.capabilities.update('github-mcp', {
    capabilities: [{ name: 'delete_repository', type: 'tool', enabled: false }],
  });

  // Every tool it offers, across all pages, and what the server said about itself at the last sync.
  for await (const tool of portkey.mcpIntegrations.capabilities.list('github-mcp', { type: 'tool' })) {
    console.log(tool.name, tool.enabled ? 'on' : 'off');
  }
  const { server_version, sync_status } = await portkey.mcpIntegrations.metadata.retrieve('github-mcp');

  // Which workspaces may use it. The answer comes in one of two shapes with no field saying which:
  // narrow it with the guard (or just `for await`, which yields the workspaces of either).
  const access = await portkey.mcpIntegrations.workspaces.list('github-mcp');
  const workspaces = isMcpIntegrationWorkspacePage(access) ? access.data : access.workspaces;

  // Give the data science workspace its MCP server, and check that Portkey can reach it.
  await portkey.mcpServers.create({
    workspace_id: '5a2e8c41-9d3b-4f6a-b1e7-0c4d2f8a9e63',
    name: 'GitHub (Data Science)',
    slug: 'github-data-science',
    mcp_integration_id: slug ?? 'github-mcp',
  });
  const check = await portkey.mcpServers.test('github-data-science');
  if (!check.success) console.error(`unreachable: ${check.error}`);

  // Read-only tools for this server's agents; deny by default, allow Jane.
  await portkey.mcpServers.capabilities.update('github-data-science', {
    capabilities: [{ name: 'create_issue', type: 'tool', enabled: false }],
  });
  await portkey.mcpServers.userAccess.update('github-data-science', {
    default_user_access: 'deny',
    user_access: [{ user_id: '8b3f1d27-6c4e-4a9b-92d5-e71a0c3f5b48', enabled: true }],
  });

  // Who has connected, and disconnecting one user (she must authorise again).
  for await (const user of portkey.mcpServers.userAccess.list('github-data-science')) {
    console.log(user.first_name, user.enabled, user.connection_status);
  }
  for await (const connection of portkey.mcpServers.connections.list('github-data-science')) {
    console.log(connection.user_id, connection.connected);
  }
  await portkey.mcpServers.connections.delete('github-data-science', {
    user_id: '8b3f1d27-6c4e-4a9b-92d5-e71a0c3f5b48',
  });

  return { server_version, sync_status, workspaces };
}

it('the README example compiles', () => {});
