// API keys: the Portkey keys of the organisation and its workspaces; create and rotate answer the secret.
import type { APIPromise } from '../core/api-promise';
import { zeroBased } from '../core/pagination';
import { paged, resource, send } from '../core/resource';
import type { RequestOptions } from '../core/transport';
import type { Body, Query, Result, Routes } from '../core/types';

type CreateRoute = 'POST /api-keys/{type}/{sub-type}';
type CreatePath = Routes[CreateRoute]['op']['parameters']['path'];
/** Whether a key acts for the organisation or for one workspace (the spec's enum). */
export type ApiKeyType = CreatePath['type'];
/** Whether a key belongs to a service or to one user (the spec's enum). */
export type ApiKeySubType = CreatePath['sub-type'];

export type ApiKeyListQuery = Query<'GET /api-keys'>;
export type ApiKeyListPage = Result<'GET /api-keys'>;
/** A Portkey API key, as lists and `retrieve` show it: its secret masked. */
export type ApiKey = Result<'GET /api-keys/{id}'>;
export type ApiKeyCreateParams = Body<CreateRoute>;
/** A new key: `key` is its secret, which Portkey shows this once. */
export type ApiKeyCreateResult = Result<CreateRoute>;
export type ApiKeyUpdateParams = Body<'PUT /api-keys/{id}'>;
export type ApiKeyRotateParams = Body<'POST /api-keys/{id}/rotate'>;
/** A rotated key: the new secret, and when the old one stops working (`key_transition_expires_at`). */
export type ApiKeyRotateResult = Result<'POST /api-keys/{id}/rotate'>;

const apiKeys = {
  /** The organisation's API keys (secrets masked): await for one page, `for await` for all. */
  list: paged('GET /api-keys', zeroBased),
  /** One key's settings and limits; its secret masked. */
  retrieve: 'GET /api-keys/{id}',
  /** Change a key's name, scopes, defaults, limits, expiry or rotation policy, or reset its usage. */
  update: 'PUT /api-keys/{id}',
  /** Revoke a key at once. */
  delete: 'DELETE /api-keys/{id}',
  /** Issue a new secret (the answer's `key`); the old one works until `key_transition_expires_at`. */
  rotate: 'POST /api-keys/{id}/rotate',
} as const;

export class ApiKeys extends resource('apiKeys', apiKeys) {
  /**
   * Create an organisation or workspace key, for a service or a user (`user_id`); the answer's `key` is
   * the secret, shown this once (an answer the client cannot parse is refused without quoting it). Hand-written
   * so that `type` and `subType` are typed as the spec's enums (the route table types path parameters as strings).
   */
  create(
    type: ApiKeyType,
    subType: ApiKeySubType,
    body?: ApiKeyCreateParams,
    options?: RequestOptions,
  ): APIPromise<ApiKeyCreateResult> {
    return send(this, 'apiKeys.create', 'POST /api-keys/{type}/{sub-type}', [type, subType, body, options]);
  }
}
