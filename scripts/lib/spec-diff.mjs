// What changed between two Portkey OpenAPI documents, in plain words, and what it means for the facade.
// Pure functions over parsed documents (load them with loadSpec): `diff` → structured result,
// `assess` → the facade's problems and warnings, `formatReport` → the text `npm run spec:update` prints.
// Schemas are compared after resolving `$ref`s and merging `allOf`: top-level fields plus one nested
// level (`owner.email`, `data[].slug`); recursive references stop at the first repeat.
import { HTTP_METHODS, classifyServers } from './spec.mjs';

export { loadSpec } from './spec.mjs';

/** 'GET /integrations/{slug}' */
export function opKey(method, path) {
  return `${method.toUpperCase()} ${path}`;
}

// ---------------------------------------------------------------------------------------------------
// Reading a document

function operationsOf(doc) {
  const out = new Map();
  for (const [path, pathItem] of Object.entries(doc?.paths ?? {})) {
    if (!pathItem || typeof pathItem !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation && typeof operation === 'object') {
        out.set(opKey(method, path), { key: opKey(method, path), method, path, operation, pathItem });
      }
    }
  }
  return out;
}

function pointer(doc, ref) {
  if (!ref.startsWith('#/')) return undefined;
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

/**
 * Follows a `$ref` chain. Siblings of a `$ref` (nullable, description…) are kept: Portkey means them.
 * Returns the target and the refs walked through; a cycle or a dangling ref ends the walk.
 */
function deref(doc, node) {
  const refs = [];
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const { $ref, ...siblings } = current;
    if (refs.includes($ref)) return { node: siblings, refs, cyclic: true };
    refs.push($ref);
    const target = pointer(doc, $ref);
    if (target === undefined || target === null || typeof target !== 'object') {
      return { node: { ...siblings, 'x-unresolved': $ref }, refs };
    }
    current = Object.keys(siblings).length ? { ...target, ...siblings } : target;
  }
  return { node: current, refs };
}

const refName = (ref) => String(ref).split('/').pop();

function typeOf(schema) {
  if (Array.isArray(schema.type)) return schema.type.filter((t) => t !== 'null').join(' | ') || 'null';
  return typeof schema.type === 'string' ? schema.type : undefined;
}

/**
 * A schema with refs resolved and `allOf` merged: `{ type, nullable, enum, properties, required,
 * items, variants, stack }`. `stack` holds the refs on the way here, so a self-reference is seen.
 */
function flatten(doc, node, stack = []) {
  const { node: schema, refs, cyclic } = deref(doc, node ?? {});
  if (cyclic || refs.some((r) => stack.includes(r))) {
    return { recursive: true, properties: {}, required: new Set(), stack, refs };
  }
  const inner = [...stack, ...refs];
  const out = {
    type: typeOf(schema),
    nullable: schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null')),
    enum: Array.isArray(schema.enum) ? schema.enum : undefined,
    properties: {},
    required: new Set(Array.isArray(schema.required) ? schema.required : []),
    items: schema.items,
    variants: schema.oneOf ? ['one of', schema.oneOf] : schema.anyOf ? ['any of', schema.anyOf] : undefined,
    stack: inner,
    refs,
  };
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const f = flatten(doc, part, inner);
    Object.assign(out.properties, f.properties);
    for (const r of f.required) out.required.add(r);
    out.type ??= f.type;
    out.enum ??= f.enum;
    out.items ??= f.items;
    out.variants ??= f.variants;
  }
  Object.assign(out.properties, schema.properties && typeof schema.properties === 'object' ? schema.properties : {});
  if (!out.type && (Object.keys(out.properties).length || schema.additionalProperties)) out.type = 'object';
  if (!out.type && out.items) out.type = 'array';
  return out;
}

/** A short structural description of a schema: 'string', 'array of object', 'one of A | B'. */
function describe(doc, node, stack = [], depth = 0) {
  const f = flatten(doc, node, stack);
  if (f.recursive) return 'object';
  if (f.variants) {
    const [kind, members] = f.variants;
    const names = (Array.isArray(members) ? members : []).map((m) => {
      if (m && typeof m === 'object' && typeof m.$ref === 'string') return refName(m.$ref);
      if (m && typeof m.title === 'string') return m.title;
      return depth < 1 ? describe(doc, m, f.stack, depth + 1) : 'any';
    });
    return `${kind} ${names.join(' | ')}`;
  }
  if (f.type === 'array') return depth < 2 ? `array of ${describe(doc, f.items ?? {}, f.stack, depth + 1)}` : 'array';
  return f.type ?? 'any';
}

/** The fields of a schema, top level plus one nested level: Map<'owner.email' | 'data[].slug', signature>. */
function fieldsOf(doc, node) {
  const out = new Map();
  const walk = (schemaNode, prefix, depth, stack, reach) => {
    let f = flatten(doc, schemaNode, stack);
    let arrays = 0;
    while (!f.recursive && f.type === 'array' && f.items && arrays++ < 3) {
      prefix += '[]';
      f = flatten(doc, f.items, f.stack);
    }
    if (f.recursive) return;
    for (const [name, child] of Object.entries(f.properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const required = f.required.has(name);
      out.set(path, { ...signature(doc, child, f.stack), required, reach: reach && required });
      if (depth < 1) walk(child, path, depth + 1, f.stack, reach && required);
    }
  };
  walk(node, '', 0, [], true);
  return out;
}

function signature(doc, node, stack = []) {
  const f = flatten(doc, node, stack);
  return { type: describe(doc, node, stack), nullable: f.nullable === true, enum: f.enum };
}

function parametersOf(doc, pathItem, operation) {
  const out = new Map();
  const all = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ];
  for (const p of all) {
    const { node: param } = deref(doc, p);
    if (!param || typeof param.name !== 'string' || typeof param.in !== 'string') continue;
    const schema = param.schema ?? Object.values(param.content ?? {})[0]?.schema ?? {};
    out.set(`${param.in}:${param.name}`, {
      in: param.in,
      name: param.name,
      required: param.in === 'path' || param.required === true,
      ...signature(doc, schema),
    });
  }
  return out;
}

function pickContent(content, jsonOnly) {
  const entries = Object.entries(content && typeof content === 'object' ? content : {});
  const found =
    entries.find(([type]) => type === 'application/json') ??
    entries.find(([type]) => /json/i.test(type)) ??
    (jsonOnly ? undefined : entries[0]);
  return found ? { mediaType: found[0], schema: found[1]?.schema ?? {} } : undefined;
}

function requestBodyOf(doc, operation) {
  if (!operation.requestBody) return undefined;
  const { node: body } = deref(doc, operation.requestBody);
  const content = pickContent(body?.content, false);
  return { required: body?.required === true, mediaType: content?.mediaType, schema: content?.schema };
}

/** 2xx responses: Map<status, { json: schema | undefined }>. */
function successesOf(doc, operation) {
  const out = new Map();
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!/^2/.test(String(status))) continue;
    const { node } = deref(doc, response);
    out.set(String(status), { json: pickContent(node?.content, true)?.schema });
  }
  return out;
}

function routeOf(pathItem, operation) {
  try {
    return classifyServers(operation.servers) ?? classifyServers(pathItem.servers) ?? 'default';
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------------
// Comparing

const BREAKING = 'breaking'; // the facade's call can no longer succeed as written
const WARNING = 'warning'; // callers (or the facade's result type) may break
const INFO = 'info';

const code = (name) => `\`${name}\``;
const list = (values) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Changes between two field signatures. `side` is 'request' (parameters, body) or 'response'.
 * `what` names the field in the text, e.g. 'query parameter `page`' or 'response field `data[].slug`'.
 */
function compareSignature(before, after, side, what, area) {
  const changes = [];
  const add = (severity, text, kind) => changes.push({ area, kind, severity, text });
  const request = side === 'request';
  if (before.type !== after.type) {
    add(WARNING, `${what} changed type: ${before.type} → ${after.type}`, 'type');
  }
  if (before.required !== after.required) {
    if (after.required) {
      add(request ? (after.reach ? BREAKING : WARNING) : INFO, `${what} is now required`, 'required');
    } else {
      add(request ? INFO : WARNING, `${what} is now optional${request ? '' : ' (may be absent)'}`, 'required');
    }
  }
  if (before.nullable !== after.nullable) {
    if (after.nullable) add(request ? INFO : WARNING, `${what} can now be null`, 'nullable');
    else add(request ? WARNING : INFO, `${what} can no longer be null`, 'nullable');
  }
  if (before.type === after.type) {
    if (before.enum && after.enum) {
      const gone = before.enum.filter((v) => !after.enum.includes(v));
      const fresh = after.enum.filter((v) => !before.enum.includes(v));
      if (gone.length) add(request ? WARNING : INFO, `${what} no longer allows ${list(gone)}`, 'enum');
      if (fresh.length) add(INFO, `${what} now also allows ${list(fresh)}`, 'enum');
    } else if (!before.enum && after.enum) {
      add(request ? WARNING : INFO, `${what} is now limited to ${list(after.enum)}`, 'enum');
    } else if (before.enum && !after.enum) {
      add(INFO, `${what} is no longer limited to fixed values`, 'enum');
    }
  }
  return changes;
}

const parentOf = (path) => {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : path.slice(0, dot).replace(/(\[\])+$/, '');
};

/** Field-by-field changes of two schemas (request body or response). */
function compareFields(oldDoc, oldSchema, newDoc, newSchema, side, label, area) {
  const changes = [];
  const add = (severity, text, kind) => changes.push({ area, kind, severity, text });
  const beforeType = describe(oldDoc, oldSchema);
  const afterType = describe(newDoc, newSchema);
  if (beforeType !== afterType) add(WARNING, `${label} changed type: ${beforeType} → ${afterType}`, 'type');

  const before = fieldsOf(oldDoc, oldSchema);
  const after = fieldsOf(newDoc, newSchema);
  // A field that appeared, vanished or changed type speaks for the fields under it.
  const covered = new Set(
    [...after].filter(([path, sig]) => before.has(path) && before.get(path).type !== sig.type).map(([path]) => path),
  );
  const underCovered = (path) => {
    const parent = parentOf(path);
    return parent !== undefined && covered.has(parent);
  };
  for (const path of before.keys()) {
    if (after.has(path) || underCovered(path)) continue;
    covered.add(path);
    add(WARNING, `${label} field ${code(path)} removed`, 'removed');
  }
  for (const [path, sig] of after) {
    if (before.has(path) || underCovered(path)) continue;
    covered.add(path);
    const breaking = side === 'request' && sig.reach;
    add(
      breaking ? BREAKING : INFO,
      `${side === 'request' && sig.required ? 'required ' : ''}${label} field ${code(path)} added (${sig.type}${
        side === 'response' && !sig.required ? ', optional' : ''
      })`,
      'added',
    );
  }
  for (const [path, sig] of after) {
    const old = before.get(path);
    if (!old || underCovered(path)) continue;
    changes.push(...compareSignature(old, sig, side, `${label} field ${code(path)}`, area));
  }
  return changes;
}

function compareOperations(oldDoc, oldOp, newDoc, newOp, renamedParams = new Map()) {
  const changes = [];
  const add = (area, severity, text, kind) => changes.push({ area, kind, severity, text });

  if (!oldOp.operation.deprecated && newOp.operation.deprecated) {
    add('operation', WARNING, 'is now deprecated', 'deprecated');
  }
  const oldRoute = routeOf(oldOp.pathItem, oldOp.operation);
  const newRoute = routeOf(newOp.pathItem, newOp.operation);
  if (oldRoute !== newRoute) add('operation', INFO, `is now served from ${newRoute} (was ${oldRoute})`, 'server');

  // Parameters (a renamed path parameter is compared under its new name).
  const oldParams = new Map(
    [...parametersOf(oldDoc, oldOp.pathItem, oldOp.operation)].map(([key, p]) =>
      p.in === 'path' && renamedParams.has(p.name) ? [`path:${renamedParams.get(p.name)}`, p] : [key, p],
    ),
  );
  const newParams = parametersOf(newDoc, newOp.pathItem, newOp.operation);
  for (const [key, p] of oldParams) {
    if (!newParams.has(key)) add('parameter', WARNING, `${p.in} parameter ${code(p.name)} removed`, 'removed');
  }
  for (const [key, p] of newParams) {
    const old = oldParams.get(key);
    const what = `${p.in} parameter ${code(p.name)}`;
    if (!old) {
      if (p.required) add('parameter', BREAKING, `required ${what} added (${p.type})`, 'added');
      else add('parameter', INFO, `optional ${what} added (${p.type})`, 'added');
    } else {
      changes.push(...compareSignature(old, { ...p, reach: true }, 'request', what, 'parameter'));
    }
  }

  // Request body.
  const oldBody = requestBodyOf(oldDoc, oldOp.operation);
  const newBody = requestBodyOf(newDoc, newOp.operation);
  if (!oldBody && newBody) {
    if (newBody.required) add('body', BREAKING, 'now requires a request body', 'added');
    else add('body', INFO, 'now accepts a request body', 'added');
  } else if (oldBody && !newBody) {
    add('body', WARNING, 'no longer takes a request body', 'removed');
  } else if (oldBody && newBody) {
    if (!oldBody.required && newBody.required) add('body', WARNING, 'request body is now required', 'required');
    if (oldBody.mediaType !== newBody.mediaType) {
      add('body', WARNING, `request body is now ${newBody.mediaType} (was ${oldBody.mediaType})`, 'type');
    }
    changes.push(...compareFields(oldDoc, oldBody.schema, newDoc, newBody.schema, 'request', 'body', 'body'));
  }

  // Success responses.
  const oldOk = successesOf(oldDoc, oldOp.operation);
  const newOk = successesOf(newDoc, newOp.operation);
  if (oldOk.size && !newOk.size) {
    add('response', BREAKING, 'no longer declares a success response', 'removed');
  } else if (!oldOk.size && newOk.size) {
    add('response', INFO, `now declares a success response (${[...newOk.keys()].join(', ')})`, 'added');
  } else if (oldOk.size) {
    let pairs;
    if (oldOk.size === 1 && newOk.size === 1) {
      const [[a, before]] = oldOk;
      const [[b, after]] = newOk;
      if (a !== b) add('response', INFO, `success status is now ${b} (was ${a})`, 'status');
      pairs = [[b, before, after]];
    } else {
      pairs = [];
      for (const [status, before] of oldOk) {
        if (newOk.has(status)) pairs.push([status, before, newOk.get(status)]);
        else add('response', WARNING, `success response ${status} removed`, 'removed');
      }
      for (const status of newOk.keys()) {
        if (!oldOk.has(status)) add('response', INFO, `success response ${status} added`, 'added');
      }
    }
    for (const [status, before, after] of pairs) {
      const label = pairs.length > 1 ? `${status} response` : 'response';
      if (before.json && !after.json) {
        add('response', WARNING, `${label} no longer has a JSON body`, 'removed');
      } else if (!before.json && after.json) {
        add('response', INFO, `${label} now has a JSON body`, 'added');
      } else if (before.json && after.json) {
        changes.push(...compareFields(oldDoc, before.json, newDoc, after.json, 'response', label, 'response'));
      }
    }
  }
  return changes;
}

const summaryOf = (op) =>
  typeof op.operation.summary === 'string' ? op.operation.summary.replace(/\s+/g, ' ').trim() : '';
const templateParams = (path) => [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
const shape = (path) => path.replace(/\{[^{}]+\}/g, '{}');

/**
 * Everything that changed between two parsed specs, operation by operation.
 * `{ operations: { before, after }, added, removed, renamed, changed }`; every change carries a
 * severity ('breaking' | 'warning' | 'info') and a plain-words text.
 */
export function diff(oldDoc, newDoc) {
  const before = operationsOf(oldDoc);
  const after = operationsOf(newDoc);
  let added = [...after.values()].filter((op) => !before.has(op.key));
  let removed = [...before.values()].filter((op) => !after.has(op.key));

  // A path whose only difference is a parameter's name is a rename, not a removal plus an addition.
  const renamed = [];
  for (const old of removed) {
    const candidates = added.filter((op) => op.method === old.method && shape(op.path) === shape(old.path));
    if (candidates.length !== 1) continue;
    const [now] = candidates;
    const from = templateParams(old.path);
    const to = templateParams(now.path);
    const params = from.map((name, i) => ({ from: name, to: to[i] })).filter((p) => p.from !== p.to);
    const mapping = new Map(params.map((p) => [p.from, p.to]));
    renamed.push({
      key: old.key,
      to: now.key,
      method: old.method,
      path: old.path,
      newPath: now.path,
      params,
      changes: compareOperations(oldDoc, old, newDoc, now, mapping),
    });
  }
  const renamedFrom = new Set(renamed.map((r) => r.key));
  const renamedTo = new Set(renamed.map((r) => r.to));
  removed = removed.filter((op) => !renamedFrom.has(op.key));
  added = added.filter((op) => !renamedTo.has(op.key));

  const changed = [];
  for (const [key, old] of before) {
    const now = after.get(key);
    if (!now) continue;
    const changes = compareOperations(oldDoc, old, newDoc, now);
    if (changes.length) changed.push({ key, method: old.method, path: old.path, changes });
  }

  return {
    operations: { before: [...before.keys()], after: [...after.keys()] },
    added: added.map((op) => ({
      key: op.key,
      method: op.method,
      path: op.path,
      summary: summaryOf(op),
      hasSuccess: successesOf(newDoc, op.operation).size > 0,
    })),
    removed: removed.map((op) => ({
      key: op.key,
      method: op.method,
      path: op.path,
      summary: summaryOf(op),
      pathStillThere: Object.hasOwn(newDoc?.paths ?? {}, op.path),
    })),
    renamed,
    changed,
  };
}

// ---------------------------------------------------------------------------------------------------
// What it means for the facade

/**
 * For the facade's operations (`{ 'GET /integrations/{slug}': 'portkey.integrations.retrieve' }`):
 * `problems` (it cannot work: the update must not go in as is), `warnings` (it may break callers),
 * and `affected` (one entry per facade method touched by the update).
 */
export function assess(result, facadeOps) {
  const problems = [];
  const warnings = [];
  const affected = [];
  const after = new Set(result.operations.after);
  const find = (items, key) => items.find((item) => item.key === key);

  for (const [key, method] of Object.entries(facadeOps ?? {})) {
    const [METHOD] = key.split(' ');
    const renamed = find(result.renamed, key);
    const removed = find(result.removed, key);
    const added = find(result.added, key);
    const changed = find(result.changed, key);
    if (renamed) {
      const what = renamed.params.map((p) => `path parameter ${code(p.from)} renamed to ${code(p.to)}`).join(', ');
      problems.push(`${key} is now ${renamed.to} (${what}); ${method} cannot work.`);
      affected.push({ method, key, status: 'renamed', note: `now ${renamed.to}: cannot work`, changes: [] });
    } else if (removed) {
      const still = removed.pathStillThere ? ` (the path is still there, but without ${METHOD})` : '';
      problems.push(`${key} is no longer in the spec${still}; ${method} cannot work.`);
      affected.push({ method, key, status: 'removed', note: 'removed from the spec: cannot work', changes: [] });
    } else if (!after.has(key)) {
      problems.push(`${key} is not in the spec; ${method} cannot work.`);
      affected.push({ method, key, status: 'missing', note: 'not in the spec: cannot work', changes: [] });
    } else if (added) {
      if (!added.hasSuccess) problems.push(`${key} declares no success response; ${method} cannot type its result.`);
      affected.push({ method, key, status: 'added', note: 'now in the spec', changes: [] });
    } else if (changed) {
      const breaking = changed.changes.filter((c) => c.severity === BREAKING);
      const risky = changed.changes.filter((c) => c.severity === WARNING);
      for (const c of breaking) problems.push(`${key}: ${c.text}; ${method} cannot work as written.`);
      for (const c of risky) warnings.push(`${key}: ${c.text} (${method}).`);
      const n = changed.changes.length;
      const note = [
        `${n} change${n === 1 ? '' : 's'}`,
        breaking.length ? `${breaking.length} breaking` : '',
        risky.length ? `${risky.length} may break callers` : '',
      ]
        .filter(Boolean)
        .join(', ');
      affected.push({ method, key, status: 'changed', note, changes: changed.changes });
    }
  }
  return { problems, warnings, affected };
}

// ---------------------------------------------------------------------------------------------------
// The report

const TAG = { [BREAKING]: '[breaking] ', [WARNING]: '[may break] ', [INFO]: '' };
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const clip = (text, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The plain-words report. `labels.from` / `labels.to` name the two specs in the heading.
 * Problems come last, so they are what a reader sees at the bottom of the output.
 */
export function formatReport(result, facadeOps, labels = {}) {
  const { problems, warnings, affected } = assess(result, facadeOps);
  const facadeOf = (key) => (facadeOps?.[key] ? `  [${facadeOps[key]}]` : '');
  const lines = [];
  const changeLines = (changes, indent) => {
    const order = [BREAKING, WARNING, INFO];
    const sorted = [...changes].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
    for (const c of sorted) lines.push(`${indent}${TAG[c.severity]}${c.text}`);
  };

  lines.push(labels.from || labels.to ? `Spec update: ${labels.from ?? 'old'} → ${labels.to ?? 'new'}` : 'Spec update');
  const { before, after } = result.operations;
  lines.push(
    `${plural(before.length, 'operation')} before, ${after.length} after: ${result.added.length} added, ` +
      `${result.removed.length} removed, ${result.renamed.length} renamed, ${result.changed.length} changed.`,
  );

  const facadeCount = Object.keys(facadeOps ?? {}).length;
  lines.push('');
  if (!affected.length) {
    lines.push(`Facade methods affected: none (of ${facadeCount}).`);
  } else {
    lines.push(`Facade methods affected (${affected.length} of ${facadeCount}):`);
    for (const a of affected) {
      lines.push(`  ${a.method} (${a.key}): ${a.note}`);
    }
  }

  if (result.added.length) {
    lines.push('', `Added (${result.added.length}):`);
    for (const op of result.added) {
      lines.push(`  ${op.key}${op.summary ? ` — ${clip(op.summary)}` : ''}${facadeOf(op.key)}`);
    }
  }
  if (result.removed.length) {
    lines.push('', `Removed (${result.removed.length}):`);
    for (const op of result.removed) {
      lines.push(`  ${op.key}${op.summary ? ` — ${clip(op.summary)}` : ''}${facadeOf(op.key)}`);
    }
  }
  if (result.renamed.length) {
    lines.push('', `Renamed (${result.renamed.length}):`);
    for (const r of result.renamed) {
      const what = r.params.map((p) => `${code(p.from)} → ${code(p.to)}`).join(', ');
      lines.push(`  ${r.key} → ${r.to} (path parameter ${what})${facadeOf(r.key)}`);
      changeLines(r.changes, '      ');
    }
  }
  if (result.changed.length) {
    lines.push('', `Changed (${result.changed.length}):`);
    for (const op of result.changed) {
      lines.push(`  ${op.key}${facadeOf(op.key)}`);
      changeLines(op.changes, '      ');
    }
  }
  if (!result.added.length && !result.removed.length && !result.renamed.length && !result.changed.length) {
    lines.push('', 'No operation was added, removed or changed.');
  }

  if (warnings.length) {
    lines.push('', `The facade may break callers (${warnings.length}):`);
    for (const w of warnings) lines.push(`  ${w}`);
  }
  if (problems.length) {
    lines.push('', `The facade cannot work with this spec (${plural(problems.length, 'problem')}):`);
    for (const p of problems) lines.push(`  ${p}`);
  }
  return lines.join('\n') + '\n';
}
