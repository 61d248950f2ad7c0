// Every method of the prompts group (prompts, versions, partials, completions, collections, labels)
// against Prism: a 2xx, the shape the spec promises, and a request Prism finds nothing wrong with. Then
// what the client refuses before sending, and where render and completions go (the gateway). Asserts the
// contract, not one spec's example values, so the suite also passes against Portkey's full spec.
import { describe, expect, inject, it } from 'vitest';
import { APIError, PortkeyError, type PortkeyAdmin } from '../../src/index';
import { clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';
import { expectNoRequestViolations, prismClient } from '../helpers/prism-client';

closeServersAfterEach();

const PROMPT = 'pp-ticket-tri-5d0c8a';
const VERSION = 'c71f3a90-2d5e-4b8c-9e14-6a0b7d3f2e81';
const PARTIAL = 'pl-tone-of-v-2f6a9c';
const COLLECTION = 'customer-support';
const LABEL = '4c8e2a1f-6b3d-4e9a-b7c0-2f1d5e8a9b63';

/** A value's type as the tests name it: 'array', 'null', or typeof. */
const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
/**
 * `v` is of one of the kinds given. Against our spec every key field is there (our examples hold them);
 * against Portkey's full spec, whose operations mostly lack examples, Prism may leave optional fields
 * out, so absent is accepted there, but a present field must still have its type.
 */
const ours = !process.env.PORTKEY_TEST_SPEC && inject('specFile').endsWith('openapi/portkey.yaml');
const optional = (v: unknown, ...kinds: string[]) => expect(ours ? kinds : [...kinds, 'undefined']).toContain(kind(v));

interface Case {
  name: string;
  call: (p: PortkeyAdmin) => { withResponse(): Promise<{ data: unknown; response: Response }> };
  shape: (data: any) => void;
}

const cases: Case[] = [
  {
    name: 'prompts.list',
    call: (p) => p.prompts.list({ collection_id: COLLECTION, workspace_id: 'ws-data-science', page_size: 50 }),
    shape: (page) => {
      expect(kind(page.data)).toBe('array');
      optional(page.total, 'number');
      for (const item of page.data) optional(item.slug, 'string');
    },
  },
  {
    name: 'prompts.create',
    call: (p) =>
      p.prompts.create({
        name: 'Ticket triage',
        collection_id: COLLECTION,
        string: '{{#system}}Sort the ticket: billing, bug, how-to, other.{{/system}}{{#user}}{{ticket_text}}{{/user}}',
        parameters: { temperature: 0 },
        model: 'gpt-4o-mini',
        virtual_key: 'openai-production',
        version_description: 'First version',
      }),
    shape: (data) => {
      optional(data.id, 'string');
      optional(data.version_id, 'string');
    },
  },
  {
    name: 'prompts.retrieve',
    call: (p) => p.prompts.retrieve(PROMPT),
    shape: (data) => {
      expect(kind(data)).toBe('object');
      optional(data.string, 'string');
      optional(data.prompt_version, 'number');
      optional(data.parameters, 'object');
    },
  },
  {
    name: 'prompts.update',
    call: (p) => p.prompts.update(PROMPT, { patch: true, version_description: 'Adds the account category.' }),
    shape: (data) => optional(data.prompt_version_id, 'string'),
  },
  {
    name: 'prompts.delete',
    call: (p) => p.prompts.delete('pp-reply-draf-9b2e4f'),
    shape: (data) => expect(kind(data)).toBe('object'),
  },
  {
    name: 'prompts.makeDefault',
    call: (p) => p.prompts.makeDefault(PROMPT, { version: 3 }),
    shape: (data) => expect(kind(data)).toBe('object'),
  },
  {
    name: 'prompts.render',
    call: (p) =>
      p.prompts.render(PROMPT, { variables: { ticket_text: 'Charged twice in March' }, max_completion_tokens: 10 }),
    shape: (data) => {
      optional(data.success, 'boolean');
      optional(data.data, 'object');
    },
  },
  {
    name: 'prompts.completions.create',
    call: (p) =>
      p.prompts.completions.create(PROMPT, { variables: { ticket_text: 'Export is broken' }, temperature: 0 }),
    shape: (data) => {
      expect(kind(data)).toBe('object');
      optional(data.body, 'object');
      if (data.body) optional(data.body.choices, 'array');
    },
  },
  {
    name: 'prompts.versions.list',
    call: (p) => p.prompts.versions.list(PROMPT),
    shape: (list) => {
      expect(kind(list)).toBe('array');
      for (const v of list) optional(v.prompt_version, 'number');
    },
  },
  {
    name: 'prompts.versions.retrieve',
    call: (p) => p.prompts.versions.retrieve(PROMPT, VERSION),
    shape: (data) => optional(data.prompt_version_id, 'string'),
  },
  {
    name: 'prompts.versions.update',
    call: (p) => p.prompts.versions.update(PROMPT, VERSION, { label_id: LABEL }),
    shape: (data) => expect(kind(data)).toBe('object'),
  },
  {
    name: 'prompts.partials.list',
    call: (p) => p.prompts.partials.list({ collection_id: COLLECTION }),
    shape: (list) => {
      expect(kind(list)).toBe('array');
      for (const v of list) optional(v.slug, 'string');
    },
  },
  {
    name: 'prompts.partials.create',
    call: (p) =>
      p.prompts.partials.create({
        workspace_id: 'ws-data-science',
        name: 'Tone of voice',
        string: 'Be warm and brief.',
      }),
    shape: (data) => optional(data.id, 'string'),
  },
  {
    name: 'prompts.partials.retrieve',
    call: (p) => p.prompts.partials.retrieve(PARTIAL),
    shape: (data) => {
      optional(data.string, 'string');
      optional(data.version, 'number');
    },
  },
  {
    name: 'prompts.partials.update',
    call: (p) => p.prompts.partials.update(PARTIAL, { string: 'Be warm, brief, no exclamation marks.' }),
    shape: (data) => optional(data.prompt_partial_version_id, 'string'),
  },
  {
    name: 'prompts.partials.delete',
    call: (p) => p.prompts.partials.delete('pl-signature-6e1b3d'),
    shape: (data) => expect(kind(data)).toBe('object'),
  },
  {
    name: 'prompts.partials.makeDefault',
    call: (p) => p.prompts.partials.makeDefault(PARTIAL, { version: 2 }),
    shape: (data) => expect(kind(data)).toBe('object'),
  },
  {
    name: 'prompts.partials.versions.list',
    call: (p) => p.prompts.partials.versions.list(PARTIAL),
    shape: (list) => {
      expect(kind(list)).toBe('array');
      for (const v of list) optional(v.prompt_partial_version_id, 'string');
    },
  },
  {
    name: 'collections.list',
    call: (p) => p.collections.list({ workspace_id: 'ws-data-science', page_size: 20, search: 'support' }),
    shape: (page) => {
      expect(kind(page.data)).toBe('array');
      for (const c of page.data) optional(c.slug, 'string');
    },
  },
  {
    name: 'collections.create',
    call: (p) =>
      p.collections.create({ workspace_id: 'ws-data-science', name: 'Escalations', parent_collection_id: COLLECTION }),
    shape: (data) => optional(data.slug, 'string'),
  },
  {
    name: 'collections.retrieve',
    call: (p) => p.collections.retrieve(COLLECTION),
    shape: (data) => {
      optional(data.name, 'string');
      optional(data.child_collections, 'array');
    },
  },
  {
    name: 'collections.update',
    call: (p) => p.collections.update(COLLECTION, { name: 'Customer Support (EMEA)' }),
    shape: (data) => expect(kind(data)).toBe('object'),
  },
  {
    name: 'collections.delete',
    call: (p) => p.collections.delete('escalations'),
    shape: (data) => expect(kind(data)).toBe('object'),
  },
  {
    name: 'labels.list',
    call: (p) => p.labels.list({ workspace_id: 'ws-data-science', current_page: 0, page_size: 50 }),
    shape: (page) => {
      expect(kind(page.data)).toBe('array');
      for (const l of page.data) optional(l.name, 'string');
    },
  },
  {
    name: 'labels.create',
    call: (p) => p.labels.create({ workspace_id: 'ws-data-science', name: 'production', color_code: '#2E7D32' }),
    shape: (data) => optional(data.id, 'string'),
  },
  {
    name: 'labels.retrieve',
    call: (p) => p.labels.retrieve(LABEL, { workspace_id: 'ws-data-science' }),
    shape: (data) => {
      optional(data.name, 'string');
      optional(data.is_universal, 'boolean');
    },
  },
  {
    name: 'labels.update',
    call: (p) => p.labels.update(LABEL, { description: 'The version serving customer traffic.' }),
    shape: (data) => expect(kind(data)).toBe('object'),
  },
  {
    name: 'labels.delete',
    call: (p) => p.labels.delete('7f3b9d2e-1a4c-4b8e-9d06-5c2a8e1f3b74'),
    shape: (data) => expect(kind(data)).toBe('object'),
  },
];

describe('the prompts group against the Prism mock', () => {
  it('covers all 28 operations of the group', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(28);
  });

  it.each(cases)('$name: a 2xx with the promised shape, and a request without violations', async ({ call, shape }) => {
    const { data, response } = await call(prismClient()).withResponse();
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expectNoRequestViolations(response);
    shape(data);
  });

  it('the lists walk to their end with for await (Prism answers every page alike)', async () => {
    const p = prismClient();
    for (const list of [
      p.prompts.list({ page_size: 2 }),
      p.prompts.versions.list(PROMPT),
      p.prompts.partials.list(),
      p.prompts.partials.versions.list(PARTIAL),
      p.collections.list({ workspace_id: 'ws-data-science', page_size: 2 }),
      p.labels.list({ page_size: 2 }),
    ]) {
      let count = 0;
      for await (const item of list) {
        expect(kind(item)).toBe('object');
        if (++count > 1000) throw new Error('the walk did not end');
      }
    }
  });
});

/** A server that would answer 200 to anything, and a client for it: a refusal shows as no request. */
async function target() {
  const s = await server((_req, res) => json(res, 200, {}));
  return { s, portkey: clientFor(s.url) };
}

async function refusal(promise: PromiseLike<unknown>, message: RegExp): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(PortkeyError);
  expect(error).not.toBeInstanceOf(APIError);
  expect(error.message).toMatch(message);
}

describe('bad input from plain JavaScript is refused before anything is sent', () => {
  it('empty and dot-segment ids, naming the method and the parameter', async () => {
    const { s, portkey } = await target();
    const p = portkey as any;
    await refusal(p.prompts.retrieve(''), /^prompts\.retrieve: Path parameter "promptId"/);
    await refusal(p.prompts.versions.retrieve(PROMPT, '..'), /^prompts\.versions\.retrieve: .*"versionId"/);
    await refusal(p.prompts.partials.delete('.'), /^prompts\.partials\.delete: .*"promptPartialId"/);
    await refusal(p.prompts.render(undefined, { variables: {} }), /^prompts\.render: .*"promptId"/);
    await refusal(p.prompts.completions.create('', { variables: {} }), /^prompts\.completions\.create: .*"promptId"/);
    await refusal(p.collections.retrieve('%2e%2e'), /^collections\.retrieve: .*"collectionId"/);
    await refusal(p.labels.delete(42), /^labels\.delete: .*"labelId"/);
    expect(s.requests).toHaveLength(0);
  });

  it('bodies that are not objects, or lack a required field', async () => {
    const { s, portkey } = await target();
    const p = portkey as any;
    await refusal(p.prompts.create('Ticket triage'), /^prompts\.create needs a non-empty object body/);
    await refusal(
      p.prompts.create({ name: 'Ticket triage', collection_id: COLLECTION, string: 's', parameters: {} }),
      /^prompts\.create needs `virtual_key`\.$/,
    );
    await refusal(p.prompts.makeDefault(PROMPT, { versio: 3 }), /^prompts\.makeDefault needs `version`\.$/);
    await refusal(p.prompts.render(PROMPT, { ticket_text: 'x' }), /^prompts\.render needs `variables`\.$/);
    await refusal(p.prompts.completions.create(PROMPT, []), /^prompts\.completions\.create needs a non-empty object/);
    await refusal(p.prompts.partials.create({ name: 'Tone' }), /^prompts\.partials\.create needs `string`\.$/);
    await refusal(p.prompts.partials.makeDefault(PARTIAL), /^prompts\.partials\.makeDefault needs a non-empty/);
    await refusal(p.collections.update(COLLECTION, {}), /^collections\.update needs a non-empty object body/);
    await refusal(p.labels.create({ description: 'no name' }), /^labels\.create needs `name`\.$/);
    expect(s.requests).toHaveLength(0);
  });

  it('queries that are not objects, and collections.list without workspace_id', async () => {
    const { s, portkey } = await target();
    const p = portkey as any;
    await refusal(p.prompts.list('support'), /^prompts\.list: the query must be an object\.$/);
    await refusal(p.labels.retrieve(LABEL, 'ws-data-science'), /^labels\.retrieve: the query must be an object\.$/);
    await refusal(p.prompts.partials.list(['x']), /^prompts\.partials\.list: the query must be an object\.$/);
    await refusal(p.collections.list(), /^collections\.list: the query must be an object\.$/);
    await refusal(p.collections.list({}), /^collections\.list needs `workspace_id`\.$/);
    await refusal(p.collections.list({ workspace_id: ' ' }), /^collections\.list needs `workspace_id`\.$/);
    await refusal(p.prompts.list({ current_page: -1 }), /current_page/);
    // Iterating a refused list fails the same way, without a request.
    await refusal(
      (async () => {
        for await (const _ of p.collections.list({ search: 'support' })) void _;
      })(),
      /^collections\.list needs `workspace_id`\.$/,
    );
    expect(s.requests).toHaveLength(0);
  });

  it('completions.create refuses stream: true, saying why, before sending', async () => {
    const { s, portkey } = await target();
    for (const stream of [true, 'true', 1]) {
      await refusal(
        portkey.prompts.completions.create(PROMPT, { variables: {}, stream } as never),
        /^prompts\.completions\.create: `stream: true` answers server-sent events, which this client does not read; leave `stream` out/,
      );
    }
    expect(s.requests).toHaveLength(0);
    // stream: false is the one JSON completion this client reads.
    await portkey.prompts.completions.create(PROMPT, { variables: {}, stream: false });
    expect(s.requests).toHaveLength(1);
    expect(JSON.parse(s.requests[0]!.body)).toEqual({ variables: {}, stream: false });
  });
});

describe('render and completions go to the gateway, the rest to the control plane', () => {
  async function twoServers() {
    const control = await server((req, res) => json(res, 200, req.method === 'GET' ? [] : {}));
    const gateway = await server((_req, res) => json(res, 200, { success: true, data: { model: 'gpt-4o-mini' } }));
    const portkey = clientFor(`${control.url}/v1`, { gatewayUrl: `${gateway.url}/gw` });
    const seen = () => [
      ...control.requests.map((r) => `control ${r.method} ${r.url}`),
      ...gateway.requests.map((r) => `gateway ${r.method} ${r.url}`),
    ];
    return { portkey, seen };
  }

  it('prompts.render and prompts.completions.create are served by gatewayUrl', async () => {
    const { portkey, seen } = await twoServers();
    await portkey.prompts.render(PROMPT, { variables: { ticket_text: 'x' } });
    await portkey.prompts.completions.create(PROMPT, { variables: { ticket_text: 'x' }, max_completion_tokens: 5 });
    expect(seen()).toEqual([
      `gateway POST /gw/prompts/${PROMPT}/render`,
      `gateway POST /gw/prompts/${PROMPT}/completions`,
    ]);
  });

  it('every other call of the group stays on baseUrl', async () => {
    const { portkey, seen } = await twoServers();
    await portkey.prompts.retrieve(PROMPT);
    await portkey.prompts.makeDefault(PROMPT, { version: 3 });
    await portkey.prompts.versions.list(PROMPT);
    await portkey.prompts.partials.list();
    await portkey.collections.delete(COLLECTION);
    await portkey.labels.update(LABEL, { name: 'production' });
    expect(seen()).toEqual([
      `control GET /v1/prompts/${PROMPT}`,
      `control PUT /v1/prompts/${PROMPT}/makeDefault`,
      `control GET /v1/prompts/${PROMPT}/versions`,
      'control GET /v1/prompts/partials',
      `control DELETE /v1/collections/${COLLECTION}`,
      `control PUT /v1/labels/${LABEL}`,
    ]);
  });

  it('root-level model settings are sent at the root of the body, beside variables', async () => {
    const gateway = await server((_req, res) => json(res, 200, {}));
    const portkey = clientFor(gateway.url);
    await portkey.prompts.render(PROMPT, {
      variables: { ticket_text: 'x' },
      temperature: 0.2,
      max_completion_tokens: 9,
    });
    expect(JSON.parse(gateway.requests[0]!.body)).toEqual({
      variables: { ticket_text: 'x' },
      temperature: 0.2,
      max_completion_tokens: 9,
    });
  });
});
