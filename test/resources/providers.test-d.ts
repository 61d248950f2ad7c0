// Type tests for the providers group: results typed from the spec (never any), enum arguments and
// required arguments enforced, the argument shapes (query after the id, query in the options beside a body).
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/portkey';
import {
  PortkeyAdmin,
  type APIPromise,
  type Config,
  type ConfigSummary,
  type ConfigVersion,
  type Guardrail,
  type GuardrailSummary,
  type ModelPricingConfig,
  type PagePromise,
  type Provider,
  type RateLimitsPolicy,
  type SecretReference,
  type SecretReferenceSummary,
  type UsageLimitsPolicy,
  type UsageLimitsPolicyEntity,
  type VirtualKey,
  type VirtualKeyListPage,
} from '../../src/index';

declare const portkey: PortkeyAdmin;
type S = components['schemas'];

describe('providers group: results from the spec', () => {
  it('the nouns are the spec’s schemas, not any', () => {
    expectTypeOf<Provider>().toEqualTypeOf<S['Provider']>();
    expectTypeOf<VirtualKey>().toEqualTypeOf<S['VirtualKey']>();
    expectTypeOf<GuardrailSummary>().toEqualTypeOf<S['GuardrailSummary']>();
    expectTypeOf<Guardrail>().toEqualTypeOf<S['GuardrailDetails']>();
    expectTypeOf<UsageLimitsPolicy>().toEqualTypeOf<S['UsageLimitsPolicyResponse']>();
    expectTypeOf<UsageLimitsPolicyEntity>().toEqualTypeOf<S['UsageLimitsPolicyEntity']>();
    expectTypeOf<RateLimitsPolicy>().toEqualTypeOf<S['RateLimitsPolicyResponse']>();
    expectTypeOf<SecretReference>().toEqualTypeOf<S['SecretReferenceDetailResponse']>();
    expectTypeOf<SecretReferenceSummary>().toEqualTypeOf<S['SecretReferenceListItem']>();
    expectTypeOf<ModelPricingConfig>().toEqualTypeOf<S['ModelPricingConfig']>();
    for (const noun of [] as (Provider | VirtualKey | Config | ConfigSummary | ConfigVersion | Guardrail)[]) {
      expectTypeOf(noun).not.toBeAny();
    }
    expectTypeOf<Provider['status']>().toEqualTypeOf<'active' | 'exhausted' | 'expired' | undefined>();
    expectTypeOf<ConfigSummary['is_default']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ConfigVersion['version_id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<UsageLimitsPolicy['type']>().toEqualTypeOf<'cost' | 'tokens'>();
  });

  it('lists are PagePromises whose items are the nouns', async () => {
    expectTypeOf(portkey.providers.list()).toEqualTypeOf<
      PagePromise<{ object?: 'list'; total?: number; data?: S['Provider'][] }, S['Provider']>
    >();
    expectTypeOf(portkey.virtualKeys.list()).toEqualTypeOf<PagePromise<VirtualKeyListPage, S['VirtualKey']>>();
    for await (const c of portkey.configs.list()) expectTypeOf(c).toEqualTypeOf<ConfigSummary>();
    for await (const v of portkey.configs.versions.list('s')) expectTypeOf(v).toEqualTypeOf<ConfigVersion>();
    for await (const g of portkey.guardrails.list()) expectTypeOf(g).toEqualTypeOf<S['GuardrailSummary']>();
    for await (const e of portkey.policies.usageLimits.entities.list('p')) {
      expectTypeOf(e).toEqualTypeOf<S['UsageLimitsPolicyEntity']>();
    }
    for await (const r of portkey.policies.rateLimits.list()) expectTypeOf(r).toEqualTypeOf<S['RateLimitsPolicy']>();
    for await (const x of portkey.secretReferences.list())
      expectTypeOf(x).toEqualTypeOf<S['SecretReferenceListItem']>();
  });

  it('retrieve and create results', () => {
    expectTypeOf(portkey.providers.retrieve('openai-ds')).toEqualTypeOf<APIPromise<Provider>>();
    expectTypeOf(portkey.modelPricing.retrieve('openai', 'gpt-4o')).toEqualTypeOf<APIPromise<ModelPricingConfig>>();
    expectTypeOf(portkey.guardrails.create).returns.resolves.toEqualTypeOf<S['CreateGuardrailResponse']>();
    expectTypeOf(portkey.virtualKeys.create).returns.resolves.toHaveProperty('data');
  });
});

describe('providers group: arguments', () => {
  it('an enum argument is refused when it is not one of the spec’s values', () => {
    // @ts-expect-error manager_type is aws_sm, azure_kv or hashicorp_vault
    portkey.secretReferences.list({ manager_type: 'gcp_sm' });
    // @ts-expect-error unit is rpm, rph or rpd
    portkey.policies.rateLimits.list({ unit: 'rps' });
    // @ts-expect-error a check id is one of the spec's
    portkey.guardrails.create({ name: 'x', checks: [{ id: 'default.nope' }], actions: {} as S['GuardrailActions'] });
    // @ts-expect-error status is active or exhausted
    portkey.policies.usageLimits.entities.list('p', { status: 'archived' });
    // @ts-expect-error a virtual key's provider is one of the spec's
    portkey.virtualKeys.create({ name: 'x', provider: 'acme-ai' });
  });

  it('a required argument missing is refused', () => {
    // @ts-expect-error integration_id is required
    portkey.providers.create({ name: 'OpenAI (Data Science)' });
    // @ts-expect-error checks and actions are required
    portkey.guardrails.create({ name: 'PII' });
    // @ts-expect-error conditions, group_by, type and credit_limit are required
    portkey.policies.usageLimits.create({ type: 'cost' });
    // @ts-expect-error the entity id is required
    portkey.policies.usageLimits.entities.reset('p');
    // @ts-expect-error the model is required
    portkey.modelPricing.retrieve('openai');
    // @ts-expect-error secret_path is required
    portkey.secretReferences.create({
      name: 'x',
      manager_type: 'aws_sm',
      auth_config: { vault_auth_type: 'token', vault_addr: 'https://vault.example.com', vault_token: 't' },
    });
  });

  it('providers: the query after the slug for retrieve and delete, in the options for update', () => {
    portkey.providers.retrieve('openai-ds', { workspace_id: 'ws-data-science' });
    portkey.providers.delete('openai-ds', { workspace_id: 'ws-data-science' }, { timeout: 5000 });
    portkey.providers.update('openai-ds', { note: 'x' }, { query: { workspace_id: 'ws-data-science' } });
    // @ts-expect-error update takes the query in its options, not as a third positional object
    portkey.providers.update('openai-ds', { note: 'x' }, { workspace_id: 'ws-data-science' });
    // @ts-expect-error an unknown query key
    portkey.providers.retrieve('openai-ds', { workspace: 'ws-data-science' });
  });

  it('virtualKeys.list: the paging parameters are optional here, typed when given', () => {
    portkey.virtualKeys.list();
    portkey.virtualKeys.list({ page_size: 10 });
    // @ts-expect-error a page number is a number
    portkey.virtualKeys.list({ current_page: 'first' });
  });

  it('configs and versions take no query', () => {
    // @ts-expect-error configs.list takes no query (it is not paged)
    portkey.configs.list({ current_page: 1 });
    // @ts-expect-error configs.versions.list takes the slug
    portkey.configs.versions.list();
  });
});
