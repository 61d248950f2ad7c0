// Type tests of organisation and access: results typed from the spec, enums and required arguments enforced.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/portkey';
import type {
  APIPromise,
  ApiKey,
  ApiKeyCreateResult,
  ApiKeyRotateResult,
  ApiKeySubType,
  ApiKeyType,
  AuditLogRecord,
  Invite,
  PortkeyAdmin,
  ScimWorkspaceMapping,
  User,
  Workspace,
  WorkspaceMember,
  WorkspaceSummary,
} from '../../src/index';

declare const portkey: PortkeyAdmin;
type S = components['schemas'];

describe('organisation nouns are the spec’s schemas', () => {
  it('one type per entity, never any', () => {
    expectTypeOf<Workspace>().toEqualTypeOf<S['WorkspaceWithUsers']>();
    expectTypeOf<WorkspaceSummary>().toEqualTypeOf<S['Workspace']>();
    expectTypeOf<WorkspaceMember>().toEqualTypeOf<S['WorkspaceMember']>();
    expectTypeOf<ScimWorkspaceMapping>().toEqualTypeOf<S['ScimWorkspaceMapping']>();
    expectTypeOf<User>().toEqualTypeOf<S['User']>();
    expectTypeOf<Invite>().toEqualTypeOf<S['Invite']>();
    expectTypeOf<ApiKey>().toEqualTypeOf<S['ApiKeyObject']>();
    expectTypeOf<AuditLogRecord>().toEqualTypeOf<NonNullable<S['AuditLogObjectList']['records']>[number]>();
    expectTypeOf<ApiKey>().not.toBeAny();
    expectTypeOf<ApiKeyType>().toEqualTypeOf<'organisation' | 'workspace'>();
    expectTypeOf<ApiKeySubType>().toEqualTypeOf<'user' | 'service'>();
  });

  it('lists iterate items of their own style', async () => {
    for await (const w of portkey.workspaces.list()) expectTypeOf(w).toEqualTypeOf<WorkspaceSummary>();
    for await (const m of portkey.workspaces.members.list('ws')) expectTypeOf(m).toEqualTypeOf<WorkspaceMember>();
    for await (const m of portkey.scim.workspaces.list()) expectTypeOf(m).toEqualTypeOf<ScimWorkspaceMapping>();
    for await (const u of portkey.users.list()) expectTypeOf(u).toEqualTypeOf<User>();
    for await (const i of portkey.users.invites.list()) expectTypeOf(i).toEqualTypeOf<Invite>();
    for await (const k of portkey.apiKeys.list()) expectTypeOf(k).toEqualTypeOf<ApiKey>();
  });

  it('results of retrieve, create and rotate', () => {
    expectTypeOf(portkey.workspaces.retrieve('ws')).toEqualTypeOf<APIPromise<Workspace>>();
    expectTypeOf(portkey.users.retrieve('u')).toEqualTypeOf<APIPromise<User>>();
    expectTypeOf(portkey.apiKeys.create('workspace', 'service', { name: 'n', scopes: [] })).toEqualTypeOf<
      APIPromise<ApiKeyCreateResult>
    >();
    expectTypeOf<ApiKeyCreateResult['key']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(portkey.apiKeys.rotate('k')).toEqualTypeOf<APIPromise<ApiKeyRotateResult>>();
    expectTypeOf<ApiKeyRotateResult['key_transition_expires_at']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(portkey.users.invites.resend('i')).resolves.toEqualTypeOf<{ inviteLink?: string }>();
  });
});

describe('organisation arguments', () => {
  it('refuses values outside the spec’s enums', () => {
    // @ts-expect-error type is 'organisation' | 'workspace'
    portkey.apiKeys.create('team', 'service', { name: 'n', scopes: [] });
    // @ts-expect-error sub-type is 'user' | 'service'
    portkey.apiKeys.create('workspace', 'bot', { name: 'n', scopes: [] });
    // @ts-expect-error a workspace role is admin, manager or member
    portkey.workspaces.members.update('ws', 'u', { role: 'owner' });
    // @ts-expect-error an organisation role set by update is admin or member
    portkey.users.update('u', { role: 'owner' });
    // @ts-expect-error status is active or archived
    portkey.workspaces.list({ status: 'deleted' });
    // @ts-expect-error invite status is an enum
    portkey.users.invites.list({ status: 'sent' });
  });

  it('refuses a missing required argument', () => {
    // @ts-expect-error the window is required
    portkey.auditLogs.list();
    // @ts-expect-error the sub-type is required
    portkey.apiKeys.create('workspace');
    // @ts-expect-error the user id is required
    portkey.workspaces.members.retrieve('ws');
    // @ts-expect-error role and workspaces are required
    portkey.users.invites.create({ email: 'maria.garcia@example.com' });
    // @ts-expect-error workspace_id is required
    portkey.scim.workspaces.create({ role: 'member', scim_group_name: 'Data Science' });
    // @ts-expect-error users pages with camelCase keys
    portkey.users.list({ current_page: 1 });
  });
});
