// MCP Servers > Connections: the users who have connected (authorised) an MCP server.
import type { APIPromise } from '../core/api-promise';
import { PortkeyError } from '../core/errors';
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, rejected, resource, send } from '../core/resource';
import type { RequestOptions } from '../core/transport';
import type { Query, Result } from '../core/types';

export type McpServerConnectionListQuery = Query<'GET /mcp-servers/{mcpServerId}/connections'>;
export type McpServerConnectionListPage = Result<'GET /mcp-servers/{mcpServerId}/connections'>;
/** One user's connection to an MCP server. */
export type McpServerConnection = ItemOf<McpServerConnectionListPage, typeof zeroBased>;
type DeleteQuery = Query<'DELETE /mcp-servers/{mcpServerId}/connections'>;
/** Which connections to remove: a user's (`user_id`), in a workspace (`workspace_id`), or both; never neither. */
export type McpServerConnectionsDeleteQuery =
  (DeleteQuery & { user_id: string }) | (DeleteQuery & { workspace_id: string });
export type McpServerConnectionsDeleteResult = Result<'DELETE /mcp-servers/{mcpServerId}/connections'>;

const connections = {
  /** Users' connections to an MCP server: await for one page, `for await` for all (`current_page` counts from 0). */
  list: paged('GET /mcp-servers/{mcpServerId}/connections', zeroBased),
} as const;

const given = (value: unknown) => typeof value === 'string' && value !== '';

export class McpServerConnections extends resource('mcpServers.connections', connections) {
  /**
   * Disconnect users from an MCP server, selected by `user_id` and/or `workspace_id`. A call with neither
   * is refused before anything is sent, so that a slip cannot disconnect everyone.
   */
  delete(
    mcpServerId: string,
    query: McpServerConnectionsDeleteQuery,
    options?: RequestOptions,
  ): APIPromise<McpServerConnectionsDeleteResult> {
    const label = 'mcpServers.connections.delete';
    const q = query as Record<string, unknown> | undefined;
    if (!q || typeof q !== 'object' || Array.isArray(q) || !(given(q.user_id) || given(q.workspace_id))) {
      return rejected(
        new PortkeyError(`${label} needs \`user_id\` or \`workspace_id\` (non-empty): it never disconnects everyone.`),
      );
    }
    return send(this, label, 'DELETE /mcp-servers/{mcpServerId}/connections', [mcpServerId, query, options]);
  }
}
