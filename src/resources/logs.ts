// Logs: custom logs (requests made outside the gateway) and single request logs, both served by the
// gateway (`gatewayUrl`), and log exports (control plane).
import { resource } from '../core/resource';
import type { Body, Result } from '../core/types';
import { LogExports } from './logs.exports';

/** A request made outside the gateway and its response, as `logs.create` takes it (one, or an array). */
export type CustomLog = Exclude<Body<'POST /logs'>, readonly unknown[]>;
export type LogCreateParams = Body<'POST /logs'>;
export type LogCreateResult = Result<'POST /logs'>;
/** One request log: the request, the response and the metrics Portkey recorded. */
export type Log = Result<'GET /logs/{logId}'>;

const logs = {
  /** Record one custom log, or an array of them (sent to the gateway). */
  create: 'POST /logs',
  /** One request log, with its metrics (from the gateway). */
  retrieve: 'GET /logs/{logId}',
} as const;

export const Logs = resource('logs', logs, {
  /** Log exports: create → start → poll → download, or all of it with `run`. */
  exports: LogExports,
});
export type Logs = InstanceType<typeof Logs>;
