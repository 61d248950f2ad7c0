// Logs: custom logs (requests made outside the gateway) and single request logs, both served by the
// gateway (`gatewayUrl`), and log exports (control plane).
import { APIPromise } from '../core/api-promise';
import { PortkeyError } from '../core/errors';
import { rejected, resource } from '../core/resource';
import { Transport, type RequestOptions } from '../core/transport';
import type { Body, Result } from '../core/types';
import { LogExports } from './logs.exports';

/** A request made outside the gateway and its response, as `logs.create` takes it (one, or an array). */
export type CustomLog = Exclude<Body<'POST /logs'>, readonly unknown[]>;
export type LogCreateParams = Body<'POST /logs'>;
export type LogCreateResult = Result<'POST /logs'>;
/** One request log: the request, the response and the metrics Portkey recorded. */
export type Log = Result<'GET /logs/{logId}'>;

const logs = {
  /** One request log, with its metrics (from the gateway). */
  retrieve: 'GET /logs/{logId}',
} as const;

export class Logs extends resource('logs', logs, {
  /** Log exports: create → start → poll → download, or all of it with `run`. */
  exports: LogExports,
}) {
  /** Record one custom log, or an array of them (sent to the gateway). */
  create(body: LogCreateParams, options?: RequestOptions): APIPromise<LogCreateResult> {
    const label = 'logs.create';
    // The core refuses an array body (no other operation takes one); this one takes a log or an array of logs.
    const list: unknown[] = Array.isArray(body) ? body : [body];
    const bad = list.findIndex(
      (log) =>
        !log ||
        typeof log !== 'object' ||
        Array.isArray(log) ||
        ['request', 'response'].some((key) => !(log as any)[key] || typeof (log as any)[key] !== 'object'),
    );
    if (!list.length || bad >= 0) {
      const which = Array.isArray(body) ? (list.length ? ` (log ${bad} of the array)` : ' (the array is empty)') : '';
      return rejected(
        new PortkeyError(`${label} needs a non-empty object body: a log with \`request\` and \`response\`${which}.`),
      );
    }
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      return rejected(new PortkeyError(`${label}: the options must be an object.`));
    }
    return new APIPromise(transportOf(this).request('POST', '/logs', { ...options, label, body }));
  }
}

/**
 * The transport a resource was made with. resource() keeps it under a symbol it does not export; sending
 * an array body needs the transport itself (see create), so it is found among the instance's own symbols.
 */
function transportOf(self: object): Transport {
  for (const key of Object.getOwnPropertySymbols(self)) {
    const value = (self as any)[key];
    if (value instanceof Transport) return value;
  }
  throw new PortkeyError('logs: this resource was made without a transport.');
}
