// Audit logs: who changed what through the admin API, within a time window.
import type { ItemOf } from '../core/pagination';
import { zeroBasedRecords } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Query, Result } from '../core/types';

/** The window (`start_time`, `end_time`, ISO 8601) is required; `organisation_id` is not sent (403 AB03). */
export type AuditLogListQuery = Query<'GET /audit-logs'>;
export type AuditLogListPage = Result<'GET /audit-logs'>;
/** One change made through the admin API: the request, who made it, and the answer's status. */
export type AuditLogRecord = ItemOf<AuditLogListPage, typeof zeroBasedRecords>;

const auditLogs = {
  /** Audit records of a time window: await for one page, `for await` for all (items under `records`). */
  list: paged('GET /audit-logs', zeroBasedRecords),
} as const;

export const AuditLogs = resource('auditLogs', auditLogs);
export type AuditLogs = InstanceType<typeof AuditLogs>;
