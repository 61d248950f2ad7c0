// SCIM: which identity-provider groups grant which role in which workspace.
import { zeroBasedMappings } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type ScimWorkspaceMappingListQuery = Query<'GET /scim/workspaces'>;
export type ScimWorkspaceMappingListPage = Result<'GET /scim/workspaces'>;
/** An identity-provider group whose members get a role in a workspace. */
export type ScimWorkspaceMapping = Result<'POST /scim/workspaces'>;
export type ScimWorkspaceMappingCreateParams = Body<'POST /scim/workspaces'>;
export type ScimWorkspaceMappingDeleteResult = Result<'DELETE /scim/workspaces/{scimWorkspaceGroupId}'>;

const workspaces = {
  /** The SCIM group → workspace mappings: await for one page, `for await` for all (`page` counts from 0). */
  list: paged('GET /scim/workspaces', zeroBasedMappings),
  /** Map a SCIM group (by `scim_group_id`, or created from `scim_group_name`) to a workspace role. */
  create: 'POST /scim/workspaces',
  /** Remove a mapping; the group and the workspace stay. */
  delete: 'DELETE /scim/workspaces/{scimWorkspaceGroupId}',
} as const;

export const ScimWorkspaces = resource('scim.workspaces', workspaces);
export type ScimWorkspaces = InstanceType<typeof ScimWorkspaces>;

export const Scim = resource(
  'scim',
  {},
  {
    /** Which SCIM groups grant which role in which workspace. */
    workspaces: ScimWorkspaces,
  },
);
export type Scim = InstanceType<typeof Scim>;
