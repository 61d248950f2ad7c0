// The README section of the providers group (docs/readme/providers.md), compiled: the same code, line for line.
import { it } from 'vitest';
import { PortkeyAdmin } from '../../src/index';

declare const portkey: PortkeyAdmin;

export async function readme(): Promise<void> {
  // Providers: an integration made usable in a workspace, under its own slug and limits
  const { slug } = await portkey.providers.create({
    name: 'OpenAI (Data Science)',
    integration_id: 'openai-production',
    workspace_id: '8a2d4c6e-1f3b-4d5a-9e7c-0b2f4a6c8d10',
    usage_limits: { credit_limit: 500, type: 'cost', alert_threshold: 400, periodic_reset: 'monthly' },
    rate_limits: { type: 'requests', unit: 'rpm', value: 300 },
  });
  for await (const provider of portkey.providers.list({ workspace_id: 'ws-data-science' })) {
    console.log(provider.slug, provider.status, provider.usage_limits?.credit_limit);
  }
  // an admin key names the workspace: after the slug, or (beside a body) in the options' `query`
  const provider = await portkey.providers.retrieve('openai-ds', { workspace_id: 'ws-data-science' });
  await portkey.providers.update('openai-ds', { reset_usage: true }, { query: { workspace_id: 'ws-data-science' } });
  await portkey.providers.delete('openai-ds-legacy', { workspace_id: 'ws-data-science' });

  // Virtual keys (the older form of providers): list() pages from 0, 50 a page, unless told otherwise
  for await (const key of portkey.virtualKeys.list()) console.log(key.slug, key.status);
  await portkey.virtualKeys.create({ name: 'Anthropic (Customer Support)', provider: 'anthropic', key: 'sk-ant-…' });
  await portkey.virtualKeys.update('anthropic-support-vk', { note: 'Key rotated in March 2026.' });

  // Configs: the list is not paged (one answer, `{ success, data }`); versions are
  const { data: configs } = await portkey.configs.list();
  const created = await portkey.configs.create({
    name: 'GPT-4o with Claude fallback',
    config: {
      strategy: { mode: 'fallback' },
      targets: [{ provider: '@openai-ds' }, { provider: '@anthropic-support' }],
    },
  });
  const config = await portkey.configs.retrieve('pc-fallback-4o-9d2c1b');
  console.log(config.data?.config?.strategy?.mode);
  await portkey.configs.update('pc-fallback-4o-9d2c1b', { status: 'active' }); // saves a new version
  for await (const version of portkey.configs.versions.list('pc-fallback-4o-9d2c1b')) console.log(version.version_id);

  // Guardrails: checks, and what happens on their verdict
  const guardrail = await portkey.guardrails.create({
    name: 'Block PII in prompts',
    workspace_id: '8a2d4c6e-1f3b-4d5a-9e7c-0b2f4a6c8d10',
    checks: [{ id: 'default.regexMatch', parameters: { rule: '\\b(?:\\d[ -]*?){13,16}\\b', not: true } }],
    actions: {
      deny: true,
      async: false,
      on_success: { feedback: { value: 5, weight: 1, metadata: '' } },
      on_fail: { feedback: { value: -5, weight: 1, metadata: 'pii-guard' } },
    },
  });
  const details = await portkey.guardrails.retrieve(guardrail.slug);
  console.log(details.checks?.map((check) => check.id));

  // Policies: a $1,000 monthly budget for each API key of a workspace, and 60 requests a minute per user
  const budget = await portkey.policies.usageLimits.create({
    name: 'Monthly budget per API key',
    conditions: [{ key: 'workspace_id', value: 'ws-data-science' }],
    group_by: [{ key: 'api_key' }],
    type: 'cost',
    credit_limit: 1000,
    alert_threshold: 800,
    periodic_reset: 'monthly',
  });
  for await (const entity of portkey.policies.usageLimits.entities.list(budget.id!, { status: 'exhausted' })) {
    await portkey.policies.usageLimits.entities.reset(budget.id!, entity.id!);
  }
  await portkey.policies.rateLimits.create({
    conditions: [{ key: 'workspace_id', value: 'ws-data-science' }],
    group_by: [{ key: 'metadata._user' }],
    type: 'requests',
    unit: 'rpm',
    value: 60,
  });

  // Secret references: where a credential lives in your vault (answers never hold the secret)
  await portkey.secretReferences.create({
    name: 'OpenAI key (AWS Secrets Manager)',
    slug: 'acme-openai-ds-key',
    manager_type: 'aws_sm',
    auth_config: {
      aws_auth_type: 'assumedRole',
      aws_role_arn: 'arn:aws:iam::123456789012:role/portkey-secrets-reader',
      aws_region: 'us-east-1',
    },
    secret_path: 'prod/openai/data-science',
    allow_all_workspaces: false,
    allowed_workspaces: ['ws-data-science'],
  });
  for await (const ref of portkey.secretReferences.list({ manager_type: 'aws_sm' })) console.log(ref.slug);

  // Model pricing: public, from Portkey's own origin, and sent without your API key
  const pricing = await portkey.modelPricing.retrieve('openai', 'gpt-4o');
  console.log(pricing.pay_as_you_go?.request_token?.price, pricing.currency);
  void [slug, provider, configs, created];
}

it('the providers README section compiles', () => {});
