// Logs > Exports: a lifecycle. create (a draft) → start → poll retrieve until it ends → download (a signed
// URL). `run` does the whole of it. An export names its workspace by slug (a UUID matches no logs) and
// holds at most 50,000 logs.
import { brandError, PortkeyError } from '../core/errors';
import { type ItemOf, wholeData } from '../core/pagination';
import { paged, resource, send } from '../core/resource';
import { checkSignal, onAbort, sleep } from '../core/signals';
import type { RequestOptions } from '../core/transport';
import type { Body, Query, Result } from '../core/types';

export type LogExportListQuery = Query<'GET /logs/exports'>;
export type LogExportList = Result<'GET /logs/exports'>;
/** A log export: its filters, the fields it writes, and where it stands (`status`). */
export type LogExport = Result<'GET /logs/exports/{exportId}'>;
/** Where an export stands: `draft`, `in_progress`, then `success`, `failed` or `stopped`. */
export type LogExportStatus = LogExport['status'];
export type LogExportCreateParams = Body<'POST /logs/exports'>;
export type LogExportUpdateParams = Body<'PUT /logs/exports/{exportId}'>;
/** What creating or updating an export answers: its ID and how many logs it will hold. */
export type LogExportWriteResult = Result<'POST /logs/exports'>;
/** What starting or cancelling an export answers. */
export type LogExportTaskResult = Result<'POST /logs/exports/{exportId}/start'>;
/** The signed URL of a finished export's file. */
export type LogExportDownload = Result<'GET /logs/exports/{exportId}/download'>;

/** Options of `logs.exports.run`: those of every call it makes, and how it waits. */
export interface LogExportRunOptions extends RequestOptions {
  /** Milliseconds the whole run may take, polls included (10 minutes when omitted); then it cancels the export. */
  timeLimit?: number | undefined;
  /** Milliseconds before the first poll (1,000 when omitted); each wait is 1.5 times the one before. */
  pollInterval?: number | undefined;
  /** The longest wait between polls, in ms (15,000 when omitted). */
  maxPollInterval?: number | undefined;
  /** Called with the export each time it is polled. */
  onPoll?: ((current: LogExport) => void) | undefined;
}

/** What `logs.exports.run` resolves with: the finished export and the signed URL of its file. */
export interface LogExportRun {
  export: LogExport;
  url: string;
}

/** A run of `logs.exports.run` that ended without a file: the export failed, was stopped, or ran out of time. */
export class LogExportError extends PortkeyError {
  static {
    brandError(this, 'LogExportError');
  }
  /** The export's ID (undefined when the time limit came before the export was created). */
  declare readonly exportId: string | undefined;
  /** The export's own status when the run ended (`failed`, `stopped`, or where it stood at the time limit). */
  declare readonly exportStatus: LogExportStatus | undefined;
  /** The export as last polled, when it was polled at all. */
  declare readonly export: LogExport | undefined;

  constructor(message: string, exportId: string | undefined, last: LogExport | undefined) {
    super(message);
    Object.assign(this, { exportId, exportStatus: last?.status, export: last });
  }
}

const logExports = {
  /** The organisation's (or one workspace's) log exports; the whole list in one answer. */
  list: paged('GET /logs/exports', wholeData),
  /** Save an export as a draft: the logs (`filters`) and the fields of each (`requested_data`). */
  create: 'POST /logs/exports',
  /** One export, with its filters and status. */
  retrieve: 'GET /logs/exports/{exportId}',
  /** Change a draft export's filters or fields. */
  update: 'PUT /logs/exports/{exportId}',
  /** Queue a draft export; it moves to `in_progress`, then `success` or `failed`. */
  start: 'POST /logs/exports/{exportId}/start',
  /** Stop a running export; it ends as `stopped`. */
  cancel: 'POST /logs/exports/{exportId}/cancel',
  /** The signed URL of a finished export's file. */
  download: 'GET /logs/exports/{exportId}/download',
} as const;

const ENDED_BADLY: readonly (string | undefined)[] = ['failed', 'stopped'];

export class LogExports extends resource('logs.exports', logExports) {
  /**
   * Create an export, start it, poll it with backoff until it ends, and resolve with it and the URL of its
   * file. Rejects with a LogExportError (carrying `exportStatus`) when it fails, is stopped or runs out of
   * `timeLimit`; the caller's `signal` rejects it with an APIUserAbortError. Either way a started export is
   * cancelled on the server.
   */
  async run(body: LogExportCreateParams, options?: LogExportRunOptions): Promise<LogExportRun> {
    const label = 'logs.exports.run';
    const { timeLimit, pollInterval, maxPollInterval, onPoll, signal: given, ...perCall } = options ?? {};
    const signal = checkSignal(given, label);
    const limit = positive(label, 'timeLimit', timeLimit, 600_000);
    let wait = positive(label, 'pollInterval', pollInterval, 1_000);
    const longest = positive(label, 'maxPollInterval', maxPollInterval, 15_000);
    if (onPoll !== undefined && typeof onPoll !== 'function') {
      throw new PortkeyError(`${label}: \`onPoll\` must be a function.`);
    }
    // One signal for every call and wait of the run: the caller's, or the end of the time limit. The caller's
    // reason is passed on: it becomes the APIUserAbortError's cause.
    const run = new AbortController();
    if (signal?.aborted) run.abort(signal.reason);
    const unlisten = signal && onAbort(signal, () => run.abort(signal.reason));
    let outOfTime = false;
    const timer = setTimeout(
      () => {
        outOfTime = true;
        run.abort();
      },
      Math.min(limit, 2 ** 31 - 1),
    );
    const opts = { ...perCall, signal: run.signal };
    let id: string | undefined;
    let last: LogExport | undefined;
    try {
      // Answers are checked where the run reads them: a 204 or an empty 200 is undefined.
      id = (await send(this, label, 'POST /logs/exports', [body, opts]))?.id;
      if (!id) throw new PortkeyError(`${label}: the create answer has no id.`);
      await send(this, label, 'POST /logs/exports/{exportId}/start', [id, opts]);
      for (;;) {
        last = await send(this, label, 'GET /logs/exports/{exportId}', [id, opts]);
        if (!last) throw new PortkeyError(`${label}: the poll of export ${id} answered no export.`);
        onPoll?.(last);
        if (last.status === 'success') break;
        if (ENDED_BADLY.includes(last.status)) {
          throw new LogExportError(`${label}: export ${id} ended as \`${last.status}\`.`, id, last);
        }
        await sleep(wait, run.signal);
        wait = Math.min(wait * 1.5, longest);
      }
      const url = (await send(this, label, 'GET /logs/exports/{exportId}/download', [id, opts]))?.signed_url;
      if (!url) throw new PortkeyError(`${label}: the download answer for export ${id} has no signed_url.`);
      return { export: last, url };
    } catch (error) {
      if (!run.signal.aborted) throw error;
      // Aborted or out of time: stop the export on the server too (best effort, without the spent signal).
      if (id !== undefined) {
        await send(this, label, 'POST /logs/exports/{exportId}/cancel', [id, perCall]).catch(() => {});
      }
      if (outOfTime && !signal?.aborted) {
        const where = last ? `; it was \`${last.status}\`` : '';
        const what = id === undefined ? 'the export was not created' : `export ${id} did not end`;
        throw new LogExportError(
          `${label}: ${what} within ${limit} ms${where}${id === undefined ? '' : ', and was cancelled'}.`,
          id,
          last,
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
      unlisten?.();
    }
  }
}

/** A positive, finite number of milliseconds, or the default when not given. */
function positive(label: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new PortkeyError(`${label}: \`${name}\` must be a positive number of milliseconds.`);
  }
  return value;
}

/** An export as lists show it. */
export type LogExportSummary = ItemOf<LogExportList, typeof wholeData>;
