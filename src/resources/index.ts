// Every resource and the nouns users hold, one line per resource file.
export * from './integrations';
export * from './integrations.models';
export * from './integrations.workspaces';
// organisation
export * from './api-keys';
export * from './audit-logs';
export * from './scim';
export * from './users';
export * from './users.invites';
export * from './workspaces';
export * from './workspaces.members';
// providers
export * from './providers';
export * from './virtualKeys';
export * from './configs';
export * from './configs.versions';
export * from './guardrails';
export * from './policies';
export * from './policies.usageLimits';
export * from './policies.usageLimits.entities';
export * from './policies.rateLimits';
export * from './secretReferences';
export * from './modelPricing';
// prompts
export * from './collections';
export * from './labels';
export * from './prompts';
export * from './prompts.completions';
export * from './prompts.partials';
export * from './prompts.versions';
// mcp
export * from './mcp-integrations';
export * from './mcp-integrations.workspaces';
export * from './mcp-integrations.capabilities';
export * from './mcp-integrations.metadata';
export * from './mcp-servers';
export * from './mcp-servers.capabilities';
export * from './mcp-servers.user-access';
export * from './mcp-servers.connections';
// observability
export * from './analytics';
export * from './analytics.graphs';
export * from './feedback';
export * from './logs';
export * from './logs.exports';
