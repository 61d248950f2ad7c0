// Errors against real local servers: each status to its class, each error shape to the server's own
// words, bodies that are not JSON, 2xx bodies that are broken or empty, and Portkey's request id.
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PortkeyError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/index';
import { call, clientFor, closeServersAfterEach, rejection, server, text } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

describe('status → error class', () => {
  const cases: { status: number; Class: typeof APIError }[] = [
    { status: 400, Class: BadRequestError },
    { status: 401, Class: AuthenticationError },
    { status: 403, Class: PermissionDeniedError },
    { status: 404, Class: NotFoundError },
    { status: 409, Class: ConflictError },
    { status: 422, Class: UnprocessableEntityError },
    { status: 429, Class: RateLimitError },
    { status: 500, Class: InternalServerError },
    { status: 502, Class: InternalServerError },
    { status: 503, Class: InternalServerError },
    { status: 504, Class: InternalServerError },
    { status: 599, Class: InternalServerError },
    // Statuses without a class of their own are plain APIErrors.
    { status: 402, Class: APIError },
    { status: 405, Class: APIError },
    { status: 408, Class: APIError },
    { status: 418, Class: APIError },
  ];

  it.each(cases)('$status → $Class.name', async ({ status, Class }) => {
    const body = { error: { message: `failure ${status}`, type: 'test', code: String(status) } };
    const s = await server((_req, res) => json(res, status, body, { 'x-portkey-request-id': `req-${status}` }));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));

    expect(error.constructor).toBe(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(error.name).toBe(Class.name);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(body);
    expect(error.message).toBe(`${status} GET /integrations/{slug}: failure ${status}`);
    expect(error.headers).toBeInstanceOf(Headers);
    expect(error.headers.get('content-type')).toBe('application/json');
    expect(error.requestId).toBe(`req-${status}`);
    expect(s.requests).toHaveLength(1);
  });
});

describe('the message is the server’s own words', () => {
  const shapes: { shape: string; status: number; body: unknown; message: string; type?: string }[] = [
    {
      shape: '{error:{message,type,code}}',
      status: 404,
      body: { error: { message: 'Integration openai-prod not found', type: 'not_found', code: 'AB04' } },
      message: '404 Integration openai-prod not found',
    },
    {
      shape: '{success:false,data:{message}}',
      status: 403,
      body: { success: false, data: { message: 'Workspace is archived' } },
      message: '403 Workspace is archived',
    },
    {
      shape: '{error:"…"}',
      status: 401,
      body: { error: 'Invalid API key' },
      message: '401 Invalid API key',
    },
    {
      shape: '{message}',
      status: 429,
      body: { message: 'Too many requests, slow down' },
      message: '429 Too many requests, slow down',
    },
    {
      shape: 'problem+json {title,detail}',
      status: 422,
      body: { type: 'about:blank', title: 'Unprocessable Entity', detail: 'slug must be lowercase', status: 422 },
      message: '422 Unprocessable Entity: slug must be lowercase',
      type: 'application/problem+json',
    },
    {
      shape: 'problem+json {title}',
      status: 409,
      body: { title: 'Conflict' },
      message: '409 Conflict',
      type: 'application/problem+json',
    },
    {
      shape: 'problem+json {detail} (every member is optional)',
      status: 400,
      body: { detail: 'name is required' },
      message: '400 name is required',
      type: 'application/problem+json',
    },
    {
      shape: 'unknown JSON: the JSON itself, as a snippet',
      status: 400,
      body: { reason: 'odd' },
      message: '400 {"reason":"odd"}',
    },
  ];

  it.each(shapes)('$shape', async ({ status, body, message, type }) => {
    const s = await server((_req, res) => json(res, status, body, type ? { 'content-type': type } : {}));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toBe(message.replace(/^(\d{3}) /, '$1 GET /integrations/{slug}: '));
    expect(error.body).toEqual(body);
  });

  it('an HTML page from a proxy becomes the status and a short, clean, single-line snippet', async () => {
    const page = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title>
<style>body { font-family: sans-serif; color: #333 }</style>
<script>window.dataLayer = [{ track: "<b>not text</b>" }];</script></head>
<body><center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.25.3</center>
<p>${'padding '.repeat(200)}</p>
</body></html>`;
    const s = await server((_req, res) => text(res, 502, page));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(502);
    expect(error.message).toMatch(
      /^502 GET \/integrations\/\{slug\}: 502 Bad Gateway 502 Bad Gateway nginx\/1\.25\.3 padding/,
    );
    expect(error.message.replace('{slug}', '')).not.toMatch(/[<>{}\n]/);
    expect(error.message).not.toContain('font-family');
    expect(error.message).not.toContain('dataLayer');
    expect(error.message.length).toBeLessThanOrEqual(240);
    expect(error.message.endsWith('…')).toBe(true);
    // The whole page stays available on the error.
    expect(error.body).toBe(page);
  });

  it('a plain-text body is quoted as is', async () => {
    const s = await server((_req, res) =>
      text(res, 503, 'upstream connect error or disconnect/reset before headers\n', { 'content-type': 'text/plain' }),
    );
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe(
      '503 GET /integrations/{slug}: upstream connect error or disconnect/reset before headers',
    );
  });

  it('a JSON content-type with a broken body: the status and the raw text, never a SyntaxError', async () => {
    const s = await server((_req, res) =>
      text(res, 400, '{"error": {"message": "trunc', { 'content-type': 'application/json' }),
    );
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('400 GET /integrations/{slug}: {"error": {"message": "trunc');
    expect(error.body).toBe('{"error": {"message": "trunc');
  });

  it('an empty error body says so', async () => {
    const s = await server((_req, res) => text(res, 500, '', {}));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe('500 GET /integrations/{slug}: status code (no body)');
    expect(error.body).toBeUndefined();
  });
});

describe('2xx responses', () => {
  it('a 2xx with broken JSON is a PortkeyError naming the status, not a raw SyntaxError', async () => {
    const s = await server((_req, res) =>
      text(res, 200, '{"slug": "openai-prod", ', { 'content-type': 'application/json' }),
    );
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(error.message).toMatch(/^Invalid JSON in a 200 response to GET \/integrations\/\{slug\}: /);
    expect(error.message).toContain('{"slug": "openai-prod",');
  });

  it('a 2xx HTML page (an SSO login in front of the API) is a PortkeyError with a clean snippet', async () => {
    const s = await server((_req, res) => text(res, 200, '<html><body><h1>Sign in</h1><form>…</form></body></html>'));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error.message).toContain('Sign in');
    expect(error.message).not.toMatch(/[<>]/);
  });

  it('204 No Content resolves to undefined, with the response', async () => {
    const s = await server((_req, res) => {
      res.writeHead(204, { 'x-portkey-request-id': 'req-204' });
      res.end();
    });
    const portkey = clientFor(s.url);
    await expect(call(portkey, 'delete', '/integrations/x')).resolves.toBeUndefined();
    const { data, response, requestId } = await call(portkey, 'delete', '/integrations/x').withResponse();
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    expect(requestId).toBe('req-204');
  });

  it('a 200 with an empty body resolves to undefined', async () => {
    const s = await server((_req, res) => text(res, 200, '', { 'content-type': 'application/json' }));
    await expect(clientFor(s.url).integrations.retrieve('x')).resolves.toBeUndefined();
  });

  it('a 200 whose body is only a line break or blanks resolves to undefined', async () => {
    const s = await server((_req, res) => text(res, 200, '\r\n \n', { 'content-type': 'application/json' }));
    await expect(clientFor(s.url).integrations.delete('x')).resolves.toBeUndefined();
  });

  it('a 2xx of markup with no text in it quotes an empty snippet, not "undefined"', async () => {
    const s = await server((_req, res) => text(res, 200, '<html><body><script>x()</script></body></html>'));
    const error = await rejection(clientFor(s.url).integrations.retrieve('x'));
    expect(error.message).toBe('Invalid JSON in a 200 response to GET /integrations/{slug}: ""');
  });

  it('a 201 with JSON resolves to the parsed body', async () => {
    const s = await server((_req, res) => json(res, 201, { id: 'int_1', slug: 'new' }));
    const result = await call(clientFor(s.url), 'post', '/integrations', { body: { name: 'n' } });
    expect(result).toEqual({ id: 'int_1', slug: 'new' });
  });
});

describe('request id', () => {
  const cases: { name: string; headers: Record<string, string>; id: string | undefined }[] = [
    { name: 'x-portkey-request-id', headers: { 'x-portkey-request-id': 'req-1' }, id: 'req-1' },
    {
      name: 'x-portkey-trace-id when there is no request id',
      headers: { 'x-portkey-trace-id': 'trace-1' },
      id: 'trace-1',
    },
    {
      name: 'x-portkey-request-id over x-portkey-trace-id',
      headers: { 'x-portkey-trace-id': 'trace-2', 'x-portkey-request-id': 'req-2' },
      id: 'req-2',
    },
    { name: 'undefined when neither is sent', headers: {}, id: undefined },
  ];

  it.each(cases)('on success and on error: $name', async ({ headers, id }) => {
    const s = await server((req, res) =>
      req.url.endsWith('/ok') ? json(res, 200, { slug: 'ok' }, headers) : json(res, 404, { message: 'no' }, headers),
    );
    const portkey = clientFor(s.url);
    const ok = await portkey.integrations.retrieve('ok').withResponse();
    expect(ok.requestId).toBe(id);
    expect(ok.data).toEqual({ slug: 'ok' });
    expect(ok.response.status).toBe(200);
    const error = await rejection(portkey.integrations.retrieve('missing'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe(id);
  });
});

describe("Portkey's error code", () => {
  it('is error.code, from each body shape that carries one, and undefined otherwise', async () => {
    const bodies: [unknown, string | undefined][] = [
      [{ error: { message: 'workspace has dependents', code: 'AB07' } }, 'AB07'],
      [{ success: false, data: { message: 'forbidden', code: 'AB03' } }, 'AB03'],
      [{ message: 'conflict', code: 'AB07' }, 'AB07'],
      [{ error: { message: 'no code', code: null } }, undefined],
      [{ error: 'plain' }, undefined],
    ];
    for (const [body, code] of bodies) {
      const s = await server((_req, res) => json(res, 409, body));
      const error = await rejection(clientFor(s.url).integrations.delete('x'));
      expect(error).toBeInstanceOf(APIError);
      expect(error.code).toBe(code);
    }
  });
});
