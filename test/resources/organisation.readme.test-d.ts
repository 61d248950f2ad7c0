// The README section of organisation and access (docs/readme/organisation.md), as a type test: its example
// must compile. Keep the two in step. Its audit-logs part relies on a departure of our spec (no
// `organisation_id`), so it lives in organisation.departures.test-d.ts.
import { describe, expectTypeOf, it } from 'vitest';
import { ConflictError, PortkeyAdmin } from '../../src/index';

export async function readmeOrganisation(): Promise<void> {
  const portkey = new PortkeyAdmin({ apiKey: process.env.PORTKEY_API_KEY });

  // Workspaces: ids or slugs wherever a workspaceId is asked for
  const workspace = await portkey.workspaces.create({
    name: 'Data Science',
    defaults: { metadata: { team: 'data-science' } },
    usage_limits: [{ type: 'cost', credit_limit: 1000, alert_threshold: 800, periodic_reset: 'monthly' }],
  });
  for await (const ws of portkey.workspaces.list({ status: 'active' })) console.log(ws.slug, ws.name);
  const detail = await portkey.workspaces.retrieve('ws-data-science');
  console.log(detail.users?.map((member) => member.email)); // retrieve answers the members too
  await portkey.workspaces.update('ws-data-science', { defaults: { input_guardrails: ['pii-redaction'] } });
  try {
    await portkey.workspaces.delete(workspace.slug!);
  } catch (error) {
    // a workspace that still has keys, configs, prompts… : 409 with Portkey's code AB07
    if (error instanceof ConflictError && error.code === 'AB07') console.log('not empty yet');
    else throw error;
  }

  // Members of a workspace
  await portkey.workspaces.members.create('ws-data-science', {
    users: [{ id: 'a3f5c8e1-2b4d-4f6a-8c9e-0d1b2a3c4e5f', role: 'manager' }],
  });
  for await (const member of portkey.workspaces.members.list('ws-data-science', { role: 'member' })) {
    console.log(member.email, member.role, member.org_role);
  }
  await portkey.workspaces.members.update('ws-data-science', 'a3f5c8e1-2b4d-4f6a-8c9e-0d1b2a3c4e5f', { role: 'admin' });
  await portkey.workspaces.members.delete('ws-data-science', 'a3f5c8e1-2b4d-4f6a-8c9e-0d1b2a3c4e5f');

  // SCIM: an identity-provider group grants a role in a workspace
  const mapping = await portkey.scim.workspaces.create({
    scim_group_name: 'Data Science', // or scim_group_id of an existing group
    workspace_id: 'ws-data-science',
    role: 'member',
  });
  for await (const m of portkey.scim.workspaces.list({ workspace_id: 'ws-data-science' })) console.log(m.scim_group);
  await portkey.scim.workspaces.delete(mapping.id!);

  // Users and invites
  for await (const user of portkey.users.list({ role: 'admin' })) console.log(user.email);
  const jane = await portkey.users.retrieve('a3f5c8e1-2b4d-4f6a-8c9e-0d1b2a3c4e5f'); // with workspace_ids
  await portkey.users.update(jane.id!, { role: 'member' });
  const invite = await portkey.users.invites.create({
    email: 'maria.garcia@example.com',
    role: 'member',
    workspaces: [{ id: 'ws-data-science', role: 'member' }],
  });
  console.log(invite.invite_link);
  for await (const pending of portkey.users.invites.list({ status: 'pending' })) console.log(pending.email);
  await portkey.users.invites.resend(invite.id);
  await portkey.users.invites.delete(invite.id);

  // API keys: type 'organisation' | 'workspace', sub-type 'service' | 'user'
  const created = await portkey.apiKeys.create('workspace', 'service', {
    name: 'checkout-service',
    workspace_id: 'ws-data-science',
    scopes: ['completions.write'],
    rotation_policy: { rotation_period: 'monthly', key_transition_period_ms: 86_400_000 },
  });
  // created.key is the secret: Portkey shows it here and in rotate's answer, nowhere else
  const rotated = await portkey.apiKeys.rotate(created.id!, { key_transition_period_ms: 3_600_000 });
  console.log('old secret valid until', rotated.key_transition_expires_at);
  await portkey.apiKeys.update(created.id!, { rate_limits: [{ type: 'requests', unit: 'rpm', value: 1200 }] });
  for await (const key of portkey.apiKeys.list({ workspace_id: 'ws-data-science' })) console.log(key.name, key.status);
  // Audit logs: in organisation.departures.test-d.ts (readmeOrganisationAuditLogs), as it relies on a departure.
}

describe('README: organisation and access', () => {
  it('the example compiles', () => {
    expectTypeOf(readmeOrganisation).returns.resolves.toBeVoid();
  });
});
