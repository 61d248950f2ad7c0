// The providers group against Prism: every method answers a 2xx, in the shape the spec promises, for a
// request Prism finds nothing wrong with. Asserts the contract, not one spec's example values, so the same
// suite passes against Portkey's full spec (PORTKEY_TEST_SPEC). Then: bad input from plain JavaScript is
// refused before anything is sent, naming the method and the argument.
import { describe, expect, inject, it } from 'vitest';
import { loadSpec } from '../../scripts/lib/spec-facts.mjs';
import { resolveConfig } from '../../src/core/config';
import { Transport } from '../../src/core/transport';
import {
  APIError,
  ModelPricing,
  PortkeyError,
  type APIPromise,
  type PortkeyAdmin,
  type WithResponse,
} from '../../src/index';
import { clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';
import { expectNoRequestViolations, prismClient, prismUrl } from '../helpers/prism-client';
import { isOurSpec } from '../spec/requests';

closeServersAfterEach();

const ourSpec = isOurSpec(loadSpec(inject('specFile')));

const WS = '8a2d4c6e-1f3b-4d5a-9e7c-0b2f4a6c8d10';
const USAGE = '1e7f3a9c-5b2d-4c8e-9a6f-3d1b7e5c9a20';
const RATE = '7a3c5e1f-9b2d-4f6a-8c4e-2b0d9f7e5a31';
const ENTITY = '9c1e3a5b-7d9f-4b2d-8e4f-6a8c0e2a4c6e';

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `value` has type `type` where it is present (upstream's examples leave fields out). */
const optional = (value: unknown, type: string) => value === undefined || value === null || typeof value === type;

/** A list page of the common `{ object?, total, data }` shape, each item checked by `item`. */
function listPage(item: (x: any) => void) {
  return (page: any) => {
    expect(isObject(page)).toBe(true);
    expect(Array.isArray(page.data)).toBe(true);
    expect(optional(page.total, 'number')).toBe(true);
    for (const x of page.data) item(x);
  };
}
const anObject = (data: unknown) => expect(isObject(data)).toBe(true);

interface Case {
  name: string;
  call: (p: PortkeyAdmin) => APIPromise<any>;
  shape: (data: any) => void;
  /** What the URL must say: the query the call sends. */
  query?: Record<string, string>;
}

const guardrailBody = {
  name: 'Block PII in prompts',
  workspace_id: WS,
  checks: [{ id: 'default.wordCount' as const, parameters: { minWords: 1, maxWords: 2000 }, is_enabled: true }],
  actions: {
    deny: true,
    async: false,
    on_success: { feedback: { value: 5, weight: 1, metadata: '' } },
    on_fail: { feedback: { value: -5, weight: 1, metadata: 'pii-guard' } },
  },
};

const cases: Case[] = [
  {
    name: 'providers.list',
    call: (p) => p.providers.list({ workspace_id: 'ws-data-science', page_size: 50 }),
    shape: listPage((x) => expect(optional(x.slug, 'string')).toBe(true)),
    query: { workspace_id: 'ws-data-science', page_size: '50' },
  },
  {
    name: 'providers.create',
    call: (p) =>
      p.providers.create({
        name: 'OpenAI (Data Science)',
        integration_id: 'openai-production',
        workspace_id: WS,
        usage_limits: { credit_limit: 500, type: 'cost', alert_threshold: 400, periodic_reset: 'monthly' },
      }),
    shape: (d) => {
      anObject(d);
      expect(optional(d.slug, 'string')).toBe(true);
    },
  },
  {
    name: 'providers.retrieve',
    call: (p) => p.providers.retrieve('openai-ds', { workspace_id: 'ws-data-science' }),
    shape: (d) => {
      anObject(d);
      expect(optional(d.slug, 'string')).toBe(true);
      expect(['active', 'exhausted', 'expired', undefined]).toContain(d.status);
    },
    query: { workspace_id: 'ws-data-science' },
  },
  {
    name: 'providers.update',
    call: (p) =>
      p.providers.update(
        'openai-ds',
        { note: 'Budget raised', reset_usage: true },
        { query: { workspace_id: 'ws-data-science' } },
      ),
    shape: anObject,
    query: { workspace_id: 'ws-data-science' },
  },
  {
    name: 'providers.delete',
    call: (p) => p.providers.delete('openai-ds-legacy', { workspace_id: 'ws-data-science' }),
    shape: anObject,
    query: { workspace_id: 'ws-data-science' },
  },
  {
    name: 'virtualKeys.list',
    call: (p) => p.virtualKeys.list(),
    shape: listPage((x) => expect(optional(x.slug, 'string')).toBe(true)),
    query: { current_page: '0', page_size: '50' },
  },
  {
    name: 'virtualKeys.create',
    call: (p) =>
      p.virtualKeys.create({ name: 'Anthropic (Customer Support)', provider: 'anthropic', key: 'sk-ant-example' }),
    shape: (d) => {
      anObject(d);
      expect(optional(d.success, 'boolean')).toBe(true);
    },
  },
  {
    name: 'virtualKeys.retrieve',
    call: (p) => p.virtualKeys.retrieve('anthropic-support-vk'),
    shape: (d) => {
      anObject(d);
      expect(optional(d.slug, 'string')).toBe(true);
    },
  },
  {
    name: 'virtualKeys.update',
    call: (p) => p.virtualKeys.update('anthropic-support-vk', { note: 'Key rotated in March 2026.' }),
    shape: anObject,
  },
  { name: 'virtualKeys.delete', call: (p) => p.virtualKeys.delete('openai-legacy-vk'), shape: anObject },
  {
    name: 'configs.list',
    call: (p) => p.configs.list(),
    shape: (d) => {
      anObject(d);
      expect(Array.isArray(d.data)).toBe(true);
      for (const c of d.data) expect(optional(c.slug, 'string')).toBe(true);
    },
  },
  {
    name: 'configs.create',
    call: (p) =>
      p.configs.create({
        name: 'GPT-4o with Claude fallback',
        config: { strategy: { mode: 'fallback' } },
        workspace_id: WS,
      }),
    shape: anObject,
  },
  {
    name: 'configs.retrieve',
    call: (p) => p.configs.retrieve('pc-fallback-4o-9d2c1b'),
    shape: (d) => {
      anObject(d);
      expect(d.data === undefined || isObject(d.data)).toBe(true);
    },
  },
  {
    name: 'configs.update',
    call: (p) => p.configs.update('pc-fallback-4o-9d2c1b', { name: 'GPT-4o with Claude fallback', status: 'active' }),
    shape: anObject,
  },
  { name: 'configs.delete', call: (p) => p.configs.delete('pc-cache-semantic-7a3e5f'), shape: anObject },
  {
    name: 'configs.versions.list',
    call: (p) => p.configs.versions.list('pc-fallback-4o-9d2c1b'),
    shape: listPage((v) => expect(optional(v.version_id, 'string')).toBe(true)),
  },
  {
    name: 'guardrails.list',
    call: (p) => p.guardrails.list({ workspace_id: WS, page_size: 50 }),
    shape: listPage((g) => expect(typeof g.id).toBe('string')),
    query: { workspace_id: WS, page_size: '50' },
  },
  {
    name: 'guardrails.create',
    call: (p) => p.guardrails.create(guardrailBody),
    shape: (d) => {
      anObject(d);
      expect(typeof d.id).toBe('string');
      expect(typeof d.slug).toBe('string');
    },
  },
  {
    name: 'guardrails.retrieve',
    call: (p) => p.guardrails.retrieve('guard_pii-prompts-4f2a9c'),
    shape: (d) => {
      anObject(d);
      expect(typeof d.id).toBe('string');
      expect(d.checks === undefined || Array.isArray(d.checks)).toBe(true);
    },
  },
  {
    name: 'guardrails.update',
    call: (p) => p.guardrails.update('guard_pii-prompts-4f2a9c', { name: 'Flag PII in prompts' }),
    shape: (d) => {
      anObject(d);
      expect(typeof d.slug).toBe('string');
    },
  },
  {
    name: 'guardrails.delete',
    call: (p) => p.guardrails.delete('guard_pii-prompts-4f2a9c'),
    // Declared without a body: the result is whatever the server sent, often nothing.
    shape: () => {},
  },
  {
    name: 'policies.usageLimits.list',
    call: (p) => p.policies.usageLimits.list({ workspace_id: 'ws-data-science', type: 'cost', page_size: 50 }),
    shape: listPage((x) => expect(typeof x.id).toBe('string')),
    query: { type: 'cost' },
  },
  {
    name: 'policies.usageLimits.create',
    call: (p) =>
      p.policies.usageLimits.create({
        conditions: [{ key: 'workspace_id', value: 'ws-data-science' }],
        group_by: [{ key: 'api_key' }],
        type: 'cost',
        credit_limit: 1000,
      }),
    shape: anObject,
  },
  {
    name: 'policies.usageLimits.retrieve',
    call: (p) => p.policies.usageLimits.retrieve(USAGE, { include_usage: true }),
    shape: (d) => {
      anObject(d);
      expect(typeof d.id).toBe('string');
      expect(['cost', 'tokens']).toContain(d.type);
    },
    query: { include_usage: 'true' },
  },
  {
    name: 'policies.usageLimits.update',
    call: (p) => p.policies.usageLimits.update(USAGE, { credit_limit: 1500 }),
    shape: anObject,
  },
  { name: 'policies.usageLimits.delete', call: (p) => p.policies.usageLimits.delete(USAGE), shape: anObject },
  {
    name: 'policies.usageLimits.entities.list',
    call: (p) => p.policies.usageLimits.entities.list(USAGE, { status: 'exhausted', page_size: 50 }),
    shape: listPage((e) => expect(optional(e.current_usage, 'number')).toBe(true)),
    query: { status: 'exhausted' },
  },
  {
    name: 'policies.usageLimits.entities.reset',
    call: (p) => p.policies.usageLimits.entities.reset(USAGE, ENTITY),
    shape: anObject,
  },
  {
    name: 'policies.rateLimits.list',
    call: (p) => p.policies.rateLimits.list({ unit: 'rpm', page_size: 50 }),
    shape: listPage((x) => expect(typeof x.id).toBe('string')),
    query: { unit: 'rpm' },
  },
  {
    name: 'policies.rateLimits.create',
    call: (p) =>
      p.policies.rateLimits.create({
        conditions: [{ key: 'workspace_id', value: 'ws-data-science' }],
        group_by: [{ key: 'metadata._user' }],
        type: 'requests',
        unit: 'rpm',
        value: 60,
      }),
    shape: anObject,
  },
  {
    name: 'policies.rateLimits.retrieve',
    call: (p) => p.policies.rateLimits.retrieve(RATE),
    shape: (d) => {
      anObject(d);
      expect(['rpm', 'rph', 'rpd']).toContain(d.unit);
    },
  },
  {
    name: 'policies.rateLimits.update',
    call: (p) => p.policies.rateLimits.update(RATE, { value: 100 }),
    shape: anObject,
  },
  { name: 'policies.rateLimits.delete', call: (p) => p.policies.rateLimits.delete(RATE), shape: anObject },
  {
    name: 'secretReferences.list',
    call: (p) => p.secretReferences.list({ manager_type: 'aws_sm', page_size: 20 }),
    shape: listPage((x) => expect(optional(x.slug, 'string')).toBe(true)),
    query: { manager_type: 'aws_sm' },
  },
  {
    name: 'secretReferences.create',
    call: (p) =>
      p.secretReferences.create({
        name: 'OpenAI key (AWS Secrets Manager)',
        manager_type: 'aws_sm',
        auth_config: { aws_auth_type: 'serviceRole', aws_region: 'us-east-1' },
        secret_path: 'prod/openai/data-science',
      }),
    shape: anObject,
  },
  {
    name: 'secretReferences.retrieve',
    call: (p) => p.secretReferences.retrieve('acme-openai-ds-key'),
    shape: (d) => {
      anObject(d);
      expect(['aws_sm', 'azure_kv', 'hashicorp_vault', undefined]).toContain(d.manager_type);
    },
  },
  {
    name: 'secretReferences.update',
    call: (p) => p.secretReferences.update('acme-openai-ds-key', { secret_path: 'prod/openai/data-science-2026' }),
    shape: anObject,
  },
  {
    name: 'secretReferences.delete',
    call: (p) => p.secretReferences.delete('acme-legacy-anthropic-key'),
    shape: anObject,
  },
];

/**
 * Portkey's own spec declares a guardrail check's `parameters` as `oneOf` over branches that overlap, so any
 * real parameters object matches several and Prism built from that spec refuses the request (400, with the
 * violation in `sl-violations`). Our spec reads them as `anyOf`, a recorded departure
 * (docs/readme/providers.departures.yaml). Only there, and only against a spec that is not ours, such a
 * refusal is what the departure predicts; anything else still fails.
 */
const ONE_OF_DEPARTURES = new Set(['guardrails.create', 'guardrails.update']);
function refusedByUpstreamOneOf(name: string, error: APIError): boolean {
  if (ourSpec || !ONE_OF_DEPARTURES.has(name) || error.status !== 400) return false;
  const violations: { location: string[]; code: string }[] = JSON.parse(error.headers.get('sl-violations') ?? '[]');
  // Each branch's complaint and the final "must match exactly one schema in oneOf", all about one check's parameters.
  return (
    violations.some((v) => v.code === 'oneOf') &&
    violations.every((v) => /^request\.body\.checks\.\d+\.parameters$/.test(v.location.join('.')))
  );
}

describe('the providers group against the Prism mock', () => {
  it.each(cases)('$name: a 2xx in the promised shape, no request violations', async ({ name, call, shape, query }) => {
    const answer = await call(prismClient())
      .withResponse()
      .catch((error: unknown) => error);
    if (answer instanceof APIError && refusedByUpstreamOneOf(name, answer)) return;
    const { data, response } = answer as WithResponse<any>;
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expectNoRequestViolations(response);
    shape(data);
    const sent = new URL(response.url).searchParams;
    for (const [key, value] of Object.entries(query ?? {})) expect(sent.get(key)).toBe(value);
  });

  it('modelPricing.retrieve, routed to Prism: the pricing shape, without the API key', async () => {
    // The client sends pricing to Portkey's public origin; here a transport whose route goes to Prism.
    const transport = new Transport(
      resolveConfig({ apiKey: 'pk-test-key', baseUrl: prismUrl(), maxRetries: 0, timeout: 10_000 }),
      { '/model-configs/pricing/{provider}/{model}': prismUrl() },
    );
    const { data, response } = await new ModelPricing(transport).retrieve('openai', 'gpt-4o').withResponse();
    expect(response.status).toBe(200);
    expectNoRequestViolations(response);
    anObject(data);
    expect(data.currency === undefined || data.currency === 'USD').toBe(true);
    expect(data.pay_as_you_go === undefined || isObject(data.pay_as_you_go)).toBe(true);
  });

  it('every method of the group has a case here', () => {
    const named = new Set([...cases.map((c) => c.name), 'modelPricing.retrieve']);
    expect(named.size).toBe(39);
  });
});

describe('model pricing goes to Portkey’s public origin, without the API key', () => {
  it('the real client: https://api.portkey.ai with no /v1, whatever baseUrl says, and no key on the wire', async () => {
    const local = await server((req, res) =>
      json(res, 200, { pay_as_you_go: { request_token: { price: 0.00025 } }, currency: 'USD' }),
    );
    const targets: string[] = [];
    // A client whose pricing route reaches the local server: its fetch forwards Portkey's origin there.
    const portkey = clientFor('https://portkey.internal.example.com/v1', {
      fetch: (url, init) => {
        targets.push(String(url));
        return globalThis.fetch(String(url).replace('https://api.portkey.ai', local.url), init);
      },
    });
    const pricing = await portkey.modelPricing.retrieve('openai', 'gpt-4o');
    expect(pricing.currency).toBe('USD');
    expect(targets).toEqual(['https://api.portkey.ai/model-configs/pricing/openai/gpt-4o']);
    expect(local.requests).toHaveLength(1);
    const seen = local.requests[0]!;
    expect(seen.headers['x-portkey-api-key']).toBeUndefined();
    expect(JSON.stringify(seen.headers)).not.toContain('pk-test-SECRET');
  });

  it('a per-call header cannot put the key back on the pricing route', async () => {
    const local = await server((req, res) => json(res, 200, {}));
    const portkey = clientFor('https://portkey.internal.example.com/v1', {
      fetch: (url, init) => globalThis.fetch(String(url).replace('https://api.portkey.ai', local.url), init),
    });
    await portkey.modelPricing.retrieve('openai', 'gpt-4o', {
      headers: { 'x-portkey-api-key': 'pk-test-SECRET-again' },
    });
    expect(local.requests[0]!.headers['x-portkey-api-key']).toBeUndefined();
  });

  it('while the other routes of the group do send it', async () => {
    const local = await server((req, res) => json(res, 200, { object: 'list', total: 0, data: [] }));
    await clientFor(local.url).providers.list();
    expect(local.requests[0]!.headers['x-portkey-api-key']).toBe('pk-test-SECRET-9f3c1e7a-do-not-leak');
  });
});

describe('bad input from plain JavaScript is refused before sending, naming the method', () => {
  const refusals: [string, (p: any) => APIPromise<unknown>, RegExp][] = [
    ['providers.retrieve', (p) => p.providers.retrieve(''), /providers\.retrieve.*slug/],
    ['providers.update', (p) => p.providers.update('..', { note: 'x' }), /providers\.update.*slug/],
    ['providers.update', (p) => p.providers.update('openai-ds', 'note'), /providers\.update/],
    ['providers.create', (p) => p.providers.create({ name: 'OpenAI' }), /providers\.create.*integration_id/],
    ['providers.delete', (p) => p.providers.delete('openai-ds', 'ws-data-science'), /providers\.delete.*query/],
    ['virtualKeys.list', (p) => p.virtualKeys.list('page 2'), /virtualKeys\.list.*query/],
    ['virtualKeys.list', (p) => p.virtualKeys.list({ page_size: 0 }), /page_size/],
    ['virtualKeys.list', (p) => p.virtualKeys.list({ current_page: -1 }), /current_page/],
    ['configs.versions.list', (p) => p.configs.versions.list('..'), /configs\.versions\.list.*slug/],
    ['guardrails.create', (p) => p.guardrails.create({ name: 'PII' }), /guardrails\.create.*checks.*actions/],
    ['guardrails.update', (p) => p.guardrails.update('guard_pii', []), /guardrails\.update/],
    [
      'policies.usageLimits.create',
      (p) => p.policies.usageLimits.create({ type: 'cost' }),
      /policies\.usageLimits\.create.*conditions/,
    ],
    [
      'policies.usageLimits.entities.reset',
      (p) => p.policies.usageLimits.entities.reset(USAGE, ''),
      /policies\.usageLimits\.entities\.reset.*entityId/,
    ],
    ['policies.rateLimits.list', (p) => p.policies.rateLimits.list({ page_size: 1.5 }), /page_size/],
    ['secretReferences.retrieve', (p) => p.secretReferences.retrieve(undefined), /secretReferences\.retrieve/],
    ['modelPricing.retrieve', (p) => p.modelPricing.retrieve('openai', '..'), /modelPricing\.retrieve.*model/],
  ];

  it.each(refusals)('%s', async (_name, call, message) => {
    const local = await server((req, res) => json(res, 200, {}));
    const portkey = clientFor(local.url, {
      fetch: (url, init) => globalThis.fetch(String(url).replace('https://api.portkey.ai', local.url), init),
    });
    const error = await rejection(call(portkey));
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toMatch(message);
    expect(local.requests).toHaveLength(0);
  });

  it('a refused secret-reference body never shows its secrets in the error', async () => {
    const local = await server((req, res) => json(res, 200, {}));
    const error = await rejection(
      (clientFor(local.url).secretReferences.create as any)({
        manager_type: 'aws_sm',
        auth_config: {
          aws_auth_type: 'accessKey',
          aws_secret_access_key: 'wJalrXUtnFEMI-SECRET',
          aws_access_key_id: 'AKIA',
          aws_region: 'us-east-1',
        },
      }),
    );
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toMatch(/secretReferences\.create.*name/);
    expect(JSON.stringify(error)).not.toContain('wJalrXUtnFEMI-SECRET');
    expect(String(error.stack)).not.toContain('wJalrXUtnFEMI-SECRET');
    expect(local.requests).toHaveLength(0);
  });

  it('a secret-reference body refused by the server is not echoed in the error', async () => {
    const local = await server((req, res) =>
      json(res, 400, {
        error: { type: 'invalid_request_error', message: 'bad auth_config', param: 'auth_config', code: null },
      }),
    );
    const error = await rejection(
      clientFor(local.url).secretReferences.update('acme-openai-ds-key', {
        auth_config: { aws_secret_access_key: 'wJalrXUtnFEMI-SECRET' },
      }),
    );
    expect(JSON.stringify(error)).not.toContain('wJalrXUtnFEMI-SECRET');
    expect(String(error.message)).not.toContain('wJalrXUtnFEMI-SECRET');
  });
});
