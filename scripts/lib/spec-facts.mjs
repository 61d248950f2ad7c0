// Does our spec state the same facts as Portkey's? Pure functions over parsed documents (load them with
// loadSpec), used by `npm run check:spec-facts` (scripts/spec-facts.mjs). Node-only, never shipped.
//
// For every operation of OUR spec, the same method and path in Portkey's spec is compared on facts only:
// servers (control plane, gateway, a fixed URL, or none = inherits the root), security (inherited or its
// own list), parameters (in, name, required, type, enum), the request body (required, content types,
// fields) and every response (status, content types, fields). Prose — descriptions, summaries,
// examples, operationIds, tags — is never compared: it is ours.
//
// Schemas are read as trees of fields: `$ref`s resolved (siblings such as `nullable` beside a `$ref`
// are kept, as Portkey means them), `allOf` merged, and `oneOf` / `anyOf` read as the union of their
// branches — a field's type is the set of its branches' types (`number | string`), a field is
// required only when every object branch requires it, and the combinator itself ("one of" or
// "any of") is a fact of the field that holds it. Fields are named by path: `data[].slug` for array
// items, `metadata.*` for the values of a map (`additionalProperties`), `body` for the root. A `$ref`
// met again below itself stops the walk there (reported as type "recursive <Name>").
//
// Each difference has a `where`: a stable key (no values in it) that openapi/departures.yaml uses to
// record a deliberate departure; `text` is the same thing in plain words, with the values.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { HTTP_METHODS, classifyServers, listOperations, loadSpec } from './spec.mjs';

export { listOperations, loadSpec };

/** 'GET /integrations/{slug}' */
export const routeKey = (method, path) => `${method.toUpperCase()} ${path}`;

// ---------------------------------------------------------------------------------------------------
// Resolving

function pointer(doc, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

const refName = (ref) => String(ref).split('/').pop();

/** Follows a `$ref` chain, keeping sibling keys over the target. Returns the node and the refs walked. */
function deref(doc, node) {
  const refs = [];
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const { $ref, ...siblings } = current;
    if (refs.includes($ref)) break;
    refs.push($ref);
    const target = pointer(doc, $ref);
    if (!target || typeof target !== 'object') return { node: { ...siblings, 'x-unresolved': $ref }, refs };
    current = Object.keys(siblings).length ? { ...target, ...siblings } : target;
  }
  return { node: current && typeof current === 'object' ? current : {}, refs };
}

// ---------------------------------------------------------------------------------------------------
// Schemas as field trees

const MAX_DEPTH = 24;

/**
 * @typedef {{ type: string | undefined, nullable: boolean, enum: unknown[] | undefined,
 *   combinator: string | undefined, props: Map<string, { required: boolean, node: SchemaNode }>,
 *   items: SchemaNode | undefined, additional: SchemaNode | undefined }} SchemaNode
 */

function emptyNode() {
  return {
    type: undefined,
    nullable: false,
    enum: undefined,
    combinator: undefined,
    props: new Map(),
    items: undefined,
    additional: undefined,
  };
}

const typeSet = (type) => new Set(type ? type.split(' | ') : []);
const joinTypes = (set) => [...set].sort().join(' | ') || undefined;

/** Union of two nodes (for oneOf / anyOf branches): a field of either, required only if both require it. */
function unite(a, b) {
  const out = emptyNode();
  out.type = joinTypes(new Set([...typeSet(a.type), ...typeSet(b.type)]));
  out.nullable = a.nullable || b.nullable;
  out.enum = a.enum && b.enum ? [...new Set([...a.enum, ...b.enum])] : undefined;
  out.combinator = a.combinator ?? b.combinator;
  const aObject = a.props.size > 0 || a.type === 'object';
  const bObject = b.props.size > 0 || b.type === 'object';
  for (const [name, p] of a.props) {
    const q = b.props.get(name);
    out.props.set(
      name,
      q
        ? { required: p.required && q.required, node: unite(p.node, q.node) }
        : { ...p, required: p.required && !bObject },
    );
  }
  for (const [name, q] of b.props) {
    if (!a.props.has(name)) out.props.set(name, { ...q, required: q.required && !aObject });
  }
  out.items = a.items && b.items ? unite(a.items, b.items) : (a.items ?? b.items);
  out.additional = a.additional && b.additional ? unite(a.additional, b.additional) : (a.additional ?? b.additional);
  return out;
}

/** Intersection of two nodes (for allOf): every field of both, required if either requires it. */
function mergeInto(out, part) {
  for (const [name, p] of part.props) {
    const q = out.props.get(name);
    if (!q) out.props.set(name, p);
    else {
      const node = emptyNode();
      mergeInto(node, q.node);
      mergeInto(node, p.node);
      out.props.set(name, { required: p.required || q.required, node });
    }
  }
  out.type ??= part.type;
  out.enum ??= part.enum;
  out.items ??= part.items;
  out.additional ??= part.additional;
  out.combinator ??= part.combinator;
  out.nullable ||= part.nullable;
}

/** Reads one schema (with `$ref`s, `allOf`, `oneOf`, `anyOf`) into a SchemaNode. */
export function readSchema(doc, raw, stack = [], depth = 0) {
  const { node: schema, refs } = deref(doc, raw ?? {});
  const seen = refs.find((r) => stack.includes(r));
  const out = emptyNode();
  if (seen || depth > MAX_DEPTH) {
    out.type = `recursive ${refName(seen ?? refs.at(-1) ?? 'schema')}`;
    return out;
  }
  const inner = [...stack, ...refs];
  const next = (s) => readSchema(doc, s, inner, depth + 1);

  if (Array.isArray(schema.type)) {
    out.type = joinTypes(new Set(schema.type.filter((t) => t !== 'null')));
    out.nullable = schema.type.includes('null');
  } else if (typeof schema.type === 'string') out.type = schema.type;
  out.nullable ||= schema.nullable === true;
  if (Array.isArray(schema.enum)) {
    out.enum = schema.enum.filter((v) => v !== null);
    if (schema.enum.includes(null)) out.nullable = true;
  }

  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) mergeInto(out, next(part));

  const kinds = [];
  let union;
  for (const [key, label] of [
    ['oneOf', 'one of'],
    ['anyOf', 'any of'],
  ]) {
    if (!Array.isArray(schema[key]) || schema[key].length === 0) continue;
    kinds.push(label);
    for (const branch of schema[key]) {
      const b = next(branch);
      union = union ? unite(union, b) : b;
    }
  }
  if (union) {
    const own = out.type;
    const ownNullable = out.nullable;
    mergeInto(out, { ...union, type: undefined, nullable: false });
    // The node's own `type` wins; without one, the branches' types make it.
    out.type = own ?? union.type;
    out.nullable = ownNullable || union.nullable;
    out.combinator = kinds.join(' and ');
  }

  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  if (schema.properties && typeof schema.properties === 'object') {
    const own = emptyNode();
    for (const [name, child] of Object.entries(schema.properties)) {
      own.props.set(name, { required: required.has(name), node: next(child) });
    }
    mergeInto(out, own);
  }
  // `required` may name fields declared by an allOf part or a branch.
  for (const name of required) {
    const p = out.props.get(name);
    if (p) p.required = true;
  }
  if (schema.items && typeof schema.items === 'object') out.items = next(schema.items);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.additional = next(schema.additionalProperties);
  }

  if (!out.type) {
    if (out.props.size || out.additional) out.type = 'object';
    else if (out.items) out.type = 'array';
    else out.type = 'any';
  }
  return out;
}

/**
 * The fields of a schema: Map<path, { type, nullable, enum, combinator, required }>, '' being the body
 * itself, in declaration order.
 */
export function fieldsOf(doc, schema) {
  const out = new Map();
  const walk = (node, path, required) => {
    out.set(path, {
      type: node.type,
      nullable: node.nullable,
      enum: node.enum,
      combinator: node.combinator,
      required,
    });
    for (const [name, p] of node.props) walk(p.node, path ? `${path}.${name}` : name, p.required);
    if (node.items) walk(node.items, `${path}[]`, undefined);
    if (node.additional) walk(node.additional, path ? `${path}.*` : '*', undefined);
  };
  walk(readSchema(doc, schema), '', undefined);
  return out;
}

const parentOf = (path) => {
  if (path === '') return undefined;
  if (path.endsWith('[]')) return path.slice(0, -2);
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(0, dot);
};

const fmtEnum = (values) => `[${[...values].map((v) => JSON.stringify(v)).join(', ')}]`;
const sameEnum = (a, b) => {
  if (!a && !b) return true;
  if (!a || !b) return false;
  const x = new Set(a.map((v) => JSON.stringify(v)));
  const y = new Set(b.map((v) => JSON.stringify(v)));
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/** Differences between two field maps, each `{ where, text }`; `subject` is e.g. 'response 200'. */
function compareFields(oursFields, theirsFields, subject, out) {
  const label = (path) => (path === '' ? `${subject} body` : `${subject} field "${path}"`);
  const paths = [...oursFields.keys(), ...[...theirsFields.keys()].filter((p) => !oursFields.has(p))];
  for (const path of paths) {
    const a = oursFields.get(path);
    const b = theirsFields.get(path);
    const parent = parentOf(path);
    // A field whose parent one side lacks was reported with that parent.
    if (parent !== undefined && !(oursFields.has(parent) && theirsFields.has(parent))) continue;
    const where = label(path);
    if (!b) {
      out.push({ where, text: `${where}: ours declares it, upstream does not` });
      continue;
    }
    if (!a) {
      out.push({ where, text: `${where}: upstream declares it, ours does not` });
      continue;
    }
    if (a.type !== b.type) out.push({ where: `${where} type`, text: `${where}: ours ${a.type}, upstream ${b.type}` });
    if (a.required !== b.required && a.required !== undefined) {
      out.push({
        where: `${where} required`,
        text: `${where}: ${a.required ? 'required' : 'optional'} in ours, ${b.required ? 'required' : 'optional'} upstream`,
      });
    }
    if (a.nullable !== b.nullable) {
      out.push({
        where: `${where} nullable`,
        text: `${where}: ${a.nullable ? 'nullable' : 'not nullable'} in ours, ${b.nullable ? 'nullable' : 'not nullable'} upstream`,
      });
    }
    if (!sameEnum(a.enum, b.enum)) {
      out.push({
        where: `${where} enum`,
        text: `${where}: enum ours ${a.enum ? fmtEnum(a.enum) : 'none'}, upstream ${b.enum ? fmtEnum(b.enum) : 'none'}`,
      });
    }
    if (a.combinator !== b.combinator) {
      out.push({
        where: `${where} combinator`,
        text: `${where}: ours ${a.combinator ? `"${a.combinator}" branches` : 'no branches'}, upstream ${b.combinator ? `"${b.combinator}" branches` : 'no branches'}`,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Operations

function serversOf(pathItem, operation) {
  const raw = operation.servers ?? pathItem.servers;
  if (!Array.isArray(raw) || raw.length === 0) return 'none (inherits the root servers)';
  let kind;
  try {
    kind = classifyServers(raw);
  } catch {
    kind = `unusable (${raw.map((s) => s?.url).join(', ')})`;
  }
  if (kind === 'control') return 'the control plane';
  if (kind === 'gateway') return 'the gateway';
  return `the fixed URL ${kind}`;
}

function securityOf(operation) {
  if (!Array.isArray(operation.security)) return 'inherits the root';
  if (operation.security.length === 0) return 'its own: none (security: [])';
  const alternatives = operation.security.map(
    (req) =>
      Object.keys(req ?? {})
        .sort()
        .join(' + ') || 'anonymous',
  );
  return `its own: ${alternatives.join(' or ')}`;
}

function parametersOf(doc, pathItem, operation) {
  const out = new Map();
  for (const p of [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ]) {
    const { node: param } = deref(doc, p);
    if (typeof param.name !== 'string' || typeof param.in !== 'string') continue;
    const schema = param.schema ?? Object.values(param.content ?? {})[0]?.schema ?? {};
    const node = readSchema(doc, schema);
    const type = node.type === 'array' && node.items ? `array of ${node.items.type}` : node.type;
    out.set(`${param.in} "${param.name}"`, {
      required: param.in === 'path' || param.required === true,
      type,
      enum: node.enum ?? node.items?.enum,
    });
  }
  return out;
}

function contentTypes(content) {
  return content && typeof content === 'object' ? Object.keys(content) : [];
}

function compareContent(doc, theirsDoc, ours, theirs, subject, out) {
  const a = contentTypes(ours);
  const b = contentTypes(theirs);
  if (a.slice().sort().join(', ') !== b.slice().sort().join(', ')) {
    out.push({
      where: `${subject} content`,
      text: `${subject}: content types ours ${a.join(', ') || 'none'}, upstream ${b.join(', ') || 'none'}`,
    });
  }
  for (const type of a.filter((t) => b.includes(t))) {
    const label = /json/i.test(type) ? subject : `${subject} (${type})`;
    compareFields(fieldsOf(doc, ours[type]?.schema), fieldsOf(theirsDoc, theirs[type]?.schema), label, out);
  }
}

const isError = (status) => /^[45]/.test(String(status)) || String(status) === 'default';

function compareOperation(doc, theirsDoc, ours, theirs) {
  const out = [];
  const sa = serversOf(ours.pathItem, ours.operation);
  const sb = serversOf(theirs.pathItem, theirs.operation);
  if (sa !== sb) out.push({ where: 'servers', text: `servers: ours ${sa}, upstream ${sb}` });
  const ka = securityOf(ours.operation);
  const kb = securityOf(theirs.operation);
  if (ka !== kb) out.push({ where: 'security', text: `security: ours ${ka}, upstream ${kb}` });

  const pa = parametersOf(doc, ours.pathItem, ours.operation);
  const pb = parametersOf(theirsDoc, theirs.pathItem, theirs.operation);
  for (const key of [...pa.keys(), ...[...pb.keys()].filter((k) => !pa.has(k))]) {
    const a = pa.get(key);
    const b = pb.get(key);
    const where = `parameter ${key}`;
    if (!b) out.push({ where, text: `${where}: ours declares it, upstream does not` });
    else if (!a) out.push({ where, text: `${where}: upstream declares it, ours does not` });
    else {
      if (a.required !== b.required) {
        out.push({
          where: `${where} required`,
          text: `${where}: ${a.required ? 'required' : 'optional'} in ours, ${b.required ? 'required' : 'optional'} upstream`,
        });
      }
      if (a.type !== b.type) out.push({ where: `${where} type`, text: `${where}: ours ${a.type}, upstream ${b.type}` });
      if (!sameEnum(a.enum, b.enum)) {
        out.push({
          where: `${where} enum`,
          text: `${where}: enum ours ${a.enum ? fmtEnum(a.enum) : 'none'}, upstream ${b.enum ? fmtEnum(b.enum) : 'none'}`,
        });
      }
    }
  }

  const ba = ours.operation.requestBody ? deref(doc, ours.operation.requestBody).node : undefined;
  const bb = theirs.operation.requestBody ? deref(theirsDoc, theirs.operation.requestBody).node : undefined;
  if (ba && !bb) out.push({ where: 'request body', text: 'request body: ours declares one, upstream does not' });
  else if (!ba && bb) out.push({ where: 'request body', text: 'request body: upstream declares one, ours does not' });
  else if (ba && bb) {
    if ((ba.required === true) !== (bb.required === true)) {
      out.push({
        where: 'request body required',
        text: `request body: ${ba.required ? 'required' : 'optional'} in ours, ${bb.required ? 'required' : 'optional'} upstream`,
      });
    }
    compareContent(doc, theirsDoc, ba.content, bb.content, 'request body', out);
  }

  const ra = ours.operation.responses ?? {};
  const rb = theirs.operation.responses ?? {};
  for (const status of Object.keys(ra)) {
    if (status in rb || isError(status)) continue;
    out.push({ where: `response ${status}`, text: `response ${status}: ours declares it, upstream does not` });
  }
  for (const status of Object.keys(rb)) {
    const range = `${String(status)[0]}XX`;
    const mine = status in ra ? status : range in ra && isError(status) ? range : undefined;
    if (mine === undefined) {
      out.push({ where: `response ${status}`, text: `response ${status}: upstream declares it, ours does not` });
      continue;
    }
    const a = deref(doc, ra[mine]).node;
    const b = deref(theirsDoc, rb[status]).node;
    // We may describe an error body upstream leaves blank; where upstream declares one, it must agree.
    if (isError(status) && contentTypes(b.content).length === 0) continue;
    compareContent(doc, theirsDoc, a.content, b.content, `response ${status}`, out);
  }
  return out;
}

/**
 * Every difference of fact between our spec and upstream's, for the operations of ours:
 * `[{ route, where, text }]`, in our spec's order.
 */
export function compareSpecs(ours, upstream) {
  const theirs = new Map(listOperations(upstream).map((op) => [routeKey(op.method, op.path), op]));
  const out = [];
  const rootServers = (doc) => serversOf({}, { servers: doc.servers });
  if (rootServers(ours) !== rootServers(upstream)) {
    out.push({
      route: '(root)',
      where: 'servers',
      text: `servers: ours ${rootServers(ours)}, upstream ${rootServers(upstream)}`,
    });
  }
  const rootSecurity = (doc) => JSON.stringify(doc.security ?? []);
  if (rootSecurity(ours) !== rootSecurity(upstream)) {
    out.push({
      route: '(root)',
      where: 'security',
      text: `security: ours ${rootSecurity(ours)}, upstream ${rootSecurity(upstream)}`,
    });
  }
  for (const op of listOperations(ours)) {
    const route = routeKey(op.method, op.path);
    const match = theirs.get(route);
    if (!match) {
      out.push({ route, where: 'operation', text: 'upstream has no such operation' });
      continue;
    }
    for (const d of compareOperation(ours, upstream, op, match)) out.push({ route, ...d });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Departures and coverage

/** Reads openapi/departures.yaml: a list of `{ route, where, reason, evidence }`. Throws on a bad entry. */
export function parseDepartures(text, file = 'departures') {
  const doc = parse(text, { merge: true, maxAliasCount: -1 }) ?? [];
  const list = Array.isArray(doc) ? doc : doc.departures;
  if (!Array.isArray(list)) throw new Error(`${file}: expected a list of departures.`);
  list.forEach((entry, i) => {
    for (const key of ['route', 'where', 'reason', 'evidence']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`${file}: entry ${i + 1} has no "${key}" (each needs route, where, reason and evidence).`);
      }
    }
  });
  return list;
}

export function loadDepartures(file) {
  return parseDepartures(readFileSync(file, 'utf8'), file);
}

/** Splits differences into explained (by a departure) and unexplained; departures matching none are stale. */
export function applyDepartures(differences, departures) {
  const used = new Set();
  const explained = [];
  const unexplained = [];
  for (const d of differences) {
    const i = departures.findIndex((e) => e.route === d.route && e.where === d.where);
    if (i === -1) unexplained.push(d);
    else {
      used.add(i);
      explained.push({ ...d, departure: departures[i] });
    }
  }
  const stale = departures.filter((_, i) => !used.has(i));
  return { explained, unexplained, stale };
}

/** Which routes of the coverage target (admin-surface.json) our spec lacks. */
export function coverage(ours, surface) {
  const have = new Set(listOperations(ours).map((op) => routeKey(op.method, op.path)));
  const target = Object.keys(surface);
  const missing = target.filter((route) => !have.has(route));
  return { total: target.length, covered: target.length - missing.length, missing };
}

/** The text `npm run check:spec-facts` prints, and whether the check passes. */
export function report({ oursFile, upstreamFile, compared, differences, departures, surface, ours }) {
  const { explained, unexplained, stale } = applyDepartures(differences, departures);
  const lines = [`spec-facts: ${oursFile} against ${upstreamFile}: ${compared} operations compared.`];
  const show = (d) => `  ${d.route}: ${d.text}\n      where: ${d.where}`;
  if (unexplained.length) {
    lines.push('', `${unexplained.length} difference(s) not recorded in openapi/departures.yaml:`);
    for (const d of unexplained) lines.push(show(d));
  }
  if (stale.length) {
    lines.push('', `${stale.length} stale departure(s): they match no difference any more; remove them:`);
    for (const e of stale) lines.push(`  ${e.route} [${e.where}]`);
  }
  if (explained.length) {
    lines.push('', `${explained.length} recorded departure(s), still true:`);
    for (const d of explained) lines.push(`  ${d.route}: ${d.text}\n      because: ${d.departure.reason}`);
  }
  if (!unexplained.length && !stale.length)
    lines.push('', 'No unrecorded difference: our spec states upstream’s facts.');
  if (surface) {
    const c = coverage(ours, surface);
    lines.push('');
    if (c.missing.length) {
      lines.push(
        `Coverage: ${c.missing.length} of ${c.total} control-plane operations still missing: ${c.missing.join(', ')}`,
      );
    } else lines.push(`Coverage: all ${c.total} control-plane operations are in our spec.`);
  }
  return { text: lines.join('\n'), ok: unexplained.length === 0 && stale.length === 0, unexplained, stale, explained };
}

export { HTTP_METHODS };
