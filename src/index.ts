export { PortkeyAdmin } from './client';
export type { ClientOptions, FetchLike } from './core/config';
export type { RequestOptions, WithResponse } from './core/transport';
export { APIPromise } from './core/api-promise';
export type { paths, Operation, OperationInit, OperationResult, OperationBody, OperationQuery } from './core/types';
export { PagePromise } from './core/pagination';
export type {
  Integration,
  IntegrationSummary,
  IntegrationListQuery,
  IntegrationListPage,
  IntegrationCreateParams,
  IntegrationCreateResult,
  IntegrationUpdateParams,
  IntegrationUpdateResult,
  IntegrationDeleteResult,
} from './resources/integrations';
export type {
  IntegrationModelList,
  IntegrationModelsUpdateParams,
  IntegrationModelsUpdateResult,
  IntegrationModelsDeleteParams,
  IntegrationModelsDeleteResult,
} from './resources/integration-models';
export type {
  IntegrationWorkspaceList,
  IntegrationWorkspacesUpdateParams,
  IntegrationWorkspacesUpdateResult,
} from './resources/integration-workspaces';
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
