// The API key stays secret (in every error, in the client itself, even when a server echoes it back),
// and per-call options stay per call, also under concurrency and retries.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  PortkeyAdmin,
  PortkeyError,
  type FetchLike,
} from '../src/index';
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
  reset,
  server,
  text,
} from './helpers/faults';
import { closedPort, json } from './helpers/local-server';

closeServersAfterEach();

describe('the API key never appears in an error', () => {
  it('in every kind of error the client produces', async () => {
    const echo = await server((req, res) => {
      const key = String(req.headers['x-portkey-api-key']);
      switch (req.url) {
        case '/integrations/401':
          return json(
            res,
            401,
            { error: { message: `Invalid API key ${key}`, type: 'auth', code: key } },
            {
              'x-echo-key': key,
              'x-portkey-request-id': 'req-1',
            },
          );
        case '/integrations/400':
          return json(res, 400, { success: false, data: { message: `bad key: ${key}`, key } });
        case '/integrations/502':
          return text(res, 502, `<html><body><h1>Bad Gateway</h1><pre>x-portkey-api-key: ${key}</pre></body></html>`);
        case '/integrations/200':
          return text(res, 200, `<html>debug: ${key}</html>`);
        case '/integrations/hang':
          return hang();
        case '/integrations/reset':
          return reset(res);
        default:
          return redirect(res, 302, `http://localhost:1/steal?key=${key}`);
      }
    });
    const refused = await closedPort();
    const portkey = clientFor(echo.url);
    const errors: [string, unknown][] = [];
    const collect = async (label: string, promise: PromiseLike<unknown>) =>
      errors.push([label, await rejection(promise)]);

    await collect('401 echo', portkey.integrations.retrieve('401'));
    await collect('400 echo', portkey.integrations.retrieve('400'));
    await collect('502 html echo', portkey.integrations.retrieve('502'));
    await collect('200 broken echo', portkey.integrations.retrieve('200'));
    await collect('timeout', portkey.integrations.retrieve('hang', { timeout: 100 }));
    await collect('abort', portkey.integrations.retrieve('hang', { signal: AbortSignal.timeout(30) }));
    await collect('reset', portkey.integrations.retrieve('reset'));
    await collect('redirect', portkey.integrations.retrieve('redirect'));
    await collect('refused', clientFor(refused).integrations.retrieve('x'));
    await collect('path', portkey.integrations.retrieve('..'));
    await collect('template', call(portkey, 'get', 'integrations'));
    await collect('option', portkey.integrations.retrieve('x', { timeout: -1 }));

    expect(errors.map(([label, e]) => [label, (e as Error).name])).toEqual([
      ['401 echo', 'AuthenticationError'],
      ['400 echo', 'BadRequestError'],
      ['502 html echo', 'InternalServerError'],
      ['200 broken echo', 'PortkeyError'],
      ['timeout', 'APIConnectionTimeoutError'],
      ['abort', 'APIUserAbortError'],
      ['reset', 'APIConnectionError'],
      ['redirect', 'APIConnectionError'],
      ['refused', 'APIConnectionError'],
      ['path', 'PortkeyError'],
      ['template', 'PortkeyError'],
      ['option', 'PortkeyError'],
    ]);
    for (const [label, error] of errors) {
      try {
        expectNoSecret(error);
      } catch (failure) {
        throw new Error(`${label}: ${(failure as Error).message}`);
      }
    }

    // The server did echo the key; what reached the errors is the redacted text, still readable.
    const [, e401] = errors[0] as [string, AuthenticationError];
    expect(e401.message).toBe('401 GET /integrations/{slug}: Invalid API key [redacted]');
    expect(e401.headers.get('x-echo-key')).toBe('[redacted]');
    expect(e401.requestId).toBe('req-1');
    expect(e401.body).toEqual({ error: { message: 'Invalid API key [redacted]', type: 'auth', code: '[redacted]' } });
    expect((errors[1]![1] as BadRequestError).body).toMatchObject({ data: { key: '[redacted]' } });
    expect((errors[2]![1] as InternalServerError).message).toContain('x-portkey-api-key: [redacted]');
    expect((errors[3]![1] as PortkeyError).message).toContain('debug: [redacted]');
  });

  it('a per-call key that the server echoes is redacted too', async () => {
    const perCall = 'pk-PER-CALL-7d1b2c-secret';
    const s = await server((req, res) =>
      json(res, 403, { message: `key ${String(req.headers['x-portkey-api-key'])} may not` }, { 'x-key': perCall }),
    );
    const error = await rejection(
      clientFor(s.url).integrations.retrieve('x', { headers: { 'x-portkey-api-key': perCall } }),
    );
    expect(error.message).toBe('403 GET /integrations/{slug}: key [redacted] may not');
    expect(error.headers.get('x-key')).toBe('[redacted]');
    expectNoSecret(error, perCall);
    expectNoSecret(error, SECRET_KEY);
  });

  it('a key the server echoes in JSON with needless escapes (\\/, \\u002B) is redacted too', async () => {
    const key = 'pk-Secret/Key+123';
    // As PHP or Jackson write "/" and .NET writes "+": the raw text no longer contains the key, the parsed body does.
    const escaped = (sent: string, which: string) =>
      which === 'slash' ? sent.replaceAll('/', '\\/') : sent.replaceAll('+', '\\u002B');
    const s = await server((req, res) => {
      const sent = escaped(String(req.headers['x-portkey-api-key']), req.url!.split('/').pop()!);
      const body = req.url!.includes('quiet')
        ? `{"echo":"${sent}"}` // no message field: the message quotes the body itself
        : `{"message":"Invalid API key: ${sent}","key":"${sent}"}`;
      text(res, 401, body, { 'content-type': 'application/json' });
    });
    const portkey = clientFor(s.url, { apiKey: key });
    for (const which of ['slash', 'plus']) {
      const error = await rejection(portkey.integrations.retrieve(which));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.message).toBe('401 GET /integrations/{slug}: Invalid API key: [redacted]');
      expect(error.body).toEqual({ message: 'Invalid API key: [redacted]', key: '[redacted]' });
      expectNoSecret(error, key);
      const quiet = await rejection(call(portkey, 'get', `/quiet/${which}`));
      expect(quiet.message).toBe(`401 GET /quiet/${which}: {"echo":"[redacted]"}`);
      expectNoSecret(quiet, key);
      expectNoSecret(quiet, escaped(key, which));
    }
  });

  it.each([
    ['a line break', 'pk-abc\ndef-SECRET'],
    ['a carriage return', 'pk-abc\rdef-SECRET'],
    ['a NUL', 'pk-abc\0def-SECRET'],
    ['a non-Latin-1 character', 'pk-abc’def-SECRET'],
  ])('a key with %s is refused at construction without quoting it', (_what, key) => {
    let error: unknown;
    try {
      new PortkeyAdmin({ apiKey: key, baseUrl: 'http://127.0.0.1:9' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PortkeyError);
    expect((error as Error).message).toBe('Header "x-portkey-api-key" has a name or value HTTP cannot carry.');
    expectNoSecret(error, key);
    expectNoSecret(error, 'def-SECRET');
  });

  it('a per-call key that cannot be sent is refused before the network, without quoting it', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const key = 'pk-abc\ndef-SECRET';
    const error = await rejection(
      clientFor(s.url, { maxRetries: 2 }).integrations.retrieve('x', { headers: { 'x-portkey-api-key': key } }),
    );
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expectNoSecret(error, 'def-SECRET');
    expect(s.requests).toHaveLength(0);
  });

  it.each([
    ['a trailing line break', 'pk-edge-SECRET\n'],
    ['a leading CR LF', '\r\npk-edge-SECRET'],
    ['blanks at both ends', ' \tpk-edge-SECRET\t '],
  ])('a per-call key with %s is sent trimmed, as fetch sends it, and redacted as sent', async (_what, key) => {
    const echo = await server((req, res) => {
      const sent = String(req.headers['x-portkey-api-key']);
      json(res, 400, { error: { message: `bad key ${sent}` } }, { 'x-echo-key': sent });
    });
    const error = await rejection(
      clientFor(echo.url).integrations.retrieve('x', { headers: { 'x-portkey-api-key': key } }),
    );
    expect(echo.requests[0]!.headers['x-portkey-api-key']).toBe('pk-edge-SECRET');
    expect(error.message).toBe('400 GET /integrations/{slug}: bad key [redacted]');
    expect(error.headers.get('x-echo-key')).toBe('[redacted]');
    expectNoSecret(error, 'pk-edge-SECRET');
  });

  it('a bad header name is refused by name, before the network', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x', { headers: { 'bad header': 'v' } }));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toBe('Header "bad header" has a name or value HTTP cannot carry.');
    expect(s.requests).toHaveLength(0);
  });

  it('config errors do not quote the key either', () => {
    for (const options of [
      { baseUrl: 'SELF_HOSTED_CONTROL_PLANE_URL' },
      { baseUrl: 'ftp://x' },
      { gatewayUrl: 'not a url' },
      { timeout: 0 },
      { maxRetries: -1 },
    ]) {
      let error: unknown;
      try {
        new PortkeyAdmin({ apiKey: SECRET_KEY, ...options });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(options)).toBeInstanceOf(PortkeyError);
      expectNoSecret(error);
    }
  });
});

describe('the API key never appears in an error, in the corners a review found', () => {
  /** The error a call gets when the client's fetch is `fetch`. */
  const failureOf = (fetch: FetchLike) =>
    rejection(
      new PortkeyAdmin({
        apiKey: SECRET_KEY,
        baseUrl: 'http://127.0.0.1:9',
        fetch,
        maxRetries: 0,
      }).integrations.retrieve('x'),
    );

  it('a redirect whose Location host holds the key (URL lower-cases hosts) is refused without it, in any case', async () => {
    const s = await server((_req, res) => redirect(res, 302, `http://${SECRET_KEY}.evil.example/`));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe(
      'Refused a redirect to another origin, http://[redacted].evil.example: it would get the key.',
    );
    expectNoSecret(error, SECRET_KEY.toLowerCase());
  });

  it("a custom fetch's error that holds the request (its Headers) is replaced by a copy of what it says", async () => {
    const fetch = async (url: string, init: RequestInit) => {
      throw Object.assign(new TypeError('fetch failed'), {
        code: 'E_WRAPPED',
        request: new Request(url, init),
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      });
    };
    const error = await failureOf(fetch);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe('Connection error: E_WRAPPED fetch failed: ECONNRESET socket hang up');
    expectNoSecret(error);
    expect(inspect(error, { depth: 8, showHidden: true, getters: true })).not.toContain(SECRET_KEY);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause.message).toBe('E_WRAPPED fetch failed: ECONNRESET socket hang up');
    expect(error.cause.request).toBeUndefined();
  });

  it('a chain of causes deeper than the client searches is not kept as it is', async () => {
    let deep: any = new Error(`key ${SECRET_KEY}`);
    for (let i = 0; i < 5; i++) deep = new Error(`level ${i}`, { cause: deep });
    const error = await failureOf(async () => {
      throw deep;
    });
    expect(error.cause).not.toBe(deep);
    expectNoSecret(error);
  });

  it("the platform's own connection error is kept as it is", async () => {
    const failure = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', port: 9 }),
    });
    const error = await failureOf(async () => {
      throw failure;
    });
    expect(error.cause).toBe(failure);
  });

  it('an echo with needless escapes in an error body cut at 1 MB is redacted too', async () => {
    const key = 'pk/live+9f3c1e7a/do-not-leak';
    const s = await server((_req, res) =>
      text(res, 500, `{"error":"bad key ${key.replaceAll('/', '\\/')}","pad":"${'x'.repeat(1_100_000)}"}`, {
        'content-type': 'application/json',
      }),
    );
    const error = await rejection(clientFor(s.url, { apiKey: key, maxRetries: 0 }).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toMatch(/bad key \[redacted\]/);
    expect(String(error.body)).toContain('bad key [redacted]');
    for (const form of [key, key.replaceAll('/', '\\/')]) {
      expect(error.message).not.toContain(form);
      expect(String(error.body)).not.toContain(form);
    }
  });

  it('a key the 1 MB cut goes through leaves no start of it behind', async () => {
    const s = await server((_req, res) =>
      text(res, 500, `${'x'.repeat(1_000_000 - 10)}${SECRET_KEY} and more`, { 'content-type': 'text/plain' }),
    );
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(String(error.body)).toMatch(/^x+$/);
    expect(String(error.body)).not.toContain(SECRET_KEY.slice(0, 10));
  });

  it('a key the 1 MB limit runs across is cut before, leaving none of it', async () => {
    const s = await server((_req, res) =>
      text(res, 500, `${'x'.repeat(1_000_000 - 20)}${SECRET_KEY}${'y'.repeat(50_000)}`, {
        'content-type': 'text/plain',
      }),
    );
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(String(error.body)).toBe('x'.repeat(1_000_000 - 20));
  });

  it('… also one beyond the spare the client reads past the limit', async () => {
    const before = 1_000_000 - SECRET_KEY.length * 6 - 20;
    const s = await server((_req, res) =>
      text(res, 500, `${'x'.repeat(before)}${SECRET_KEY}${'y'.repeat(50_000)}`, { 'content-type': 'text/plain' }),
    );
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(String(error.body)).toBe(
      `${'x'.repeat(before)}[redacted]${'y'.repeat(1_000_000 - before - SECRET_KEY.length)}`,
    );
  });

  it('a key ending in a backslash, echoed in JSON, leaves the body JSON', async () => {
    const key = 'pk-live-0123456789abcdefABCDEF\\';
    const s = await server((req, res) =>
      json(res, 409, { error: { message: `key ${String(req.headers['x-portkey-api-key'])} is in use`, code: 'AB07' } }),
    );
    const error = await rejection(clientFor(s.url, { apiKey: key }).integrations.retrieve('x'));
    expect(error.body).toEqual({ error: { message: 'key [redacted] is in use', code: 'AB07' } });
    expect(error.code).toBe('AB07');
    expect(error.message).toBe('409 GET /integrations/{slug}: key [redacted] is in use');
  });

  it('a key with two backslashes in a row is redacted as it is and as JSON writes it', async () => {
    const key = 'pk-live-0123456789\\\\abcdef';
    const s = await server((req, res) => {
      const sent = String(req.headers['x-portkey-api-key']);
      text(res, 400, `raw ${sent} json ${JSON.stringify(sent)}`, { 'content-type': 'text/plain' });
    });
    const error = await rejection(clientFor(s.url, { apiKey: key }).integrations.retrieve('x'));
    expect(error.body).toBe('raw [redacted] json "[redacted]"');
  });

  it('a key with a run of backslashes does not make redaction exponential on a hostile body', async () => {
    const key = `pk-${'\\'.repeat(20)}${'x'.repeat(17)}`;
    const s = await server((_req, res) =>
      text(res, 400, `pk-${'\\'.repeat(40)}y`.repeat(20_000), { 'content-type': 'text/plain' }),
    );
    // Backtracking through 2^20 ways at each of 20,000 places would outlast the test's timeout many times over.
    const error = await rejection(clientFor(s.url, { apiKey: key }).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it.each([
    ['a line break', '{"m":"key:\\ntest"}', '{"m":"key:\\n[redacted]"}'],
    ['a tab', '{"m":"key:\\ttest"}', '{"m":"key:\\t[redacted]"}'],
    ['a \\u escape', '{"m":"\\u0022test\\u0022"}', '{"m":"\\u0022[redacted]\\u0022"}'],
  ])('a short key after JSON-escaped %s is redacted', async (_what, body, redacted) => {
    const s = await server((_req, res) => text(res, 400, body, { 'content-type': 'application/json' }));
    const error = await rejection(clientFor(s.url, { apiKey: 'test' }).integrations.retrieve('x'));
    expect(JSON.stringify(error.body)).toBe(JSON.stringify(JSON.parse(redacted)));
  });

  it.each([
    [
      'a hidden field holding the Request',
      (url: string, init: RequestInit) =>
        Object.defineProperty(new TypeError('fetch failed'), 'request', { value: new Request(url, init) }),
    ],
    [
      'a getter for the Request',
      (url: string, init: RequestInit) => {
        const request = new Request(url, init);
        return new (class FetchError extends TypeError {
          get request() {
            return request;
          }
        })('fetch failed');
      },
    ],
    [
      'a hidden string quoting the key',
      (url: string) =>
        Object.defineProperty(new TypeError('fetch failed'), 'url', { value: `${url}?key=${SECRET_KEY}` }),
    ],
  ])("a custom fetch's error with %s is not kept as it is", async (_what, makeError) => {
    const error = await failureOf(async (url, init) => {
      throw makeError(url, init as RequestInit);
    });
    expect(error.message).toBe('Connection error: fetch failed');
    expect(Object.getOwnPropertyNames(error.cause)).not.toContain('request');
    expect(error.cause.request).toBeUndefined();
    expect(error.cause.url).toBeUndefined();
  });

  it.each([
    ['test', 'Integration latest-test not found', '404 GET /integrations/{slug}: Integration latest-test not found'],
    ['a', 'Integration gateway not found', '404 GET /integrations/{slug}: Integration gateway not found'],
    ['test', 'bad key: test', '404 GET /integrations/{slug}: bad key: [redacted]'],
  ])(
    'a short test key (%j) is redacted where it stands alone, and leaves other words whole',
    async (key, said, message) => {
      const s = await server((_req, res) => json(res, 404, { error: { message: said, code: 'AB04' } }));
      const error = await rejection(clientFor(s.url, { apiKey: key }).integrations.retrieve('x'));
      expect(error.message).toBe(message);
      expect(error.code).toBe('AB04');
    },
  );
});

describe('the API key never appears in the client', () => {
  it('util.inspect, JSON.stringify, String, enumeration', () => {
    const portkey = new PortkeyAdmin({
      apiKey: SECRET_KEY,
      baseUrl: 'https://portkey.internal.example.com/v1',
      headers: { 'x-portkey-api-key': SECRET_KEY, 'x-team': 'ml' },
    });
    expectNoSecret(portkey);
    expectNoSecret(portkey.integrations);
    expect(inspect(portkey, { depth: Infinity, showHidden: true })).not.toContain(SECRET_KEY);
    expect(JSON.stringify(portkey)).not.toContain(SECRET_KEY);
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) {
        expect(String(value)).not.toContain(SECRET_KEY);
        return;
      }
      seen.add(value);
      for (const key of Reflect.ownKeys(value as object)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
        if ('value' in descriptor) walk(descriptor.value);
      }
    };
    walk(portkey);
    // What the client does show is useful and harmless.
    expect(portkey.baseUrl).toBe('https://portkey.internal.example.com/v1');
  });
});

describe('per-call options stay per call', () => {
  it('headers, timeout and maxRetries of one call change neither the client nor the next call', async () => {
    const s = await server((_req, res, i) =>
      i === 0 ? json(res, 500, {}, { 'retry-after-ms': '0' }) : json(res, 200, {}),
    );
    const portkey = clientFor(s.url, { timeout: 5_000, maxRetries: 0, headers: { 'x-team': 'ml' } });
    const options = {
      timeout: 1_000,
      maxRetries: 1,
      headers: { 'x-portkey-api-key': 'pk-other', 'x-extra': '1', 'x-team': null },
    };
    const snapshot = structuredClone(options);
    await portkey.integrations.retrieve('x', options);
    await portkey.integrations.retrieve('y');

    expect(options).toEqual(snapshot);
    expect(portkey.timeout).toBe(5_000);
    expect(portkey.maxRetries).toBe(0);
    const seen = s.requests.map((r) => [
      r.url,
      r.headers['x-portkey-api-key'],
      r.headers['x-extra'],
      r.headers['x-team'],
    ]);
    expect(seen).toEqual([
      ['/integrations/x', 'pk-other', '1', undefined],
      ['/integrations/x', 'pk-other', '1', undefined],
      ['/integrations/y', SECRET_KEY, undefined, 'ml'],
    ]);
  });

  it('concurrent calls with different keys, one of them retried: each attempt carries its own key', async () => {
    const s = await server(async (req, res, i) => {
      // /a fails once while /b is in flight, so the retry of /a overlaps /b.
      if (req.url === '/integrations/a' && i === 0) return json(res, 503, {}, { 'retry-after-ms': '20' });
      await delay(req.url === '/integrations/b' ? 40 : 0);
      json(res, 200, { slug: req.url.split('/').pop(), key: req.headers['x-portkey-api-key'] });
    });
    const portkey = clientFor(s.url, { maxRetries: 2, headers: { 'x-team': 'ml' } });
    const [a, b, c] = await Promise.all([
      portkey.integrations.retrieve('a', { headers: { 'x-portkey-api-key': 'pk-alpha' } }),
      portkey.integrations.retrieve('b', { headers: { 'x-portkey-api-key': 'pk-beta' } }),
      portkey.integrations.retrieve('c'),
    ]);
    expect([a, b, c]).toEqual([
      { slug: 'a', key: 'pk-alpha' },
      { slug: 'b', key: 'pk-beta' },
      { slug: 'c', key: SECRET_KEY },
    ]);
    const byUrl = (url: string) => s.requests.filter((r) => r.url === url).map((r) => r.headers['x-portkey-api-key']);
    expect(byUrl('/integrations/a')).toEqual(['pk-alpha', 'pk-alpha']);
    expect(byUrl('/integrations/b')).toEqual(['pk-beta']);
    expect(byUrl('/integrations/c')).toEqual([SECRET_KEY]);
    expect(s.requests.every((r) => r.headers['x-team'] === 'ml')).toBe(true);
  });

  it('aborting one call leaves a concurrent one alone', async () => {
    const s = await server(async (req, res) => {
      await delay(80);
      json(res, 200, { url: req.url });
    });
    const portkey = clientFor(s.url);
    const controller = new AbortController();
    const aborted = portkey.integrations.retrieve('a', { signal: controller.signal });
    const other = portkey.integrations.retrieve('b', { timeout: 1_000 });
    setTimeout(() => controller.abort(), 20);
    expect(await rejection(aborted)).toBeInstanceOf(APIUserAbortError);
    await expect(other).resolves.toEqual({ url: '/integrations/b' });
  });
});
