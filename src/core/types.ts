// Parameter and result types, looked up from the generated `paths` (low-level calls, by path and method) and
// from the generated `Routes` (the facade, by route string such as 'GET /integrations/{slug}').
import type { ParamsOption, RequestBodyOption } from 'openapi-fetch';
import type { HttpMethod, RequiredKeysOf, ResponseObjectMap, SuccessResponse } from 'openapi-typescript-helpers';
import type { LowLevelNear, LowLevelPaths, LowLevelRoutes } from '../../generated/lowlevel';
import type { RouteKey, Routes } from '../../generated/operations';
import type { paths } from '../../generated/portkey';
import type { RequestOptions } from './transport';

export type { paths, RouteKey, Routes };
export type Method = Extract<HttpMethod, 'get' | 'post' | 'put' | 'patch' | 'delete'>;

/** The operation object for `method path`. */
export type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];

/** What a low-level call takes: the operation's params and body, plus per-call options. */
export type OperationInit<Op> = ParamsOption<Op> & RequestBodyOption<Op> & RequestOptions;

/** `init` is optional exactly when the operation has nothing required. */
export type InitArgs<Op> =
  RequiredKeysOf<OperationInit<Op>> extends never ? [init?: OperationInit<Op>] : [init: OperationInit<Op>];

/** The JSON body of the operation's success response; `undefined` when it declares none. */
export type OperationResult<Op> = NeverToUndefined<
  ResponseObjectMap<Op> extends infer R extends Record<string | number, any>
    ? SuccessResponse<R, `${string}/json`>
    : never
>;
type NeverToUndefined<T> = [T] extends [never] ? undefined : T;

/** The JSON request body of the operation. */
export type OperationBody<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters of the operation. */
export type OperationQuery<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The paths `method` serves: a union the codegen wrote out, so checking a call's path is a lookup. */
export type PathsFor<M extends Method> = LowLevelPaths[M];

/**
 * What a wrong path is reported against: the paths of `method` under the same first segment (a typo further on
 * lists just those), else every path of `method`. Looked up in a table the codegen wrote.
 */
export type NearPaths<M extends Method, P extends string> = P extends `/${infer Segment}/${string}`
  ? NearSegment<M, Segment>
  : P extends `/${infer Segment}`
    ? NearSegment<M, Segment>
    : PathsFor<M>;
type NearSegment<M extends Method, S> = S extends keyof LowLevelNear[M] ? LowLevelNear[M][S] : PathsFor<M>;

/** The precomputed entry of a low-level call (generated/lowlevel.ts): its `init`, `optional`, `result`. */
export type LowLevelEntry<M extends Method, P> = P extends keyof LowLevelRoutes[M] ? LowLevelRoutes[M][P] : never;
/** What a low-level call takes after the path: the same as `InitArgs<Operation<P, M>>`, looked up. */
export type LowLevelArgs<E> = [E] extends [{ optional: true }] ? [init?: LowLevelInit<E>] : [init: LowLevelInit<E>];
type LowLevelInit<E> = ([E] extends [{ init: infer I }] ? I : never) & RequestOptions;
/** What a low-level call answers: the same as `OperationResult<Operation<P, M>>`, looked up. */
export type LowLevelResult<E> = [E] extends [{ result: infer R }] ? R : never;

/** What `GET /integrations/{slug}` (any route of the spec) answers on success. */
export type Result<R extends RouteKey> = OperationResult<Routes[R]['op']>;
/** The JSON body a route takes. */
export type Body<R extends RouteKey> = OperationBody<Routes[R]['op']>;
/** The query parameters a route takes. */
export type Query<R extends RouteKey> = OperationQuery<Routes[R]['op']>;
/** Routes served by GET: the only ones a list may walk. */
export type GetRoute = Extract<RouteKey, `GET ${string}`>;

/** Per-call options of a route; one with both a body and query parameters takes its query here. */
export type CallOptions<R extends RouteKey> = Routes[R] extends { bodyQuery: true }
  ? RequestOptions & { query?: Query<R> }
  : RequestOptions;

/** A facade method's arguments: path parameters in route order, the input (body or query), options. */
export type CallArgs<R extends RouteKey> = [
  ...Routes[R]['path'],
  ...InputArg<R, Routes[R]['input']>,
  options?: CallOptions<R> | undefined,
];
type InputArg<R extends RouteKey, I> = I extends 'body'
  ? [body: Body<R>]
  : I extends 'body?'
    ? [body?: Body<R> | undefined]
    : I extends 'query'
      ? [query: Query<R>]
      : I extends 'query?'
        ? [query?: Query<R> | undefined]
        : [];
