// The corners an attacker or a careless caller finds: writes repeated after a redirect, headers fetch would
// refuse, the key in odd places, fetch implementations that ignore their signal or follow redirects themselves,
// hostile error bodies, and one signal shared by a thousand calls.
import { getEventListeners } from 'node:events';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InternalServerError,
  NotFoundError,
  PortkeyAdmin,
  PortkeyError,
  RateLimitError,
  type FetchLike,
} from '../../src/index';
import {
  SECRET_KEY,
  call,
  clientFor,
  closeServersAfterEach,
  delay,
  expectNoSecret,
  hang,
  redirect,
  rejection,
  server,
} from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

/** A fetch that records what it was asked, then hands the request to the platform's. */
function recordingFetch(through: FetchLike = globalThis.fetch) {
  const calls: string[] = [];
  const fetch: FetchLike = (input, init) => {
    calls.push(`${init.method} ${input}`);
    return through(input, init);
  };
  return { calls, fetch };
}

/** A fetch that never answers but, like the platform's, rejects with the reason when its signal aborts. */
const pendingUntilAborted: FetchLike = (_input, init) =>
  new Promise((_resolve, reject) => {
    init.signal!.addEventListener('abort', () => reject(init.signal!.reason), { once: true });
  });

/** Collect process warnings while `run` runs (and a tick after: Node emits them late). */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on('warning', onWarning);
  try {
    await run();
    await delay(10);
  } finally {
    process.off('warning', onWarning);
  }
  return warnings;
}

describe('a write is never repeated once the server may have done it', () => {
  it.each([
    ['POST', 303, 503, { 'retry-after': '0' }],
    ['POST', 303, 429, { 'retry-after': '0' }],
    ['POST', 302, 503, { 'retry-after': '0' }],
    ['POST', 301, 429, { 'retry-after-ms': '0' }],
    ['PATCH', 303, 503, { 'retry-after': '0' }],
  ] as const)('%s answered %i, then the GET answers %i: one write, no retry', async (method, status, then, headers) => {
    const s = await server((req, res) =>
      req.method === 'GET' ? json(res, then, { error: { message: 'busy' } }, headers) : redirect(res, status, '/done'),
    );
    const error = await rejection(
      call(clientFor(s.url, { maxRetries: 3 }), method.toLowerCase() as 'post', '/integrations', { body: { a: 1 } }),
    );
    expect(error).toBeInstanceOf(then === 429 ? RateLimitError : InternalServerError);
    expect(s.requests.map((r) => r.method)).toEqual([method, 'GET']);
  });

  it('a GET redirected to a GET is still retried', async () => {
    const s = await server((req, res, i) =>
      req.url.startsWith('/done')
        ? json(res, i < 3 ? 503 : 200, { ok: i >= 3 }, { 'retry-after': '0' })
        : redirect(res, 303, '/done'),
    );
    await expect(call(clientFor(s.url, { maxRetries: 1 }), 'get', '/integrations')).resolves.toEqual({ ok: true });
    expect(s.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /integrations',
      'GET /done',
      'GET /integrations',
      'GET /done',
    ]);
  });
});

describe('headers fetch would refuse are refused before sending', () => {
  it.each(['connection', 'Transfer-Encoding', 'keep-alive', 'upgrade', 'expect', 'host', 'content-length', 'te'])(
    'a per-call %s header: PortkeyError, nothing sent, no retry',
    async (name) => {
      const { calls, fetch } = recordingFetch();
      const s = await server((_req, res) => json(res, 200, {}));
      const error = await rejection(
        call(clientFor(s.url, { fetch, maxRetries: 2 }), 'get', '/integrations', { headers: { [name]: 'x' } }),
      );
      expect(error).toBeInstanceOf(PortkeyError);
      expect(error.message).toContain(JSON.stringify(name.toLowerCase()));
      expect(calls).toHaveLength(0);
    },
  );

  it.each([
    ['a control character', 'a\u0001b'],
    ['DEL', 'a\u007fb'],
    ['a line break inside', 'a\nb'],
  ])('a value with %s: refused, the value never quoted', async (_what, value) => {
    const { calls, fetch } = recordingFetch();
    const error = await rejection(
      call(clientFor('http://127.0.0.1:9', { fetch }), 'get', '/integrations', { headers: { 'x-trace': value } }),
    );
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).not.toContain(value);
    expect(calls).toHaveLength(0);
  });

  it('a key or client header HTTP cannot carry is refused when the client is made', () => {
    expect(() => new PortkeyAdmin({ apiKey: 'pk-\u0001-key', baseUrl: 'http://127.0.0.1:9' })).toThrow(PortkeyError);
    expect(
      () => new PortkeyAdmin({ apiKey: 'pk', baseUrl: 'http://127.0.0.1:9', headers: { connection: 'close' } }),
    ).toThrow(/set by fetch itself/);
    try {
      new PortkeyAdmin({ apiKey: 'pk-\u0001-key', baseUrl: 'http://127.0.0.1:9' });
    } catch (error) {
      expect((error as Error).message).not.toContain('pk-\u0001-key');
    }
  });

  it('a tab inside a value is fine, and blanks at its ends are trimmed as fetch does', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    await call(clientFor(s.url), 'get', '/integrations', { headers: { 'x-trace': ' a\tb ' } });
    expect(s.requests[0]!.headers['x-trace']).toBe('a\tb');
  });
});

describe('headers as fetch takes them', () => {
  it('a Headers instance per call is sent, a per-call key in it replacing the client’s', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const headers = new Headers({ 'x-portkey-api-key': 'pk-tenant-key', 'x-trace': '7' });
    await call(clientFor(s.url), 'get', '/integrations', { headers });
    expect(s.requests[0]!.headers['x-portkey-api-key']).toBe('pk-tenant-key');
    expect(s.requests[0]!.headers['x-trace']).toBe('7');
  });

  it('[name, value] pairs per call are sent', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    await call(clientFor(s.url), 'get', '/integrations', {
      headers: [
        ['x-trace', '1'],
        ['X-Portkey-Api-Key', 'pk-pair-key'],
      ],
    });
    expect(s.requests[0]!.headers['x-trace']).toBe('1');
    expect(s.requests[0]!.headers['x-portkey-api-key']).toBe('pk-pair-key');
  });

  it('the client’s headers as a Headers or pairs are sent with every call', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    await call(clientFor(s.url, { headers: new Headers({ 'x-team': 'a' }) }), 'get', '/integrations');
    await call(clientFor(s.url, { headers: [['x-team', 'b']] }), 'get', '/integrations');
    expect(s.requests.map((r) => r.headers['x-team'])).toEqual(['a', 'b']);
  });

  it('pairs that are not pairs are refused', async () => {
    const error = await rejection(
      call(clientFor('http://127.0.0.1:9'), 'get', '/integrations', { headers: [['x-trace']] }),
    );
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toMatch(/\[name, value\] pairs/);
  });

  it('a value that is not a string or a number is refused in our words, per call and at construction', async () => {
    for (const value of [Object.create(null), { trace: 1 }, ['a'], Symbol('x'), () => 'x']) {
      const error = await rejection(
        call(clientFor('http://127.0.0.1:9'), 'get', '/integrations', { headers: { 'x-trace': value } }),
      );
      expect(error).toBeInstanceOf(PortkeyError);
      expect(error.message).toBe('Header "x-trace": only strings and numbers can be sent.');
    }
    expect(() => clientFor('http://127.0.0.1:9', { headers: { 'x-team': Object.create(null) } })).toThrow(PortkeyError);
  });

  it('numbers and booleans are written out, as fetch would', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    await call(clientFor(s.url), 'get', '/integrations', { headers: { 'x-attempt': 3, 'x-dry-run': true } });
    expect(s.requests[0]!.headers).toMatchObject({ 'x-attempt': '3', 'x-dry-run': 'true' });
  });

  it('what a fetch wrapper writes into the headers it is given (as on globalThis.fetch) reaches no later call', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const original = globalThis.fetch;
    let n = 0;
    globalThis.fetch = ((input: string, init: RequestInit & { headers: Record<string, string> }) => {
      init.headers['x-request-seq'] ??= String(++n);
      return original(input, init);
    }) as typeof fetch;
    try {
      const portkey = clientFor(s.url);
      await call(portkey, 'get', '/integrations');
      await call(portkey, 'get', '/integrations');
    } finally {
      globalThis.fetch = original;
    }
    expect(s.requests.map((r) => r.headers['x-request-seq'])).toEqual(['1', '2']);
  });
});

describe('failures no retry can mend are final', () => {
  it('a port fetch will not connect to (6000, X11) is tried once', async () => {
    const { calls, fetch } = recordingFetch();
    const error = await rejection(
      call(
        new PortkeyAdmin({ apiKey: SECRET_KEY, baseUrl: 'http://127.0.0.1:6000', fetch, maxRetries: 3 }),
        'get',
        '/x',
      ),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/bad port/);
    expect(calls).toHaveLength(1);
  });

  it.each(['ERR_INVALID_URL', 'UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED'])(
    'a fetch failure caused by %s is tried once',
    async (code) => {
      const { calls, fetch } = recordingFetch(() =>
        Promise.reject(
          new TypeError('fetch failed', { cause: Object.assign(new Error('refused by fetch'), { code }) }),
        ),
      );
      await rejection(call(clientFor('http://127.0.0.1:9', { fetch, maxRetries: 3 }), 'get', '/x'));
      expect(calls).toHaveLength(1);
    },
  );
});

describe('the key, in every corner', () => {
  it('echoed in a JSON error body when it holds characters JSON escapes', async () => {
    const key = 'pk-"quoted"-\\back\\-key';
    const s = await server((req, res) =>
      json(res, 401, {
        error: { message: `bad key ${req.headers['x-portkey-api-key']}` },
        key: req.headers['x-portkey-api-key'],
      }),
    );
    const error = await rejection(call(clientFor(s.url, { apiKey: key }), 'get', '/integrations'));
    expectNoSecret(error, key);
    expect(JSON.stringify(error.body)).not.toContain(JSON.stringify(key).slice(1, -1));
    expect(error.message).toContain('[redacted]');
  });

  it('in the Location of a refused cross-origin redirect', async () => {
    const key = 'pk-test-secret-host-label';
    const s = await server((_req, res) => redirect(res, 302, `http://${key}.example/`));
    const error = await rejection(call(clientFor(s.url, { apiKey: key }), 'get', '/integrations'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expectNoSecret(error, key);
  });

  it('in a Location that is not a URL: no cause keeps it', async () => {
    const s = await server((_req, res) => redirect(res, 302, `http://[${SECRET_KEY}/`));
    const error = await rejection(call(clientFor(s.url), 'get', '/integrations'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/not a URL/);
    expectNoSecret(error);
  });

  it('quoted by a custom fetch’s error: neither the message nor any cause keeps it', async () => {
    const fetch: FetchLike = (input, init) =>
      Promise.reject(
        new TypeError('upstream failed', {
          cause: Object.assign(new Error(`sent ${JSON.stringify(init.headers)} to ${input}`), { code: 'ECONNRESET' }),
        }),
      );
    const error = await rejection(call(clientFor('http://127.0.0.1:9', { fetch }), 'get', '/integrations'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain('[redacted]');
    expectNoSecret(error);
  });

  it('a custom fetch that throws a string holding the key: not kept as the cause', async () => {
    const fetch: FetchLike = (_input, init) => Promise.reject(`failed: ${JSON.stringify(init.headers)}`);
    const error = await rejection(call(clientFor('http://127.0.0.1:9', { fetch }), 'get', '/integrations'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expectNoSecret(error);
  });
});

describe('timeouts and redirects that do not depend on fetch behaving', () => {
  it('a custom fetch that ignores the signal and never settles still times out', async () => {
    const fetch: FetchLike = () => new Promise(() => {});
    const error = await rejection(call(clientFor('http://127.0.0.1:9', { fetch, timeout: 100 }), 'get', '/x'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('a body that never ends and ignores cancellation still times out', async () => {
    const fetch: FetchLike = async () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) }));
    const error = await rejection(call(clientFor('http://127.0.0.1:9', { fetch, timeout: 100 }), 'get', '/x'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('a custom fetch that follows a redirect to another origin itself: its answer is refused', async () => {
    const other = await server((_req, res) => json(res, 200, { stolen: true }));
    const s = await server((_req, res) => redirect(res, 302, `${other.url}/collect`));
    const fetch: FetchLike = (input, init) => globalThis.fetch(input, { ...init, redirect: 'follow' });
    const error = await rejection(call(clientFor(s.url, { fetch, maxRetries: 2 }), 'get', '/integrations'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/followed a redirect to another origin/);
    expect(s.requests).toHaveLength(1);
  });

  it('… and one that follows a redirect within the origin is fine', async () => {
    const s = await server((req, res) =>
      req.url === '/moved' ? json(res, 200, { ok: true }) : redirect(res, 302, '/moved'),
    );
    const fetch: FetchLike = (input, init) => globalThis.fetch(input, { ...init, redirect: 'follow' });
    await expect(call(clientFor(s.url, { fetch }), 'get', '/integrations')).resolves.toEqual({ ok: true });
  });
});

describe('what a server sends is read only so far', () => {
  it('an error body is kept to its first 1 MB, also when it arrives gzipped', async () => {
    // 50 MB of text that gzip packs into about 50 kB.
    const bomb = gzipSync(Buffer.alloc(50_000_000, 'a'));
    const s = await server((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const error = await rejection(call(clientFor(s.url), 'get', '/integrations'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(String(error.body).length).toBeLessThanOrEqual(1_000_000);
    expect(error.message.length).toBeLessThan(2_000);
  });
});

describe('errors users can act on', () => {
  it('the message names the operation by its route template, never the filled path', async () => {
    const s = await server((_req, res) => json(res, 404, { error: { message: 'no such integration' } }));
    const error = await rejection(clientFor(s.url).integrations.retrieve('tenant-secret-slug'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('404 GET /integrations/{slug}: no such integration');
    expect(error.message).not.toContain('tenant-secret-slug');
  });

  it('a timeout says how many attempts were made', async () => {
    const s = await server(hang);
    const error = await rejection(call(clientFor(s.url, { timeout: 80, maxRetries: 1 }), 'get', '/x'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toMatch(/after 80 ms \(2 attempts\)/);
  });

  it('an abort keeps the caller’s reason as its cause', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const pending = rejection(
      call(clientFor('http://127.0.0.1:9', { fetch: pendingUntilAborted }), 'get', '/x', { signal: controller.signal }),
    );
    controller.abort(reason);
    const error = await pending;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.cause).toBe(reason);
  });
});

describe('everything thrown is a PortkeyError, and nothing is left unhandled', () => {
  it.each([
    ['a string', 'abort'],
    ['a plain object', { aborted: false }],
    ['a number', 1],
  ])('a signal that is %s: PortkeyError naming the method, nothing sent', async (_what, signal) => {
    const { calls, fetch } = recordingFetch();
    const portkey = clientFor('http://127.0.0.1:9', { fetch });
    const error = await rejection(portkey.integrations.retrieve('x', { signal: signal as unknown as AbortSignal }));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toMatch(/^integrations\.retrieve: `signal` must be an AbortSignal/);
    expect(calls).toHaveLength(0);
  });

  it('a walk with such a signal fails in our words, leaving no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const portkey = clientFor('http://127.0.0.1:9', { fetch: async () => Response.json({ data: [], total: 0 }) });
      const walk = async () => {
        for await (const _ of portkey.integrations.list({}, { signal: 'x' as unknown as AbortSignal }));
      };
      await expect(walk()).rejects.toBeInstanceOf(PortkeyError);
      await delay(10);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a walk aborted while its next page is on its way keeps the caller’s reason as the cause', async () => {
    const fetch: FetchLike = (input, init) =>
      new URL(input).searchParams.get('current_page') === '1'
        ? pendingUntilAborted(input, init)
        : Promise.resolve(Response.json({ data: [{ slug: 'a' }, { slug: 'b' }], total: 10 }));
    const portkey = clientFor('http://127.0.0.1:9', { fetch, timeout: 30_000 });
    const controller = new AbortController();
    const reason = new Error('user left the page');
    const error = await rejection(
      (async () => {
        for await (const _ of portkey.integrations.list({ page_size: 2 }, { signal: controller.signal })) {
          setTimeout(() => controller.abort(reason), 5);
        }
      })(),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.cause).toBe(reason);
  });

  it('list(query, null) is a list without options', async () => {
    const portkey = clientFor('http://127.0.0.1:9', {
      fetch: async () => Response.json({ data: [{ slug: 'a' }], total: 1 }),
    });
    const list = portkey.integrations.list({}, null as unknown as undefined);
    await expect(list).resolves.toMatchObject({ total: 1 });
    const slugs: unknown[] = [];
    for await (const item of portkey.integrations.list({}, null as unknown as undefined)) slugs.push(item.slug);
    expect(slugs).toEqual(['a']);
  });
});

describe('one signal under a thousand calls', () => {
  it('1,000 concurrent calls: one listener on the signal, no MaxListenersExceededWarning, all aborted', async () => {
    const portkey = clientFor('http://127.0.0.1:9', { fetch: pendingUntilAborted, timeout: 30_000 });
    const controller = new AbortController();
    let errors: unknown[] = [];
    const warnings = await warningsDuring(async () => {
      const calls = Array.from({ length: 1_000 }, (_, i) =>
        rejection(call(portkey, 'get', `/x/${i}`, { signal: controller.signal })),
      );
      await delay(5);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      controller.abort();
      errors = await Promise.all(calls);
    });
    expect(errors.every((e) => e instanceof APIUserAbortError)).toBe(true);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('100 concurrent walks and 50 retry waits: one listener, none left after', async () => {
    const pages: FetchLike = (input, init) =>
      new URL(input).searchParams.get('current_page') === '1' || input.includes('/busy')
        ? input.includes('/busy')
          ? Promise.resolve(Response.json({ error: 'busy' }, { status: 503, headers: { 'retry-after': '30' } }))
          : pendingUntilAborted(input, init)
        : Promise.resolve(Response.json({ data: [{ slug: 'a' }, { slug: 'b' }], total: 10 }));
    const portkey = clientFor('http://127.0.0.1:9', { fetch: pages, timeout: 30_000, maxRetries: 1 });
    const controller = new AbortController();
    const signal = controller.signal;
    let errors: unknown[] = [];
    const warnings = await warningsDuring(async () => {
      const walks = Array.from({ length: 100 }, () =>
        rejection(
          (async () => {
            for await (const _ of portkey.integrations.list({ page_size: 2 }, { signal }));
          })(),
        ),
      );
      const waits = Array.from({ length: 50 }, (_, i) => rejection(call(portkey, 'get', `/busy/${i}`, { signal })));
      await delay(20);
      expect(getEventListeners(signal, 'abort')).toHaveLength(1);
      controller.abort();
      errors = await Promise.all([...walks, ...waits]);
    });
    expect(errors).toHaveLength(150);
    expect(errors.every((e) => e instanceof APIUserAbortError)).toBe(true);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});
