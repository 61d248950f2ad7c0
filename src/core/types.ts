// Parameter and result types of an operation, looked up from the generated `paths`.
import type { ParamsOption, RequestBodyOption } from 'openapi-fetch';
import type {
  HttpMethod,
  PathsWithMethod,
  RequiredKeysOf,
  ResponseObjectMap,
  SuccessResponse,
} from 'openapi-typescript-helpers';
import type { paths } from '../../generated/portkey';
import type { RequestOptions } from './transport';

export type { paths };
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

export type PathsFor<M extends Method> = PathsWithMethod<paths, M>;
