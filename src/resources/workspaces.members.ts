// Workspaces > Members: who belongs to a workspace, and with which role there.
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type WorkspaceMemberListQuery = Query<'GET /admin/workspaces/{workspaceId}/users'>;
export type WorkspaceMemberListPage = Result<'GET /admin/workspaces/{workspaceId}/users'>;
/** A user as a member of one workspace: their workspace role, organisation role and scopes there. */
export type WorkspaceMember = Result<'GET /admin/workspaces/{workspaceId}/users/{userId}'>;
export type WorkspaceMemberCreateParams = Body<'POST /admin/workspaces/{workspaceId}/users'>;
export type WorkspaceMemberUpdateParams = Body<'PUT /admin/workspaces/{workspaceId}/users/{userId}'>;

const members = {
  /** The members of a workspace, with their roles: await for one page, `for await` for all. */
  list: paged('GET /admin/workspaces/{workspaceId}/users', zeroBased),
  /** Add organisation users to a workspace, each with a workspace role. */
  create: 'POST /admin/workspaces/{workspaceId}/users',
  /** One member of a workspace, with their role and scopes there. */
  retrieve: 'GET /admin/workspaces/{workspaceId}/users/{userId}',
  /** Give a member another role in the workspace. */
  update: 'PUT /admin/workspaces/{workspaceId}/users/{userId}',
  /** Take a user out of a workspace (they stay in the organisation). */
  delete: 'DELETE /admin/workspaces/{workspaceId}/users/{userId}',
} as const;

export const WorkspaceMembers = resource('workspaces.members', members);
export type WorkspaceMembers = InstanceType<typeof WorkspaceMembers>;
