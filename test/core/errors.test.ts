// The error classes and makeAPIError on their own, without a server: the message a log line gets from a
// server's answer, how long building it may take, and what each failure without a response carries.
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
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
import { makeAPIError, snippetOf } from '../../src/core/errors';

const json = (body: unknown) => JSON.stringify(body);
/** `unit` repeated to `kib` KiB. */
const pile = (unit: string, kib: number) => unit.repeat(Math.ceil((kib * 1024) / unit.length));

describe('snippetOf', () => {
  // Each size makes a scan that is quadratic in the body take minutes; the transport reads up to about 1 MB.
  it.each([
    ['unclosed "<"', pile('<', 256)],
    ['text and "<"', pile('a<', 256)],
    ['unclosed tags', pile('<a', 256)],
    ['unclosed comments', pile('<!--', 512)],
    ['closing tags without a ">"', pile('</script', 512)],
    ['unclosed scripts', pile('<script', 512)],
    ['styles with a wrong closing tag', pile('<style></styl', 1024)],
  ])('completes on a body of %s', (_name, body) => {
    expect(snippetOf(body).length).toBeLessThanOrEqual(201);
  });

  it('takes a "<" that opens no tag as text', () => {
    expect(snippetOf('limit must be < 10 and > 2')).toBe('limit must be < 10 and > 2');
  });

  it('drops a script or style up to its closing tag, whatever its case or spacing', () => {
    expect(snippetOf('<SCRIPT>track("x")</SCRIPT >Bad <Style type=x>b{}</style\n>Gateway')).toBe('Bad Gateway');
  });

  it('has no control characters: a body cannot drive a terminal or start a log line', () => {
    const snippet = snippetOf('<p>\u001b[2Jcleared\u0000\u0007\u007f\u0085\u009bnext</p>');
    expect(snippet).toBe('[2Jcleared next');
  });

  it('has no bidi overrides or isolates: a log line shows the text in the order it came', () => {
    const snippet = snippetOf('user \u202eexe.daolnwod\u202c denied, \u2067reason\u2069 given');
    expect(snippet).toBe('user exe.daolnwod denied, reason given');
  });

  it('never cuts a surrogate pair in half', () => {
    const snippet = snippetOf(`${'a'.repeat(199)}😀 and more`);
    expect(snippet).toBe(`${'a'.repeat(199)}…`);
  });
});

describe('makeAPIError', () => {
  const headers = new Headers({ 'x-portkey-request-id': 'req-1' });

  it('names the operation, the route template with its method, when one is given', () => {
    const body = json({ error: { message: 'Integration not found', code: 'AB04' } });
    const error = makeAPIError(404, headers, body, 'GET /integrations/{slug}');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('404 GET /integrations/{slug}: Integration not found');
    expect(error.code).toBe('AB04');
    expect(error.requestId).toBe('req-1');
    expect(makeAPIError(404, headers, body).message).toBe('404 Integration not found');
    expect(makeAPIError(500, headers, '', 'DELETE /workspaces/{id}').message).toBe(
      '500 DELETE /workspaces/{id}: status code (no body)',
    );
  });

  it("caps the server's words at 500 characters; the body keeps them all", () => {
    const words = 'x'.repeat(100_000);
    const error = makeAPIError(400, headers, json({ message: words }), 'POST /configs');
    expect(error.message).toBe(`400 POST /configs: ${'x'.repeat(500)}…`);
    expect(error.body).toEqual({ message: words });
  });

  it.each([
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
    ['NEL (C1)', '\u0085'],
    ['ESC (C0)', '\u001b'],
    ['DEL', '\u007f'],
  ])('a server cannot start a log line of its own with %s', (_name, breaker) => {
    const words = `denied${breaker}${breaker}2026-01-01 INFO admin login ok${breaker}`;
    const error = makeAPIError(403, headers, json({ error: { message: words } }), 'GET /users');
    expect(error.message).toBe('403 GET /users: denied 2026-01-01 INFO admin login ok');
    expect((error.body as any).error.message).toBe(words);
  });

  it('quotes a JSON body of an unknown shape through the same linear snippet', () => {
    const error = makeAPIError(400, headers, json({ reason: pile('<', 256) }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe(`400 {"reason":"${'<'.repeat(189)}…`);
  });
});

describe('failures without a response', () => {
  it('a timeout says how many attempts were made', () => {
    const three = new APIConnectionTimeoutError(5000, 3);
    expect(three.message).toBe('Request timed out after 5000 ms (3 attempts).');
    expect(three.attempts).toBe(3);
    const one = new APIConnectionTimeoutError(250);
    expect(one.message).toBe('Request timed out after 250 ms (1 attempt).');
    expect(one.attempts).toBe(1);
  });

  it("an abort keeps the caller's reason as its cause, the default AbortError too, and only when there is one", () => {
    const reason = new Error('the user left the page');
    const mine = new APIUserAbortError(reason);
    expect(mine.cause).toBe(reason);
    expect(mine.message).toBe('Request was aborted by the caller.');

    const controller = new AbortController();
    controller.abort();
    const byDefault = new APIUserAbortError(controller.signal.reason);
    expect(byDefault.cause).toBeInstanceOf(DOMException);
    expect((byDefault.cause as DOMException).name).toBe('AbortError');

    expect('cause' in new APIUserAbortError()).toBe(false);
  });
});

describe('the hierarchy', () => {
  const statusClasses = [
    APIError,
    BadRequestError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    UnprocessableEntityError,
    RateLimitError,
    InternalServerError,
  ];
  const failures = [
    new APIConnectionError('Connection error: ECONNRESET'),
    new APIConnectionTimeoutError(1000, 2),
    new APIUserAbortError(),
  ];

  it('every status error is an APIError; no failure without a response is; all are PortkeyErrors', () => {
    for (const Class of statusClasses) {
      const error = new Class(418, new Headers(), undefined, '418 teapot');
      expect(error).toBeInstanceOf(APIError);
      expect(error).toBeInstanceOf(PortkeyError);
      expect(error.status).toBe(418);
    }
    for (const error of failures) {
      expect(error).not.toBeInstanceOf(APIError);
      expect(error).toBeInstanceOf(PortkeyError);
      expect(error).toBeInstanceOf(Error);
      expect('status' in error).toBe(false);
    }
    expect(failures[1]).toBeInstanceOf(APIConnectionError);
    expect(failures[2]).not.toBeInstanceOf(APIConnectionError);
  });

  it('names come from the class, and instanceof refuses what is not one of ours', () => {
    expect(new NotFoundError(404, new Headers(), undefined, 'm').name).toBe('NotFoundError');
    expect(failures.map((e) => e.name)).toEqual([
      'APIConnectionError',
      'APIConnectionTimeoutError',
      'APIUserAbortError',
    ]);
    class APIErrorOfAnotherLibrary extends Error {
      override name = 'APIError';
    }
    for (const value of [
      new APIErrorOfAnotherLibrary(),
      new Error('x'),
      {},
      Object.create(null),
      null,
      'APIError',
      0,
    ]) {
      expect(value instanceof APIError).toBe(false);
      expect(value instanceof PortkeyError).toBe(false);
    }
    expect(new ConflictError(409, new Headers(), undefined, 'm') instanceof NotFoundError).toBe(false);
  });

  it('a bound class checks as its target does', () => {
    const Bound = NotFoundError.bind(null);
    expect(new NotFoundError(404, new Headers(), undefined, 'm') instanceof Bound).toBe(true);
    expect(new ConflictError(409, new Headers(), undefined, 'm') instanceof Bound).toBe(false);
  });
});
