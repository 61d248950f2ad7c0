// Resources as tables: each method is one entry, `name: 'GET /route'` (or `paged('GET /route', style)` for a
// list), and the table is the method's whole definition. Its arguments, types and checks follow from the
// route: path parameters in route order, then the input the spec gives it (a body, or a query object), then
// per-call options.
import { inputs } from '../../generated/operations';
import { APIPromise } from './api-promise';
import { PortkeyError } from './errors';
import { checkPageQuery, type ItemOf, PagePromise, type PageStyle } from './pagination';
import type { CallInit, RequestOptions, Transport } from './transport';
import type { CallArgs, GetRoute, Result, RouteKey } from './types';

/** A list: a GET route and how it pages. */
export interface Paged<R extends GetRoute, S extends PageStyle> {
  readonly route: R;
  readonly style: S;
}

/** A list entry; the style must find the items in the route's answer, or this does not compile. */
export function paged<R extends GetRoute, const S extends PageStyle>(
  route: R,
  style: S & ([ItemOf<Result<R>, S>] extends [never] ? { error: 'the style finds no items in this answer' } : unknown),
): Paged<R, S> {
  return { route, style };
}

export type Entry = RouteKey | Paged<GetRoute, PageStyle>;

/** The method an entry defines. */
export type MethodOf<E> = E extends RouteKey
  ? (...args: CallArgs<E>) => APIPromise<Result<E>>
  : E extends Paged<infer R, infer S>
    ? (...args: CallArgs<R>) => PagePromise<Result<R>, ItemOf<Result<R>, S>>
    : never;

export type Methods<T> = { [K in keyof T]: MethodOf<T[K]> };

/** Where a resource keeps the transport: a symbol, so it is neither a method name nor in completions. */
const transportOf = Symbol('transport');

export interface ResourceClass<I> {
  new (transport: Transport): I;
}

/**
 * A resource class from its table of methods, named `name.method` in errors, with sub-resources as
 * properties. Methods live on the prototype, so a client costs one object per resource, not one closure
 * per method.
 */
export function resource<
  T extends Record<string, Entry>,
  C extends Record<string, ResourceClass<object>> = Record<never, never>,
>(name: string, table: T, children?: C): ResourceClass<Methods<T> & { readonly [K in keyof C]: InstanceType<C[K]> }> {
  class Resource {
    declare [transportOf]: Transport;
    constructor(transport: Transport) {
      Object.defineProperty(this, transportOf, { value: transport });
      for (const key in children) (this as any)[key] = new children[key]!(transport);
    }
  }
  for (const key of Object.keys(table)) {
    const entry = table[key]!;
    const label = `${name}.${key}`;
    const [route, style] = typeof entry === 'string' ? [entry] : [entry.route, entry.style];
    function method(this: Resource, ...args: unknown[]) {
      return invoke(this[transportOf], label, route, args, style);
    }
    // The route on the method itself: tests walk the client with it, to prove the manifests.
    Object.defineProperty(Resource.prototype, key, {
      value: Object.assign(method, { route }),
      writable: true,
      configurable: true,
    });
  }
  return Resource as any;
}

/** A call of `route` with a method's positional arguments. */
export function invoke(
  transport: Transport,
  label: string,
  route: string,
  args: unknown[],
  style?: PageStyle,
): APIPromise<unknown> {
  const space = route.indexOf(' ');
  const method = route.slice(0, space);
  const template = route.slice(space + 1);
  const path: Record<string, unknown> = {};
  let at = 0;
  for (let open = 0; (open = template.indexOf('{', open) + 1);) {
    path[template.slice(open, template.indexOf('}', open))] = args[at++];
  }
  const spec = inputs[route];
  const input = spec ? args[at++] : undefined;
  const options = (args[at] ?? {}) as RequestOptions & { query?: Record<string, unknown> };
  const isBody = spec?.[0] === 'b' || spec?.[0] === 'B';
  const check = () => {
    if (typeof options !== 'object') throw new PortkeyError(`${label}: the options must be an object.`);
    if (spec) checkInput(label, spec, isBody, input, style);
  };
  const init = (query: unknown, opts: RequestOptions): CallInit => ({
    ...opts,
    label,
    params: { path, query: (isBody ? options.query : query) as Record<string, unknown> | undefined },
    body: isBody ? input : undefined,
  });
  if (!style) return new APIPromise(transport.request(method, template, init(input, options), check));
  return new PagePromise(
    (query, opts) => transport.request(method, template, init(query, opts), check),
    input as Record<string, unknown> | undefined,
    options,
    style,
    label,
  );
}

/** Input the types cannot stop (plain JavaScript, `as any`), refused in the spec's terms before sending. */
function checkInput(label: string, spec: string, isBody: boolean, input: unknown, style: PageStyle | undefined): void {
  const required = spec[0] === 'B' || spec[0] === 'Q';
  if (!isBody) {
    if (input === undefined && !required) return;
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      throw new PortkeyError(`${label}: the query must be an object.`);
    }
    if (style) checkPageQuery(label, input, style);
    return;
  }
  if (input === undefined && !required) return;
  if (!input || typeof input !== 'object' || Array.isArray(input) || (required && !Object.keys(input).length)) {
    throw new PortkeyError(`${label} needs a non-empty object body.`);
  }
  const missing = spec
    .split(' ')
    .slice(1)
    .filter((field) => (input as Record<string, unknown>)[field] === undefined);
  if (missing.length) throw new PortkeyError(`${label} needs \`${missing.join('` and `')}\`.`);
}

/** A call of `route` from a hand-written method of resource `self`, typed by the route. */
export function send<R extends RouteKey>(
  self: object,
  label: string,
  route: R,
  args: CallArgs<R>,
): APIPromise<Result<R>> {
  return invoke((self as any)[transportOf], label, route, args) as APIPromise<Result<R>>;
}

/** A refusal as a call's answer: like every other refusal, a rejection rather than a throw. */
export function rejected(error: PortkeyError): APIPromise<never> {
  return new APIPromise(Promise.reject(error));
}
