// The consumer projects of `npm run bench:types`: what each one type-checks against the packed package.
// Each is one ESM TypeScript file; `{{EDIT}}` marks the line the tsserver measurements edit, `{{COMPLETE}}` where
// they ask for a completion (both are left as plain code when tsc checks the file).

const header = `import { PortkeyAdmin } from 'portkey-admin';

const portkey = new PortkeyAdmin({ apiKey: 'pk-bench' });
let edited = 0; // {{EDIT}}
`;

/**
 * About 25 calls across the resources. Today the facade has `integrations.*` and `mcpIntegrations.*` /
 * `mcpServers.*`, so some of these are the same methods called again with other arguments. When a resource group
 * lands, replace repeats with its calls (one call a line; a line may use `slug` and `n`), keeping about 25 in all.
 */
export const RESOURCE_CALLS = [
  `portkey.integrations.list()`,
  `portkey.integrations.list({ page_size: 10 })`,
  `portkey.mcpIntegrations.list()`,
  `portkey.integrations.retrieve(slug)`,
  `portkey.mcpIntegrations.retrieve(slug)`,
  `portkey.integrations.create({ name: 'OpenAI', ai_provider_id: 'openai' })`,
  `portkey.integrations.create({ name: 'Anthropic', ai_provider_id: 'anthropic', description: 'prod' })`,
  `portkey.integrations.update(slug, { name: 'renamed' })`,
  `portkey.integrations.update(slug, { description: 'edited ' + n })`,
  `portkey.integrations.delete(slug)`,
  `portkey.mcpIntegrations.metadata.retrieve(slug)`,
  `portkey.integrations.models.list(slug)`,
  `portkey.mcpServers.list()`,
  `portkey.integrations.models.update(slug, { models: [{ slug: 'gpt-4o', enabled: true }] })`,
  `portkey.integrations.models.update(slug, { models: [], allow_all_models: true })`,
  `portkey.integrations.models.delete(slug, { slugs: ['gpt-4o'] })`,
  `portkey.integrations.models.delete(slug, { slugs: 'gpt-4o,gpt-4o-mini' })`,
  `portkey.integrations.workspaces.list(slug)`,
  `portkey.mcpServers.retrieve(slug, { timeout: 5_000 })`,
  `portkey.integrations.workspaces.update(slug, { workspaces: [{ id: 'ws-1', enabled: true }] })`,
  `portkey.integrations.workspaces.update(slug, { override_existing_workspace_access: true })`,
  `portkey.mcpServers.capabilities.list(slug).withResponse()`,
  `portkey.mcpServers.delete(slug)`,
  `portkey.mcpServers.connections.list(slug)`,
  `portkey.integrations.workspaces.update(slug, { workspaces: [] }, { timeout: 1_000 })`,
];

/** Five typed low-level calls; the openapi-fetch consumer makes the same five. */
export const LOW_LEVEL_CALLS = [
  { method: 'get', path: '/integrations', init: `{ params: { query: { page_size: 10 } } }` },
  { method: 'get', path: '/integrations/{slug}', init: `{ params: { path: { slug } } }` },
  {
    method: 'post',
    path: '/integrations',
    init: `{ body: { name: 'OpenAI', ai_provider_id: 'openai' } }`,
  },
  {
    method: 'put',
    path: '/integrations/{slug}/models',
    init: `{ params: { path: { slug } }, body: { models: [{ slug: 'gpt-4o', enabled: true }] } }`,
  },
  { method: 'delete', path: '/integrations/{slug}', init: `{ params: { path: { slug } } }` },
];

const lowLevel = (c) => `portkey.${c.method}(${JSON.stringify(c.path)}, ${c.init})`;
const viaOpenapiFetch = (c) => `client.${c.method.toUpperCase()}(${JSON.stringify(c.path)}, ${c.init})`;
const calls = (list) =>
  `export async function calls(slug: string, n: number) {\n${list.map((c) => `  await ${c};`).join('\n')}\n}\n`;

/** name → { title, source, completeAt? }: `completeAt` is the text after which a completion is asked for. */
export const CONSUMERS = {
  a: { title: '(a) nothing', source: `export const nothing = 0; // {{EDIT}}\n` },
  import: { title: '(a2) the import and a client, no call', source: `${header}export { portkey, edited };\n` },
  one: {
    title: '(c1) one typed low-level call',
    source: `${header}export const one = (slug: string) => ${lowLevel(LOW_LEVEL_CALLS[1])};\n`,
  },
  b: {
    title: `(b) ${RESOURCE_CALLS.length} resource calls`,
    source: `${header}${calls(RESOURCE_CALLS)}`,
  },
  c: {
    title: '(c) 5 typed low-level calls',
    source: `${header}${calls(LOW_LEVEL_CALLS.map(lowLevel))}\nexport const typing = portkey.get('/'); // {{COMPLETE}}\n`,
    completeAt: `portkey.get('/`,
  },
  d: {
    title: '(d) the same 5 through openapi-fetch',
    source:
      `import createClient from 'openapi-fetch';\nimport type { paths } from 'portkey-admin';\n\n` +
      `const client = createClient<paths>({ baseUrl: 'https://api.portkey.ai/v1' });\nlet edited = 0; // {{EDIT}}\n` +
      `${calls(LOW_LEVEL_CALLS.map(viaOpenapiFetch))}\nexport const typing = client.GET('/'); // {{COMPLETE}}\nexport { edited };\n`,
    completeAt: `client.GET('/`,
  },
  wrong: {
    title: 'a wrong path (diagnostics checked, not timed)',
    source:
      `${header}export { edited };\nexport const typo = (slug: string) =>\n  portkey.get(\n    '/integrations/{slug}/modelz',\n    { params: { path: { slug } } },\n  );\n` +
      `export const unknown = () =>\n  portkey.get(\n    '/not-in-the-spec',\n  );\n`,
    // Each error must be a wrong-path error (TS2345) on the line of the path, against these paths at most.
    expect: [
      { line: 8, code: 2345, near: ['/integrations', '/integrations/{slug}/models'] },
      { line: 13, code: 2345 },
    ],
  },
};

/** The order tsc runs them in; (a) first of each round, the ratios are to it. */
export const TSC_ORDER = ['a', 'import', 'one', 'b', 'c', 'd'];
