// portkey-admin/testing: an in-process mock of Portkey's API for the tests of code that uses the client.
// `mockFetch(handlers)` returns a fetch to pass as `new PortkeyAdmin({ fetch })`: handlers are keyed by route and
// typed from the spec, and every call it served is kept in `.calls`. No server, no dependencies, web APIs only.
import { routeKeys } from '../generated/operations';
import { PortkeyError } from './core/errors';
import type { Body, Query, Result, RouteKey, Routes } from './core/types';

/** The names of a template's path parameters: `'/a/{x}/b/{y}'` → `'x' | 'y'`. */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;
type TemplateOf<R extends RouteKey> = R extends `${string} ${infer T}` ? T : never;
/**
 * Query parameters by the names of the route's (any name for a request of any route). Not distributed over a union
 * of routes: distributing triples the cost of checking a typed `mockFetch` call.
 */
type MockQuery<R extends RouteKey> = RouteKey extends R
  ? Record<string, string | string[] | undefined>
  : { [K in [Query<R>] extends [never] ? never : keyof Query<R> & string]?: string | string[] | undefined };
/** A route's JSON body: `Body<R>` is `unknown` for a route without one, which would let a handler read anything. */
type MockBody<R extends RouteKey> = RouteKey extends R
  ? unknown
  : (Routes[R]['input'] extends `body${string}` ? Body<R> : never) | undefined;

/** What a handler is given: the request, as the mock read it. */
export interface MockRequest<R extends RouteKey = RouteKey> {
  route: R;
  /** Path parameters by name, decoded. */
  params: { [K in ParamNames<TemplateOf<R>>]: string };
  /** Query parameters by the route's names, as they arrived: strings (a repeated name gives an array). */
  query: MockQuery<R>;
  /** The JSON body, parsed; undefined when none was sent (always, for a route that takes none). */
  body: MockBody<R>;
  /** The request itself, for anything else (headers, the URL). */
  request: Request;
}

/**
 * A handler answers with the route's result (sent as 200 JSON; `undefined` as 204) or with a `Response` for full
 * control (any status, headers and body). It may be async; if it throws, the call fails as on a network error.
 */
export type MockHandler<R extends RouteKey> = (
  request: MockRequest<R>,
) => Result<R> | Response | Promise<Result<R> | Response>;

export type MockHandlers = { [R in RouteKey]?: MockHandler<R> };

/** A call the mock served (or refused): never with the API key. */
export interface MockCall {
  /** The route it matched, or undefined when it matched no route of the spec. */
  route: RouteKey | undefined;
  method: string;
  url: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  /** The request headers, lower-cased, without `x-portkey-api-key`. */
  headers: Record<string, string>;
}

export interface MockFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Every call, in order. */
  readonly calls: MockCall[];
}

interface Matcher {
  route: RouteKey;
  method: string;
  pattern: RegExp;
  names: string[];
  literal: number;
}

let matchers: Matcher[] | undefined;

/** One matcher per route; the more literal text a template has, the earlier it is tried. */
function allMatchers(): Matcher[] {
  return (matchers ??= routeKeys
    .map((route) => {
      const [method, template] = route.split(' ') as [string, string];
      const names: string[] = [];
      const source = template
        .split(/\{([^}]+)\}/)
        .map((part, i) => (i % 2 ? (names.push(part), '([^/]+)') : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('');
      // Anchored at the end only: the client's baseUrl (with /v1, or a self-hosted prefix) comes before.
      return {
        route,
        method,
        pattern: new RegExp(`${source}$`),
        names,
        literal: template.replace(/\{[^}]+\}/g, '').length,
      };
    })
    .sort((a, b) => b.literal - a.literal));
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  url.searchParams.forEach((value, name) => {
    const had = query[name];
    query[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  });
  return query;
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(signal.reason ?? new DOMException('This operation was aborted', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/**
 * A fetch that answers from `handlers`, keyed by route (`'GET /integrations/{slug}'`). A request that matches no
 * handler fails loudly: the call rejects naming the route it looked for (and the mock records it).
 */
export function mockFetch(handlers: MockHandlers): MockFetch {
  const calls: MockCall[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const text = await request.clone().text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      if (name !== 'x-portkey-api-key') headers[name] = value;
    });
    const path = url.pathname;
    let match: RegExpExecArray | null = null;
    const matcher = allMatchers().find((m) => m.method === method && (match = m.pattern.exec(path)));
    const params: Record<string, string> = {};
    matcher?.names.forEach((name, i) => (params[name] = decodeURIComponent(match![i + 1]!)));
    const call: MockCall = { route: matcher?.route, method, url: url.href, params, query: queryOf(url), body, headers };
    calls.push(call);
    // PortkeyErrors: the client passes them on as they are, at once, where a TypeError would be a network
    // failure, retried with backoff and reported as a connection error.
    if (!matcher) throw new PortkeyError(`mockFetch: no route of the spec matches ${method} ${path}.`);
    const handler = handlers[matcher.route] as MockHandler<RouteKey> | undefined;
    if (!handler) throw new PortkeyError(`mockFetch: no handler for ${matcher.route} (${method} ${path}).`);
    const answer = handler({
      route: matcher.route,
      params: params as never,
      query: call.query,
      body: body as never,
      request,
    });
    const result = await (init?.signal ? Promise.race([answer, aborted(init.signal)]) : answer);
    if (result instanceof Response) return result;
    if (result === undefined) return new Response(null, { status: 204 });
    return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(fetch, { calls });
}
