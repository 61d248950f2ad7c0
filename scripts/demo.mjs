#!/usr/bin/env node
// npm run demo: what the client does, without a Portkey account. Starts a Prism mock of openapi/portkey.yaml,
// points the built client (dist/) at it, makes real calls and prints what came back. Prism answers every list
// with the spec's one example page, so the multi-page walk runs against portkey-admin/testing's in-process mock.
import { resolve } from 'node:path';
import { startPrism } from './lib/prism.mjs';
import { APIError, PortkeyAdmin, PortkeyError } from '../dist/index.js';
import { mockFetch } from '../dist/testing.js';

const spec = resolve(import.meta.dirname, '../openapi/portkey.yaml');

const heading = (text) => console.log(`\n${text}`);
const row = (...cells) =>
  console.log(`  ${cells.map((c, i) => String(c ?? '—').padEnd([26, 30, 20][i] ?? 0)).join(' ')}`.trimEnd());
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs a call that should fail and prints the typed error it throws. */
async function showError(label, call) {
  try {
    await call();
    console.log(`  ${label} → unexpectedly succeeded`);
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    // Portkey sends x-portkey-request-id on every answer; Prism sends none.
    const requestId = error.requestId ?? '(none: Prism sends no x-portkey-request-id)';
    console.log(`  ${label}`);
    console.log(
      `    ${error.name} (an APIError)  status ${error.status}  code ${error.code ?? '—'}  requestId ${requestId}`,
    );
    console.log(`    message: ${error.message}`);
  }
}

console.log('Starting a local Prism mock of openapi/portkey.yaml …');
const prism = await startPrism(spec);
let exitCode = 0;
try {
  const portkey = new PortkeyAdmin({ apiKey: 'pk-demo-key', baseUrl: prism.url, maxRetries: 0 });
  console.log(`Mock listening at ${prism.url}`);

  heading('Integrations — portkey.integrations.list()');
  for await (const integration of portkey.integrations.list()) {
    row(integration.slug, integration.ai_provider_id, integration.status);
  }

  heading('Workspaces and their members — portkey.workspaces.list(), .members.list(id)');
  for await (const workspace of portkey.workspaces.list()) {
    const members = [];
    for await (const m of portkey.workspaces.members.list(workspace.slug)) members.push(`${m.email} (${m.role})`);
    row(workspace.slug, workspace.name, members.join(', ') || 'no members');
  }

  heading('API keys — portkey.apiKeys.list()');
  for await (const key of portkey.apiKeys.list()) row(key.name, key.type, `${key.status}, ${key.key}`);

  heading('Configs and prompts — portkey.configs.list(), portkey.prompts.list()');
  const { data: configs = [] } = await portkey.configs.list();
  for (const config of configs) row(config.slug, config.name, config.status);
  for await (const prompt of portkey.prompts.list()) row(prompt.slug, prompt.name, prompt.model);

  heading('Audit log, last 7 days — portkey.auditLogs.list({ start_time, end_time })');
  const lastWeek = { start_time: new Date(Date.now() - 7 * 86_400_000), end_time: new Date() };
  for await (const record of portkey.auditLogs.list(lastWeek)) {
    row(record.timestamp, `${record.method} ${record.uri}`, `→ ${record.response_status_code}`);
  }

  heading('Typed errors — Prism answers a declared error when asked with `Prefer: code=…`');
  await showError("portkey.workspaces.delete('ws-data-science')  [Prefer: code=409]", () =>
    portkey.workspaces.delete('ws-data-science', { headers: { prefer: 'code=409' } }),
  );
  await showError("portkey.integrations.retrieve('openai-staging')  [no API key sent]", () =>
    portkey.integrations.retrieve('openai-staging', { headers: { 'x-portkey-api-key': null } }),
  );

  heading('Pagination — 5 integrations served 2 a page by portkey-admin/testing (no server)');
  const all = ['openai-production', 'openai-staging', 'anthropic-research', 'azure-eu', 'bedrock-us'];
  const fetch = mockFetch({
    'GET /integrations': ({ query }) => {
      const size = Number(query.page_size);
      const start = Number(query.current_page ?? 0) * size;
      return { object: 'list', total: all.length, data: all.slice(start, start + size).map((slug) => ({ slug })) };
    },
  });
  const paged = new PortkeyAdmin({ apiKey: 'pk-demo-key', fetch, maxRetries: 0 });
  let n = 0;
  const before = fetch.calls.length;
  for await (const page of paged.integrations.list({ page_size: 2 }).pages()) {
    const slugs = (page.data ?? []).map((i) => i.slug);
    console.log(`  .pages() page ${++n}: ${plural(slugs.length, 'item')} (${slugs.join(', ')})`);
  }
  const pagesRequests = fetch.calls.length - before;
  const walked = [];
  for await (const integration of paged.integrations.list({ page_size: 2 })) walked.push(integration.slug);
  console.log(`  for await: ${plural(walked.length, 'integration')} (${walked.join(', ')})`);
  console.log(
    `  requests: ${pagesRequests} for .pages(), ${fetch.calls.length - before - pagesRequests} for the for await walk`,
  );
} catch (error) {
  exitCode = 1;
  // A failure the client explains is printed as such; anything else is a bug in the demo, so keep its stack.
  console.error('\nDemo failed:', error instanceof PortkeyError ? `${error.name}: ${error.message}` : error);
} finally {
  await prism.stop();
}
process.exit(exitCode);
