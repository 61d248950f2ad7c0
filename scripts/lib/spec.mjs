// Reading a Portkey OpenAPI document and the facts the codegen needs from it.
// Node-only (scripts/), never shipped.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Parse a YAML (or JSON) spec with anchors and merge keys resolved. */
export function loadSpec(file) {
  const text = readFileSync(file, 'utf8');
  // Portkey's spec reuses server lists and schemas through anchors; aliases are unbounded there.
  const doc = parse(text, { merge: true, maxAliasCount: -1 });
  if (!doc || typeof doc !== 'object' || typeof doc.paths !== 'object' || doc.paths === null) {
    throw new Error(`${file} is not an OpenAPI document: it has no "paths" object.`);
  }
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    throw new Error(`${file} is not an OpenAPI 3.x document (openapi: ${JSON.stringify(doc.openapi)}).`);
  }
  return doc;
}

/** Every operation in the spec as `{ method, path, operation, pathItem }`, in spec order. */
export function listOperations(doc) {
  const out = [];
  for (const [path, pathItem] of Object.entries(doc.paths)) {
    if (!pathItem || typeof pathItem !== 'object') continue;
    for (const method of HTTP_METHODS) {
      if (pathItem[method]) out.push({ method, path, operation: pathItem[method], pathItem });
    }
  }
  return out;
}

const CONTROL_PLANE_PLACEHOLDER = 'SELF_HOSTED_CONTROL_PLANE_URL';
const GATEWAY_PLACEHOLDER = 'SELF_HOSTED_GATEWAY_URL';

/**
 * Which server a `servers` list means:
 * - 'control'  a list naming the self-hosted control-plane placeholder (with or without a scheme);
 * - 'gateway'  a list naming the self-hosted gateway placeholder;
 * - a URL      only real URLs: the first one is where the path lives, whatever the client's base URL;
 * - undefined  no list: inherit.
 */
export function classifyServers(servers) {
  if (!Array.isArray(servers) || servers.length === 0) return undefined;
  const urls = servers.map((s) => String(s?.url ?? ''));
  if (urls.some((u) => u.includes(CONTROL_PLANE_PLACEHOLDER))) return 'control';
  if (urls.some((u) => u.includes(GATEWAY_PLACEHOLDER))) return 'gateway';
  const fixed = urls.find((u) => /^https?:\/\//i.test(u));
  if (!fixed) throw new Error(`A servers list has no usable URL: ${JSON.stringify(urls)}`);
  return fixed.replace(/\/+$/, '');
}

/**
 * The route table: for every path, where it is served. A path whose operations disagree gets an
 * object keyed by method (with '*' for the path's own servers).
 */
export function buildRoutes(doc) {
  const routes = {};
  for (const [path, pathItem] of Object.entries(doc.paths)) {
    if (!pathItem || typeof pathItem !== 'object') continue;
    const pathRoute = classifyServers(pathItem.servers) ?? 'default';
    const overrides = {};
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!op) continue;
      const opRoute = classifyServers(op.servers);
      if (opRoute !== undefined && opRoute !== pathRoute) overrides[method] = opRoute;
    }
    routes[path] = Object.keys(overrides).length ? { '*': pathRoute, ...overrides } : pathRoute;
  }
  return routes;
}

/**
 * The operations the spec serves without authentication (`security: []` on the operation, or at the root
 * for an operation that declares none), as 'METHOD /path'. The client must not send them the API key.
 */
export function anonymousOperations(doc) {
  const rootAnonymous = Array.isArray(doc.security) && doc.security.length === 0;
  return listOperations(doc)
    .filter(({ operation }) =>
      Array.isArray(operation.security) ? operation.security.length === 0 : rootAnonymous && !operation.security,
    )
    .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
}

/** `#/components/…` → the object it points at; anything else as it is. */
export function deref(doc, node, seen = new Set()) {
  while (node && typeof node.$ref === 'string' && node.$ref.startsWith('#/') && !seen.has(node.$ref)) {
    seen.add(node.$ref);
    node = node.$ref
      .slice(2)
      .split('/')
      .reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return node;
}
