// Client options: unknown names refused, environment defaults (read, trimmed, empty = unset, only an undefined
// option falls back), URL checks and normalisation, numeric options, and the fetch option.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, readEnv, resolveConfig, type ClientOptions } from '../../src/core/config';
import { PortkeyAdmin, PortkeyError, type FetchLike } from '../../src/index';
import { SECRET_KEY, closeServersAfterEach, expectNoSecret, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

const ENV = ['PORTKEY_API_KEY', 'PORTKEY_BASE_URL', 'PORTKEY_GATEWAY_URL'] as const;
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
  for (const name of ENV) delete process.env[name];
});
afterEach(() => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** The PortkeyError that `fn` throws. */
function thrown(fn: () => unknown): PortkeyError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PortkeyError);
    return error as PortkeyError;
  }
  throw new Error('expected a PortkeyError, nothing was thrown');
}

const make = (options: ClientOptions = {}) => new PortkeyAdmin(options);

describe('apiKey', () => {
  it('missing: a clear error at construction naming the option and the variable', () => {
    const error = thrown(() => make());
    expect(error.name).toBe('PortkeyError');
    expect(error.message).toContain('apiKey');
    expect(error.message).toContain('PORTKEY_API_KEY');
  });

  it.each(['', '   ', '\n\t'])('an empty or blank PORTKEY_API_KEY counts as unset (%j)', (value) => {
    process.env.PORTKEY_API_KEY = value;
    expect(thrown(() => make()).message).toBe('Missing API key: pass `apiKey` or set PORTKEY_API_KEY.');
    expect(thrown(() => make({ apiKey: undefined })).message).toContain('Missing API key');
  });

  const refusedKeys: [value: unknown, kind: string][] = [
    ['', 'a blank string'],
    ['   ', 'a blank string'],
    ['\n\t', 'a blank string'],
    [null, 'null'],
    [0, 'number'],
    [42, 'number'],
    [false, 'boolean'],
    [{ toString: () => SECRET_KEY }, 'object'],
    [[SECRET_KEY], 'object'],
  ];
  it.each(refusedKeys)('apiKey %j is refused by its kind, not replaced by the env key', (apiKey, kind) => {
    // A tenant without a key must not act with the operator's.
    process.env.PORTKEY_API_KEY = 'pk-operator';
    const error = thrown(() => make({ apiKey: apiKey as string }));
    expect(error.message).toBe(`apiKey must be a non-blank string, got ${kind}.`);
    expectNoSecret(error);
    // Only undefined means "not given".
    expect(() => make({ apiKey: undefined })).not.toThrow();
  });

  it('sent as x-portkey-api-key: from the env (trimmed), the option beating the env', async () => {
    const s = await server((req, res) => json(res, 200, { key: req.headers['x-portkey-api-key'] }));
    process.env.PORTKEY_API_KEY = '  pk-from-env \n';
    expect(await make({ baseUrl: s.url }).integrations.retrieve('x')).toEqual({ key: 'pk-from-env' });
    expect(await make({ baseUrl: s.url, apiKey: ' pk-option ' }).integrations.retrieve('x')).toEqual({
      key: 'pk-option',
    });
  });

  it('the env is read at construction, not at import', () => {
    process.env.PORTKEY_API_KEY = 'pk-late';
    expect(() => make()).not.toThrow();
  });
});

describe('baseUrl and gatewayUrl', () => {
  it('defaults: https://api.portkey.ai/v1, and gatewayUrl = baseUrl', () => {
    const portkey = make({ apiKey: 'k' });
    expect(portkey.baseUrl).toBe('https://api.portkey.ai/v1');
    expect(DEFAULT_BASE_URL).toBe('https://api.portkey.ai/v1');
    expect(portkey.gatewayUrl).toBe(portkey.baseUrl);
  });

  it('PORTKEY_BASE_URL (trimmed, normalised) is the default baseUrl, and so gatewayUrl', () => {
    process.env.PORTKEY_BASE_URL = '  https://portkey.internal.example.com/v1/  ';
    const portkey = make({ apiKey: 'k' });
    expect(portkey.baseUrl).toBe('https://portkey.internal.example.com/v1');
    expect(portkey.gatewayUrl).toBe('https://portkey.internal.example.com/v1');
  });

  it('PORTKEY_GATEWAY_URL is the default gatewayUrl', () => {
    process.env.PORTKEY_GATEWAY_URL = 'https://gateway.internal.example.com/v1';
    const portkey = make({ apiKey: 'k' });
    expect(portkey.baseUrl).toBe('https://api.portkey.ai/v1');
    expect(portkey.gatewayUrl).toBe('https://gateway.internal.example.com/v1');
  });

  it('options beat the env, each on its own', () => {
    process.env.PORTKEY_BASE_URL = 'https://env-base.example.com';
    process.env.PORTKEY_GATEWAY_URL = 'https://env-gateway.example.com';
    expect(make({ apiKey: 'k', baseUrl: 'https://opt-base.example.com' })).toMatchObject({
      baseUrl: 'https://opt-base.example.com',
      gatewayUrl: 'https://env-gateway.example.com',
    });
    expect(make({ apiKey: 'k', gatewayUrl: 'https://opt-gateway.example.com' })).toMatchObject({
      baseUrl: 'https://env-base.example.com',
      gatewayUrl: 'https://opt-gateway.example.com',
    });
    // gatewayUrl falls back to the baseUrl option when no gateway is set anywhere.
    delete process.env.PORTKEY_GATEWAY_URL;
    expect(make({ apiKey: 'k', baseUrl: 'https://opt-base.example.com/' }).gatewayUrl).toBe(
      'https://opt-base.example.com',
    );
  });

  it('empty variables count as unset', () => {
    process.env.PORTKEY_BASE_URL = '';
    process.env.PORTKEY_GATEWAY_URL = '  ';
    const portkey = make({ apiKey: 'k' });
    expect(portkey.baseUrl).toBe('https://api.portkey.ai/v1');
    expect(portkey.gatewayUrl).toBe('https://api.portkey.ai/v1');
  });

  it('a bad value from the env says which variable it came from', () => {
    process.env.PORTKEY_BASE_URL = 'SELF_HOSTED_CONTROL_PLANE_URL';
    expect(thrown(() => make({ apiKey: 'k' })).message).toMatch(
      /^baseUrl \(from PORTKEY_BASE_URL\) is a placeholder from Portkey's docs/,
    );
    process.env.PORTKEY_BASE_URL = 'https://ok.example.com';
    process.env.PORTKEY_GATEWAY_URL = 'ftp://gateway.example.com';
    expect(thrown(() => make({ apiKey: 'k' })).message).toMatch(
      /^gatewayUrl \(from PORTKEY_GATEWAY_URL\) must be an absolute http\(s\) URL/,
    );
    // An option is named as the option.
    expect(thrown(() => make({ apiKey: 'k', gatewayUrl: 'ftp://x' })).message).toMatch(
      /^gatewayUrl must be an absolute http\(s\) URL/,
    );
  });
});

describe('URL validation', () => {
  const valid: [input: string, normalised: string][] = [
    ['https://api.portkey.ai/v1', 'https://api.portkey.ai/v1'],
    ['https://api.portkey.ai/v1/', 'https://api.portkey.ai/v1'],
    ['https://api.portkey.ai/v1///', 'https://api.portkey.ai/v1'],
    ['https://api.portkey.ai', 'https://api.portkey.ai'],
    ['https://api.portkey.ai/', 'https://api.portkey.ai'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8080/portkey/v1/', 'http://127.0.0.1:8080/portkey/v1'],
    ['HTTPS://API.Portkey.AI/v1', 'https://api.portkey.ai/v1'],
    ['https://api.portkey.ai:443/v1', 'https://api.portkey.ai/v1'],
    ['  https://portkey.internal.example.com/admin/api  ', 'https://portkey.internal.example.com/admin/api'],
    ['http://[::1]:3000/v1', 'http://[::1]:3000/v1'],
  ];
  it.each(valid)('%j → %j', (input, normalised) => {
    expect(make({ apiKey: 'k', baseUrl: input }).baseUrl).toBe(normalised);
    expect(make({ apiKey: 'k', gatewayUrl: input }).gatewayUrl).toBe(normalised);
  });

  const invalid: [input: string, says: RegExp][] = [
    ['api.portkey.ai/v1', /must be an absolute http\(s\) URL/],
    ['/v1', /must be an absolute http\(s\) URL/],
    ['not a url', /must be an absolute http\(s\) URL/],
    ['localhost:8787', /must be an absolute http\(s\) URL/],
    ['ftp://api.portkey.ai/v1', /must be an absolute http\(s\) URL/],
    ['file:///etc/passwd', /must be an absolute http\(s\) URL/],
    ['ws://api.portkey.ai/v1', /must be an absolute http\(s\) URL/],
    ['javascript:alert(1)', /must be an absolute http\(s\) URL/],
    ['https://api.portkey.ai/v1?debug=1', /without credentials, query or fragment/],
    ['https://api.portkey.ai/v1?', /without credentials, query or fragment/],
    ['https://api.portkey.ai/v1#top', /without credentials, query or fragment/],
    ['https://api.portkey.ai/v1#', /without credentials, query or fragment/],
    ['https://user:pass@api.portkey.ai/v1', /without credentials/],
  ];
  it.each(invalid)('%j is refused: %s', (input, says) => {
    const base = thrown(() => make({ apiKey: 'k', baseUrl: input }));
    expect(base.message).toMatch(/^baseUrl /);
    expect(base.message).toMatch(says);
    const gateway = thrown(() => make({ apiKey: 'k', gatewayUrl: input }));
    expect(gateway.message).toMatch(/^gatewayUrl /);
    expect(gateway.message).toMatch(says);
  });

  it('credentials in a URL are refused without being echoed', () => {
    expect(thrown(() => make({ apiKey: 'k', baseUrl: 'https://user:hunter2@h.example' })).message).not.toContain(
      'hunter2',
    );
  });

  const placeholders = [
    'SELF_HOSTED_CONTROL_PLANE_URL',
    'https://SELF_HOSTED_CONTROL_PLANE_URL',
    'https://SELF_HOSTED_CONTROL_PLANE_URL/v1',
    'http://self_hosted_control_plane_url',
    'SELF_HOSTED_GATEWAY_URL',
    'https://SELF_HOSTED_GATEWAY_URL',
    'https://SELF_HOSTED_GATEWAY_URL/v1/',
  ];
  it.each(placeholders)('the docs placeholder %j is refused: pass the real URL', (input) => {
    for (const option of ['baseUrl', 'gatewayUrl'] as const) {
      const error = thrown(() => make({ apiKey: 'k', [option]: input }));
      expect(error.message).toBe(`${option} is a placeholder from Portkey's docs: pass your deployment's URL.`);
    }
  });

  it('a placeholder is refused without being echoed: it may carry credentials', () => {
    for (const option of ['baseUrl', 'gatewayUrl'] as const) {
      const input = `https://admin:hunter2@SELF_HOSTED_GATEWAY_URL/${option}/v1`;
      const error = thrown(() => make({ apiKey: 'k', [option]: input }));
      expect(error.message).toMatch(new RegExp(`^${option} is a placeholder from Portkey's docs`));
      expect(error.message).not.toContain('hunter2');
      expect(error.message).not.toContain(`/${option}/v1`);
      const env = option === 'baseUrl' ? 'PORTKEY_BASE_URL' : 'PORTKEY_GATEWAY_URL';
      process.env[env] = input;
      expect(thrown(() => make({ apiKey: 'k' })).message).toMatch(
        new RegExp(`^${option} \\(from ${env}\\) is a placeholder`),
      );
      expect(thrown(() => make({ apiKey: 'k' })).message).not.toContain('hunter2');
      delete process.env[env];
    }
  });

  it('URL objects are taken by their href, and checked like strings', () => {
    const portkey = make({
      apiKey: 'k',
      baseUrl: new URL('https://portkey.internal.example.com/admin/v1/'),
      gatewayUrl: new URL('/gw/', 'https://gateway.internal.example.com'),
    });
    expect(portkey.baseUrl).toBe('https://portkey.internal.example.com/admin/v1');
    expect(portkey.gatewayUrl).toBe('https://gateway.internal.example.com/gw');
    const error = thrown(() => make({ apiKey: 'k', baseUrl: new URL('https://user:hunter2@h.example') }));
    expect(error.message).toMatch(/^baseUrl must be an absolute http\(s\) URL, without credentials/);
    expect(error.message).not.toContain('hunter2');
    expect(thrown(() => make({ apiKey: 'k', gatewayUrl: new URL('ftp://h.example') })).message).toMatch(
      /^gatewayUrl must be an absolute http\(s\) URL/,
    );
  });

  const refusedUrls: [value: unknown, kind: string][] = [
    ['', 'a blank string'],
    ['  \n', 'a blank string'],
    [null, 'null'],
    [8787, 'number'],
    [true, 'boolean'],
    [{ href: 'https://h.example' }, 'object'],
  ];
  it.each(refusedUrls)('%j is refused by its kind, not replaced by the env or the default', (value, kind) => {
    process.env.PORTKEY_BASE_URL = 'https://env-base.example.com';
    process.env.PORTKEY_GATEWAY_URL = 'https://env-gateway.example.com';
    for (const option of ['baseUrl', 'gatewayUrl'] as const) {
      const error = thrown(() => make({ apiKey: 'k', [option]: value as string }));
      expect(error.message).toBe(`${option} must be a non-blank string or URL, got ${kind}.`);
    }
    // Only undefined means "not given".
    expect(make({ apiKey: 'k', baseUrl: undefined, gatewayUrl: undefined })).toMatchObject({
      baseUrl: 'https://env-base.example.com',
      gatewayUrl: 'https://env-gateway.example.com',
    });
  });
});

describe('option names', () => {
  const misspelt: [name: string, meant: string][] = [
    ['baseURL', 'baseUrl'],
    ['BASEURL', 'baseUrl'],
    ['base_url', 'baseUrl'],
    ['gatewayURL', 'gatewayUrl'],
    ['gateway_url', 'gatewayUrl'],
    ['apikey', 'apiKey'],
    ['api_key', 'apiKey'],
    ['apiKeys', 'apiKey'],
    ['timout', 'timeout'],
    ['Timeout', 'timeout'],
    ['maxRetires', 'maxRetries'],
    ['maxRetry', 'maxRetries'],
    ['max_retry', 'maxRetries'],
    ['max_retries', 'maxRetries'],
    ['fecth', 'fetch'],
    ['header', 'headers'],
  ];
  it.each(misspelt)('%j is refused: did you mean %j?', (name, meant) => {
    process.env.PORTKEY_API_KEY = 'k';
    const error = thrown(() => make({ [name]: 'https://portkey.internal.example.com/v1' } as ClientOptions));
    expect(error.message).toBe(`Unknown option \`${name}\`: did you mean \`${meant}\`?`);
    // Even when undefined: a misspelt name is a bug whatever it holds.
    expect(thrown(() => make({ [name]: undefined } as ClientOptions)).message).toMatch(/^Unknown option/);
  });

  it.each(['virtualKey', 'config', 'retries', 'url', 'traceID', 'dangerouslyAllowBrowser'])(
    '%j, near no option, is refused without a guess',
    (name) => {
      const error = thrown(() => make({ apiKey: 'k', [name]: 'x' } as ClientOptions));
      expect(error.message).toBe(`Unknown option \`${name}\`.`);
    },
  );

  it.each(['pk-some-key', 42, true, null, [], [{ apiKey: 'k' }]])(
    'options that are not an object (%j) are refused',
    (options) => {
      process.env.PORTKEY_API_KEY = 'k';
      const error = thrown(() => make(options as ClientOptions));
      expect(error.message).toBe('The client options must be an object.');
      expect(error.message).not.toContain('pk-some-key');
    },
  );
});

describe('timeout and maxRetries', () => {
  it('defaults: 60 s and 2', () => {
    const portkey = make({ apiKey: 'k' });
    expect(portkey.timeout).toBe(60_000);
    expect(portkey.maxRetries).toBe(2);
  });

  it('accepts positive integers (maxRetries 0 too)', () => {
    expect(make({ apiKey: 'k', timeout: 1, maxRetries: 0 })).toMatchObject({ timeout: 1, maxRetries: 0 });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1000' as unknown as number])(
    'timeout %j is refused',
    (timeout) => {
      expect(thrown(() => make({ apiKey: 'k', timeout })).message).toMatch(/^timeout must be an integer ≥ 1/);
    },
  );

  it('a value String() cannot convert is refused in our words, and a string is named only by its type', () => {
    const error = thrown(() => make({ apiKey: 'k', timeout: Object.create(null) }));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toBe('timeout must be an integer ≥ 1, got object.');
    expect(thrown(() => make({ apiKey: 'k', timeout: 'pk-oops' as unknown as number })).message).not.toContain(
      'pk-oops',
    );
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '2' as unknown as number])(
    'maxRetries %j is refused',
    (maxRetries) => {
      expect(thrown(() => make({ apiKey: 'k', maxRetries })).message).toMatch(/^maxRetries must be an integer ≥ 0/);
    },
  );
});

describe('fetch and headers options', () => {
  it('a custom fetch is called unbound, with redirect: manual, the method and the headers', async () => {
    const seen: { self: unknown; input: string; init: RequestInit }[] = [];
    const fetch: FetchLike = function (this: unknown, input, init) {
      seen.push({ self: this, input, init });
      return Promise.resolve(new Response('{"ok":true}', { status: 200 }));
    };
    const portkey = make({ apiKey: 'pk-x', baseUrl: 'https://h.example/v1', fetch, headers: { 'X-Team': 'ml' } });
    await expect(portkey.integrations.retrieve('a/b')).resolves.toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    // Browsers' fetch throws "Illegal invocation" when `this` is anything but the global object or undefined.
    expect(seen[0]!.self).toBeUndefined();
    expect(seen[0]!.input).toBe('https://h.example/v1/integrations/a%2Fb');
    expect(seen[0]!.init).toMatchObject({
      method: 'GET',
      redirect: 'manual',
      headers: { accept: 'application/json', 'x-team': 'ml', 'x-portkey-api-key': 'pk-x' },
    });
  });

  it('a key in the headers option does not displace the apiKey option', async () => {
    const sent: string[] = [];
    const fetch: FetchLike = (_input, init) => {
      sent.push((init.headers as Record<string, string>)['x-portkey-api-key']!);
      return Promise.resolve(new Response('{}'));
    };
    const config = resolveConfig({ apiKey: 'pk-real', headers: { 'X-Portkey-Api-Key': 'pk-header' }, fetch });
    await new PortkeyAdmin({ ...config, fetch }).integrations.retrieve('x');
    expect(sent).toEqual(['pk-real']);
  });

  it('the options object is not kept: changing it later changes nothing', async () => {
    const s = await server((req, res) => json(res, 200, { team: req.headers['x-team'] }));
    const options = { apiKey: 'k', baseUrl: s.url, headers: { 'x-team': 'ml' } };
    const portkey = make(options);
    options.headers['x-team'] = 'changed';
    options.baseUrl = 'http://127.0.0.1:9';
    expect(await portkey.integrations.retrieve('x')).toEqual({ team: 'ml' });
  });
});

describe('readEnv outside Node', () => {
  /** Run `fn` with globalThis.process hidden and, optionally, a Deno global; synchronously, so nothing else sees it. */
  function withoutProcess<T>(deno: unknown, fn: () => T): T {
    const processDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'process')!;
    const hadDeno = 'Deno' in globalThis;
    Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true, writable: true });
    (globalThis as any).Deno = deno;
    try {
      return fn();
    } finally {
      Object.defineProperty(globalThis, 'process', processDescriptor);
      if (!hadDeno) delete (globalThis as any).Deno;
    }
  }

  it('reads Deno.env when there is no process', () => {
    const deno = { env: { get: (name: string) => ({ PORTKEY_BASE_URL: ' https://deno.example.com/v1/ ' })[name] } };
    expect(withoutProcess(deno, () => readEnv('PORTKEY_BASE_URL'))).toBe('https://deno.example.com/v1/');
    expect(withoutProcess(deno, () => resolveConfig({ apiKey: 'k' }).baseUrl)).toBe('https://deno.example.com/v1');
    expect(withoutProcess(deno, () => readEnv('PORTKEY_API_KEY'))).toBeUndefined();
  });

  it('Deno without --allow-env (Deno.env.get throws) counts as unset', () => {
    const deno = {
      env: {
        get() {
          throw new Error('NotCapable: Requires env access');
        },
      },
    };
    expect(withoutProcess(deno, () => readEnv('PORTKEY_API_KEY'))).toBeUndefined();
  });

  it('neither process nor Deno: unset', () => {
    expect(withoutProcess(undefined, () => readEnv('PORTKEY_API_KEY'))).toBeUndefined();
  });

  it('a process.env that throws on read (Deno 2 without --allow-env) counts as unset', () => {
    const env = process.env;
    process.env = new Proxy({} as NodeJS.ProcessEnv, {
      get() {
        throw new Error('NotCapable: Requires env access');
      },
    });
    let key: unknown = 'not read';
    let portkey: PortkeyAdmin | Error;
    try {
      key = readEnv('PORTKEY_API_KEY');
      // A caller who passes every option never needs the permission.
      portkey = make({ apiKey: SECRET_KEY });
    } catch (error) {
      portkey = error as Error;
    } finally {
      process.env = env;
    }
    expect(key).toBeUndefined();
    expect(portkey).toBeInstanceOf(PortkeyAdmin);
    expect((portkey as PortkeyAdmin).baseUrl).toBe(DEFAULT_BASE_URL);
  });
});
