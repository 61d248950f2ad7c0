// logs.exports.run against a local server that walks an export through its states: every end state
// (success, failed, stopped), backoff between polls, the caller's abort (the export is then cancelled on
// the server), the overall time limit, and a server error on the way.
import { describe, expect, it, vi } from 'vitest';
import { APIUserAbortError, InternalServerError, LogExportError, PortkeyError } from '../../src/index';
import { clientFor, closeServersAfterEach, hang, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

const ID = '9b4e2c71-5d3a-4f18-8e6b-2a7c0d9f1e35';
const body = {
  workspace_id: 'ws-data-science',
  filters: { time_of_generation_min: '2026-03-01T00:00:00Z', time_of_generation_max: '2026-03-08T00:00:00Z' },
  requested_data: ['id', 'cost'] as ('id' | 'cost')[],
};
const SIGNED = 'https://portkey-exports.s3.amazonaws.com/9b4e2c71.jsonl?X-Amz-Signature=5f0c2e';

/** A server whose export answers the statuses in turn on each poll (the last one from then on). */
async function exportServer(
  statuses: string[],
  options: { hangOnPoll?: number; failStart?: boolean; empty?: 'create' | 'poll' | 'download' } = {},
) {
  let polls = 0;
  const pollTimes: number[] = [];
  const s = await server((req, res) => {
    const route = `${req.method} ${req.url}`;
    const step = { 'POST /logs/exports': 'create', [`GET /logs/exports/${ID}`]: 'poll' }[route];
    // An answer without a body: a 204 for the create, a bare 200 for the others.
    if (options.empty && options.empty === (step ?? (route.endsWith('/download') ? 'download' : undefined))) {
      return void res.writeHead(options.empty === 'create' ? 204 : 200).end();
    }
    if (route === 'POST /logs/exports') return json(res, 200, { id: ID, total: 1200, object: 'export' });
    if (route === `POST /logs/exports/${ID}/start`) {
      if (options.failStart) return json(res, 500, { error: { type: 'api_error', message: 'queue unavailable' } });
      return json(res, 200, { message: 'Export started', object: 'export' });
    }
    if (route === `POST /logs/exports/${ID}/cancel`)
      return json(res, 200, { message: 'Export cancelled', object: 'export' });
    if (route === `GET /logs/exports/${ID}/download`) return json(res, 200, { signed_url: SIGNED });
    if (route === `GET /logs/exports/${ID}`) {
      pollTimes.push(performance.now());
      if (options.hangOnPoll === polls++) return hang();
      const status = statuses[Math.min(polls - 1, statuses.length - 1)];
      return json(res, 200, {
        id: ID,
        status,
        filters: body.filters,
        requested_data: body.requested_data,
        object: 'export',
      });
    }
    return json(res, 404, { error: { type: 'not_found_error', message: route } });
  });
  const routes = () => s.requests.map((r) => `${r.method} ${r.url.replace(ID, 'ID')}`);
  return { ...s, routes, pollTimes };
}

const fast = { pollInterval: 5, maxPollInterval: 10 };

describe('logs.exports.run', () => {
  it('creates, starts, polls until success and resolves with the export and its URL', async () => {
    const s = await exportServer(['draft', 'in_progress', 'in_progress', 'success']);
    const seen: string[] = [];
    const result = await clientFor(s.url).logs.exports.run(body, {
      ...fast,
      onPoll: (e) => seen.push(e.status),
      headers: { 'x-trace': 'export-run' },
    });
    expect(result.url).toBe(SIGNED);
    expect(result.export.status).toBe('success');
    expect(result.export.id).toBe(ID);
    expect(seen).toEqual(['draft', 'in_progress', 'in_progress', 'success']);
    expect(s.routes()).toEqual([
      'POST /logs/exports',
      'POST /logs/exports/ID/start',
      ...Array(4).fill('GET /logs/exports/ID'),
      'GET /logs/exports/ID/download',
    ]);
    expect(JSON.parse(s.requests[0]!.body)).toEqual(body);
    for (const r of s.requests) expect(r.headers['x-trace']).toBe('export-run');
  });

  it('waits longer between polls each time, up to maxPollInterval', async () => {
    const s = await exportServer([
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'success',
    ]);
    const delays: number[] = [];
    const setTimer = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return setTimer(fn, ms);
    }) as typeof setTimeout);
    try {
      await clientFor(s.url).logs.exports.run(body, { pollInterval: 30, maxPollInterval: 45 });
    } finally {
      spy.mockRestore();
    }
    // The waits the run asked for (the client's 2 s attempt timeouts and the run's time limit are longer).
    expect(delays.filter((ms) => ms < 1_000)).toEqual([30, 45, 45, 45, 45]);
    const gaps = s.pollTimes.slice(1).map((t, i) => t - s.pollTimes[i]!);
    // Waits of 30, 45 (30 × 1.5), then 45 each, the cap; timers never fire early, so these are lower bounds.
    expect(gaps).toHaveLength(5);
    expect(gaps[0]).toBeGreaterThanOrEqual(28);
    for (const gap of gaps.slice(1)) expect(gap).toBeGreaterThanOrEqual(43);
  });

  it.each(['failed', 'stopped'])(
    'rejects with a LogExportError carrying the status when the export ends %s',
    async (end) => {
      const s = await exportServer(['in_progress', end]);
      const error = await rejection(clientFor(s.url).logs.exports.run(body, fast));
      expect(error).toBeInstanceOf(LogExportError);
      expect(error).toBeInstanceOf(PortkeyError);
      expect(error.exportStatus).toBe(end);
      expect(error.exportId).toBe(ID);
      expect(error.export.status).toBe(end);
      expect(error.message).toMatch(new RegExp(`logs\\.exports\\.run: export ${ID} ended as \`${end}\``));
      // Nothing to download, and nothing to cancel: the export has ended.
      expect(s.routes().filter((r) => /download|cancel/.test(r))).toEqual([]);
    },
  );

  it('the caller’s abort while waiting between polls rejects it and cancels the export on the server', async () => {
    const s = await exportServer(['in_progress']);
    const controller = new AbortController();
    let polls = 0;
    const error = await rejection(
      clientFor(s.url).logs.exports.run(body, {
        pollInterval: 100,
        signal: controller.signal,
        onPoll: () => ++polls === 2 && setTimeout(() => controller.abort(), 20),
        maxPollInterval: 10_000,
      }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(s.routes().at(-1)).toBe('POST /logs/exports/ID/cancel');
    expect(s.routes().filter((r) => r.endsWith('/download'))).toEqual([]);
  });

  it('the caller’s abort during a poll in flight cancels the export too', async () => {
    const s = await exportServer(['in_progress'], { hangOnPoll: 1 });
    const controller = new AbortController();
    const run = clientFor(s.url, { timeout: 5_000 }).logs.exports.run(body, { ...fast, signal: controller.signal });
    const until = Date.now() + 2_000;
    while (s.pollTimes.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await rejection(run)).toBeInstanceOf(APIUserAbortError);
    expect(s.routes().at(-1)).toBe('POST /logs/exports/ID/cancel');
  });

  it('a signal aborted beforehand sends nothing', async () => {
    const s = await exportServer(['success']);
    const error = await rejection(clientFor(s.url).logs.exports.run(body, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(s.requests).toEqual([]);
  });

  it('the caller’s reason is the cause of the APIUserAbortError, aborted beforehand or on the way', async () => {
    const s = await exportServer(['in_progress']);
    const early = new Error('user left the page');
    const before = await rejection(clientFor(s.url).logs.exports.run(body, { signal: AbortSignal.abort(early) }));
    expect(before).toBeInstanceOf(APIUserAbortError);
    expect(before.cause).toBe(early);
    const late = new Error('shutting down');
    const controller = new AbortController();
    const during = await rejection(
      clientFor(s.url).logs.exports.run(body, {
        ...fast,
        signal: controller.signal,
        onPoll: () => controller.abort(late),
      }),
    );
    expect(during).toBeInstanceOf(APIUserAbortError);
    expect(during.cause).toBe(late);
    expect(s.routes().at(-1)).toBe('POST /logs/exports/ID/cancel');
  });

  it('a `signal` that is no AbortSignal is refused as a PortkeyError, and nothing is sent', async () => {
    const s = await exportServer(['success']);
    for (const signal of [{}, { aborted: false, addEventListener() {} }]) {
      const error = await rejection(
        clientFor(s.url).logs.exports.run(body, { signal: signal as unknown as AbortSignal }),
      );
      expect(error).toBeInstanceOf(PortkeyError);
      expect(error.message).toBe('logs.exports.run: `signal` must be an AbortSignal.');
    }
    expect(s.requests).toEqual([]);
  });

  it.each([
    ['create', 'logs.exports.run: the create answer has no id.'],
    ['poll', `logs.exports.run: the poll of export ${ID} answered no export.`],
    ['download', `logs.exports.run: the download answer for export ${ID} has no signed_url.`],
  ] as const)('an empty %s answer rejects with a PortkeyError naming it', async (empty, message) => {
    const s = await exportServer(['success'], { empty });
    const error = await rejection(clientFor(s.url).logs.exports.run(body, fast));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.constructor).toBe(PortkeyError);
    expect(error.message).toBe(message);
  });

  it('past its time limit it cancels the export and rejects with the status it had', async () => {
    const s = await exportServer(['in_progress']);
    const started = performance.now();
    const error = await rejection(clientFor(s.url).logs.exports.run(body, { ...fast, timeLimit: 120 }));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(LogExportError);
    expect(error.exportStatus).toBe('in_progress');
    expect(error.message).toMatch(/did not end within 120 ms; it was `in_progress`, and was cancelled/);
    expect(s.routes().at(-1)).toBe('POST /logs/exports/ID/cancel');
  });

  it('a server error on the way rejects with it, and the run stops there', async () => {
    const s = await exportServer(['success'], { failStart: true });
    const error = await rejection(clientFor(s.url).logs.exports.run(body, fast));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toMatch(/queue unavailable/);
    expect(s.routes()).toEqual(['POST /logs/exports', 'POST /logs/exports/ID/start']);
  });
});
