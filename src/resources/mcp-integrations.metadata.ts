// MCP Integrations > Metadata: what an MCP server reported about itself at the last sync.
import { resource } from '../core/resource';
import type { Result } from '../core/types';

/** The server's name, version, protocol and capability flags, and the state of the last sync. */
export type McpIntegrationMetadata = Result<'GET /mcp-integrations/{mcpIntegrationId}/metadata'>;

const metadata = {
  /** The MCP server's own description and the state of Portkey's last sync with it. */
  retrieve: 'GET /mcp-integrations/{mcpIntegrationId}/metadata',
} as const;

export const McpIntegrationMetadataResource = resource('mcpIntegrations.metadata', metadata);
export type McpIntegrationMetadataResource = InstanceType<typeof McpIntegrationMetadataResource>;
