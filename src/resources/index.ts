// Every resource and the nouns users hold, one line per resource file.
export * from './integrations';
export * from './integrations.models';
export * from './integrations.workspaces';
// organisation
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
