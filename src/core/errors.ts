// The error hierarchy. The status errors (APIError and its subclasses) have the names of Portkey's and OpenAI's
// SDKs and their `status`, `headers` and `message`, so checks on those carry over; the parsed body is `body` here,
// `error` there. Unlike there, a failure without a response (connection, timeout, abort) is a PortkeyError but not
// an APIError: every APIError has a numeric status, and these have none. The catch-all here is PortkeyError.
// No error ever holds the request's headers: that is where the API key lives.

const BRAND = Symbol.for('portkey-admin.error');

/**
 * Names a class of the package's errors, on its prototype as Error's own `name` is, and marks it as known by that
 * name to every copy of the package.
 */
export function brandError(errorClass: abstract new (...args: any[]) => PortkeyError, name: string): void {
  const value = { value: name, writable: true, configurable: true };
  Object.defineProperties(errorClass.prototype, { name: value, [BRAND]: value });
}

/** Base of every error this package throws. */
export class PortkeyError extends Error {
  static {
    brandError(this, 'PortkeyError');
  }
  /**
   * `instanceof` by class name, not by object identity: an app that loads this package twice (its CommonJS and
   * its ESM build, or `portkey-admin/testing` beside the main entry) still catches one copy's errors with the
   * other's classes. Your own subclasses keep the ordinary check.
   */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: any[]) => T, value: unknown): value is T {
    // A bound class has no prototype of its own (it would find its parent's): the ordinary check knows what to do.
    if (!Object.hasOwn(this, 'prototype')) return Function.prototype[Symbol.hasInstance].call(this, value);
    const own = this.prototype;
    const brand = Object.hasOwn(own, BRAND) && own[BRAND];
    for (let p: any = value; (p = p && Object.getPrototypeOf(p));)
      if (p === own || (brand && p[BRAND] === brand)) return true;
    return false;
  }
}

/** The server answered with a non-2xx status. */
export class APIError extends PortkeyError {
  static {
    brandError(this, 'APIError');
  }
  /** HTTP status code. */
  declare readonly status: number;
  /** Response headers. */
  declare readonly headers: Headers;
  /** Portkey's id for this request (`x-portkey-request-id`, else `x-portkey-trace-id`), when sent. */
  declare readonly requestId: string | undefined;
  /** The parsed JSON error body, or the raw text when it was not JSON. */
  declare readonly body: unknown;
  /** Portkey's error code, when the body carries one (`AB07`: the workspace still has dependents, say). */
  declare readonly code: string | undefined;

  constructor(status: number, headers: Headers, body: unknown, message: string) {
    super(message);
    const b = body as Record<string, any> | undefined;
    // {error:{code}}, {code}, {data:{code}}: every shape Portkey writes its code in.
    const code = [b?.error?.code, b?.code, b?.data?.code].find((c) => typeof c === 'string' && c);
    Object.assign(this, { status, headers, body, code, requestId: requestIdOf(headers) });
  }
}

export class BadRequestError extends APIError {
  static {
    brandError(this, 'BadRequestError');
  }
}
export class AuthenticationError extends APIError {
  static {
    brandError(this, 'AuthenticationError');
  }
}
export class PermissionDeniedError extends APIError {
  static {
    brandError(this, 'PermissionDeniedError');
  }
}
export class NotFoundError extends APIError {
  static {
    brandError(this, 'NotFoundError');
  }
}
export class ConflictError extends APIError {
  static {
    brandError(this, 'ConflictError');
  }
}
export class UnprocessableEntityError extends APIError {
  static {
    brandError(this, 'UnprocessableEntityError');
  }
}
export class RateLimitError extends APIError {
  static {
    brandError(this, 'RateLimitError');
  }
}
export class InternalServerError extends APIError {
  static {
    brandError(this, 'InternalServerError');
  }
}

/** The request never got a response: refused, reset, DNS failure, a redirect we refuse to follow. */
export class APIConnectionError extends PortkeyError {
  static {
    brandError(this, 'APIConnectionError');
  }
}

/** An attempt took longer than `timeout` ms, and no retry was left. */
export class APIConnectionTimeoutError extends APIConnectionError {
  static {
    brandError(this, 'APIConnectionTimeoutError');
  }
  /** The attempts made in all, the first included; the last one timed out. */
  declare readonly attempts: number;
  constructor(timeoutMs: number, attempts = 1) {
    super(`Request timed out after ${timeoutMs} ms (${attempts} attempt${attempts === 1 ? '' : 's'}).`);
    this.attempts = attempts;
  }
}

/** The caller's `signal` aborted the request. */
export class APIUserAbortError extends PortkeyError {
  static {
    brandError(this, 'APIUserAbortError');
  }
  /** `reason` (the signal's `reason`: a DOMException named AbortError unless the caller gave one) becomes `cause`. */
  constructor(reason?: unknown) {
    super('Request was aborted by the caller.', reason === undefined ? undefined : { cause: reason });
  }
}

const STATUS_CLASSES: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-portkey-request-id') ?? headers.get('x-portkey-trace-id') ?? undefined;
}

/**
 * Build the right APIError subclass from a non-2xx response's status, headers and body text. `operation` is the
 * route template with its method (`GET /integrations/{slug}`), never the filled path: that can hold secrets.
 */
export function makeAPIError(status: number, headers: Headers, text: string, operation?: string): APIError {
  const body = parseJSONOrText(text);
  const said = clip(oneLine(messageFrom(body) ?? ''), 500) || snippetOf(text) || 'status code (no body)';
  const message = `${status} ${operation ? `${operation}: ` : ''}${said}`;
  const ErrorClass = STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new ErrorClass(status, headers, body, message);
}

function parseJSONOrText(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The server's own words, from each error shape Portkey (and Prism) use. */
function messageFrom(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, any>;
  // problem+json {title,detail}: every member is optional (RFC 9457), so either alone counts.
  const problem = [b.title, b.detail].filter((x) => typeof x === 'string' && x).join(': ');
  // In order: {error:{message,type,code}}, {error:"…"}, {success:false,data:{message}}, {message}, problem+json.
  return [b.error?.message, b.error, b.data?.message, b.message, problem].find((x) => typeof x === 'string' && x);
}

/**
 * Whitespace and control characters (C0, DEL, C1; line and paragraph separators are whitespace) and the bidi
 * overrides and isolates collapsed to one space: the server's words end up in log lines, and must not be able
 * to start a line of their own, drive a terminal, or show the text around them in another order.
 */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  return text.replace(/[\s\0-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
}

/** At most `max` UTF-16 units and '…'; never half a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, text.charCodeAt(max - 1) >> 10 === 0x36 ? max - 1 : max)}…`;
}

/**
 * A short, single-line, tag-free excerpt of a non-JSON body (an HTML page from a proxy, say); '' if none.
 *
 * Linear in the body, which is the server's to choose: no pattern here scans ahead from each '<' for an end it
 * may never find. A script or style runs to its closing tag, so the text is first cut at the closing tags and
 * each piece loses everything from its opening tag on (one still open at the end hides the rest, as in a
 * browser). A tag cannot hold a '<', so each search for a '>' stops at the next '<'; and a '<' that a letter,
 * '/', '!' or '?' does not follow is text, as in "must be < 10".
 */
export function snippetOf(text: string): string {
  const plain = text
    .split(/<\/(?:script|style)\s*>/i)
    .map((piece) => piece.replace(/<(?:script|style)\b[\s\S]*/i, ''))
    .join(' ')
    .replace(/<[a-z/!?][^<>]*>/gi, ' ');
  return clip(oneLine(plain), 200);
}
