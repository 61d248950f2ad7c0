#!/usr/bin/env node
// npm run demo: the package's main job without a Portkey account. Starts a Prism mock of
// openapi/portkey.yaml, points the built client at it, makes real calls and prints what came back.
import { resolve } from 'node:path';
import { startPrism } from './lib/prism.mjs';
import { PortkeyAdmin, PortkeyError } from '../dist/index.js';

const root = resolve(import.meta.dirname, '..');
const spec = resolve(root, 'openapi/portkey.yaml');

function line(label, value) {
  console.log(`  ${label.padEnd(22)} ${value}`);
}

function describeConfiguration(configurations) {
  if (!configurations || typeof configurations !== 'object') return '(none)';
  const entries = Object.entries(configurations);
  return entries.length
    ? entries.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')
    : '(empty)';
}

function describeWorkspaceAccess(settings, count) {
  if (!settings) return `${count ?? 0} workspace(s), no global access`;
  const limits = [
    ...(settings.usage_limits ?? []).map((u) =>
      `usage ${u.credit_limit} ${u.type ?? ''} ${u.periodic_reset ?? ''}`.trim(),
    ),
    ...(settings.rate_limits ?? []).map((r) => `rate ${r.value} ${r.unit}`),
  ];
  return `${count ?? 0} workspace(s); global access ${settings.enabled ? 'on' : 'off'}${limits.length ? ` (${limits.join('; ')})` : ''}`;
}

console.log('Starting a local Prism mock of openapi/portkey.yaml …');
const prism = await startPrism(spec);
let exitCode = 0;
try {
  const portkey = new PortkeyAdmin({ apiKey: 'pk-demo-key', baseUrl: prism.url, maxRetries: 0 });
  console.log(`Mock listening at ${prism.url}\n`);

  const page = await portkey.integrations.list({ page_size: 20 });
  console.log(`GET /integrations → ${page.total} integration(s)`);
  for (const item of page.data ?? []) {
    console.log(`  - ${String(item.slug).padEnd(24)} ${String(item.ai_provider_id).padEnd(14)} ${item.status}`);
  }

  const { data: integration, response } = await portkey.integrations.retrieve('openai-production').withResponse();
  console.log(`\nGET /integrations/openai-production → ${response.status}`);
  line('slug', integration.slug);
  line('name', integration.name);
  line('provider', integration.ai_provider_id);
  line('status', integration.status);
  line('masked key', integration.masked_key);
  line('configuration', describeConfiguration(integration.configurations));
  line(
    'workspace access',
    describeWorkspaceAccess(integration.global_workspace_access_settings, integration.workspace_count),
  );
  line('all models allowed', integration.allow_all_models);

  const models = await portkey.integrations.models.list('openai-production');
  const enabled = (models.models ?? []).filter((m) => m.enabled).map((m) => m.slug);
  line('models enabled', `${enabled.length} of ${models.total ?? 0}: ${enabled.join(', ')}`);

  const workspaces = await portkey.integrations.workspaces.list('openai-production');
  line('workspaces', (workspaces.workspaces ?? []).map((w) => `${w.id} (${w.enabled ? 'on' : 'off'})`).join(', '));

  // Errors come back typed: the same call without a key is refused by the mock.
  try {
    await portkey.integrations.retrieve('openai-production', { headers: { 'x-portkey-api-key': null } });
  } catch (error) {
    if (!(error instanceof PortkeyError)) throw error;
    console.log(`\nWithout an API key → ${error.name}: ${error.message}`);
  }
} catch (error) {
  exitCode = 1;
  console.error('Demo failed:', error);
} finally {
  await prism.stop();
}
process.exit(exitCode);
