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
// prompts
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
