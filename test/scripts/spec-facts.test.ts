// scripts/lib/spec-facts.mjs on small inline specs: each kind of difference is found and worded, a
// recorded departure silences exactly its difference, a stale one fails, and coverage is counted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyDepartures,
  compareSpecs,
  coverage,
  fieldsOf,
  loadSpec,
  parseDepartures,
  report,
  type Difference,
} from '../../scripts/lib/spec-facts.mjs';

const CONTROL = [{ url: 'https://api.portkey.ai/v1' }, { url: 'SELF_HOSTED_CONTROL_PLANE_URL' }];
const GATEWAY = [{ url: 'https://api.portkey.ai/v1' }, { url: 'SELF_HOSTED_GATEWAY_URL' }];

/** A small spec in Portkey's style: one collection, one item, a few schemas. */
function base(): any {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    servers: [{ url: 'https://api.portkey.ai/v1' }],
    security: [{ 'Portkey-Key': [] }],
    paths: {
      '/things': {
        servers: CONTROL,
        get: {
          parameters: [
            { name: 'page_size', in: 'query', schema: { type: 'integer' } },
            { name: 'type', in: 'query', schema: { type: 'string', enum: ['workspace', 'all'] } },
          ],
          responses: {
            '200': {
              description: 'a page',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      total: { type: 'integer' },
                      data: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
                    },
                  },
                },
              },
            },
          },
        },
        post: {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } },
          },
          responses: {
            '200': { description: 'made', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
      '/things/{slug}': {
        get: {
          parameters: [{ $ref: '#/components/parameters/Slug' }],
          responses: {
            '200': {
              description: 'one',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingDetail' } } },
            },
          },
        },
      },
    },
    components: {
      parameters: { Slug: { name: 'slug', in: 'path', required: true, schema: { type: 'string' } } },
      schemas: {
        Thing: {
          type: 'object',
          required: ['slug'],
          properties: {
            slug: { type: 'string' },
            status: { type: 'string', enum: ['active', 'archived'] },
            owner: { $ref: '#/components/schemas/Owner', nullable: true },
          },
        },
        Owner: { type: 'object', properties: { email: { type: 'string' } } },
        ThingDetail: {
          allOf: [
            { $ref: '#/components/schemas/Thing' },
            {
              type: 'object',
              properties: {
                configurations: {
                  type: 'object',
                  oneOf: [
                    { type: 'object', properties: { api_version: { type: 'string' }, region: { type: 'string' } } },
                    { type: 'object', properties: { account_id: { type: 'string' } } },
                  ],
                },
                parent: { $ref: '#/components/schemas/ThingDetail' },
              },
            },
          ],
        },
        NewThing: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string' },
            limits: { type: 'object', properties: { value: { type: 'integer' } } },
            tags: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
      },
    },
  };
}

const diff = (mutate: (ours: any, upstream: any) => void): Difference[] => {
  const ours = base();
  const upstream = base();
  mutate(ours, upstream);
  return compareSpecs(ours, upstream);
};
const lines = (ds: Difference[]) => ds.map((d) => `${d.route}: ${d.text}`);
const wheres = (ds: Difference[]) => ds.map((d) => `${d.route} | ${d.where}`);

describe('compareSpecs: what counts as a difference', () => {
  it('finds none between a spec and itself, and none for prose, examples, operationIds and tags', () => {
    expect(diff(() => {})).toEqual([]);
    const ds = diff((ours) => {
      const op = ours.paths['/things'].get;
      Object.assign(op, { summary: 'Ours', description: 'Our words', operationId: 'listThings', tags: ['Things'] });
      op.parameters[0].description = 'How many';
      op.parameters[0].example = 50;
      op.responses['200'].content['application/json'].examples = { one: { value: { total: 1 } } };
      ours.components.schemas.Thing.properties.slug.description = 'The identifier';
      ours.components.schemas.Thing.properties.slug.example = 'openai-production';
      ours.info.description = 'Our API';
    });
    expect(ds).toEqual([]);
  });

  it('an operation upstream does not have', () => {
    const ds = diff((ours) => {
      ours.paths['/things/{slug}'].delete = { responses: { '204': { description: 'gone' } } };
    });
    expect(lines(ds)).toEqual(['DELETE /things/{slug}: upstream has no such operation']);
    expect(ds[0]!.where).toBe('operation');
  });

  it('servers: control plane, gateway, a fixed URL, none', () => {
    expect(lines(diff((ours) => (ours.paths['/things'].servers = GATEWAY)))).toEqual([
      'GET /things: servers: ours the gateway, upstream the control plane',
      'POST /things: servers: ours the gateway, upstream the control plane',
    ]);
    expect(lines(diff((ours) => (ours.paths['/things/{slug}'].servers = CONTROL)))).toEqual([
      'GET /things/{slug}: servers: ours the control plane, upstream none (inherits the root servers)',
    ]);
    expect(
      lines(diff((_, up) => (up.paths['/things/{slug}'].get.servers = [{ url: 'https://api.portkey.ai/' }]))),
    ).toEqual([
      'GET /things/{slug}: servers: ours none (inherits the root servers), upstream the fixed URL https://api.portkey.ai',
    ]);
    // The same classification spelled differently is no difference.
    expect(
      diff((ours) => (ours.paths['/things'].servers = [{ url: 'https://SELF_HOSTED_CONTROL_PLANE_URL' }])),
    ).toEqual([]);
  });

  it('security: inherited versus its own', () => {
    const ds = diff((ours) => (ours.paths['/things/{slug}'].get.security = []));
    expect(lines(ds)).toEqual([
      'GET /things/{slug}: security: ours its own: none (security: []), upstream inherits the root',
    ]);
    expect(ds[0]!.where).toBe('security');
  });

  it('parameters: presence, required, type, enum ($ref resolved)', () => {
    const ds = diff((ours, up) => {
      const p = ours.paths['/things'].get.parameters;
      p[0].required = true;
      p[0].schema.type = 'string';
      p[1].schema.enum = ['workspace', 'organisation', 'all'];
      p.push({ name: 'q', in: 'query', schema: { type: 'string' } });
      up.components.parameters.Slug.schema = { type: 'integer' };
    });
    expect(lines(ds)).toEqual([
      'GET /things: parameter query "page_size": required in ours, optional upstream',
      'GET /things: parameter query "page_size": ours string, upstream integer',
      'GET /things: parameter query "type": enum ours ["workspace", "organisation", "all"], upstream ["workspace", "all"]',
      'GET /things: parameter query "q": ours declares it, upstream does not',
      'GET /things/{slug}: parameter path "slug": ours string, upstream integer',
    ]);
    expect(wheres(ds)).toContain('GET /things | parameter query "page_size" required');
    const missing = diff((_, up) => up.paths['/things'].get.parameters.push({ name: 'x', in: 'header', schema: {} }));
    expect(lines(missing)).toEqual(['GET /things: parameter header "x": upstream declares it, ours does not']);
  });

  it('request body: presence, required, content type, fields nested and in maps', () => {
    const ds = diff((ours, up) => {
      ours.paths['/things'].post.requestBody.required = false;
      const s = ours.components.schemas.NewThing;
      s.required = [];
      s.properties.limits.properties.value.type = 'number';
      s.properties.tags.additionalProperties.type = 'integer';
      up.components.schemas.NewThing.properties.limits.properties.unit = { type: 'string', enum: ['rpm'] };
    });
    expect(lines(ds)).toEqual([
      'POST /things: request body: optional in ours, required upstream',
      'POST /things: request body field "name": optional in ours, required upstream',
      'POST /things: request body field "limits.value": ours number, upstream integer',
      'POST /things: request body field "tags.*": ours integer, upstream string',
      'POST /things: request body field "limits.unit": upstream declares it, ours does not',
    ]);
    // A field one side lacks is reported once, not with every field below it.
    expect(lines(diff((_, up) => delete up.components.schemas.NewThing.properties.limits))).toEqual([
      'POST /things: request body field "limits": ours declares it, upstream does not',
    ]);
    const content = diff((ours) => {
      const body = ours.paths['/things'].post.requestBody;
      body.content = { 'multipart/form-data': body.content['application/json'] };
    });
    expect(lines(content)).toEqual([
      'POST /things: request body: content types ours multipart/form-data, upstream application/json',
    ]);
    expect(lines(diff((ours) => delete ours.paths['/things'].post.requestBody))).toEqual([
      'POST /things: request body: upstream declares one, ours does not',
    ]);
  });

  it('response fields: through $ref, array items and allOf, with nullable beside a $ref', () => {
    const ds = diff((ours) => {
      const thing = ours.components.schemas.Thing;
      thing.properties.status.enum = ['active'];
      thing.required = [];
      // Upstream writes `nullable` beside the $ref; ours inside the target: the same fact.
      thing.properties.owner = { $ref: '#/components/schemas/Owner' };
      ours.components.schemas.Owner.nullable = true;
      ours.components.schemas.Owner.properties.email.type = 'integer';
    });
    expect(lines(ds)).toEqual([
      'GET /things: response 200 field "data[].slug": optional in ours, required upstream',
      'GET /things: response 200 field "data[].status": enum ours ["active"], upstream ["active", "archived"]',
      'GET /things: response 200 field "data[].owner.email": ours integer, upstream string',
      'GET /things/{slug}: response 200 field "slug": optional in ours, required upstream',
      'GET /things/{slug}: response 200 field "status": enum ours ["active"], upstream ["active", "archived"]',
      'GET /things/{slug}: response 200 field "owner.email": ours integer, upstream string',
    ]);
    const nullable = diff(
      (ours) => (ours.components.schemas.Thing.properties.owner = { $ref: '#/components/schemas/Owner' }),
    );
    expect(lines(nullable)).toEqual([
      'GET /things: response 200 field "data[].owner": not nullable in ours, nullable upstream',
      'GET /things/{slug}: response 200 field "owner": not nullable in ours, nullable upstream',
    ]);
    expect(nullable[0]!.where).toBe('response 200 field "data[].owner" nullable');
  });

  it('oneOf / anyOf: the union of the branches’ fields, and the combinator', () => {
    const ds = diff((_, up) => {
      up.components.schemas.ThingDetail.allOf[1].properties.configurations.oneOf[0].properties.api_version.type =
        'number';
    });
    expect(lines(ds)).toEqual([
      'GET /things/{slug}: response 200 field "configurations.api_version": ours string, upstream number',
    ]);
    expect(ds[0]!.where).toBe('response 200 field "configurations.api_version" type');
    // A field in one branch only; a field typed differently in two branches.
    const union = diff((ours) => {
      const branches = ours.components.schemas.ThingDetail.allOf[1].properties.configurations.oneOf;
      branches[1].properties.region = { type: 'integer' };
      branches[1].properties.zone = { type: 'string' };
    });
    expect(lines(union)).toEqual([
      'GET /things/{slug}: response 200 field "configurations.region": ours integer | string, upstream string',
      'GET /things/{slug}: response 200 field "configurations.zone": ours declares it, upstream does not',
    ]);
    // Required only when every object branch requires it.
    const requiredOnce = diff((ours) => {
      const branches = ours.components.schemas.ThingDetail.allOf[1].properties.configurations.oneOf;
      branches[0].required = ['api_version'];
      branches[1].properties.api_version = { type: 'string' };
    });
    expect(requiredOnce).toEqual([]);
    const requiredTwice = diff((ours) => {
      const branches = ours.components.schemas.ThingDetail.allOf[1].properties.configurations.oneOf;
      branches[0].required = ['api_version'];
      branches[1].properties.api_version = { type: 'string' };
      branches[1].required = ['api_version'];
    });
    expect(lines(requiredTwice)).toEqual([
      'GET /things/{slug}: response 200 field "configurations.api_version": required in ours, optional upstream',
    ]);
    const kind = diff((ours) => {
      const c = ours.components.schemas.ThingDetail.allOf[1].properties.configurations;
      c.anyOf = c.oneOf;
      delete c.oneOf;
    });
    expect(lines(kind)).toEqual([
      'GET /things/{slug}: response 200 field "configurations": ours "any of" branches, upstream "one of" branches',
    ]);
    expect(kind[0]!.where).toBe('response 200 field "configurations" combinator');
  });

  it('survives a schema that refers to itself (cycle guard): the repeat is a field of type "recursive …"', () => {
    const ds = diff((ours) => (ours.components.schemas.Owner.properties.email.type = 'boolean'));
    // ThingDetail.parent is ThingDetail again: the walk stops there instead of going round.
    expect(lines(ds).filter((l) => l.includes('/things/{slug}'))).toEqual([
      'GET /things/{slug}: response 200 field "owner.email": ours boolean, upstream string',
    ]);
    const doc = base();
    const fields = fieldsOf(doc, doc.paths['/things/{slug}'].get.responses['200'].content['application/json'].schema);
    expect(fields.get('parent')?.type).toBe('recursive ThingDetail');
    expect([...fields.keys()].filter((k) => k.startsWith('parent.'))).toEqual([]);
    // Two recursive schemas that differ above the repeat are still told apart.
    const changed = diff(
      (_, up) => (up.components.schemas.ThingDetail.allOf[1].properties.parent = { type: 'string' }),
    );
    expect(lines(changed)).toEqual([
      'GET /things/{slug}: response 200 field "parent": ours recursive ThingDetail, upstream string',
    ]);
  });

  it('responses: added errors are allowed; an added or missing success is not; 5XX covers 500', () => {
    const error = { description: 'no', content: { 'application/json': { schema: { type: 'object' } } } };
    expect(
      diff((ours) =>
        Object.assign(ours.paths['/things'].get.responses, { '404': error, '5XX': error, default: error }),
      ),
    ).toEqual([]);
    expect(lines(diff((ours) => (ours.paths['/things'].post.responses['201'] = error)))).toEqual([
      'POST /things: response 201: ours declares it, upstream does not',
    ]);
    expect(lines(diff((ours) => delete ours.paths['/things/{slug}'].get.responses['200']))).toEqual([
      'GET /things/{slug}: response 200: upstream declares it, ours does not',
    ]);
    const up500 = {
      description: 'boom',
      content: {
        'application/json': { schema: { type: 'object', properties: { error: { type: 'string' } } } },
      },
    };
    const covered = diff((ours, up) => {
      up.paths['/things'].get.responses['500'] = up500;
      ours.paths['/things'].get.responses['5XX'] = {
        description: 'x',
        content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object' } } } } },
      };
    });
    expect(lines(covered)).toEqual(['GET /things: response 500 field "error": ours object, upstream string']);
    // An error upstream declares without a body may be described by us.
    expect(
      diff((ours, up) => {
        up.paths['/things'].get.responses['404'] = { description: 'Not found' };
        ours.paths['/things'].get.responses['404'] = error;
      }),
    ).toEqual([]);
    expect(lines(diff((_, up) => (up.paths['/things'].get.responses['404'] = { description: 'Not found' })))).toEqual([
      'GET /things: response 404: upstream declares it, ours does not',
    ]);
  });

  it('the root servers and security', () => {
    expect(lines(diff((ours) => (ours.security = [])))).toEqual([
      '(root): security: ours [], upstream [{"Portkey-Key":[]}]',
    ]);
  });
});

describe('departures', () => {
  const differences = diff((ours) => {
    ours.paths['/things/{slug}'].get.security = [];
    ours.components.schemas.Owner.properties.email.type = 'integer';
  });

  it('a recorded departure silences exactly its difference', () => {
    const departures = [
      { route: 'GET /things/{slug}', where: 'security', reason: 'served without a key', evidence: 'FIELD-NOTES' },
    ];
    const { explained, unexplained, stale } = applyDepartures(differences, departures);
    expect(explained.map((d) => `${d.route} | ${d.where}`)).toEqual(['GET /things/{slug} | security']);
    expect(unexplained.map((d) => d.where)).not.toContain('security');
    expect(unexplained.length).toBe(differences.length - 1);
    expect(stale).toEqual([]);
  });

  it('a departure names its route: the same key on another route silences nothing', () => {
    const departures = [{ route: 'GET /things', where: 'security', reason: 'elsewhere', evidence: 'none' }];
    const { explained, unexplained, stale } = applyDepartures(differences, departures);
    expect(explained).toEqual([]);
    expect(unexplained).toEqual(differences);
    expect(stale).toEqual(departures);
  });

  it('a departure that matches no difference is stale and fails the check', () => {
    const departures = [{ route: 'GET /things', where: 'security', reason: 'was once true', evidence: 'an old note' }];
    const r = report({ oursFile: 'a', upstreamFile: 'b', compared: 3, differences: [], departures });
    expect(r.ok).toBe(false);
    expect(r.stale).toEqual(departures);
    expect(r.text).toContain('1 stale departure(s)');
    expect(r.text).toContain('GET /things [security]');
  });

  it('the check passes only when every difference is recorded', () => {
    const all = differences.map((d) => ({ route: d.route, where: d.where, reason: 'r', evidence: 'e' }));
    expect(report({ oursFile: 'a', upstreamFile: 'b', compared: 3, differences, departures: all }).ok).toBe(true);
    const r = report({ oursFile: 'a', upstreamFile: 'b', compared: 3, differences, departures: all.slice(1) });
    expect(r.ok).toBe(false);
    expect(r.unexplained).toEqual([differences[0]]);
    expect(r.text).toContain(
      `${differences[0]!.route}: ${differences[0]!.text}\n      where: ${differences[0]!.where}`,
    );
  });

  it('an entry without a reason or evidence is refused', () => {
    expect(() => parseDepartures('- route: GET /x\n  where: security\n  reason: because\n')).toThrow(/evidence/);
    expect(parseDepartures('- {route: GET /x, where: security, reason: r, evidence: e}\n')).toHaveLength(1);
    expect(parseDepartures('[]\n')).toEqual([]);
  });
});

describe('coverage', () => {
  const surface = {
    'GET /things': 'portkey.things.list',
    'DELETE /things/{slug}': 'portkey.things.delete',
    'GET /other': 'portkey.other.list',
  };

  it('counts the target’s routes our spec lacks', () => {
    expect(coverage(base(), surface)).toEqual({
      total: 3,
      covered: 1,
      missing: ['DELETE /things/{slug}', 'GET /other'],
    });
  });

  it('reports them without failing the check', () => {
    const r = report({
      oursFile: 'a',
      upstreamFile: 'b',
      compared: 3,
      differences: [],
      departures: [],
      surface,
      ours: base(),
    });
    expect(r.ok).toBe(true);
    expect(r.text).toContain(
      'Coverage: 2 of 3 control-plane operations still missing: DELETE /things/{slug}, GET /other',
    );
  });
});

describe('scripts/spec-facts.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spec-facts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = resolve(import.meta.dirname, '../../scripts/spec-facts.mjs');
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  // YAML with Portkey's anchors, to prove the files are read the way Portkey writes them.
  const yamlSpec = (pageSizeType: string) => `openapi: 3.0.0
info: { title: t, version: '1' }
servers: [{ url: 'https://api.portkey.ai/v1' }]
x-servers: &ControlPlaneServers
  - url: https://api.portkey.ai/v1
  - url: SELF_HOSTED_CONTROL_PLANE_URL
paths:
  /things:
    servers: *ControlPlaneServers
    get:
      parameters:
        - { name: page_size, in: query, schema: { type: ${pageSizeType} } }
      responses:
        '200': { description: ok }
`;
  const ours = write('ours.yaml', yamlSpec('string'));
  const upstream = write('upstream.yaml', yamlSpec('integer'));
  const surface = write(
    'surface.json',
    JSON.stringify({ 'GET /things': 'portkey.things.list', 'GET /x': 'portkey.x.list' }),
  );
  const none = write('none.yaml', '[]\n');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args, `--surface=${surface}`], { encoding: 'utf8' });

  it('reads anchors, prints the difference with its key, exits 1; a departure makes it exit 0', () => {
    expect(loadSpec(ours).paths['/things'].servers).toHaveLength(2);
    const failing = run(ours, upstream, `--departures=${none}`);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('GET /things: parameter query "page_size": ours string, upstream integer');
    expect(failing.stdout).toContain('where: parameter query "page_size" type');
    expect(failing.stdout).toContain('Coverage: 1 of 2 control-plane operations still missing: GET /x');
    const recorded = write(
      'departures.yaml',
      '- route: GET /things\n  where: parameter query "page_size" type\n  reason: test\n  evidence: test\n',
    );
    const passing = run(ours, upstream, `--departures=${recorded}`);
    expect(passing.stdout).toContain('1 recorded departure(s), still true');
    expect(passing.status).toBe(0);
    const stale = run(upstream, upstream, `--departures=${recorded}`);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain('stale');
  });

  it('without the upstream spec, says so and exits 0', () => {
    const r = run(ours, join(dir, 'absent.yaml'), `--departures=${none}`);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/absent\.yaml is not here/);
  });
});
