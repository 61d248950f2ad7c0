// MCP Integrations: MCP server endpoints registered with Portkey, shared with workspaces, and the
// capabilities they offer.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';
import { McpIntegrationCapabilities } from './mcp-integrations.capabilities';
import { McpIntegrationMetadataResource } from './mcp-integrations.metadata';
import { McpIntegrationWorkspaces } from './mcp-integrations.workspaces';

export type McpIntegrationListQuery = Query<'GET /mcp-integrations'>;
export type McpIntegrationListPage = Result<'GET /mcp-integrations'>;
/** An MCP integration as lists show it. */
export type McpIntegrationSummary = ItemOf<McpIntegrationListPage, typeof zeroBased>;
/** One MCP integration: endpoint, transport, authentication, configuration and access. */
export type McpIntegration = Result<'GET /mcp-integrations/{mcpIntegrationId}'>;
export type McpIntegrationCreateParams = Body<'POST /mcp-integrations'>;
export type McpIntegrationCreateResult = Result<'POST /mcp-integrations'>;
export type McpIntegrationUpdateParams = Body<'PUT /mcp-integrations/{mcpIntegrationId}'>;
export type McpIntegrationUpdateResult = Result<'PUT /mcp-integrations/{mcpIntegrationId}'>;
export type McpIntegrationDeleteResult = Result<'DELETE /mcp-integrations/{mcpIntegrationId}'>;

const mcpIntegrations = {
  /** The organisation's MCP integrations: await for one page, `for await` for all (`current_page` counts from 0). */
  list: paged('GET /mcp-integrations', zeroBased),
  /** Register an MCP server endpoint for the organisation or one workspace; answers its id and slug. */
  create: 'POST /mcp-integrations',
  /** One MCP integration, by UUID or slug. */
  retrieve: 'GET /mcp-integrations/{mcpIntegrationId}',
  /** Change an MCP integration's name, endpoint, transport, authentication or configuration. */
  update: 'PUT /mcp-integrations/{mcpIntegrationId}',
  /** Delete an MCP integration (the MCP servers built on it stop working). */
  delete: 'DELETE /mcp-integrations/{mcpIntegrationId}',
} as const;

export const McpIntegrations = resource('mcpIntegrations', mcpIntegrations, {
  /** Which workspaces may use an MCP integration. */
  workspaces: McpIntegrationWorkspaces,
  /** Which of an MCP integration's tools, prompts and resources the organisation allows. */
  capabilities: McpIntegrationCapabilities,
  /** What the MCP server reported about itself at the last sync. */
  metadata: McpIntegrationMetadataResource,
});
export type McpIntegrations = InstanceType<typeof McpIntegrations>;
