// API keys: the Portkey keys of the organisation and its workspaces; create and rotate answer the secret.
import { APIPromise } from '../core/api-promise';
import { APIError, PortkeyError } from '../core/errors';
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
} as const;

/**
 * A call whose answer holds a new secret: a 2xx the client cannot parse (cut short by a proxy, say) is
 * refused without quoting the body, as the transport otherwise would in its message. Only those errors:
 * an APIError's body is Portkey's error, which holds no new key.
 */
function secretBearing<T>(label: string, call: APIPromise<T>): APIPromise<T> {
  return new APIPromise(
    call.withResponse().catch((error: unknown) => {
      if (
        error instanceof PortkeyError &&
        !(error instanceof APIError) &&
        /^Invalid JSON in a 2\d\d /.test(error.message)
      ) {
        const status = /in a (\d+) /.exec(error.message)![1];
        throw new PortkeyError(
          `${label}: invalid JSON in a ${status} response (not quoted: it may hold the new key's secret).`,
        );
      }
      throw error;
    }),
  );
}

export class ApiKeys extends resource('apiKeys', apiKeys) {
  /**
   * Create an organisation or workspace key, for a service or a user (`user_id`); the answer's `key` is
   * the secret, shown this once. Hand-written so that `type` and `subType` are typed as the spec's enums
   * (the route table types path parameters as strings), and so that an unparsable answer never quotes it.
   */
  create(
    type: ApiKeyType,
    subType: ApiKeySubType,
    body?: ApiKeyCreateParams,
    options?: RequestOptions,
  ): APIPromise<ApiKeyCreateResult> {
    const label = 'apiKeys.create';
    return secretBearing(label, send(this, label, 'POST /api-keys/{type}/{sub-type}', [type, subType, body, options]));
  }

  /**
   * Issue a new secret (the answer's `key`); the old one works until `key_transition_expires_at`.
   * Hand-written, like `create`, so that an unparsable answer never quotes the new secret.
   */
  rotate(id: string, body?: ApiKeyRotateParams, options?: RequestOptions): APIPromise<ApiKeyRotateResult> {
    const label = 'apiKeys.rotate';
    return secretBearing(label, send(this, label, 'POST /api-keys/{id}/rotate', [id, body, options]));
  }
}
