// Users: the people in the organisation, their organisation role, and their invites.
import { camelCase } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';
import { UserInvites } from './users.invites';

export type UserListQuery = Query<'GET /admin/users'>;
export type UserListPage = Result<'GET /admin/users'>;
/** A user of the organisation (`workspace_ids` only when retrieved one by one). */
export type User = Result<'GET /admin/users/{userId}'>;
export type UserUpdateParams = Body<'PUT /admin/users/{userId}'>;

const users = {
  /** The organisation's users: await for one page, `for await` for all (camelCase `currentPage`, from 0). */
  list: paged('GET /admin/users', camelCase),
  /** One user, with the workspaces they belong to. */
  retrieve: 'GET /admin/users/{userId}',
  /** Change a user's organisation role. */
  update: 'PUT /admin/users/{userId}',
  /** Remove a user from the organisation and all its workspaces. */
  delete: 'DELETE /admin/users/{userId}',
} as const;

export const Users = resource('users', users, {
  /** Invitations to join the organisation. */
  invites: UserInvites,
});
export type Users = InstanceType<typeof Users>;
