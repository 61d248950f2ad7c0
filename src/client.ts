// PortkeyAdmin: resolves the configuration once, owns the transport, exposes resources and typed
// low-level calls for every path in the spec.
import { APIPromise } from './core/api-promise';
import { type ClientOptions, type ResolvedConfig, resolveConfig } from './core/config';
import { type CallInit, Transport } from './core/transport';
import type { InitArgs, Method, Operation, OperationResult, PathsFor } from './core/types';
import type { Caller } from './resources/caller';
import { Integrations } from './resources/integrations';

type LowLevel<M extends Method> = <P extends PathsFor<M>>(
  path: P,
  ...init: InitArgs<Operation<P, M>>
) => APIPromise<OperationResult<Operation<P, M>>>;

export class PortkeyAdmin {
  // Private: it holds the API key, which must not show in util.inspect or JSON.stringify.
  readonly #config: ResolvedConfig;
  readonly integrations: Integrations;

  /** Typed GET of any path in the spec, with the client's auth, routing, retries and errors. */
  readonly get: LowLevel<'get'>;
  readonly post: LowLevel<'post'>;
  readonly put: LowLevel<'put'>;
  readonly patch: LowLevel<'patch'>;
  readonly delete: LowLevel<'delete'>;

  constructor(options: ClientOptions = {}) {
    const config = resolveConfig(options);
    const transport = new Transport(config);
    this.#config = config;
    const call: Caller = (method, template, init, check) => {
      if (check) {
        try {
          check();
        } catch (error) {
          return new APIPromise(Promise.reject(error));
        }
      }
      return new APIPromise(transport.request(method, template, init));
    };
    const lowLevel = (method: string) => (path: string, init?: CallInit) => call(method, path, init);
    this.get = lowLevel('GET') as LowLevel<'get'>;
    this.post = lowLevel('POST') as LowLevel<'post'>;
    this.put = lowLevel('PUT') as LowLevel<'put'>;
    this.patch = lowLevel('PATCH') as LowLevel<'patch'>;
    this.delete = lowLevel('DELETE') as LowLevel<'delete'>;
    this.integrations = new Integrations(call);
  }

  /** The control-plane URL requests go to (validated, without trailing slash). */
  get baseUrl(): string {
    return this.#config.baseUrl;
  }
  /** The gateway URL gateway paths go to. */
  get gatewayUrl(): string {
    return this.#config.gatewayUrl;
  }
  get timeout(): number {
    return this.#config.timeout;
  }
  get maxRetries(): number {
    return this.#config.maxRetries;
  }
}
