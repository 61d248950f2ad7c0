// Resources as tables: each method is one entry, `name: 'GET /route'` (or `paged('GET /route', style)` for a
// list), and the table is the method's whole definition. Its arguments, types and checks follow from the
// route: path parameters in route order, then the input the spec gives it (a body, or a query object), then
// per-call options.
import { inputs } from '../../generated/operations';
import { APIPromise } from './api-promise';
import { PortkeyError } from './errors';
import { checkPageQuery, type ItemOf, PagePromise, type PageStyle, withDefaultPage } from './pagination';
import type { CallInit, RequestOptions, Transport } from './transport';
import type { CallArgs, CallOptions, GetRoute, Query, Result, RouteKey, Routes } from './types';

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
    ? (...args: PagedArgs<R, S>) => PagePromise<Result<R>, ItemOf<Result<R>, S>>
    : never;

/** A list's arguments; with a `defaultSize` style, the query (the paging parameters in it) is optional. */
type PagedArgs<R extends GetRoute, S> = S extends {
  defaultSize: number;
  page: infer P extends string;
  size: infer Z extends string;
}
  ? [
      ...Routes[R]['path'],
      query?: (Omit<Query<R>, P | Z> & Partial<Pick<Query<R>, (P | Z) & keyof Query<R>>>) | undefined,
      options?: CallOptions<R> | undefined,
    ]
  : CallArgs<R>;

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
      return invoke(this?.[transportOf], label, route, args, style);
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
  transport: Transport | undefined,
  label: string,
  route: string,
  args: unknown[],
  style?: PageStyle,
): APIPromise<unknown> {
  // Taken off its resource (`const { retrieve } = portkey.integrations`), a method has no client to call with.
  if (!transport) throw new PortkeyError(`${label} was called without its client: call it as portkey.${label}(…).`);
  const space = route.indexOf(' ');
  const method = route.slice(0, space);
  const template = route.slice(space + 1);
  const path: Record<string, unknown> = {};
  let at = 0;
  for (let open = 0; (open = template.indexOf('{', open) + 1);) {
    path[template.slice(open, template.indexOf('}', open))] = args[at++];
  }
  const spec = inputs[route];
  const given = spec ? args[at++] : undefined;
  const input = style ? withDefaultPage(given, style) : given;
  const options = (args[at] ?? {}) as RequestOptions & { query?: Record<string, unknown> };
  const isBody = !!spec && !/^q/i.test(spec);
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

/**
 * Input the types cannot stop (plain JavaScript, `as any`), refused in the spec's terms before sending. `spec`
 * is the route's entry in the generated `inputs`: its kind ('b' object body, 'a' array body, 'ba' either,
 * 'q' query; upper case: required), then what a required input must hold.
 */
function checkInput(label: string, spec: string, isBody: boolean, input: unknown, style: PageStyle | undefined): void {
  const [kind, ...fields] = spec.split(' ') as [string, ...string[]];
  const required = kind < 'a';
  if (input === undefined && !required) return;
  const isObject = !!input && typeof input === 'object' && !Array.isArray(input);
  if (!isBody) {
    if (!isObject) throw new PortkeyError(`${label}: the query must be an object.`);
    if (style) checkPageQuery(label, input, style);
    // A blank or null value is no value: the query leaves null out, and a server reads '' as nothing.
    needs(label, input, fields, (value) => value === null || (typeof value === 'string' && !value.trim()));
    return;
  }
  if (Array.isArray(input) && /a/i.test(kind)) {
    // An empty array sends nothing, as an empty object does: refused when the body is required.
    if (required && !input.length)
      throw new PortkeyError(`${label} needs a non-empty array body (the array is empty).`);
    if (fields.length)
      input.forEach((item, at) => checkObject(label, item, true, fields, ` (item ${at} of the array)`));
    return;
  }
  if (!/b/i.test(kind)) throw new PortkeyError(`${label} needs an array body.`);
  checkObject(label, input, required, fields, '');
}

/** An object body that must hold `fields`; `where` says which item of an array body it is. */
function checkObject(label: string, input: unknown, required: boolean, fields: string[], where: string): void {
  if (!input || typeof input !== 'object' || Array.isArray(input) || (required && !Object.keys(input).length)) {
    throw new PortkeyError(`${label} needs a non-empty object body${where}.`);
  }
  needs(label, input, fields, () => false, where);
}

/** Refuses an input without some of `fields` (undefined is missing: JSON and the query both drop it). */
function needs(label: string, input: object, fields: string[], blank: (value: unknown) => boolean, where = ''): void {
  const missing = fields.filter((field) => {
    const value = (input as Record<string, unknown>)[field];
    return value === undefined || blank(value);
  });
  if (missing.length) throw new PortkeyError(`${label} needs \`${missing.join('` and `')}\`${where}.`);
}

/** A call of `route` from a hand-written method of resource `self`, typed by the route. */
export function send<R extends RouteKey>(
  self: object,
  label: string,
  route: R,
  args: CallArgs<R>,
): APIPromise<Result<R>> {
  return invoke((self as any)?.[transportOf], label, route, args) as APIPromise<Result<R>>;
}

/** A refusal as a call's answer: like every other refusal, a rejection rather than a throw. */
export function rejected(error: PortkeyError): APIPromise<never> {
  return new APIPromise(Promise.reject(error));
}
