// Type tests of what our spec states differently from Portkey's (docs/readme/organisation.departures.yaml),
// and of Dates for its date-time query parameters. Apart from organisation.test-d.ts on purpose: against
// types generated from Portkey's own spec (npm run check:full-spec) these cannot hold, and this is the one
// file to leave out there.
import { describe, expectTypeOf, it } from 'vitest';
import type { AuditLogRecord, PortkeyAdmin, ScimWorkspaceMapping } from '../../src/index';

declare const portkey: PortkeyAdmin;

/** The audit-logs part of the README section (docs/readme/organisation.md): it must compile. */
export async function readmeOrganisationAuditLogs(): Promise<void> {
  // Audit logs: the time window is required (ISO 8601 strings or Dates)
  const lastWeek = { start_time: new Date(Date.now() - 7 * 86_400_000), end_time: new Date() };
  for await (const record of portkey.auditLogs.list({ ...lastWeek, method: 'DELETE' })) {
    console.log(record.timestamp, record.user_id, record.method, record.uri);
  }
}

describe('organisation departures, typed', () => {
  it('the README audit-logs example compiles', () => {
    expectTypeOf(readmeOrganisationAuditLogs).returns.resolves.toBeVoid();
  });

  it('auditLogs.list takes the window alone, as strings or Dates, and never organisation_id', async () => {
    for await (const r of portkey.auditLogs.list({ start_time: 'a', end_time: 'b' })) {
      expectTypeOf(r).toEqualTypeOf<AuditLogRecord>();
    }
    const page = await portkey.auditLogs.list({ start_time: new Date(), end_time: new Date(), page_size: 100 });
    expectTypeOf(page.records).toEqualTypeOf<AuditLogRecord[] | undefined>();
    // @ts-expect-error end_time is required
    portkey.auditLogs.list({ start_time: '2026-02-01T00:00:00Z' });
    // @ts-expect-error a timestamp number is not a time
    portkey.auditLogs.list({ start_time: 0, end_time: 'b' });
    // @ts-expect-error organisation_id is not sent (403 AB03)
    portkey.auditLogs.list({ start_time: 'a', end_time: 'b', organisation_id: 'o' });
  });

  it('scim.workspaces.list pages with integer page and page_size', async () => {
    for await (const m of portkey.scim.workspaces.list({ page: 0, page_size: 100 })) {
      expectTypeOf(m).toEqualTypeOf<ScimWorkspaceMapping>();
    }
    // @ts-expect-error the page is a number
    portkey.scim.workspaces.list({ page: 'next' });
  });
});
