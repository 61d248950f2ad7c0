import type { APIPromise } from '../core/api-promise';
import type { CallInit } from '../core/transport';

/**
 * What a resource is given: send `method template` with these params, get an APIPromise back.
 * `check` validates the resource's own arguments first; what it throws becomes the promise's rejection,
 * like every other refusal, and nothing is sent.
 */
export type Caller = <T>(method: string, template: string, init?: CallInit, check?: () => void) => APIPromise<T>;

/** Base of every resource: holds the caller it sends through. */
export abstract class Resource {
  // `declare`: the constructor sets it, so no class-field definition need be emitted as well.
  declare protected readonly call: Caller;
  constructor(call: Caller) {
    this.call = call;
  }
}
