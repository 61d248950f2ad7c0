// PortkeyAdmin: resolves the configuration once, owns the transport, exposes resources and typed
// low-level calls for every path in the spec.
import { APIPromise } from './core/api-promise';
import { type ClientOptions, resolveConfig } from './core/config';
import { type CallInit, Transport } from './core/transport';
import type { LowLevelArgs, LowLevelEntry, LowLevelResult, Method, NearPaths, PathsFor } from './core/types';
import { Integrations } from './resources/integrations';
// organisation imports
import { ApiKeys } from './resources/api-keys';
import { AuditLogs } from './resources/audit-logs';
import { Scim } from './resources/scim';
import { Users } from './resources/users';
import { Workspaces } from './resources/workspaces';
// providers imports
import { Configs } from './resources/configs';
import { Guardrails } from './resources/guardrails';
import { ModelPricing } from './resources/modelPricing';
import { Policies } from './resources/policies';
import { Providers } from './resources/providers';
import { SecretReferences } from './resources/secretReferences';
import { VirtualKeys } from './resources/virtualKeys';
// prompts imports
import { Collections } from './resources/collections';
import { Labels } from './resources/labels';
import { Prompts } from './resources/prompts';
// mcp imports
import { McpIntegrations } from './resources/mcp-integrations';
import { McpServers } from './resources/mcp-servers';
// observability imports
import { Analytics } from './resources/analytics';
import { Feedback } from './resources/feedback';
import { Logs } from './resources/logs';

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
  /** Workspaces, their defaults and limits, and their members. */
  declare readonly workspaces: Workspaces;
  /** SCIM: which identity-provider groups grant which role in which workspace. */
  declare readonly scim: Scim;
  /** The organisation's users and their invites. */
  declare readonly users: Users;
  /** Portkey API keys of the organisation and its workspaces: create, rotate, revoke. */
  declare readonly apiKeys: ApiKeys;
  /** Who changed what through the admin API. */
  declare readonly auditLogs: AuditLogs;
  // providers resources
  /** A workspace's providers: integrations made usable there, with their own limits. */
  declare readonly providers: Providers;
  /** Virtual keys: provider keys stored behind a slug (the older form of providers). */
  declare readonly virtualKeys: VirtualKeys;
  /** Saved gateway configs (routing, retries, cache), and their versions. */
  declare readonly configs: Configs;
  /** Guardrails: checks on requests and responses, and their actions. */
  declare readonly guardrails: Guardrails;
  /** Usage-limit and rate-limit policies on groups of requests. */
  declare readonly policies: Policies;
  /** References to secrets kept in external vaults. */
  declare readonly secretReferences: SecretReferences;
  /** Model pricing, from Portkey's public origin and without the API key. */
  declare readonly modelPricing: ModelPricing;
  // prompts resources
  /** Prompt templates, their versions and partials; render and run them (`render`, `completions` on the gateway). */
  declare readonly prompts: Prompts;
  /** The folders prompts live in, per workspace. */
  declare readonly collections: Collections;
  /** Labels for prompt versions (`production`, `staging`). */
  declare readonly labels: Labels;
  // mcp resources
  /** MCP integrations: registered MCP server endpoints, their workspaces, capabilities and metadata. */
  declare readonly mcpIntegrations: McpIntegrations;
  /** MCP servers: workspaces' instances of MCP integrations, their capabilities, user access and connections. */
  declare readonly mcpServers: McpServers;
  // observability resources
  /** Graphs, grouped usage and summaries over a time window, for dashboards. */
  declare readonly analytics: Analytics;
  /** Custom logs and single request logs (gateway), and log exports (`logs.exports.run` does a whole export). */
  declare readonly logs: Logs;
  /** Feedback scores on the requests of a trace. */
  declare readonly feedback: Feedback;
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
    this.workspaces = new Workspaces(transport);
    this.scim = new Scim(transport);
    this.users = new Users(transport);
    this.apiKeys = new ApiKeys(transport);
    this.auditLogs = new AuditLogs(transport);
    // providers construction
    this.providers = new Providers(transport);
    this.virtualKeys = new VirtualKeys(transport);
    this.configs = new Configs(transport);
    this.guardrails = new Guardrails(transport);
    this.policies = new Policies(transport);
    this.secretReferences = new SecretReferences(transport);
    this.modelPricing = new ModelPricing(transport);
    // prompts construction
    this.prompts = new Prompts(transport);
    this.collections = new Collections(transport);
    this.labels = new Labels(transport);
    // mcp construction
    this.mcpIntegrations = new McpIntegrations(transport);
    this.mcpServers = new McpServers(transport);
    // observability construction
    this.analytics = new Analytics(transport);
    this.logs = new Logs(transport);
    this.feedback = new Feedback(transport);
  }
}
