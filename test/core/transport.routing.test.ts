// Routing: each path goes to the server its route names. A fixture route table exercises every kind of
// route (control, gateway, default, a fixed URL, per-method entries) against three local servers.
import { describe, expect, it } from 'vitest';
import { routes } from '../../generated/routes';
import { resolveConfig } from '../../src/core/config';
import { Transport, type RouteTable } from '../../src/core/transport';
import { PortkeyError } from '../../src/index';
import { SECRET_KEY, clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

const ok = server.bind(null, (req, res) => json(res, 200, { path: req.url }));

async function setup(options: { gateway?: boolean } = {}) {
  const [control, gateway, fixed] = await Promise.all([ok(), ok(), ok()]);
  const table: RouteTable = {
    '/things/{id}': 'control',
    '/chat/completions': 'gateway',
    '/legacy': 'default',
    '/status': `${fixed.url}/fixed-prefix`,
    '/mixed': { get: 'gateway', '*': 'control' },
    '/only-post-on-gateway': { post: 'gateway' },
  };
  const config = resolveConfig({
    apiKey: SECRET_KEY,
    baseUrl: `${control.url}/v1/`,
    gatewayUrl: options.gateway === false ? undefined : `${gateway.url}/gw`,
    maxRetries: 0,
  });
  const transport = new Transport(config, table);
  /** Send, and say which server saw it at which path. */
  const send = async (method: string, template: string, init = {}) => {
    const before = [control, gateway, fixed].map((s) => s.requests.length);
    await transport.request(method, template, init);
    const hit = [control, gateway, fixed].flatMap((s, i) =>
      s.requests.slice(before[i]).map((r) => `${['control', 'gateway', 'fixed'][i]} ${r.method} ${r.url}`),
    );
    return hit;
  };
  return { transport, send, control, gateway, fixed };
}

describe('routing with a fixture table', () => {
  it("'control' → baseUrl, with its path prefix", async () => {
    const { send } = await setup();
    expect(await send('GET', '/things/{id}', { params: { path: { id: 'a b' } } })).toEqual([
      'control GET /v1/things/a%20b',
    ]);
  });

  it("'gateway' → gatewayUrl, with its path prefix", async () => {
    const { send } = await setup();
    expect(await send('POST', '/chat/completions', { body: {} })).toEqual(['gateway POST /gw/chat/completions']);
  });

  it("'gateway' → baseUrl when no gatewayUrl is configured", async () => {
    const { send } = await setup({ gateway: false });
    expect(await send('POST', '/chat/completions', { body: {} })).toEqual(['control POST /v1/chat/completions']);
  });

  it("'default' → baseUrl", async () => {
    const { send } = await setup();
    expect(await send('GET', '/legacy')).toEqual(['control GET /v1/legacy']);
  });

  it('a fixed URL → that URL, whatever baseUrl and gatewayUrl say', async () => {
    const { send } = await setup();
    expect(await send('GET', '/status')).toEqual(['fixed GET /fixed-prefix/status']);
  });

  it("a per-method entry: the method's route, else '*', else baseUrl", async () => {
    const { send } = await setup();
    expect(await send('GET', '/mixed')).toEqual(['gateway GET /gw/mixed']);
    expect(await send('DELETE', '/mixed')).toEqual(['control DELETE /v1/mixed']);
    expect(await send('POST', '/only-post-on-gateway', { body: {} })).toEqual([
      'gateway POST /gw/only-post-on-gateway',
    ]);
    expect(await send('GET', '/only-post-on-gateway')).toEqual(['control GET /v1/only-post-on-gateway']);
  });

  it('a path missing from the table → baseUrl', async () => {
    const { send } = await setup();
    expect(await send('GET', '/not/in/the/table')).toEqual(['control GET /v1/not/in/the/table']);
  });

  it('serverFor: method names in any case; Object.prototype names are not routes', async () => {
    const { transport, control, gateway } = await setup();
    expect(transport.serverFor('get', '/mixed')).toBe(`${gateway.url}/gw`);
    expect(transport.serverFor('GET', '/mixed')).toBe(`${gateway.url}/gw`);
    for (const template of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(transport.serverFor('GET', template), template).toBe(`${control.url}/v1`);
    }
  });

  it('a template that does not start with "/" is refused before anything is sent', async () => {
    const { transport, control, gateway, fixed } = await setup();
    for (const template of ['things', '@evil.example/steal', 'toString', '']) {
      const error = await rejection(transport.request('GET', template));
      expect(error, template).toBeInstanceOf(PortkeyError);
      expect(error.message).toMatch(/must start with "\/"/);
    }
    expect([control, gateway, fixed].map((s) => s.requests.length)).toEqual([0, 0, 0]);
  });
});

describe('routing with the generated table', () => {
  it('the table lists only paths served elsewhere than baseUrl; /integrations/{slug} is not one', () => {
    expect(Object.hasOwn(routes, '/integrations/{slug}')).toBe(false);
    for (const [path, entry] of Object.entries(routes)) {
      expect(path.startsWith('/'), path).toBe(true);
      if (typeof entry === 'string') expect(entry, path).toMatch(/^(gateway|https?:\/\/.+)$/);
      else
        for (const kind of Object.values(entry))
          expect(kind, path).toMatch(/^(control|gateway|default|https?:\/\/.+)$/);
    }
  });

  it('integrations.retrieve goes to baseUrl, never to the gateway', async () => {
    const [control, gateway] = await Promise.all([ok(), ok()]);
    const portkey = clientFor(`${control.url}/v1`, { gatewayUrl: gateway.url });
    await portkey.integrations.retrieve('x');
    await portkey.get('/integrations/{slug}', { params: { path: { slug: 'y' } } });
    expect(control.requests.map((r) => r.url)).toEqual(['/v1/integrations/x', '/v1/integrations/y']);
    expect(gateway.requests).toHaveLength(0);
  });
});

describe('operations the spec serves without auth', () => {
  it('get no API key on the wire; every other operation does', async () => {
    const s = await ok();
    const config = resolveConfig({ apiKey: SECRET_KEY, baseUrl: s.url, maxRetries: 0 });
    const transport = new Transport(config, { '/pricing/{model}': `${s.url}/public` }, ['GET /pricing/{model}']);
    await transport.request('GET', '/pricing/{model}', { params: { path: { model: 'gpt-4o' } } });
    await transport.request('POST', '/pricing/{model}', { params: { path: { model: 'gpt-4o' } }, body: {} });
    await transport.request('GET', '/things', {});
    const keys = s.requests.map((r) => [r.method, r.url, r.headers['x-portkey-api-key'] ?? null]);
    expect(keys).toEqual([
      ['GET', '/public/pricing/gpt-4o', null],
      ['POST', '/public/pricing/gpt-4o', SECRET_KEY],
      ['GET', '/things', SECRET_KEY],
    ]);
  });

  it('the generated table lists exactly the spec operations with `security: []`', async () => {
    const { anonymous } = await import('../../generated/routes');
    const { anonymousOperations, loadSpec } = await import('../../scripts/lib/spec.mjs');
    const { inject } = await import('vitest');
    expect([...anonymous].sort()).toEqual(anonymousOperations(loadSpec('openapi/portkey.yaml')).sort());
    // Portkey's full spec serves model pricing without auth: the check finds it there.
    const full = inject('specFile');
    if (full.endsWith('portkey-openapi.yaml')) {
      expect(anonymousOperations(loadSpec(full))).toContain('GET /model-configs/pricing/{provider}/{model}');
    }
  });
});
