// How a request is sent: route to the right server, build URL and headers, one attempt at a time with
// its own timeout, retries with backoff, same-origin redirects only, and errors in our hierarchy.
// Resources never see any of this; they name a method, a path template and parameters.
import { anonymous, routes, type Route, type RouteEntry } from '../../generated/routes';
import type { HeadersLike, ResolvedConfig } from './config';
import { integerAtLeast } from './config';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  PortkeyError,
  makeAPIError,
  requestIdOf,
  snippetOf,
} from './errors';
import { fillPath } from './path';
import { encodeQuery } from './query';
import { causesOf, retryDelayMs, shouldRetryFailure, shouldRetryStatus } from './retry';
import { type TimeoutWindow, checkSignal, sleep, startAttempt } from './signals';

export interface RequestOptions {
  /** Abort the request (at any stage, including while waiting to retry). */
  signal?: AbortSignal | null | undefined;
  /** Milliseconds allowed for each attempt; overrides the client's. */
  timeout?: number | undefined;
  /** Retries after the first attempt; overrides the client's. */
  maxRetries?: number | undefined;
  /** Extra headers for this call only (a `null` value removes one of the client's). */
  headers?: HeadersLike | undefined;
}

export interface CallInit extends RequestOptions {
  params?:
    | {
        path?: Record<string, unknown> | undefined;
        query?: Record<string, unknown> | undefined;
        header?: Record<string, unknown> | undefined;
      }
    | undefined;
  body?: unknown;
  /** The facade method making the call (`integrations.retrieve`), named in what is refused before sending. */
  label?: string | undefined;
}

export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}

const API_KEY_HEADER = 'x-portkey-api-key';
const MAX_REDIRECTS = 5;
const REDACTED = '[redacted]';
/** What is read of an error's body: enough for any error Portkey writes, and a bound on a hostile one. */
const MAX_ERROR_BODY = 1_000_000;

export type RouteTable = { readonly [path: string]: RouteEntry };

export class Transport {
  // Private fields: invisible to util.inspect, JSON.stringify and enumeration, so the key stays here.
  readonly #config: ResolvedConfig;
  readonly #baseHeaders: Record<string, string>;
  readonly #jsonHeaders: Record<string, string>;
  readonly #routes: RouteTable;
  readonly #anonymous: readonly string[];
  /** The last timeout window per caller signal (the transport itself stands for none): the next attempt may join it. */
  readonly #windows = new WeakMap<object, TimeoutWindow>();

  /** The tables default to the generated ones; tests pass their own to exercise every kind of route. */
  constructor(config: ResolvedConfig, routeTable: RouteTable = routes, anonymousOps: readonly string[] = anonymous) {
    this.#config = config;
    this.#routes = routeTable;
    this.#anonymous = anonymousOps;
    // A bad key or header is refused when the client is made, not on every call.
    this.#baseHeaders = mergeHeaders({ accept: 'application/json' }, config.headers, {
      [API_KEY_HEADER]: config.apiKey,
    });
    this.#jsonHeaders = { ...this.#baseHeaders, 'content-type': 'application/json' };
  }

  /** The origin + prefix a path is served from, per the route table. */
  serverFor(method: string, template: string): string {
    // Own properties only: a template such as "constructor" must not find Object.prototype's.
    const entry = Object.hasOwn(this.#routes, template) ? this.#routes[template] : undefined;
    const route: Route | undefined = typeof entry === 'object' ? (entry[method.toLowerCase()] ?? entry['*']) : entry;
    if (route === 'gateway') return this.#config.gatewayUrl;
    // An absolute URL is a fixed server; 'control', 'default' and no entry at all mean baseUrl.
    return route && /^https?:/.test(route) ? route : this.#config.baseUrl;
  }

  /** `check` validates a resource's own arguments first: what it throws rejects the call, and nothing is sent. */
  async request<T>(
    method: string,
    template: string,
    init: CallInit = {},
    check?: () => void,
  ): Promise<WithResponse<T>> {
    // Everything that can be refused is refused here, before the network.
    check?.();
    // A template not starting with "/" would be glued onto the server URL: "@evil.example/" after
    // "http://host:8080" makes evil.example the host, and the key would go there.
    if (!template.startsWith('/')) {
      throw new PortkeyError(`Path ${JSON.stringify(template)} must start with "/".`);
    }
    const url =
      this.serverFor(method, template) +
      fillPath(template, init.params?.path, init.label) +
      encodeQuery(init.params?.query);
    const body = encodeBody(init.body);
    let headers = this.#headersFor(init, body !== undefined);
    // An operation the spec serves without auth never gets the key: it may live on another origin
    // (model pricing is on Portkey's cloud, whatever baseUrl says).
    if (this.#anonymous.length && this.#anonymous.includes(`${method} ${template}`)) {
      const { [API_KEY_HEADER]: _, ...rest } = headers;
      headers = rest;
    }
    const operation = `${method} ${template}`;
    const timeout = integerAtLeast('timeout', init.timeout, 1, this.#config.timeout);
    const maxRetries = integerAtLeast('maxRetries', init.maxRetries, 0, this.#config.maxRetries);
    const signal = checkSignal(init.signal, init.label ?? operation);
    const secret = headers[API_KEY_HEADER];

    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw new APIUserAbortError(signal.reason);
      const attempt = startAttempt(this.#windows.get(signal ?? this), signal, timeout);
      this.#windows.set(signal ?? this, attempt);
      // A write that a redirect turned into a GET was done: whatever happens next, it is never sent again.
      const sent = { method, done: false };
      let response: Response;
      let text: string;
      try {
        ({ response, text } = await attempt.race(this.#attempt(url, headers, body, attempt.signal, sent, secret)));
      } catch (error) {
        attempt.leave();
        if (signal?.aborted) throw new APIUserAbortError(signal.reason);
        const timedOut = attempt.signal.aborted;
        // Our own refusals (a redirect to another origin, say) are PortkeyErrors and final.
        if (
          retry < maxRetries &&
          !sent.done &&
          !(error instanceof PortkeyError) &&
          shouldRetryFailure(method, error, timedOut)
        ) {
          await sleep(retryDelayMs(retry, undefined), signal);
          continue;
        }
        throw failureOf(error, timedOut, timeout, retry + 1, secret);
      }
      attempt.leave();

      if (response.ok) {
        const data = parseSuccess<T>(response, text, secret, operation);
        return { data, response, requestId: requestIdOf(response.headers) };
      }

      if (retry < maxRetries && !sent.done && shouldRetryStatus(method, response.status, response.headers)) {
        await sleep(retryDelayMs(retry, response.headers), signal);
        continue;
      }
      throw makeAPIError(response.status, redactHeaders(response.headers, secret), redact(text, secret), operation);
    }
  }

  /**
   * One attempt: the request, its same-origin redirects and the body. The caller races it against the attempt's
   * signal as a whole, so that a custom fetch that ignores the signal (or a body that never ends) still ends at
   * the timeout.
   */
  async #attempt(
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
    sent: { method: string; done: boolean },
    secret: string | undefined,
  ): Promise<{ response: Response; text: string }> {
    let response = await this.#fetch(url, sent.method, headers, body, signal);
    if (!response.ok) response = await this.#followRedirects(response, sent, url, headers, body, signal, secret);
    if (response.ok) return { response, text: await response.text() };
    // An error's body is read only so far: it becomes a message, and a hostile one could be endless. Read as far
    // as the key's longest escaped form past the limit: a key that runs across the limit is then whole, and the
    // cut goes before it, where a cut through it would leave its start behind for no redaction.
    const text = await textUpTo(response, MAX_ERROR_BODY + (secret ? secret.length * 6 : 0));
    let end = MAX_ERROR_BODY;
    if (secret && text.length > end) {
      for (const m of text.matchAll(keyPattern(secret)))
        if (m.index < end && m.index + m[0].length > end) end = m.index;
    }
    return { response, text: text.slice(0, end) };
  }

  /**
   * One request. A fetch that follows redirects itself (dropping `redirect: 'manual'`) may have taken the
   * request to another origin: its answer is refused, as that redirect would have been.
   */
  async #fetch(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<Response> {
    // Called unbound, as documented: `this.#config.fetch(…)` would pass the config as `this`, and
    // browsers' and workers' fetch throw "Illegal invocation" unless `this` is the global object.
    const fetchImpl = this.#config.fetch;
    const response = await fetchImpl(url, { method, headers, body: body ?? null, signal, redirect: 'manual' });
    if (response.redirected && response.url && new URL(response.url).origin !== new URL(url).origin) {
      await response.body?.cancel().catch(() => {});
      throw new APIConnectionError(
        'fetch followed a redirect to another origin itself (ignoring `redirect: "manual"`): answer refused.',
      );
    }
    return response;
  }

  /** The client's headers (checked once, at construction) plus this call's own (checked here). */
  #headersFor(init: CallInit, hasBody: boolean): Record<string, string> {
    const fromParams = init.params?.header;
    const prepared = hasBody ? this.#jsonHeaders : this.#baseHeaders;
    // A copy for every request: a fetch may change what it is given (a tracing wrapper on globalThis.fetch too),
    // and that must not reach later calls.
    return mergeHeaders({ ...prepared }, fromParams, init.headers);
  }

  /**
   * Same-origin redirects, followed by hand: fetch would carry the key to any origin. Entered with any
   * response that is not ok; returns the first response that is not a redirect to follow.
   */
  async #followRedirects(
    response: Response,
    sent: { method: string; done: boolean },
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
    secret: string | undefined,
  ): Promise<Response> {
    for (let hops = 0; ; hops++) {
      if (response.type === 'opaqueredirect') {
        throw new APIConnectionError('Redirect not followed: the browser hides its target.');
      }
      if (response.status < 300 || response.status > 399 || response.status === 304) return response;
      const location = response.headers.get('location');
      if (!location) return response;
      await response.body?.cancel().catch(() => {});
      let target: URL;
      try {
        target = new URL(location, url);
      } catch {
        // URL's own TypeError quotes the Location, which a server may have filled with the key.
        throw new APIConnectionError(`Redirect (${response.status}) to a Location that is not a URL.`);
      }
      if (target.origin !== new URL(url).origin) {
        throw new APIConnectionError(
          `Refused a redirect to another origin, ${redact(target.origin, secret)}: it would get the key.`,
        );
      }
      if (hops >= MAX_REDIRECTS) throw new APIConnectionError(`Too many redirects (more than ${MAX_REDIRECTS}).`);
      // As fetch does: 303, and 301/302 after a POST, become a GET without a body.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && sent.method === 'POST')) {
        // The server took the write and points at its result: it must not be repeated. (PUT and DELETE may
        // be: doing them twice is doing them once.)
        sent.done ||= sent.method === 'POST' || sent.method === 'PATCH';
        sent.method = 'GET'; // never HEAD here: the client sends only GET, POST, PUT, PATCH and DELETE
        body = undefined;
        // A copy: the object passed in is shared with later attempts and other calls.
        const { 'content-type': _, ...rest } = headers;
        headers = rest;
      }
      url = target.href;
      response = await this.#fetch(url, sent.method, headers, body, signal);
    }
  }
}

/** What a failed attempt becomes: a timeout, our own refusal as it is, or a connection error. */
function failureOf(
  error: unknown,
  timedOut: boolean,
  timeout: number,
  attempts: number,
  secret: string | undefined,
): PortkeyError {
  if (error instanceof PortkeyError) return error;
  if (timedOut) return new APIConnectionTimeoutError(timeout, attempts);
  const described = describeCause(error);
  return new APIConnectionError(`Connection error: ${redact(described, secret)}`, {
    cause: causeOf(error, described, secret),
  });
}

/**
 * What fetch threw, to keep as `cause`: as it is when it is the platform's kind of error, holding only plain values
 * and no key; else a copy of what it says, redacted. A custom fetch's error may hold the request, and with it the
 * key, in an object (a Request, its Headers), a getter or a hidden field.
 */
function causeOf(error: unknown, described: string, secret: string | undefined): unknown {
  return !secret || isPlain(error, secret) ? error : new Error(redact(described, secret));
}

const PLAIN_ERRORS = [Error, TypeError, RangeError, SyntaxError, globalThis.DOMException].map((c) => c?.prototype);

function isPlain(error: unknown, secret: string): boolean {
  const chain = causesOf(error);
  // Causes beyond the ones searched are not plain either.
  return (
    !chain[3]?.cause &&
    chain.every((e) => {
      if (typeof e !== 'object') return typeof e === 'string' ? redact(e, secret) === e : typeof e !== 'function';
      if (!PLAIN_ERRORS.includes(Object.getPrototypeOf(e))) return false;
      return Reflect.ownKeys(e).every((key) => {
        const field = Object.getOwnPropertyDescriptor(e, key)!;
        const value = field.value;
        if (key === 'cause') return true;
        // A getter could answer anything, the key included.
        if (!('value' in field)) return false;
        return typeof value === 'string'
          ? redact(value, secret) === value
          : value === null || (typeof value !== 'object' && typeof value !== 'function');
      });
    })
  );
}

/** At most `limit` characters of the body; the rest is left unread and the stream cancelled. */
async function textUpTo(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
    if (text.length >= limit) {
      await reader.cancel().catch(() => {});
      return text.slice(0, limit);
    }
  }
}

/**
 * The operations whose 2xx answer holds a new secret (an API key's, shown this once): a body the client
 * cannot parse is refused without quoting it, whichever call sent it (a facade method or low-level `post`).
 */
const SECRET_ANSWERS: ReadonlySet<string> = new Set(['POST /api-keys/{type}/{sub-type}', 'POST /api-keys/{id}/rotate']);

function parseSuccess<T>(response: Response, text: string, secret: string | undefined, operation: string): T {
  // No content (a 204 never has any, and some servers send a bare line break): undefined, not a JSON error.
  if (!text.trim()) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    const what = `Invalid JSON in a ${response.status} response to ${operation}`;
    throw new PortkeyError(
      SECRET_ANSWERS.has(operation)
        ? `${what} (not quoted: it may hold a new API key).`
        : `${what}: "${snippetOf(redact(text, secret))}"`,
    );
  }
}

const SENDABLE = ['string', 'number', 'boolean', 'bigint'];

/** Headers from each source by lower-cased name, checked and kept as fetch sends them; nullish removes one. */
function mergeHeaders(headers: Record<string, string>, ...sources: unknown[]): Record<string, string> {
  for (const source of sources) {
    for (const [name, value] of headerEntries(source)) {
      // A number or a boolean is written out, as fetch would; an object would go as "[object Object]", or throw.
      if (typeof name !== 'string' || (value != null && !SENDABLE.includes(typeof value))) {
        throw new PortkeyError(
          `Header ${typeof name === 'string' ? JSON.stringify(name) : 'names'}: only strings and numbers can be sent.`,
        );
      }
      const key = name.toLowerCase();
      if (value === null || value === undefined) delete headers[key];
      else headers[key] = checkedHeader(key, String(value));
    }
  }
  return headers;
}

/** The entries of headers given as fetch takes them: a record, a `Headers` (any realm's), or pairs. */
function headerEntries(source: unknown): Iterable<readonly [unknown, unknown]> {
  if (source === undefined || source === null) return [];
  const pairs = Array.isArray(source);
  if (typeof source !== 'object' || (pairs && source.some((p) => !Array.isArray(p) || p.length !== 2))) {
    throw new PortkeyError('`headers` must be a record, a Headers or [name, value] pairs.');
  }
  if (pairs) return source as [unknown, unknown][];
  // Headers, or a class like it (another realm's, a polyfill's): Object.entries would find nothing in it.
  return typeof (source as Headers).forEach === 'function' && typeof (source as Headers).get === 'function'
    ? [...(source as Headers).entries()]
    : Object.entries(source);
}

/**
 * Names fetch manages itself (framing, connection, host): a value of ours would be refused inside fetch (Node's)
 * or dropped (browsers'), and a GET would be retried for seconds as if the network had failed.
 */
const MANAGED_HEADER =
  /^(?:connection|content-length|expect|host|http2-settings|keep-alive|proxy-connection|te|trailer|transfer-encoding|upgrade)$/;
/** Control characters other than tab: Node's Headers keeps them, and its fetch then refuses the request. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\0-\x08\x0a-\x1f\x7f]/;

/**
 * The value as fetch will send it, by fetch's own rules (the platform's Headers): a token for the name; no NUL,
 * CR, LF or code point above 255 inside the value, and blanks at its ends trimmed. Kept as sent, so that what is
 * redacted from errors is exactly the key the server got. fetch would throw a TypeError quoting a bad value
 * (the API key, with a stray line break), and we would retry it as a connection failure: refuse it here
 * instead, naming the header but never its value.
 */
function checkedHeader(name: string, value: string): string {
  let sent: string | undefined;
  try {
    sent = new Headers([[name, value]]).get(name)!;
  } catch {
    // refused below, with the others
  }
  if (sent === undefined || CONTROL.test(sent) || MANAGED_HEADER.test(name)) {
    throw new PortkeyError(
      MANAGED_HEADER.test(name)
        ? `Header ${JSON.stringify(name)} is set by fetch itself and cannot be given.`
        : `Header ${JSON.stringify(name)} has a name or value HTTP cannot carry.`,
    );
  }
  return sent;
}

/**
 * The body as JSON; undefined for none (JSON.stringify's answer to undefined, as to a function). It throws
 * a bare TypeError on a BigInt or a cycle: refuse such a body in our words.
 */
function encodeBody(body: unknown): string | undefined {
  try {
    return JSON.stringify(body) as string | undefined;
  } catch (error) {
    throw new PortkeyError(`The body cannot be sent as JSON: ${(error as Error).message}`);
  }
}

function describeCause(error: unknown): string {
  const parts = causesOf(error).map((e) => [e.code, e.message].filter((x) => typeof x === 'string' && x).join(' '));
  return parts.filter(Boolean).join(': ') || 'fetch failed';
}

/** Keys shorter than this (test keys: `'test'`, `'k'`) are redacted only where they stand as a word of their own. */
const SHORT_KEY = 16;

/**
 * The key as a server may echo it: in any letter case (a URL's host is lower-cased), or with any of its characters
 * JSON-escaped (`\/` for `/`, `\u002B` for `+`, `\"` and `\\` as a key holding them needs). Each character takes
 * its longest form and keeps it (a lookahead and a backreference make the choice atomic): with free choice, a key
 * with a run of backslashes would take exponential time on a hostile body. The text may be cut short (an error
 * body's first million characters), so this searches the text itself, not its parse.
 */
function keyPattern(secret: string, escaped = true): RegExp {
  const chars = [...secret].map((c, i) => {
    const plain = c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    if (!escaped) return plain;
    const short = c === '\t' ? 't' : '"\\/'.includes(c) ? plain : '';
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `(?=(\\\\u${hex}${short && `|\\\\${short}`}|${plain}))\\${i + 1}`;
  });
  // A short key stands alone: not inside a word, nor glued to one (JSON's `\n` or `\u0022` before it is a break).
  const [before, after] =
    secret.length < SHORT_KEY ? ['(?<=^|[^\\w-]|\\\\[bfnrt]|\\\\u[0-9a-f]{4})', '(?![\\w-])'] : ['', ''];
  return new RegExp(before + chars.join('') + after, 'gi');
}

/**
 * The text with the key, in every form a server may echo it in, replaced: first in its escaped forms, then as it is
 * (the escaped search takes `\\` as one escaped backslash, so it misses a raw key with two backslashes in a row;
 * searched first as it is, a key ending in a backslash would take half of JSON's `\\` and break the JSON).
 */
function redact(text: string, secret: string | undefined): string {
  return secret ? text.replace(keyPattern(secret), REDACTED).replace(keyPattern(secret, false), REDACTED) : text;
}

/** A copy of an error response's headers, which the error keeps, with the key taken out of every value. */
function redactHeaders(headers: Headers, secret: string | undefined): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(name, redact(value, secret)));
  return copy;
}
