// Requests built from the spec itself, for the generic Prism tests in this folder: path parameters filled
// with realistic values, required query and header parameters from their examples, the body from the
// operation's own example. Nothing here knows an operation by name, so operations added to the spec
// later are covered as they come.
import { listOperations, routeKey } from '../../scripts/lib/spec-facts.mjs';

export interface BuiltRequest {
  route: string;
  method: string;
  path: string;
  url: string;
  init: RequestInit & { headers: Record<string, string> };
  /** The request body's named examples (or its single example) as [name, value]. */
  bodyExamples: [string, unknown][];
  operation: any;
}

/** True when the spec file is this project's own (openapi/portkey.yaml), not Portkey's full spec. */
export const isOurSpec = (doc: any): boolean => doc?.info?.['x-portkey-admin-spec'] === true;

function pointer(doc: any, ref: string): any {
  return ref
    .slice(2)
    .split('/')
    .reduce((node, raw) => node?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

export function deref(doc: any, node: any): any {
  let current = node;
  for (let i = 0; current && typeof current.$ref === 'string' && i < 20; i++) {
    const { $ref, ...siblings } = current;
    current = { ...pointer(doc, $ref), ...siblings };
  }
  return current ?? {};
}

const NAMED: Record<string, string> = {
  slug: 'openai-production',
  workspaceId: 'ws-data-science',
  provider: 'openai',
  model: 'gpt-4o',
  metadataKey: 'team',
  userId: '6f1c8a3e-2d4b-4f7a-9e5c-1b2a3c4d5e6f',
  id: '2b7e4c1a-9d3f-4e8b-a6c5-7f1e2d3c4b5a',
};

/** A realistic value for a parameter: its example, an enum member, a name-based guess, or its type's. */
export function sampleParameter(doc: any, param: any): string {
  const schema = deref(doc, param.schema ?? {});
  const example = param.example ?? schema.example ?? Object.values(param.examples ?? {})[0];
  const value = (example as any)?.value ?? example;
  if (value !== undefined && value !== null) return Array.isArray(value) ? value.join(',') : String(value);
  if (Array.isArray(schema.enum) && schema.enum.length) return String(schema.enum[0]);
  if (schema.default !== undefined && schema.default !== null) return String(schema.default);
  if (NAMED[param.name]) return NAMED[param.name]!;
  if (/id$/i.test(param.name) || /uuid/i.test(String(schema.format))) return NAMED.id!;
  if (schema.type === 'integer' || schema.type === 'number') return '1';
  if (schema.type === 'boolean') return 'true';
  return `example-${String(param.name).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function parametersOf(doc: any, pathItem: any, operation: any): any[] {
  const byKey = new Map<string, any>();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const p = deref(doc, raw);
    byKey.set(`${p.in}:${p.name}`, p);
  }
  return [...byKey.values()];
}

function authHeaders(doc: any, operation: any): Record<string, string> {
  const requirements = operation.security ?? doc.security ?? [];
  const first = requirements[0] ?? {};
  const headers: Record<string, string> = {};
  for (const name of Object.keys(first)) {
    const scheme = doc.components?.securitySchemes?.[name];
    if (scheme?.type === 'apiKey' && scheme.in === 'header') headers[scheme.name] = 'pk-test-key';
    if (scheme?.type === 'http' && scheme.scheme === 'bearer') headers.authorization = 'Bearer pk-test-key';
  }
  return headers;
}

export function jsonMediaType(content: any): string | undefined {
  return Object.keys(content ?? {}).find((type) => /json/i.test(type));
}

function bodyExamplesOf(doc: any, media: any): [string, unknown][] {
  if (!media) return [];
  if (media.examples) {
    return Object.entries(media.examples).map(([name, ex]) => [name, deref(doc, ex).value] as [string, unknown]);
  }
  if (media.example !== undefined) return [['example', media.example]];
  const schemaExample = deref(doc, media.schema ?? {}).example;
  return schemaExample !== undefined ? [['schema example', schemaExample]] : [];
}

export function buildRequests(doc: any, baseUrl: string): BuiltRequest[] {
  return listOperations(doc).map(({ method, path, operation, pathItem }) => {
    const params = parametersOf(doc, pathItem, operation);
    let filled = path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = { ...authHeaders(doc, operation) };
    for (const p of params) {
      if (p.in === 'path') filled = filled.replace(`{${p.name}}`, encodeURIComponent(sampleParameter(doc, p)));
      else if (p.in === 'query' && p.required) query.set(p.name, sampleParameter(doc, p));
      else if (p.in === 'header' && p.required) headers[p.name.toLowerCase()] = sampleParameter(doc, p);
    }
    const body = deref(doc, operation.requestBody ?? {});
    const type = jsonMediaType(body.content);
    const bodyExamples = type ? bodyExamplesOf(doc, body.content[type]) : [];
    const init: BuiltRequest['init'] = { method: method.toUpperCase(), headers };
    if (type && bodyExamples.length) {
      headers['content-type'] = type;
      init.body = JSON.stringify(bodyExamples[0]![1]);
    }
    const qs = query.toString();
    return {
      route: routeKey(method, path),
      method,
      path,
      url: `${baseUrl}${filled}${qs ? `?${qs}` : ''}`,
      init,
      bodyExamples,
      operation,
    };
  });
}

/** Prism's `sl-violations` header, parsed. */
export function violations(response: Response): { location: string[]; message: string }[] {
  const raw = response.headers.get('sl-violations');
  return raw ? JSON.parse(raw) : [];
}
