// Every example in our spec validates against its own schema: the examples of parameters, of request
// and response bodies (single and named), of headers, and the `example` of any schema or field in
// components. Prism serves examples as answers and the docs show them: a wrong one teaches a wrong
// shape. Checked with the ajv that Prism itself uses, after turning OpenAPI 3.0's `nullable` into JSON
// Schema. Our spec only (Portkey's full spec carries examples that break its own schemas).
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import { loadSpec } from '../../scripts/lib/spec-facts.mjs';
import { isOurSpec } from './requests';

const specFile = inject('specFile');
const doc = loadSpec(specFile);
const ours = isOurSpec(doc);

// The ajv Prism validates with (a dependency of @stoplight/prism-http), not whichever copy npm hoisted.
const fromPrism = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-http'));
const AjvModule = fromPrism('ajv');
const Ajv = AjvModule.default ?? AjvModule;

const SKIP = new Set(['example', 'examples', 'nullable', 'discriminator', 'xml', 'externalDocs', 'deprecated']);

/** OpenAPI 3.0 schema → JSON Schema (draft 7): `nullable` becomes a `null` type, `$ref`s point into `spec`. */
function toJsonSchema(node: any): any {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const ref = { $ref: node.$ref.replace('#/components/schemas/', 'spec#/definitions/') };
    return node.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const out: any = {};
  for (const [key, value] of Object.entries(node)) {
    if (SKIP.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (key === 'default') out[key] = value;
    else out[key] = toJsonSchema(value);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

interface Case {
  where: string;
  schema: any;
  value: unknown;
}

/** Every example in the document, with the schema it must satisfy. */
function collect(): Case[] {
  const cases: Case[] = [];
  const inSchema = (schema: any, where: string, seen = new Set<any>()) => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    if (schema.example !== undefined && typeof schema.$ref !== 'string') {
      cases.push({ where: `${where} (example)`, schema, value: schema.example });
    }
    for (const [name, child] of Object.entries(schema.properties ?? {})) inSchema(child, `${where}.${name}`, seen);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      (schema[key] ?? []).forEach((b: any, i: number) => inSchema(b, `${where}.${key}[${i}]`, seen));
    }
    if (schema.items) inSchema(schema.items, `${where}[]`, seen);
    if (typeof schema.additionalProperties === 'object') inSchema(schema.additionalProperties, `${where}.*`, seen);
  };
  const inMedia = (content: any, where: string) => {
    for (const [type, media] of Object.entries<any>(content ?? {})) {
      if (!media?.schema) continue;
      if (media.example !== undefined)
        cases.push({ where: `${where} ${type} example`, schema: media.schema, value: media.example });
      for (const [name, ex] of Object.entries<any>(media.examples ?? {})) {
        cases.push({ where: `${where} ${type} example "${name}"`, schema: media.schema, value: ex?.value });
      }
      inSchema(media.schema, `${where} ${type} schema`);
    }
  };
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) inSchema(schema, name);
  for (const [name, response] of Object.entries<any>(doc.components?.responses ?? {})) {
    inMedia(response.content, `responses.${name}`);
  }
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<any>(item ?? {})) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      const route = `${method.toUpperCase()} ${path}`;
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        if (p?.example !== undefined && p.schema) {
          cases.push({ where: `${route} parameter ${p.name}`, schema: p.schema, value: p.example });
        }
        if (p?.schema) inSchema(p.schema, `${route} parameter ${p.name} schema`);
      }
      inMedia(op.requestBody?.content, `${route} request body`);
      for (const [status, response] of Object.entries<any>(op.responses)) {
        inMedia(response?.content, `${route} response ${status}`);
        for (const [h, header] of Object.entries<any>(response?.headers ?? {})) {
          if (header?.example !== undefined && header.schema) {
            cases.push({
              where: `${route} response ${status} header ${h}`,
              schema: header.schema,
              value: header.example,
            });
          }
        }
      }
    }
  }
  return cases;
}

describe.skipIf(!ours)('every example in our spec validates against its schema', () => {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'spec', definitions: toJsonSchema({ definitions: doc.components?.schemas ?? {} }).definitions });
  const cases = ours ? collect() : [];

  it('finds the examples (request bodies, responses, parameters, schemas)', () => {
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.some((c) => c.where.includes('request body'))).toBe(true);
    expect(cases.some((c) => c.where.includes('parameter'))).toBe(true);
    expect(cases.some((c) => c.where.startsWith('responses.'))).toBe(true);
  });

  for (const c of cases) {
    it(c.where, () => {
      const validate = ajv.compile(toJsonSchema(c.schema));
      const ok = validate(c.value);
      expect(ok ? [] : validate.errors, JSON.stringify(c.value).slice(0, 200)).toEqual([]);
    });
  }
});

if (!ours) it.skip(`SKIPPED: ${specFile} is not our own spec, so its examples were not checked`, () => {});
