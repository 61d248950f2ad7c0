import type { APIPromise } from '../core/api-promise';
import type { CallInit } from '../core/transport';

/** What a resource is given: send `method template` with these params, get an APIPromise back. */
export type Caller = <T>(method: string, template: string, init?: CallInit) => APIPromise<T>;
