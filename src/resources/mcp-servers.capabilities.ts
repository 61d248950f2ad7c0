// MCP Servers > Capabilities: which of an MCP server's tools, prompts and resources its workspace may use.
import type { ItemOf } from '../core/pagination';
import { oneBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type McpServerCapabilityListQuery = Query<'GET /mcp-servers/{mcpServerId}/capabilities'>;
export type McpServerCapabilityListPage = Result<'GET /mcp-servers/{mcpServerId}/capabilities'>;
/** A tool, prompt, resource or resource template of an MCP server, enabled or not for it. */
export type McpServerCapability = ItemOf<McpServerCapabilityListPage, typeof oneBased>;
export type McpServerCapabilitiesUpdateParams = Body<'PUT /mcp-servers/{mcpServerId}/capabilities'>;
export type McpServerCapabilitiesUpdateResult = Result<'PUT /mcp-servers/{mcpServerId}/capabilities'>;

const capabilities = {
  /** An MCP server's capabilities, with counts: await for one page, `for await` for all (`page` counts from 1). */
  list: paged('GET /mcp-servers/{mcpServerId}/capabilities', oneBased),
  /** Enable or disable capabilities for this MCP server, many in one request. */
  update: 'PUT /mcp-servers/{mcpServerId}/capabilities',
} as const;

export const McpServerCapabilities = resource('mcpServers.capabilities', capabilities);
export type McpServerCapabilities = InstanceType<typeof McpServerCapabilities>;
