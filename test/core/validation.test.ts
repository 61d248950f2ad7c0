// Input the types cannot stop (plain JavaScript callers, `as never`) is refused by the client itself: a
// PortkeyError that says what is wrong, thrown before anything is sent. Each test points a client at a
// real local server that would answer 200 to anything, so a missing check shows as a call that succeeds
// and as a request the server saw.
import { describe, expect, it } from 'vitest';
import { APIError, PortkeyError } from '../../src/index';
import { SECRET_KEY, call, clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

/** A server that answers `{}` to everything, and a client pointed at it. */
async function target() {
  const s = await server((_req, res) => json(res, 200, {}));
  return { s, portkey: clientFor(s.url) };
}

/** The rejection of `promise`: our own refusal (not a server's answer) with the given message. */
async function refusal(promise: PromiseLike<unknown>, message: string | RegExp): Promise<PortkeyError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(PortkeyError);
  expect(error).not.toBeInstanceOf(APIError);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  return error;
}

/** What `fn` throws; fails the test if it returns. */
function thrown(fn: () => unknown): any {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but nothing was thrown');
}

describe('request bodies', () => {
  it('integrations.create names the one required field that is missing', async () => {
    const { s, portkey } = await target();
    await refusal(portkey.integrations.create({ name: 'n' } as never), 'integrations.create needs `ai_provider_id`.');
    await refusal(portkey.integrations.create({ ai_provider_id: 'p' } as never), 'integrations.create needs `name`.');
    // Present but undefined is missing too: JSON.stringify would drop it.
    await refusal(
      portkey.integrations.create({ name: 'n', ai_provider_id: undefined } as never),
      'integrations.create needs `ai_provider_id`.',
    );
    expect(s.requests).toHaveLength(0);
  });

  it('integrations.create names both missing fields, joined by "and"', async () => {
    const { s, portkey } = await target();
    // Non-empty, or the "non-empty object" refusal comes first.
    await refusal(
      portkey.integrations.create({ description: 'd' } as never),
      'integrations.create needs `name` and `ai_provider_id`.',
    );
    await refusal(portkey.integrations.create({} as never), 'integrations.create needs a non-empty object body.');
    expect(s.requests).toHaveLength(0);
  });

  it('integrations.update refuses anything but a non-empty object', async () => {
    const { s, portkey } = await target();
    // `['x']` and `'x'` have keys, so only the array and type checks stop them; null and {} the others.
    for (const body of [{}, [], ['x'], null, undefined, 'x', 0, 1, true]) {
      await refusal(
        portkey.integrations.update('slug', body as never),
        'integrations.update needs a non-empty object body.',
      );
    }
    expect(s.requests).toHaveLength(0);
  });

  it('integrations.models.update and integrations.workspaces.update refuse an empty body under their own names', async () => {
    const { s, portkey } = await target();
    for (const body of [{}, [], null]) {
      await refusal(
        portkey.integrations.models.update('s', body as never),
        'integrations.models.update needs a non-empty object body.',
      );
      await refusal(
        portkey.integrations.workspaces.update('s', body as never),
        'integrations.workspaces.update needs a non-empty object body.',
      );
    }
    // `models` is required by the spec; `allow_all_models` alone is not enough.
    await refusal(
      portkey.integrations.models.update('s', { allow_all_models: true } as never),
      'integrations.models.update needs `models`.',
    );
    expect(s.requests).toHaveLength(0);
  });

  it('a valid body passes every check and is sent (the server above does count)', async () => {
    const { s, portkey } = await target();
    await portkey.integrations.create({ name: 'n', ai_provider_id: 'p' });
    await portkey.integrations.update('slug', { name: 'm' });
    expect(s.requests.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
      ['POST', '/integrations', { name: 'n', ai_provider_id: 'p' }],
      ['PUT', '/integrations/slug', { name: 'm' }],
    ]);
  });
});

describe('list parameters', () => {
  it('integrations.list refuses parameters that are not an object, awaited or iterated', async () => {
    const { s, portkey } = await target();
    // null gets past the `= {}` default, which only replaces undefined.
    for (const query of [null, 'x', 5]) {
      await refusal(portkey.integrations.list(query as never), 'integrations.list: the query must be an object.');
      const iterate = async () => {
        for await (const _ of portkey.integrations.list(query as never));
      };
      await refusal(iterate(), 'integrations.list: the query must be an object.');
    }
    expect(s.requests).toHaveLength(0);
  });
});

describe('bodies that cannot be JSON', () => {
  const cyclic = () => {
    const body: Record<string, unknown> = { name: 'n', ai_provider_id: 'p' };
    body.self = body;
    return body;
  };
  const prefix = 'The body cannot be sent as JSON: ';

  it('a BigInt or a cycle is refused, through a resource and through the low-level call', async () => {
    const { s, portkey } = await target();
    const bigint = { name: 'n', ai_provider_id: 'p', n: 1n };
    // The rest of the message is JSON.stringify's own, which names what went wrong.
    const cases: [PromiseLike<unknown>, RegExp][] = [
      [portkey.integrations.create(bigint as never), /BigInt/],
      [portkey.integrations.create(cyclic() as never), /circular/],
      [portkey.post('/integrations', { body: bigint as never }), /BigInt/],
      [portkey.post('/integrations', { body: cyclic() as never }), /circular/],
      [portkey.integrations.update('slug', { tags: [1n] } as never), /BigInt/],
    ];
    for (const [promise, cause] of cases) {
      const error = await refusal(promise, cause);
      expect(error.message.startsWith(prefix)).toBe(true);
    }
    expect(s.requests).toHaveLength(0);
  });

  it("a toJSON that throws is refused with that error's message", async () => {
    const { s, portkey } = await target();
    const body = {
      toJSON() {
        throw new Error('not today');
      },
    };
    await refusal(call(portkey, 'post', '/integrations', { body }), `${prefix}not today`);
    expect(s.requests).toHaveLength(0);
  });
});

describe('integrations.models.delete slugs', () => {
  const message = 'integrations.models.delete needs `slugs`: non-empty model slugs without commas.';

  it('refuses missing, empty, comma-holding and non-string slugs', async () => {
    const { s, portkey } = await target();
    const holey = ['a', 'x', 'b'];
    delete holey[1];
    const bad = [
      undefined,
      null,
      {},
      { slugs: [] },
      { slugs: '' }, // splits into ['']
      { slugs: ',' },
      { slugs: 'a,' },
      { slugs: ['a,b'] }, // would arrive as two slugs
      { slugs: ['ok', ''] },
      { slugs: [1] },
      { slugs: ['ok', null] },
      { slugs: 42 },
      { slugs: new Array(2) }, // two holes: some() would skip them, and ',' would be sent
      { slugs: holey }, // ['a', <hole>, 'b']
    ];
    for (const params of bad) {
      await refusal(portkey.integrations.models.delete('s', params as never), message);
    }
    expect(s.requests).toHaveLength(0);
  });

  it('sends the string form and the array form as the same comma-separated value', async () => {
    const { s, portkey } = await target();
    await portkey.integrations.models.delete('s', { slugs: 'a,b' });
    await portkey.integrations.models.delete('s', { slugs: ['a', 'b'] });
    expect(s.requests).toHaveLength(2);
    for (const request of s.requests) {
      expect(request.method).toBe('DELETE');
      // The comma is percent-encoded like any other reserved character; the server decodes it back.
      expect(request.url).toBe('/integrations/s/models?slugs=a%2Cb');
      const url = new URL(request.url, 'http://x');
      expect([...url.searchParams.keys()]).toEqual(['slugs']);
      expect(url.searchParams.get('slugs')).toBe('a,b');
    }
  });
});

describe('client config: fetch', () => {
  const message = 'No fetch function to use: pass `fetch`, a function.';

  /** Run `fn` with `globalThis.fetch` undefined, and put it back however `fn` ends. */
  async function withoutGlobalFetch(fn: () => unknown): Promise<void> {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
    try {
      await fn();
    } finally {
      if (saved) Object.defineProperty(globalThis, 'fetch', saved);
      else delete (globalThis as any).fetch;
    }
  }

  it('without a global fetch, a client needs a `fetch` function', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const realFetch = globalThis.fetch;
    await withoutGlobalFetch(async () => {
      for (const fetch of [undefined, 'nope', 42, {}]) {
        const error = thrown(() => clientFor(s.url, { fetch: fetch as never }));
        expect(error).toBeInstanceOf(PortkeyError);
        expect(error.message).toBe(message);
      }
      // The check is on the fallback only: a fetch passed in is enough, and is the one used.
      await clientFor(s.url, { fetch: realFetch }).integrations.retrieve('x');
    });
    expect(typeof globalThis.fetch).toBe('function');
    expect(s.requests.map((r) => r.url)).toEqual(['/integrations/x']);
  });

  it('a `fetch` option that is not a function is refused even where a global fetch exists', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    // `??` falls back only on null and undefined, so a bad value is checked, not replaced.
    const error = thrown(() => clientFor(s.url, { fetch: 'nope' as never }));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain(SECRET_KEY);
    expect(s.requests).toHaveLength(0);
  });
});

describe('query strings', () => {
  it('repeats arrays, brackets objects (percent-encoded), and leaves out null and undefined', async () => {
    const { s, portkey } = await target();
    const query = { tags: ['a', 'b c'], filter: { kind: 'x', n: 2 }, skip: undefined, none: null };
    await portkey.get('/integrations' as never, { params: { query } } as never);
    expect(s.requests.map((r) => r.url)).toEqual([
      '/integrations?tags=a&tags=b%20c&filter%5Bkind%5D=x&filter%5Bn%5D=2',
    ]);
    const params = new URL(s.requests[0]!.url, 'http://x').searchParams;
    expect(params.getAll('tags')).toEqual(['a', 'b c']);
    expect(params.get('filter[kind]')).toBe('x');
    expect(params.get('filter[n]')).toBe('2');
  });

  it('null and undefined are left out inside arrays and objects too, and an empty query adds no "?"', async () => {
    const { s, portkey } = await target();
    await call(portkey, 'get', '/integrations', {
      params: { query: { tags: ['a', null, undefined, 'b'], filter: { kind: null, n: undefined, ok: 0 } } },
    });
    await call(portkey, 'get', '/integrations', { params: { query: { a: null, b: undefined, c: [], d: {} } } });
    expect(s.requests.map((r) => r.url)).toEqual(['/integrations?tags=a&tags=b&filter%5Bok%5D=0', '/integrations']);
  });
});

describe('query dates', () => {
  it('a Date is sent as ISO 8601, also inside arrays; an invalid Date is refused', async () => {
    const { s, portkey } = await target();
    const at = new Date(Date.UTC(2026, 10, 1, 9, 30));
    await call(portkey, 'get', '/audit', { params: { query: { start_time: at, days: [at] } } });
    expect(s.requests.map((r) => r.url)).toEqual([
      '/audit?start_time=2026-11-01T09%3A30%3A00.000Z&days=2026-11-01T09%3A30%3A00.000Z',
    ]);
    const error = await rejection(
      call(portkey, 'get', '/audit', { params: { query: { end_time: new Date('soon') } } }),
    );
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toBe('Query parameter "end_time" is an invalid Date.');
    expect(s.requests).toHaveLength(1);
  });
});
