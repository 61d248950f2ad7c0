// Failures without a (whole) response: per-attempt timeouts, the caller's signal at every stage,
// refused and reset connections.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  PortkeyAdmin,
  PortkeyError,
  type FetchLike,
} from '../../src/index';
import { call, clientFor, closeServersAfterEach, delay, hang, rejection, reset, server } from '../helpers/faults';
import { getGc } from '../helpers/gc';
import { closedPort, json } from '../helpers/local-server';

closeServersAfterEach();

/** A fetch that counts its calls (the only witness of attempts when nothing listens). */
function countingFetch() {
  const calls: string[] = [];
  const fetch: FetchLike = (input, init) => {
    calls.push(`${init.method} ${input}`);
    return globalThis.fetch(input, init);
  };
  return { calls, fetch };
}

describe('timeout', () => {
  it('a server that never answers → APIConnectionTimeoutError after `timeout` ms', async () => {
    const s = await server(hang);
    const started = Date.now();
    const error = await rejection(clientFor(s.url, { timeout: 150 }).integrations.retrieve('x'));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.name).toBe('APIConnectionTimeoutError');
    expect(error.message).toMatch(/timed out after 150 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1_000);
    expect(s.requests).toHaveLength(1);
  });

  it('covers reading the body too: headers sent, body stalls', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"slug": "x", ');
    });
    const error = await rejection(clientFor(s.url, { timeout: 150 }).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('per-call timeout overrides the client’s without changing it', async () => {
    const s = await server(hang);
    const portkey = clientFor(s.url, { timeout: 10_000 });
    const started = Date.now();
    const error = await rejection(portkey.integrations.retrieve('x', { timeout: 100 }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(portkey.timeout).toBe(10_000);
  });

  it('applies to each attempt, not to the whole call', async () => {
    // Two attempts of ~200 ms each: 400 ms in all, more than the 350 ms timeout, and still fine.
    const s = await server(async (_req, res, i) => {
      await delay(200);
      if (i === 0) json(res, 503, { error: 'busy' }, { 'retry-after-ms': '0' });
      else json(res, 200, { slug: 'ok' });
    });
    const started = Date.now();
    await expect(clientFor(s.url, { timeout: 350, maxRetries: 1 }).integrations.retrieve('x')).resolves.toEqual({
      slug: 'ok',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(s.requests).toHaveLength(2);
  });

  it('a timed-out GET is retried', async () => {
    const s = await server((_req, res, i) => (i === 0 ? hang() : json(res, 200, { slug: 'second' })));
    const data = await clientFor(s.url, { timeout: 150, maxRetries: 1 }).integrations.retrieve('x');
    expect(data).toEqual({ slug: 'second' });
    expect(s.requests).toHaveLength(2);
  });

  it('a timed-out POST is not repeated: it may have been processed', async () => {
    const s = await server(hang);
    const error = await rejection(
      call(clientFor(s.url, { timeout: 100, maxRetries: 2 }), 'post', '/integrations', { body: { n: 1 } }),
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(s.requests).toHaveLength(1);
  });

  it('a timeout longer than a timer can hold (2³¹ ms) does not fire at once', async () => {
    const s = await server(async (_req, res) => {
      await delay(50);
      json(res, 200, { slug: 'slow' });
    });
    const portkey = clientFor(s.url, { timeout: 2 ** 31 });
    await expect(portkey.integrations.retrieve('x')).resolves.toEqual({ slug: 'slow' });
    await expect(portkey.integrations.retrieve('x', { timeout: 5_000_000_000 })).resolves.toEqual({ slug: 'slow' });
  });
});

// Attempts without a caller signal share one timeout signal per window of starts (src/core/signals.ts):
// each must still get its own full timeout, and only the attempts still in flight may be cut off.
describe('timeouts shared by concurrent attempts', () => {
  it('one hung request among many: only it times out, after at least its timeout', async () => {
    const s = await server((req, res) => (req.url?.endsWith('/hang') ? hang() : json(res, 200, { slug: 'ok' })));
    const portkey = clientFor(s.url, { timeout: 400, maxRetries: 0 });
    const started = Date.now();
    const hung = rejection(portkey.integrations.retrieve('hang')).then((error) => ({
      error,
      ms: Date.now() - started,
    }));
    const fast = await Promise.all(Array.from({ length: 40 }, (_, i) => portkey.integrations.retrieve(`ok-${i}`)));
    expect(fast).toHaveLength(40);
    expect(fast.every((data) => (data as { slug: string }).slug === 'ok')).toBe(true);
    const { error, ms } = await hung;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(ms).toBeGreaterThanOrEqual(395);
    expect(ms).toBeLessThan(400 + 400 / 16 + 500);
  });

  it('an attempt that joins a window late still gets its whole timeout', async () => {
    const s = await server((req, res) => (req.url?.endsWith('/hang') ? hang() : json(res, 200, { slug: 'ok' })));
    const signals: (AbortSignal | null | undefined)[] = [];
    const fetch: FetchLike = (input, init) => {
      signals.push(init.signal);
      return globalThis.fetch(input, init);
    };
    // timeout 1600 ms: the window admits attempts for 100 ms after the first.
    const portkey = clientFor(s.url, { timeout: 1_600, maxRetries: 0, fetch });
    await portkey.integrations.retrieve('opens-the-window');
    await delay(40);
    const started = Date.now();
    const error = await rejection(portkey.integrations.retrieve('hang'));
    const elapsed = Date.now() - started;
    // It did join: both attempts carried the same signal.
    expect(signals).toHaveLength(2);
    expect(signals[1]).toBe(signals[0]);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(elapsed).toBeGreaterThanOrEqual(1_595);
    expect(elapsed).toBeLessThan(1_600 + 100 + 500);
  });

  it('after a window has fired, new attempts are not born aborted', async () => {
    const s = await server((req, res, i) => (i === 0 ? hang() : json(res, 200, { slug: 'after' })));
    const portkey = clientFor(s.url, { timeout: 150, maxRetries: 0 });
    expect(await rejection(portkey.integrations.retrieve('hang'))).toBeInstanceOf(APIConnectionTimeoutError);
    await expect(portkey.integrations.retrieve('x')).resolves.toEqual({ slug: 'after' });
  });

  it('a timeout computed per call keeps no signal alive once the calls are done', async () => {
    const signals: WeakRef<AbortSignal>[] = [];
    const stub: FetchLike = async (_url, init) => {
      signals.push(new WeakRef(init.signal!));
      return new Response('{"slug":"ok"}', { status: 200 });
    };
    const portkey = new PortkeyAdmin({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', fetch: stub });
    // 300 distinct timeouts (a remaining deadline, say): only the client's last window may stay for reuse.
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => portkey.integrations.retrieve('x', { timeout: 600_000 + i })),
    );
    const gc = getGc();
    for (let pass = 0; pass < 3; pass++) {
      gc();
      await delay(10);
    }
    const alive = signals.filter((ref) => ref.deref() !== undefined).length;
    expect(alive).toBeLessThanOrEqual(1);
  });

  it('the open window keeps nothing of the calls that finished on it', async () => {
    const responses: WeakRef<Response>[] = [];
    const stub: FetchLike = async () => {
      const response = new Response('{"slug":"ok"}', { status: 200 });
      responses.push(new WeakRef(response));
      return response;
    };
    const portkey = new PortkeyAdmin({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', fetch: stub });
    // Fewer calls than a window admits: the client still holds their window, for the next call to join.
    for (let i = 0; i < 5; i++) await portkey.integrations.retrieve('x');
    const gc = getGc();
    for (let pass = 0; pass < 3; pass++) {
      gc();
      await delay(10);
    }
    expect(responses).toHaveLength(5);
    expect(responses.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  });

  it('a caller aborting its own call cuts off no other call in flight', async () => {
    const s = await server(async (req, res) => {
      await delay(req.url?.endsWith('/slow') ? 300 : 100);
      json(res, 200, { slug: 'ok' });
    });
    const seen: (AbortSignal | null | undefined)[] = [];
    const fetch: FetchLike = (input, init) => {
      seen.push(init.signal);
      return globalThis.fetch(input, init);
    };
    const portkey = clientFor(s.url, { timeout: 5_000, maxRetries: 0, fetch });
    const controller = new AbortController();
    const mine = rejection(portkey.integrations.retrieve('slow', { signal: controller.signal }));
    const others = Array.from({ length: 5 }, (_, i) => portkey.integrations.retrieve(`other-${i}`));
    setTimeout(() => controller.abort(), 30);
    expect(await mine).toBeInstanceOf(APIUserAbortError);
    await expect(Promise.all(others)).resolves.toHaveLength(5);
    // The five without a signal shared one window; the caller's call had one of its own.
    expect(new Set(seen.slice(1)).size).toBe(1);
    expect(seen.slice(1)).not.toContain(seen[0]);
  });

  it('many sequential calls share signals, a bounded number per signal, and each call has one', async () => {
    const s = await server((_req, res) => json(res, 200, { slug: 'ok' }));
    const signals: (AbortSignal | null | undefined)[] = [];
    const fetch: FetchLike = (input, init) => {
      signals.push(init.signal);
      return globalThis.fetch(input, init);
    };
    const portkey = clientFor(s.url, { timeout: 5_000, fetch });
    for (let i = 0; i < 150; i++) await portkey.integrations.retrieve(`n${i}`);
    expect(s.requests).toHaveLength(150);
    expect(signals.every((signal) => signal instanceof AbortSignal)).toBe(true);
    const distinct = new Set(signals);
    // Shared (far fewer signals than calls), yet at most 8 calls on one signal: at least 19 of them.
    expect(distinct.size).toBeGreaterThanOrEqual(19);
    expect(distinct.size).toBeLessThanOrEqual(40);
  });
});

describe('the caller’s signal', () => {
  it('already aborted: nothing is sent', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x', { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(s.requests).toHaveLength(0);
  });

  it('aborted while waiting for the response → APIUserAbortError, promptly, not a timeout', async () => {
    const s = await server(hang);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await rejection(
      clientFor(s.url, { timeout: 5_000, maxRetries: 2 }).integrations.retrieve('x', { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.name).toBe('APIUserAbortError');
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(s.requests).toHaveLength(1); // and never retried
  });

  it('aborted while the body is streaming', async () => {
    const controller = new AbortController();
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"slug": ');
      setTimeout(() => controller.abort(new Error('custom reason')), 30);
    });
    const error = await rejection(clientFor(s.url).integrations.retrieve('x', { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  it('aborted during the backoff wait: rejects at once, no further attempt', { timeout: 4_000 }, async () => {
    const controller = new AbortController();
    const s = await server((_req, res) => {
      json(res, 503, { error: 'busy' }, { 'retry-after-ms': '5000' });
      setTimeout(() => controller.abort(), 50);
    });
    const started = Date.now();
    const error = await rejection(
      clientFor(s.url, { maxRetries: 3 }).integrations.retrieve('x', { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(1_000); // not the 5 s the server asked for
    await delay(50);
    expect(s.requests).toHaveLength(1);
  });

  it('aborted during the backoff after a connection failure', async () => {
    const url = await closedPort();
    const { calls, fetch } = countingFetch();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await rejection(
      clientFor(url, { maxRetries: 5, fetch }).integrations.retrieve('x', { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(350); // the first backoff is ≥ 375 ms
    expect(calls).toHaveLength(1);
  });

  it('a long-lived signal keeps no listener from finished calls, answered or failed', async () => {
    const s = await server((req, res) => json(res, req.url?.endsWith('/missing') ? 404 : 200, { slug: 'x' }));
    const controller = new AbortController();
    const portkey = clientFor(s.url);
    for (let i = 0; i < 5; i++) await portkey.integrations.retrieve('x', { signal: controller.signal });
    await rejection(portkey.integrations.retrieve('missing', { signal: controller.signal }));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('one signal for many concurrent calls: one listener on it, no leak warning, and it stops them all', async () => {
    const s = await server(() => hang());
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const portkey = clientFor(s.url, { timeout: 5_000 });
      const controller = new AbortController();
      const calls = Array.from({ length: 40 }, (_, i) =>
        rejection(portkey.integrations.retrieve(`n${i}`, { signal: controller.signal })),
      );
      while (s.requests.length < 40) await delay(5);
      // Node warns past 10 listeners on one signal; the 5 windows of these 40 calls share one relay on it.
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      controller.abort();
      const errors = await Promise.all(calls);
      expect(errors.every((error) => error instanceof APIUserAbortError)).toBe(true);
      await delay(10); // a warning is emitted on a later tick
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('calls under two signals: aborting one leaves the other’s calls to finish', async () => {
    const s = await server(async (req, res) => {
      await delay(150);
      json(res, 200, { slug: req.url!.split('/').pop() });
    });
    const portkey = clientFor(s.url, { timeout: 5_000 });
    const a = new AbortController();
    const b = new AbortController();
    const underA = Array.from({ length: 3 }, (_, i) =>
      rejection(portkey.integrations.retrieve(`a${i}`, { signal: a.signal })),
    );
    const underB = Array.from({ length: 3 }, (_, i) => portkey.integrations.retrieve(`b${i}`, { signal: b.signal }));
    const unsignalled = portkey.integrations.retrieve('none');
    setTimeout(() => a.abort(), 30);
    expect((await Promise.all(underA)).every((error) => error instanceof APIUserAbortError)).toBe(true);
    expect((await Promise.all(underB)).map((r) => r.slug)).toEqual(['b0', 'b1', 'b2']);
    expect((await unsignalled).slug).toBe('none');
  });

  it('a `signal` that is no event target leaves no timer running', async () => {
    const s = await server((_req, res) => json(res, 200, { slug: 'x' }));
    const portkey = clientFor(s.url, { timeout: 60_000 });
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const error = await rejection(
      portkey.integrations.retrieve('x', { signal: { aborted: false } as unknown as AbortSignal }),
    );
    expect(error).toBeInstanceOf(PortkeyError);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
    expect(s.requests).toHaveLength(0);
  });

  it('a `signal` without removeEventListener is refused before any request', async () => {
    const s = await server((_req, res) => json(res, 200, { slug: 'x' }));
    const signal = { aborted: false, addEventListener() {} } as unknown as AbortSignal;
    const error = await rejection(clientFor(s.url).integrations.retrieve('x', { signal }));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toBe('integrations.retrieve: `signal` must be an AbortSignal.');
    expect(s.requests).toHaveLength(0);
  });

  it('a signal that fires after the call is done changes nothing', async () => {
    const s = await server((_req, res) => json(res, 200, { slug: 'x' }));
    const controller = new AbortController();
    const data = await clientFor(s.url).integrations.retrieve('x', { signal: controller.signal });
    controller.abort();
    expect(data).toEqual({ slug: 'x' });
  });
});

describe('connection failures', () => {
  it('refused: APIConnectionError naming the cause; retried for GET and POST (never reached)', async () => {
    const url = await closedPort();
    const get = countingFetch();
    const post = countingFetch();
    const [getError, postError] = await Promise.all([
      rejection(clientFor(url, { maxRetries: 1, fetch: get.fetch }).integrations.retrieve('x')),
      rejection(call(clientFor(url, { maxRetries: 1, fetch: post.fetch }), 'post', '/integrations', { body: {} })),
    ]);
    for (const error of [getError, postError]) {
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
      expect(error).not.toBeInstanceOf(APIError);
      expect(error.name).toBe('APIConnectionError');
      expect(error.message).toMatch(/^Connection error: .*ECONNREFUSED/);
    }
    expect(get.calls).toEqual([`GET ${url}/integrations/x`, `GET ${url}/integrations/x`]);
    expect(post.calls).toEqual([`POST ${url}/integrations`, `POST ${url}/integrations`]);
  });

  it('maxRetries 0: one attempt only', async () => {
    const url = await closedPort();
    const { calls, fetch } = countingFetch();
    await rejection(clientFor(url, { maxRetries: 0, fetch }).integrations.retrieve('x'));
    expect(calls).toHaveLength(1);
  });

  it('reset (the server drops the socket): GET is retried and succeeds', async () => {
    const s = await server((_req, res, i) => (i === 0 ? reset(res) : json(res, 200, { slug: 'again' })));
    const data = await clientFor(s.url, { maxRetries: 1 }).integrations.retrieve('x');
    expect(data).toEqual({ slug: 'again' });
    expect(s.requests).toHaveLength(2);
  });

  it('reset: a POST is not repeated and fails with APIConnectionError', async () => {
    const s = await server((_req, res) => reset(res));
    const error = await rejection(
      call(clientFor(s.url, { maxRetries: 2 }), 'post', '/integrations', { body: { n: 1 } }),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toMatch(/^Connection error: /);
    expect(error.cause).toBeDefined();
    expect(s.requests).toHaveLength(1);
  });

  it('reset on every attempt: gives up after maxRetries with APIConnectionError', async () => {
    const s = await server((_req, res) => reset(res));
    const error = await rejection(clientFor(s.url, { maxRetries: 1 }).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(s.requests).toHaveLength(2);
  });
});
