// Integrations > Workspaces: which workspaces may use an integration, with usage and rate limits.
import { wholeWorkspaces } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Result } from '../core/types';

export type IntegrationWorkspaceList = Result<'GET /integrations/{slug}/workspaces'>;
export type IntegrationWorkspacesUpdateParams = Body<'PUT /integrations/{slug}/workspaces'>;
export type IntegrationWorkspacesUpdateResult = Result<'PUT /integrations/{slug}/workspaces'>;

const workspaces = {
  /** The workspaces an integration is shared with, and their limits (the whole list in one answer). */
  list: paged('GET /integrations/{slug}/workspaces', wholeWorkspaces),
  /** Grant or revoke workspaces in bulk, and global workspace access. */
  update: 'PUT /integrations/{slug}/workspaces',
} as const;

export const IntegrationWorkspaces = resource('integrations.workspaces', workspaces);
export type IntegrationWorkspaces = InstanceType<typeof IntegrationWorkspaces>;
