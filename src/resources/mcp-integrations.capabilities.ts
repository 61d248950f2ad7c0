// MCP Integrations > Capabilities: the tools, prompts and resources an MCP integration offers, and which
// of them the organisation allows.
import type { ItemOf } from '../core/pagination';
import { oneBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type McpIntegrationCapabilityListQuery = Query<'GET /mcp-integrations/{mcpIntegrationId}/capabilities'>;
export type McpIntegrationCapabilityListPage = Result<'GET /mcp-integrations/{mcpIntegrationId}/capabilities'>;
/** A tool, prompt, resource or resource template of an MCP integration, enabled or not. */
export type McpIntegrationCapability = ItemOf<McpIntegrationCapabilityListPage, typeof oneBased>;
export type McpIntegrationCapabilitiesUpdateParams = Body<'PUT /mcp-integrations/{mcpIntegrationId}/capabilities'>;
export type McpIntegrationCapabilitiesUpdateResult = Result<'PUT /mcp-integrations/{mcpIntegrationId}/capabilities'>;

const capabilities = {
  /** An MCP integration's capabilities, with counts: await for one page, `for await` for all (`page` counts from 1). */
  list: paged('GET /mcp-integrations/{mcpIntegrationId}/capabilities', oneBased),
  /** Enable or disable capabilities for the whole organisation, many in one request. */
  update: 'PUT /mcp-integrations/{mcpIntegrationId}/capabilities',
} as const;

export const McpIntegrationCapabilities = resource('mcpIntegrations.capabilities', capabilities);
export type McpIntegrationCapabilities = InstanceType<typeof McpIntegrationCapabilities>;
