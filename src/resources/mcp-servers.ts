// MCP Servers: a workspace's instances of MCP integrations, with their capabilities, user access and
// users' connections.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';
import { McpServerCapabilities } from './mcp-servers.capabilities';
import { McpServerConnections } from './mcp-servers.connections';
import { McpServerUserAccessResource } from './mcp-servers.user-access';

export type McpServerListQuery = Query<'GET /mcp-servers'>;
export type McpServerListPage = Result<'GET /mcp-servers'>;
/** An MCP server as lists show it, with its gateway `url`. */
export type McpServerSummary = ItemOf<McpServerListPage, typeof zeroBased>;
/** One MCP server, with the integration it instantiates. */
export type McpServer = Result<'GET /mcp-servers/{mcpServerId}'>;
export type McpServerCreateParams = Body<'POST /mcp-servers'>;
export type McpServerCreateResult = Result<'POST /mcp-servers'>;
export type McpServerUpdateParams = Body<'PUT /mcp-servers/{mcpServerId}'>;
export type McpServerUpdateResult = Result<'PUT /mcp-servers/{mcpServerId}'>;
export type McpServerDeleteResult = Result<'DELETE /mcp-servers/{mcpServerId}'>;
/** The outcome of `mcpServers.test`: `success`, and the status and time, or the `error`. */
export type McpServerTestResult = Result<'POST /mcp-servers/{mcpServerId}/test'>;

const mcpServers = {
  /** A workspace's MCP servers: await for one page, `for await` for all (`current_page` counts from 0). */
  list: paged('GET /mcp-servers', zeroBased),
  /** Make an MCP integration available in a workspace; answers the server's id and slug. */
  create: 'POST /mcp-servers',
  /** One MCP server, by UUID or slug. */
  retrieve: 'GET /mcp-servers/{mcpServerId}',
  /** Rename an MCP server or change its description. */
  update: 'PUT /mcp-servers/{mcpServerId}',
  /** Delete an MCP server (its users' connections go with it). */
  delete: 'DELETE /mcp-servers/{mcpServerId}',
  /** Check that an MCP server is reachable: `success`, its status and response time, or the `error`. */
  test: 'POST /mcp-servers/{mcpServerId}/test',
} as const;

export const McpServers = resource('mcpServers', mcpServers, {
  /** Which of an MCP server's tools, prompts and resources its workspace may use. */
  capabilities: McpServerCapabilities,
  /** Which users may use an MCP server. */
  userAccess: McpServerUserAccessResource,
  /** The users who have connected an MCP server. */
  connections: McpServerConnections,
});
export type McpServers = InstanceType<typeof McpServers>;
