export { PortkeyAdmin } from './client';
export type { ClientOptions, FetchLike, HeadersLike } from './core/config';
export type { RequestOptions, WithResponse } from './core/transport';
export { APIPromise } from './core/api-promise';
export type {
  paths,
  Routes,
  RouteKey,
  Operation,
  OperationInit,
  OperationResult,
  OperationBody,
  OperationQuery,
  Result,
  Body,
  Query,
  CallArgs,
  CallOptions,
} from './core/types';
export { PagePromise, type PageStyle } from './core/pagination';
export * from './resources/index';
export {
  PortkeyError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
} from './core/errors';
