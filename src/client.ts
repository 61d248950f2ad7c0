// PortkeyAdmin: resolves the configuration once, owns the transport, exposes resources and typed
// low-level calls for every path in the spec.
import { APIPromise } from './core/api-promise';
import { type ClientOptions, resolveConfig } from './core/config';
import { type CallInit, Transport } from './core/transport';
import type { LowLevelArgs, LowLevelEntry, LowLevelResult, Method, NearPaths, PathsFor } from './core/types';
import { Integrations } from './resources/integrations';
// organisation imports
// providers imports
// prompts imports
// mcp imports
import { McpIntegrations } from './resources/mcp-integrations';
import { McpServers } from './resources/mcp-servers';
// observability imports

// Typed through the per-method tables the codegen writes (generated/lowlevel.ts): checking a call is a lookup
// of its path, whatever the number of paths in the spec.
type LowLevel<M extends Method> = <P extends string>(
  path: P extends PathsFor<M> ? P : NearPaths<M, P>,
  ...init: LowLevelArgs<LowLevelEntry<M, P>>
) => APIPromise<LowLevelResult<LowLevelEntry<M, P>>>;

export class PortkeyAdmin {
  // `declare`: set in the constructor, so no class-field definitions need to be emitted for them.
  declare readonly integrations: Integrations;
  // organisation resources
  // providers resources
  // prompts resources
  // mcp resources
  /** MCP integrations: registered MCP server endpoints, their workspaces, capabilities and metadata. */
  declare readonly mcpIntegrations: McpIntegrations;
  /** MCP servers: workspaces' instances of MCP integrations, their capabilities, user access and connections. */
  declare readonly mcpServers: McpServers;
  // observability resources
  /** The control-plane URL requests go to (validated, without trailing slash). */
  declare readonly baseUrl: string;
  /** The gateway URL gateway paths go to. */
  declare readonly gatewayUrl: string;
  /** Milliseconds allowed for each attempt. */
  declare readonly timeout: number;
  /** Retries after the first attempt. */
  declare readonly maxRetries: number;

  /** Typed GET of any path in the spec, with the client's auth, routing, retries and errors. */
  declare readonly get: LowLevel<'get'>;
  declare readonly post: LowLevel<'post'>;
  declare readonly put: LowLevel<'put'>;
  declare readonly patch: LowLevel<'patch'>;
  declare readonly delete: LowLevel<'delete'>;

  constructor(options: ClientOptions = {}) {
    // The resolved config holds the API key: only the transport keeps it, in a private field, so that it
    // never shows in util.inspect or JSON.stringify of the client.
    const config = resolveConfig(options);
    const transport = new Transport(config);
    ({
      baseUrl: this.baseUrl,
      gatewayUrl: this.gatewayUrl,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
    } = config);
    const lowLevel = (method: string) => (path: string, init?: CallInit) =>
      new APIPromise(transport.request(method, path, init));
    this.get = lowLevel('GET') as LowLevel<'get'>;
    this.post = lowLevel('POST') as LowLevel<'post'>;
    this.put = lowLevel('PUT') as LowLevel<'put'>;
    this.patch = lowLevel('PATCH') as LowLevel<'patch'>;
    this.delete = lowLevel('DELETE') as LowLevel<'delete'>;
    this.integrations = new Integrations(transport);
    // organisation construction
    // providers construction
    // prompts construction
    // mcp construction
    this.mcpIntegrations = new McpIntegrations(transport);
    this.mcpServers = new McpServers(transport);
    // observability construction
  }
}
