// Every resource and the nouns users hold, one line per resource file.
export * from './integrations';
export * from './integrations.models';
export * from './integrations.workspaces';
// organisation
// providers
// prompts
// mcp
// observability
