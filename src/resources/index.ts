// Every resource and the nouns users hold, one line per resource file.
export * from './integrations';
export * from './integrations.models';
export * from './integrations.workspaces';
// organisation
// providers
// prompts
export * from './collections';
export * from './labels';
export * from './prompts';
export * from './prompts.completions';
export * from './prompts.partials';
export * from './prompts.versions';
// mcp
// observability
