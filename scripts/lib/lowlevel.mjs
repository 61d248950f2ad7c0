// The precomputed types of the typed low-level calls (`portkey.get(path, init)` and its kin), per method and
// path: what the call takes and what it answers, written out by the codegen as indexed accesses into the
// generated `paths`. The checker then looks a call up instead of working it out through openapi-fetch's and
// openapi-typescript-helpers' conditional types over every path of the spec (about 48,000 type instantiations
// for one call at Portkey's 231 operations; a lookup is a few dozen whatever the spec's size).
//
// Each entry means exactly what openapi-fetch's `ParamsOption<Op> & RequestBodyOption<Op>` and
// openapi-typescript-helpers' `SuccessResponse<ResponseObjectMap<Op>, `${string}/json`>` mean for the same
// operation (test/types.lowlevel.test-d.ts checks every route of the spec against them), read from the spec
// with openapi-typescript's rules: a parameter location is required when it holds a required parameter (path
// parameters always are), the body when `requestBody.required` is true; the result is the union, over the
// success statuses openapi-typescript-helpers knows (`OkStatus`), of the JSON contents (every media type
// ending in `/json`), of the whole content map when a status has content but none of it JSON, and of
// `undefined` for a status without content or when there is no success status at all.
import { deref, listOperations } from './spec.mjs';

export const LOW_LEVEL_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
// openapi-typescript-helpers' OkStatus, in its order.
const OK_STATUSES = ['200', '201', '202', '203', '204', '206', '207', '2XX'];
const LOCATIONS = ['query', 'header', 'path', 'cookie'];

/** Path, then operation, parameters (the operation's win), dereferenced; path ones named in the template too. */
function parametersOf(doc, path, pathItem, operation) {
  const byKey = new Map();
  for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const param = deref(doc, p);
    if (param?.name && param.in) byKey.set(`${param.in} ${param.name}`, param);
  }
  return [...byKey.values()];
}

const key = (k) => JSON.stringify(k);
const statusKey = (s) => (/^\d+$/.test(s) ? s : key(s));

/** One entry's facts: `{ method, path, paramsRequired, body, result }` with `body`: 'none' | 'required' | 'optional'. */
export function lowLevelFacts(doc) {
  return listOperations(doc)
    .filter(({ method }) => LOW_LEVEL_METHODS.includes(method))
    .map(({ method, path, operation, pathItem }) => {
      const params = parametersOf(doc, path, pathItem, operation);
      const paramsRequired = LOCATIONS.some((where) =>
        params.some((p) => p.in === where && (where === 'path' || p.required === true)),
      );
      const requestBody = operation.requestBody ? deref(doc, operation.requestBody) : undefined;
      const bodyMedia = Object.keys(requestBody?.content ?? {}).filter((m) => /^[^/]*\/.*$/.test(m));
      const body = !requestBody || !bodyMedia.length ? 'none' : requestBody.required === true ? 'required' : 'optional';
      const responses = operation.responses ?? {};
      const results = [];
      for (const status of OK_STATUSES) {
        if (!(status in responses)) continue;
        const response = deref(doc, responses[status]);
        const content = response?.content;
        if (!content || typeof content !== 'object' || !Object.keys(content).length) {
          results.push({ status });
          continue;
        }
        const json = Object.keys(content).filter((m) => m.endsWith('/json'));
        results.push({ status, media: json.length ? json : undefined });
      }
      return { method, path, paramsRequired, body, bodyMedia, results };
    });
}

function renderEntry(f) {
  const op = `paths[${key(f.path)}][${key(f.method)}]`;
  const params = `params${f.paramsRequired ? '' : '?'}: ${op}["parameters"]`;
  const bodyType = (root) => f.bodyMedia.map((m) => `${root}["content"][${key(m)}]`).join(' | ');
  const body =
    f.body === 'none'
      ? 'body?: undefined'
      : f.body === 'required'
        ? `body: ${bodyType(`${op}["requestBody"]`)}`
        : `body?: ${bodyType(`NonNullable<${op}["requestBody"]>`)} | undefined`;
  const parts = new Set();
  for (const r of f.results) {
    const response = `${op}["responses"][${statusKey(r.status)}]`;
    if (!r.media && !('media' in r)) parts.add('undefined');
    else if (!r.media) parts.add(`${response}["content"]`);
    else for (const m of r.media) parts.add(`${response}["content"][${key(m)}]`);
  }
  if (!parts.size) parts.add('undefined');
  const optional = !f.paramsRequired && f.body !== 'required';
  return [
    `    ${key(f.path)}: {`,
    `      init: { ${params}; ${body} };`,
    ...(optional ? ['      optional: true;'] : []),
    `      result: ${[...parts].join(' | ')};`,
    '    };',
  ].join('\n');
}

export function renderLowLevel(doc) {
  const facts = lowLevelFacts(doc);
  const byMethod = LOW_LEVEL_METHODS.map((m) => [m, facts.filter((f) => f.method === m)]);
  const unions = byMethod.map(([m, fs]) => `  ${m}: ${fs.length ? fs.map((f) => key(f.path)).join(' | ') : 'never'};`);
  // Near matches of a wrong path: the paths of the method under each first segment.
  const near = byMethod.map(([m, fs]) => {
    const groups = new Map();
    for (const f of fs) {
      const segment = f.path.split('/')[1] ?? '';
      groups.set(segment, [...(groups.get(segment) ?? []), f.path]);
    }
    const lines = [...groups].map(([segment, ps]) => `    ${key(segment)}: ${ps.map(key).join(' | ')};`);
    return `  ${m}: {${lines.length ? `\n${lines.join('\n')}\n  ` : ''}};`;
  });
  const tables = byMethod.map(([m, fs]) => `  ${m}: {${fs.length ? `\n${fs.map(renderEntry).join('\n')}\n  ` : ''}};`);
  return `
import type { paths } from './portkey';

/** The paths each low-level method serves (\`portkey.get(path)\` takes \`LowLevelPaths['get']\`). */
export interface LowLevelPaths {
${unions.join('\n')}
}

/** The paths of each method by first segment: what a wrong path under that segment is reported against. */
export interface LowLevelNear {
${near.join('\n')}
}

/**
 * Per method and path, what a low-level call takes (\`init\`: its params and body, without the per-call options;
 * \`optional\` when nothing in it is required) and what it answers on success (\`result\`): the same types as
 * openapi-fetch's \`ParamsOption\` & \`RequestBodyOption\` and openapi-typescript-helpers' \`SuccessResponse\` (JSON),
 * worked out here once rather than by the user's compiler on every call.
 */
export interface LowLevelRoutes {
${tables.join('\n')}
}
`;
}
