export { PortkeyAdmin } from './client';
export type { ClientOptions, FetchLike } from './core/config';
export type { RequestOptions, WithResponse } from './core/transport';
export { APIPromise } from './core/api-promise';
export type { paths, Operation, OperationInit, OperationResult, OperationBody, OperationQuery } from './core/types';
export type { Integration } from './resources/integrations';
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
