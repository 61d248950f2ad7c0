// MCP Servers > User Access: which users of the workspace may use an MCP server.
import type { ItemOf } from '../core/pagination';
import { oneBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type McpServerUserAccessListQuery = Query<'GET /mcp-servers/{mcpServerId}/user-access'>;
/** One page of users, with the server's `default_user_access`. */
export type McpServerUserAccessListPage = Result<'GET /mcp-servers/{mcpServerId}/user-access'>;
/** One user's access to an MCP server: allowed or not, overridden or by default, connected or not. */
export type McpServerUserAccess = ItemOf<McpServerUserAccessListPage, typeof oneBased>;
export type McpServerUserAccessUpdateParams = Body<'PUT /mcp-servers/{mcpServerId}/user-access'>;
export type McpServerUserAccessUpdateResult = Result<'PUT /mcp-servers/{mcpServerId}/user-access'>;

const userAccess = {
  /** Who may use an MCP server: await for one page, `for await` for all (`page` counts from 1). */
  list: paged('GET /mcp-servers/{mcpServerId}/user-access', oneBased),
  /** Set per-user overrides and the default for everyone else, in one request. */
  update: 'PUT /mcp-servers/{mcpServerId}/user-access',
} as const;

export const McpServerUserAccessResource = resource('mcpServers.userAccess', userAccess);
export type McpServerUserAccessResource = InstanceType<typeof McpServerUserAccessResource>;
