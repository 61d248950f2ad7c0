// Users > Invites: invitations to join the organisation (and workspaces in it).
import { camelCase } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type InviteListQuery = Query<'GET /admin/users/invites'>;
export type InviteListPage = Result<'GET /admin/users/invites'>;
/** An invitation to join the organisation, with its status and expiry. */
export type Invite = Result<'GET /admin/users/invites/{inviteId}'>;
export type InviteCreateParams = Body<'POST /admin/users/invites'>;
export type InviteCreateResult = Result<'POST /admin/users/invites'>;
export type InviteResendResult = Result<'POST /admin/users/invites/{inviteId}/resend'>;

const invites = {
  /** The organisation's invites: await for one page, `for await` for all (camelCase `currentPage`, from 0). */
  list: paged('GET /admin/users/invites', camelCase),
  /** Invite someone by email, with an organisation role and the workspaces they join; answers the link. */
  create: 'POST /admin/users/invites',
  /** One invite, with its status and expiry. */
  retrieve: 'GET /admin/users/invites/{inviteId}',
  /** Withdraw an invite; its link stops working. */
  delete: 'DELETE /admin/users/invites/{inviteId}',
  /** Email an invite again; answers its link. */
  resend: 'POST /admin/users/invites/{inviteId}/resend',
} as const;

export const UserInvites = resource('users.invites', invites);
export type UserInvites = InstanceType<typeof UserInvites>;
