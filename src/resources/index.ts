// Every resource and the nouns users hold, one line per resource file.
export * from './integrations';
export * from './integrations.models';
export * from './integrations.workspaces';
// organisation
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
// mcp
// observability
