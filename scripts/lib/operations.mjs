// What the facade needs to know of each operation, keyed by route ('GET /integrations/{slug}'):
// - for the type checker, a precomputed lookup (the operation, its path parameters as a labelled tuple,
//   what its input argument is), so that a call is an indexed access rather than a search of `paths`;
// - at run time, for the operations that take an input, what it is (an object body, an array body, or
//   both, or a query) and which body fields or query parameters the spec requires, so that resources never
//   restate the spec.
import { deref, listOperations } from './spec.mjs';

/** `sub-type` → `subType`: a tuple label must be an identifier. */
function label(name) {
  const camel = name.replace(/[^A-Za-z0-9_$]+(.)?/g, (_, c) => (c ? c.toUpperCase() : ''));
  return /^[A-Za-z_$]/.test(camel) ? camel : `_${camel}`;
}

/** The top-level fields a JSON body schema requires (through `allOf`); none for a union. */
function requiredFields(doc, schema, seen = new Set()) {
  schema = deref(doc, schema);
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const own = Array.isArray(schema.required) ? schema.required.filter((f) => typeof f === 'string') : [];
  const inherited = Array.isArray(schema.allOf) ? schema.allOf.flatMap((s) => requiredFields(doc, s, seen)) : [];
  return [...new Set([...own, ...inherited])];
}

/**
 * The forms a JSON body takes: `object`, the schema of an object body (absent when the body is an array
 * alone), and `items`, the schema of an array body's items (absent when it cannot be an array). A union
 * with one array form and one other splits into both.
 */
function bodyForms(doc, schema) {
  schema = deref(doc, schema);
  if (schema?.type === 'array') return { items: deref(doc, schema.items) ?? {} };
  const forms = (schema?.oneOf ?? schema?.anyOf ?? []).map((s) => deref(doc, s));
  const arrays = forms.filter((s) => s?.type === 'array');
  if (!arrays.length) return { object: schema };
  const others = forms.filter((s) => s?.type !== 'array');
  return {
    object: others.length === 1 ? others[0] : others.length ? schema : undefined,
    items: arrays.length === 1 ? (deref(doc, arrays[0].items) ?? {}) : {},
  };
}

/** Path, then operation, parameters (the operation's win), dereferenced. */
function parametersOf(doc, pathItem, operation) {
  const byKey = new Map();
  for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const param = deref(doc, p);
    if (param?.name && param.in) byKey.set(`${param.in} ${param.name}`, param);
  }
  return [...byKey.values()];
}

/**
 * The facts, per route: `{ route, path, method, names, input, required, fields, array, bodyQuery }`. `fields`
 * are what a required input must hold: the body's required fields (each item's, for an array body), or the
 * required query parameters. `array` is 'only' or 'also' when the body may be an array.
 */
export function operationFacts(doc) {
  return listOperations(doc)
    .filter(({ method }) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map(({ method, path, operation, pathItem }) => {
      const params = parametersOf(doc, pathItem, operation);
      const query = params.filter((p) => p.in === 'query');
      const requestBody = deref(doc, operation.requestBody);
      const json = requestBody?.content?.['application/json'];
      const names = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
      let input = 'none';
      let required = false;
      let fields = [];
      let array;
      if (json) {
        input = 'body';
        required = requestBody.required === true;
        const forms = bodyForms(doc, json.schema);
        if (forms.items) array = forms.object ? 'also' : 'only';
        if (required) {
          const own = forms.object ? requiredFields(doc, forms.object) : [];
          const each = forms.items ? requiredFields(doc, forms.items) : [];
          // One list serves both forms of an either-or body: only what both require, so nothing valid is refused.
          fields = !forms.items ? own : !forms.object ? each : own.filter((f) => each.includes(f));
        }
      } else if (query.length) {
        input = 'query';
        fields = query.filter((p) => p.required === true).map((p) => p.name);
        required = fields.length > 0;
      }
      return {
        route: `${method.toUpperCase()} ${path}`,
        path,
        method,
        names,
        input,
        required,
        fields,
        array,
        bodyQuery: Boolean(json) && query.length > 0,
      };
    });
}

export function renderOperations(doc) {
  const facts = operationFacts(doc);
  const types = facts.map((f) => {
    const tuple = f.names.map((n) => `${label(n)}: string`).join(', ');
    const input = f.input === 'none' ? `'none'` : `'${f.input}${f.required ? '' : '?'}'`;
    return [
      `  ${JSON.stringify(f.route)}: {`,
      `    op: paths[${JSON.stringify(f.path)}][${JSON.stringify(f.method)}];`,
      `    path: [${tuple}];`,
      `    input: ${input};`,
      ...(f.bodyQuery ? ['    bodyQuery: true;'] : []),
      '  };',
    ].join('\n');
  });
  // Run-time entries only for operations that take an input: its kind ('b' an object body, 'a' an array
  // body, 'ba' either, 'q' a query), upper case when it is required, then what the spec requires it to hold.
  const inputs = facts
    .filter((f) => f.input !== 'none')
    .map((f) => {
      const code = f.input === 'query' ? 'q' : f.array === 'only' ? 'a' : f.array ? 'ba' : 'b';
      const spec = [f.required ? code.toUpperCase() : code, ...f.fields].join(' ');
      return `  ${JSON.stringify(f.route)}: ${JSON.stringify(spec)},`;
    });
  return `
import type { paths } from './portkey';

/**
 * Every operation by route: the operation's types, its path parameters in route order, and its input
 * argument: 'body' or 'query' (with '?' when optional), or 'none'. \`bodyQuery\` marks an operation with
 * both a body and query parameters (the query then goes in the call's options).
 */
export interface Routes {
${types.join('\n')}
}

export type RouteKey = keyof Routes;

/**
 * The operations that take an input, with what it is: 'b' a JSON object body, 'a' a JSON array body, 'ba'
 * either, 'q' a query object (upper case: required), then what a required input must hold: the body fields
 * the spec requires (of each item, for an array), or the query parameters it requires. Operations not
 * listed take neither.
 */
export const inputs: { readonly [route: string]: string } = {${inputs.length ? `\n${inputs.join('\n')}\n` : ''}};

/** Every route, for what needs to recognise a request (the testing mock); the client itself never reads it. */
export const routeKeys: readonly RouteKey[] = [${facts.length ? `\n${facts.map((f) => `  ${JSON.stringify(f.route)},`).join('\n')}\n` : ''}];
`;
}
