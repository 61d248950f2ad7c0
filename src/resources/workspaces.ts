// Workspaces: the organisation's workspaces, their defaults and limits, and their members.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';
import { WorkspaceMembers } from './workspaces.members';

export type WorkspaceListQuery = Query<'GET /admin/workspaces'>;
export type WorkspaceListPage = Result<'GET /admin/workspaces'>;
/** A workspace as lists and `create` show it: without its members. */
export type WorkspaceSummary = ItemOf<WorkspaceListPage, typeof zeroBased>;
/** One workspace, with its defaults, limits and members. */
export type Workspace = Result<'GET /admin/workspaces/{workspaceId}'>;
export type WorkspaceCreateParams = Body<'POST /admin/workspaces'>;
export type WorkspaceCreateResult = Result<'POST /admin/workspaces'>;
export type WorkspaceUpdateParams = Body<'PUT /admin/workspaces/{workspaceId}'>;

const workspaces = {
  /** The organisation's workspaces: await for one page, `for await` for all (`current_page` counts from 0). */
  list: paged('GET /admin/workspaces', zeroBased),
  /** Create a workspace, with default metadata, first members and limits; answers the new workspace. */
  create: 'POST /admin/workspaces',
  /** One workspace by id or slug, with its members. */
  retrieve: 'GET /admin/workspaces/{workspaceId}',
  /** Change a workspace's name, description, defaults or limits. */
  update: 'PUT /admin/workspaces/{workspaceId}',
  /**
   * Delete a workspace. One that still has dependents is refused with a `ConflictError` (409) whose
   * `code` is `'AB07'`.
   */
  delete: 'DELETE /admin/workspaces/{workspaceId}',
} as const;

export const Workspaces = resource('workspaces', workspaces, {
  /** Who belongs to a workspace, and with which role. */
  members: WorkspaceMembers,
});
export type Workspaces = InstanceType<typeof Workspaces>;
