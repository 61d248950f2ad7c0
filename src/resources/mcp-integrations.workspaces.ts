// MCP Integrations > Workspaces: which workspaces may use an MCP integration.
import type { ItemOf, PagePromise } from '../core/pagination';
import { wholeWorkspaces } from '../core/pagination';
import { paged, resource, type ResourceClass } from '../core/resource';
import type { Body, CallArgs, Query, Result } from '../core/types';

export type McpIntegrationWorkspaceListQuery = Query<'GET /mcp-integrations/{mcpIntegrationId}/workspaces'>;
/**
 * What `mcpIntegrations.workspaces.list` answers: one of two shapes, without a field that says which.
 * Without `version` the workspaces are under `workspaces`; with `version`, under `data` with a `total`.
 * Narrow it with {@link isMcpIntegrationWorkspacePage}; `for await` yields the workspaces of either.
 */
export type McpIntegrationWorkspaceList = Result<'GET /mcp-integrations/{mcpIntegrationId}/workspaces'>;
/** The answer with `version` sent: `{ data, total, global_workspace_access }`. */
export type McpIntegrationWorkspacePage = Extract<McpIntegrationWorkspaceList, { data: unknown }>;
/** The answer without `version`: `{ workspaces, global_workspace_access }`. */
export type McpIntegrationWorkspaceLegacyList = Exclude<McpIntegrationWorkspaceList, McpIntegrationWorkspacePage>;
/** One workspace's access to an MCP integration. */
export type McpIntegrationWorkspace =
  | ItemOf<McpIntegrationWorkspacePage, { items: 'data' }>
  | ItemOf<McpIntegrationWorkspaceLegacyList, typeof wholeWorkspaces>;
export type McpIntegrationWorkspacesUpdateParams = Body<'PUT /mcp-integrations/{mcpIntegrationId}/workspaces'>;
export type McpIntegrationWorkspacesUpdateResult = Result<'PUT /mcp-integrations/{mcpIntegrationId}/workspaces'>;

/**
 * Whether a `mcpIntegrations.workspaces.list` answer is the `{ data, total }` shape (asked for with
 * `version`) rather than the `{ workspaces }` one. The two carry no discriminator; this looks at which
 * list is there.
 *
 * @example
 * const answer = await portkey.mcpIntegrations.workspaces.list('github-mcp');
 * const workspaces = isMcpIntegrationWorkspacePage(answer) ? answer.data : answer.workspaces;
 */
export function isMcpIntegrationWorkspacePage(
  answer: McpIntegrationWorkspaceList,
): answer is McpIntegrationWorkspacePage {
  return Array.isArray((answer as { data?: unknown } | null)?.data);
}

const workspaces = {
  /** The workspaces an MCP integration is shared with (the whole list in one answer, in either shape). */
  list: paged('GET /mcp-integrations/{mcpIntegrationId}/workspaces', wholeWorkspaces),
  /** Grant or revoke workspaces in bulk, or every workspace through `global_workspace_access`. */
  update: 'PUT /mcp-integrations/{mcpIntegrationId}/workspaces',
} as const;

const Base = resource('mcpIntegrations.workspaces', workspaces);
// The core's ItemOf reads one answer type; on this union it finds `unknown`. The method is the table's,
// unchanged at run time (the walker falls back to `data`); only its item type is stated here.
type Listing = (
  ...args: CallArgs<'GET /mcp-integrations/{mcpIntegrationId}/workspaces'>
) => PagePromise<McpIntegrationWorkspaceList, McpIntegrationWorkspace>;
export const McpIntegrationWorkspaces = Base as ResourceClass<
  Omit<InstanceType<typeof Base>, 'list'> & { list: Listing }
>;
export type McpIntegrationWorkspaces = InstanceType<typeof McpIntegrationWorkspaces>;
