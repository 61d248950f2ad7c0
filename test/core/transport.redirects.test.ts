// Redirects: followed within the configured origin, refused (and never retried) across origins, so the
// API key only ever reaches the server the client was given.
import { describe, expect, it } from 'vitest';
import { APIConnectionError, APIError } from '../../src/index';
import { SECRET_KEY, call, clientFor, closeServersAfterEach, redirect, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

describe('cross-origin redirects are refused', () => {
  it('to another server: an error naming its origin; the other server sees nothing; no retry', async () => {
    const other = await server((_req, res) => json(res, 200, { stolen: true }));
    const s = await server((_req, res) => redirect(res, 302, `${other.url}/collect?from=portkey`));
    const error = await rejection(clientFor(s.url, { maxRetries: 2 }).integrations.retrieve('x'));

    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(error.message).toContain(`to another origin, ${other.url}`);
    expect(error.message).not.toContain('/collect');
    expect(s.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });

  it.each([301, 302, 303, 307, 308])('%i to another origin is refused for a POST as well', async (status) => {
    const other = await server((_req, res) => json(res, 200, {}));
    const s = await server((_req, res) => redirect(res, status, `${other.url}/integrations`));
    const error = await rejection(
      call(clientFor(s.url, { maxRetries: 2 }), 'post', '/integrations', { body: { a: 1 } }),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(other.requests).toHaveLength(0);
    expect(s.requests).toHaveLength(1);
  });

  it('same host and port by another name (localhost vs 127.0.0.1) is another origin', async () => {
    const s = await server((req, res) =>
      req.url.startsWith('/moved')
        ? json(res, 200, {})
        : redirect(res, 302, `${s.url.replace('127.0.0.1', 'localhost')}/moved`),
    );
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain('http://localhost:');
    expect(s.requests).toHaveLength(1);
  });

  it('same host, another scheme (http → https) is another origin', async () => {
    const s = await server((_req, res) => redirect(res, 301, `${s.url.replace('http:', 'https:')}/integrations/x`));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain(s.url.replace('http:', 'https:'));
  });

  it('a later hop that leaves the origin is refused too', async () => {
    const other = await server((_req, res) => json(res, 200, {}));
    const s = await server((req, res) =>
      req.url === '/integrations/x' ? redirect(res, 302, '/hop') : redirect(res, 302, `${other.url}/collect`),
    );
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(s.requests.map((r) => r.url)).toEqual(['/integrations/x', '/hop']);
    expect(other.requests).toHaveLength(0);
  });
});

describe('same-origin redirects are followed', () => {
  it('303 after a POST → GET of the new location, without the body, with the key', async () => {
    const s = await server((req, res) =>
      req.method === 'POST' ? redirect(res, 303, '/integrations/created') : json(res, 200, { slug: 'created' }),
    );
    const { data, response } = await call(clientFor(s.url), 'post', '/integrations', {
      body: { name: 'n' },
    }).withResponse();

    expect(data).toEqual({ slug: 'created' });
    expect(response.url).toBe(`${s.url}/integrations/created`);
    const [first, second] = s.requests;
    expect(first).toMatchObject({ method: 'POST', url: '/integrations', body: '{"name":"n"}' });
    expect(second).toMatchObject({ method: 'GET', url: '/integrations/created', body: '' });
    expect(second!.headers['content-type']).toBeUndefined();
    expect(second!.headers['x-portkey-api-key']).toBe(SECRET_KEY);
  });

  it.each([301, 302])('%i after a POST becomes a GET, as fetch does', async (status) => {
    const s = await server((req, res) =>
      req.method === 'POST' ? redirect(res, status, '/integrations/y') : json(res, 200, { ok: true }),
    );
    await call(clientFor(s.url), 'post', '/integrations', { body: {} });
    expect(s.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it.each([307, 308])('%i keeps the method, the body and its content-type', async (status) => {
    const s = await server((req, res) =>
      req.url === '/integrations' ? redirect(res, status, '/integrations/v2') : json(res, 200, { ok: true }),
    );
    await call(clientFor(s.url), 'post', '/integrations', { body: { a: 1 } });
    expect(s.requests.map((r) => [r.method, r.url, r.body, r.headers['content-type']])).toEqual([
      ['POST', '/integrations', '{"a":1}', 'application/json'],
      ['POST', '/integrations/v2', '{"a":1}', 'application/json'],
    ]);
  });

  it('a relative location resolves against the current URL, path prefix included', async () => {
    const s = await server((req, res) =>
      req.url === '/v1/integrations/old' ? redirect(res, 301, 'new') : json(res, 200, { slug: 'new' }),
    );
    await expect(clientFor(`${s.url}/v1`).integrations.retrieve('old')).resolves.toEqual({ slug: 'new' });
    expect(s.requests.map((r) => r.url)).toEqual(['/v1/integrations/old', '/v1/integrations/new']);
  });

  it('a redirect loop stops after 5 hops with an error', async () => {
    const s = await server((req, res) => redirect(res, 302, req.url === '/a' ? '/b' : '/a'));
    const error = await rejection(call(clientFor(s.url, { maxRetries: 2 }), 'get', '/a'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/Too many redirects/);
    expect(s.requests).toHaveLength(6); // the first request and 5 redirects, never retried
  });

  it('a 3xx without a Location is an APIError with its status', async () => {
    const s = await server((_req, res) => json(res, 300, { message: 'pick one' }));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error.constructor).toBe(APIError);
    expect(error.status).toBe(300);
    expect(error.message).toBe('300 GET /integrations/{slug}: pick one');
  });

  it('a retry after a 303 repeats the original request whole (content-type included)', async () => {
    const s = await server((req, res, i) => {
      if (i === 0) redirect(res, 303, '/integrations/b');
      else if (i === 1) json(res, 500, { error: 'later' }, { 'retry-after-ms': '0' });
      else json(res, 200, { ok: i });
    });
    await call(clientFor(s.url, { maxRetries: 1 }), 'put', '/integrations/a', { body: { v: 1 } });
    expect(s.requests.map((r) => [r.method, r.url, r.body, r.headers['content-type']])).toEqual([
      ['PUT', '/integrations/a', '{"v":1}', 'application/json'],
      ['GET', '/integrations/b', '', undefined],
      ['PUT', '/integrations/a', '{"v":1}', 'application/json'],
    ]);
  });
});
