// Retries: which statuses and methods are repeated, how long the client waits (the server's
// retry-after-ms / Retry-After, else backoff with jitter), and per-call maxRetries.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryDelayMs, shouldRetryStatus } from '../../src/core/retry';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
  type APIError,
} from '../../src/index';
import { call, clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();
afterEach(() => {
  vi.restoreAllMocks();
});

/** A server that answers `failures` (status, headers) in turn, then 200, noting when each request came. */
async function flaky(failures: { status: number; headers?: Record<string, string> }[]) {
  const times: number[] = [];
  const s = await server((_req, res, i) => {
    times.push(Date.now());
    const failure = failures[i];
    if (failure) json(res, failure.status, { error: { message: `attempt ${i}` } }, failure.headers);
    else json(res, 200, { slug: 'ok', attempt: i });
  });
  /** Milliseconds between request n-1 and request n. */
  const gap = (n: number) => times[n]! - times[n - 1]!;
  return Object.assign(s, { gap });
}

const now = { 'retry-after-ms': '0' };

describe('retryDelayMs', () => {
  const h = (headers: Record<string, string>) => new Headers(headers);

  it('honours retry-after-ms first, over Retry-After', () => {
    expect(retryDelayMs(0, h({ 'retry-after-ms': '25' }))).toBe(25);
    expect(retryDelayMs(3, h({ 'retry-after-ms': '10', 'retry-after': '30' }))).toBe(10);
    expect(retryDelayMs(0, h({ 'retry-after-ms': '0' }))).toBe(0);
  });

  it('then Retry-After in (fractional) seconds', () => {
    expect(retryDelayMs(0, h({ 'retry-after': '2' }))).toBe(2000);
    expect(retryDelayMs(0, h({ 'retry-after': '0.05' }))).toBe(50);
    expect(retryDelayMs(0, h({ 'retry-after': '0' }))).toBe(0);
    expect(retryDelayMs(0, h({ 'retry-after': '60' }))).toBe(60_000);
  });

  it('then Retry-After as an HTTP date', () => {
    const in30s = new Date(Date.now() + 30_000).toUTCString();
    const delay = retryDelayMs(0, h({ 'retry-after': in30s }));
    // HTTP dates have whole seconds: up to one second of the 30 is lost.
    expect(delay).toBeGreaterThan(28_500);
    expect(delay).toBeLessThanOrEqual(30_000);
    expect(retryDelayMs(0, h({ 'retry-after': new Date(Date.now() - 10_000).toUTCString() }))).toBe(0);
  });

  it('ignores what the server asks when it is over 60 s, negative or unreadable, and backs off instead', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const ignored: Record<string, string>[] = [
      { 'retry-after': '61' },
      { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() },
      { 'retry-after-ms': '60001' },
      { 'retry-after': '-1' },
      { 'retry-after': 'soon' },
      { 'retry-after-ms': 'soon' },
      { 'retry-after': '' },
    ];
    for (const headers of ignored) {
      expect(retryDelayMs(0, h(headers)), JSON.stringify(headers)).toBe(500);
    }
  });

  it('backs off 0.5 s × 2ⁿ, capped at 8 s, with up to 25 % jitter taken off', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => retryDelayMs(n, undefined))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    expect(retryDelayMs(0, undefined)).toBeCloseTo(375, 0);
    expect(retryDelayMs(10, undefined)).toBeCloseTo(6000, 0);
  });

  it('jitter spreads clients out', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(1, undefined)));
    expect(delays.size).toBeGreaterThan(1);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(750);
      expect(d).toBeLessThanOrEqual(1000);
    }
  });
});

describe('shouldRetryStatus', () => {
  const none = new Headers();
  const after = new Headers({ 'retry-after': '1' });
  it.each(['GET', 'PUT', 'DELETE'])('%s: 408, 429 and ≥ 500, 409 with a delay, nothing else', (method) => {
    for (const status of [408, 429, 500, 502, 503, 504, 599])
      expect(shouldRetryStatus(method, status, none)).toBe(true);
    for (const status of [400, 401, 403, 404, 405, 409, 410, 412, 418, 422, 300, 304])
      expect(shouldRetryStatus(method, status, none), String(status)).toBe(false);
    expect(shouldRetryStatus(method, 409, after)).toBe(true);
    expect(shouldRetryStatus(method, 409, new Headers({ 'retry-after-ms': '0' }))).toBe(true);
    expect(shouldRetryStatus(method, 409, new Headers({ 'retry-after': 'soon' }))).toBe(false);
  });
  it.each(['POST', 'PATCH'])('%s: only when the status shows it was not processed', (method) => {
    expect(shouldRetryStatus(method, 429, none)).toBe(true);
    expect(shouldRetryStatus(method, 503, after)).toBe(true);
    expect(shouldRetryStatus(method, 503, new Headers({ 'retry-after-ms': '250' }))).toBe(true);
    expect(shouldRetryStatus(method, 503, new Headers({ 'retry-after': 'later' }))).toBe(false);
    for (const status of [408, 409, 500, 502, 503, 504, 400, 401, 403, 404, 422])
      expect(shouldRetryStatus(method, status, none), String(status)).toBe(false);
    expect(shouldRetryStatus(method, 500, after)).toBe(false);
  });
});

describe('retries against a server', () => {
  it('503 twice, then 200: resolves with the third answer', async () => {
    const s = await flaky([
      { status: 503, headers: { 'retry-after-ms': '10' } },
      { status: 503, headers: { 'retry-after-ms': '10' } },
    ]);
    const data = await clientFor(s.url, { maxRetries: 2 }).integrations.retrieve('x');
    expect(data).toEqual({ slug: 'ok', attempt: 2 });
    expect(s.requests).toHaveLength(3);
    expect(s.requests.map((r) => r.url)).toEqual(Array(3).fill('/integrations/x'));
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const s = await flaky(Array(10).fill({ status: 503, headers: now }));
    const error = await rejection(clientFor(s.url, { maxRetries: 2 }).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe('503 GET /integrations/{slug}: attempt 2');
    expect(s.requests).toHaveLength(3);
  });

  it('per-call maxRetries overrides the client’s, both ways', async () => {
    const s = await flaky(Array(10).fill({ status: 500, headers: now }));
    const portkey = clientFor(s.url, { maxRetries: 3 });
    await rejection(portkey.integrations.retrieve('x', { maxRetries: 0 }));
    expect(s.requests).toHaveLength(1);
    await rejection(clientFor(s.url, { maxRetries: 0 }).integrations.retrieve('x', { maxRetries: 1 }));
    expect(s.requests).toHaveLength(3);
  });

  it.each([408, 409, 429, 500, 502, 504])('GET is retried on %i', async (status) => {
    const s = await flaky([{ status, headers: now }]);
    await expect(clientFor(s.url, { maxRetries: 1 }).integrations.retrieve('x')).resolves.toMatchObject({ attempt: 1 });
    expect(s.requests).toHaveLength(2);
  });

  it.each(['put', 'delete'] as const)('%s is retried on 500 (it is idempotent)', async (method) => {
    const s = await flaky([{ status: 500, headers: now }]);
    await call(clientFor(s.url, { maxRetries: 1 }), method, '/integrations/x', { body: { a: 1 } });
    expect(s.requests).toHaveLength(2);
  });

  const noRetry: [number, typeof APIError][] = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
  ];
  it('DELETE answered 409 AB07 (the workspace still has dependents) is thrown at once, not sent again', async () => {
    const s = await server((_req, res) => json(res, 409, { error: { code: 'AB07', message: 'has dependents' } }));
    const error = await rejection(clientFor(s.url, { maxRetries: 3 }).workspaces.delete('ws-data-science'));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('AB07');
    expect(s.requests).toHaveLength(1);
  });

  it.each(noRetry)('never retries %i', async (status, Class) => {
    const s = await flaky(Array(5).fill({ status, headers: now }));
    const error = await rejection(clientFor(s.url, { maxRetries: 3 }).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(Class);
    expect(s.requests).toHaveLength(1);
  });

  describe('POST and PATCH, which may have been processed', () => {
    it.each([
      ['post', 500],
      ['post', 502],
      ['post', 504],
      ['post', 408],
      ['patch', 500],
    ] as const)('%s is not repeated on %i, even when the server names a delay', async (method, status) => {
      const s = await flaky([{ status, headers: { 'retry-after-ms': '0' } }]);
      const error = await rejection(
        call(clientFor(s.url, { maxRetries: 3 }), method, '/integrations', { body: { n: 1 } }),
      );
      expect(error.status).toBe(status);
      expect(s.requests).toHaveLength(1);
    });

    it('POST is not repeated on 409 (the first may have created it)', async () => {
      const s = await flaky([{ status: 409, headers: now }]);
      const error = await rejection(call(clientFor(s.url, { maxRetries: 3 }), 'post', '/integrations', { body: {} }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(s.requests).toHaveLength(1);
    });

    it('POST is repeated on 429, with the same body', async () => {
      const s = await flaky([{ status: 429, headers: { 'retry-after-ms': '10' } }]);
      const body = { name: 'OpenAI prod', slug: 'openai-prod' };
      const data = await call(clientFor(s.url, { maxRetries: 2 }), 'post', '/integrations', { body });
      expect(data).toEqual({ slug: 'ok', attempt: 1 });
      expect(s.requests.map((r) => [r.method, r.body, r.headers['content-type']])).toEqual([
        ['POST', JSON.stringify(body), 'application/json'],
        ['POST', JSON.stringify(body), 'application/json'],
      ]);
    });

    it('POST and PATCH are repeated on 503 with Retry-After, not on a bare 503', async () => {
      for (const method of ['post', 'patch'] as const) {
        const withAfter = await flaky([{ status: 503, headers: { 'retry-after': '0' } }]);
        await call(clientFor(withAfter.url, { maxRetries: 1 }), method, '/integrations', { body: {} });
        expect(withAfter.requests, method).toHaveLength(2);

        const bare = await flaky([{ status: 503 }]);
        const error = await rejection(
          call(clientFor(bare.url, { maxRetries: 1 }), method, '/integrations', { body: {} }),
        );
        expect(error).toBeInstanceOf(InternalServerError);
        expect(bare.requests, method).toHaveLength(1);
      }
    });
  });
});

describe('how long the client waits', () => {
  it('Retry-After in seconds (0.05 → ~50 ms)', async () => {
    const s = await flaky([{ status: 429, headers: { 'retry-after': '0.05' } }]);
    await clientFor(s.url, { maxRetries: 1 }).integrations.retrieve('x');
    expect(s.gap(1)).toBeGreaterThanOrEqual(45);
    expect(s.gap(1)).toBeLessThan(300); // backoff would be ≥ 375 ms
  });

  it('Retry-After as an HTTP date already past → at once', async () => {
    const s = await flaky([{ status: 429, headers: { 'retry-after': new Date(Date.now() - 5_000).toUTCString() } }]);
    await clientFor(s.url, { maxRetries: 1 }).integrations.retrieve('x');
    expect(s.gap(1)).toBeLessThan(300);
  });

  it(
    'retry-after-ms wins over Retry-After (30 s here, which would time the test out)',
    { timeout: 5_000 },
    async () => {
      const s = await flaky([{ status: 503, headers: { 'retry-after-ms': '30', 'retry-after': '30' } }]);
      await clientFor(s.url, { maxRetries: 1 }).integrations.retrieve('x');
      expect(s.gap(1)).toBeGreaterThanOrEqual(25);
      expect(s.gap(1)).toBeLessThan(300);
    },
  );

  it('backoff, not the server’s wish, when it asks for more than 60 s', { timeout: 5_000 }, async () => {
    const s = await flaky([{ status: 503, headers: { 'retry-after': '120' } }]);
    await clientFor(s.url, { maxRetries: 1 }).integrations.retrieve('x');
    expect(s.gap(1)).toBeGreaterThanOrEqual(360); // 500 ms less up to 25 % jitter
    expect(s.gap(1)).toBeLessThan(1_000);
  });
});
