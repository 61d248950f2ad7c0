// How a request is sent: route to the right server, build URL and headers, one attempt at a time with
// its own timeout, retries with backoff, same-origin redirects only, and errors in our hierarchy.
// Resources never see any of this; they name a method, a path template and parameters.
import { createQuerySerializer } from 'openapi-fetch';
import { routes, type Route } from '../../generated/routes';
import type { FetchLike, ResolvedConfig } from './config';
import { validateMaxRetries, validateTimeout } from './config';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  PortkeyError,
  makeAPIError,
  requestIdOf,
} from './errors';
import { fillPath } from './path';
import { retryDelayMs, shouldRetryConnectionError, shouldRetryStatus } from './retry';
import { startAttempt, sleep } from './signals';

export interface RequestOptions {
  /** Abort the request (at any stage, including while waiting to retry). */
  signal?: AbortSignal | null | undefined;
  /** Milliseconds allowed for each attempt; overrides the client's. */
  timeout?: number | undefined;
  /** Retries after the first attempt; overrides the client's. */
  maxRetries?: number | undefined;
  /** Extra headers for this call only. */
  headers?: Record<string, string | null | undefined> | undefined;
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
}

export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}

const API_KEY_HEADER = 'x-portkey-api-key';
const MAX_REDIRECTS = 5;
const REDACTED = '[redacted]';
const serializeQuery = createQuerySerializer();

export class Transport {
  // Private fields: invisible to util.inspect, JSON.stringify and enumeration, so the key stays here.
  readonly #config: ResolvedConfig;
  readonly #fetch: FetchLike;
  readonly #baseHeaders: Record<string, string>;

  constructor(config: ResolvedConfig) {
    this.#config = config;
    this.#fetch = config.fetch;
    this.#baseHeaders = { accept: 'application/json' };
    for (const [name, value] of Object.entries(config.headers)) this.#baseHeaders[name.toLowerCase()] = value;
    this.#baseHeaders[API_KEY_HEADER] = config.apiKey;
  }

  get baseUrl(): string {
    return this.#config.baseUrl;
  }
  get gatewayUrl(): string {
    return this.#config.gatewayUrl;
  }
  get timeout(): number {
    return this.#config.timeout;
  }
  get maxRetries(): number {
    return this.#config.maxRetries;
  }

  /** The origin + prefix a path is served from, per the generated route table. */
  serverFor(method: string, template: string): string {
    const entry = routes[template];
    const route: Route | undefined = typeof entry === 'object' ? (entry[method.toLowerCase()] ?? entry['*']) : entry;
    if (route === 'gateway') return this.#config.gatewayUrl;
    if (route === undefined || route === 'control' || route === 'default') return this.#config.baseUrl;
    return route;
  }

  async request<T>(method: string, template: string, init: CallInit = {}): Promise<WithResponse<T>> {
    // Everything that can be refused is refused here, before the network.
    let url = this.serverFor(method, template) + fillPath(template, init.params?.path);
    const query = init.params?.query ? serializeQuery(init.params.query) : '';
    if (query) url += `?${query}`;
    const headers = this.#headersFor(init);
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const timeout = init.timeout === undefined ? this.#config.timeout : validateTimeout(init.timeout, 0);
    const maxRetries = init.maxRetries === undefined ? this.#config.maxRetries : validateMaxRetries(init.maxRetries, 0);
    const signal = init.signal ?? undefined;
    const secret = headers[API_KEY_HEADER];

    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw new APIUserAbortError();
      const attempt = startAttempt(signal, timeout);
      let response: Response;
      let text: string;
      try {
        response = await this.#send(method, url, headers, body, attempt.signal);
        text = await response.text();
      } catch (error) {
        attempt.done();
        const failure = this.#connectionFailure(error, attempt.timedOut, timeout, signal);
        if (
          retry < maxRetries &&
          !(failure instanceof APIUserAbortError) &&
          !(failure instanceof RedirectRefused) &&
          (failure instanceof APIConnectionTimeoutError
            ? method !== 'POST' && method !== 'PATCH'
            : shouldRetryConnectionError(method, error))
        ) {
          await sleep(retryDelayMs(retry, undefined), signal);
          continue;
        }
        throw failure;
      }
      attempt.done();

      if (response.ok)
        return { data: parseSuccess<T>(response, text), response, requestId: requestIdOf(response.headers) };

      if (retry < maxRetries && shouldRetryStatus(method, response.status, response.headers)) {
        await sleep(retryDelayMs(retry, response.headers), signal);
        continue;
      }
      throw makeAPIError(response.status, redactHeaders(response.headers, secret), redact(text, secret));
    }
  }

  #headersFor(init: CallInit): Record<string, string> {
    const headers = { ...this.#baseHeaders };
    const extra = [init.params?.header, init.headers];
    for (const source of extra) {
      if (!source) continue;
      for (const [name, value] of Object.entries(source)) {
        const key = name.toLowerCase();
        if (value === null || value === undefined) delete headers[key];
        else headers[key] = String(value);
      }
    }
    return headers;
  }

  /** One attempt, following same-origin redirects by hand: fetch would carry the key to any origin. */
  async #send(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<Response> {
    for (let hops = 0; ; hops++) {
      const response = await this.#fetch(url, { method, headers, body, signal, redirect: 'manual' });
      if (response.type === 'opaqueredirect') {
        throw new RedirectRefused(
          `The server redirected ${method} ${stripQuery(url)}; the browser hides the target, so it was not followed.`,
        );
      }
      if (response.status < 300 || response.status > 399 || response.status === 304) return response;
      const location = response.headers.get('location');
      if (!location) return response;
      await response.body?.cancel().catch(() => {});
      const target = new URL(location, url);
      if (target.origin !== new URL(url).origin) {
        throw new RedirectRefused(
          `Refused to follow a redirect from ${new URL(url).origin} to another origin, ${target.origin}: the API key is only sent to the configured server.`,
        );
      }
      if (hops >= MAX_REDIRECTS) throw new RedirectRefused(`Too many redirects (more than ${MAX_REDIRECTS}).`);
      // As fetch does: 303, and 301/302 after a POST, become a GET without a body.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        delete headers['content-type'];
      }
      url = target.href;
    }
  }

  #connectionFailure(
    error: unknown,
    timedOut: boolean,
    timeout: number,
    signal: AbortSignal | undefined,
  ): PortkeyError {
    if (error instanceof PortkeyError) return error;
    if (signal?.aborted) return new APIUserAbortError();
    if (timedOut) return new APIConnectionTimeoutError(timeout);
    const reason = describeCause(error);
    return new APIConnectionError(`Connection error: ${reason}`, { cause: error });
  }
}

/** A redirect we will not follow; never retried. */
class RedirectRefused extends APIConnectionError {}

function parseSuccess<T>(response: Response, text: string): T {
  if (response.status === 204 || text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 120);
    throw new PortkeyError(`The server answered ${response.status} with a body that is not valid JSON: "${snippet}"`);
  }
}

function describeCause(error: unknown): string {
  const parts: string[] = [];
  for (let e: any = error, depth = 0; e && depth < 4; e = e.cause, depth++) {
    const text = [e.code, e.message].filter((x) => typeof x === 'string' && x).join(' ');
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(': ') || 'fetch failed';
}

function stripQuery(url: string): string {
  const i = url.indexOf('?');
  return i === -1 ? url : url.slice(0, i);
}

/** A server that echoes the key must not put it into our errors. */
function redact(text: string, secret: string | undefined): string {
  return secret && text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

function redactHeaders(headers: Headers, secret: string | undefined): Headers {
  if (!secret) return headers;
  let leaks = false;
  headers.forEach((value) => {
    if (value.includes(secret)) leaks = true;
  });
  if (!leaks) return headers;
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(name, redact(value, secret)));
  return copy;
}
