// scripts/facade-operations.json tells `generate` and `spec:update` which operations the facade needs.
// This proves the list is exactly what the resources call, so those checks cannot drift from src/: it
// walks the client, calls every method it finds once, and records the routes that went out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inputs } from '../../generated/operations';
import { PortkeyAdmin } from '../../src/index';

const manifest: Record<string, string> = JSON.parse(readFileSync('scripts/facade-operations.json', 'utf8'));

/** Hand-written methods (no table entry, so no route on them), called with valid arguments. */
const handWritten: Record<string, (portkey: PortkeyAdmin) => Promise<unknown>> = {
  'portkey.integrations.models.delete': (p) => p.integrations.models.delete('s', { slugs: ['gpt-4o'] }),
  'portkey.prompts.completions.create': (p) => p.prompts.completions.create('x', { variables: {} }),
  'portkey.mcpServers.connections.delete': (p) => p.mcpServers.connections.delete('s', { user_id: 'u' }),
  'portkey.apiKeys.create': (p) => p.apiKeys.create('workspace', 'service', { name: 'n', scopes: [] }),
  'portkey.apiKeys.rotate': (p) => p.apiKeys.rotate('k', { key_transition_period_ms: 3_600_000 }),
  // Polls an export the fake server never finishes: the time limit ends it (and it cancels the export).
  'portkey.logs.exports.run': (p) =>
    p.logs.exports.run({ filters: {}, requested_data: ['id'] }, { timeLimit: 50, pollInterval: 5 }).catch(() => {}),
};

/** Every method of the client's resources, by its public name, with the route its table gives it. */
function methodsOf(node: object, name: string, out = new Map<string, { fn: any; route?: string }>()) {
  for (const key of Object.keys(node)) {
    const child = (node as any)[key];
    if (child && typeof child === 'object' && !Array.isArray(child)) methodsOf(child, `${name}.${key}`, out);
  }
  for (
    let proto = Object.getPrototypeOf(node);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const fn = proto[key];
      if (key === 'constructor' || typeof fn !== 'function' || out.has(`${name}.${key}`)) continue;
      out.set(`${name}.${key}`, { fn, route: fn.route });
    }
  }
  return out;
}

/**
 * Arguments a route accepts: a value per path parameter, then its input with the fields (or query parameters)
 * the spec requires; a paging parameter gets a page number, which the page check accepts.
 */
function argsFor(route: string): unknown[] {
  const params = route.match(/\{[^}]+\}/g) ?? [];
  const spec = inputs[route];
  const input = spec
    ? Object.fromEntries(
        spec
          .split(' ')
          .slice(1)
          .map((field) => [field, /page/.test(field) ? 1 : 'x']),
      )
    : undefined;
  const body = spec && Object.keys(input!).length === 0 && spec[0] === 'B' ? { any: 'x' } : input;
  return [...params.map(() => 'x'), ...(spec ? [body] : [])];
}

function templateOf(pathname: string): string {
  const templates = Object.keys(manifest).map((k) => k.split(' ')[1]!);
  const match = templates.find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
  return match ?? pathname;
}

describe('scripts/facade-operations.json', () => {
  it('lists exactly the operations the resources call, under the names they have', async () => {
    const called = new Map<string, string>();
    let current = '';
    const portkey = new PortkeyAdmin({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:9/v1',
      gatewayUrl: 'http://127.0.0.1:9/v1',
      fetch: async (url, init) => {
        called.set(`${init.method} ${templateOf(new URL(url).pathname.replace(/^\/v1/, ''))}`, current);
        return new Response('{"data":[],"total":0}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const methods = methodsOf(portkey, 'portkey');
    for (const [name, { fn, route }] of methods) {
      current = name;
      if (route) await fn.apply(getOwner(portkey, name), argsFor(route));
      else if (handWritten[name]) await handWritten[name](portkey);
      else throw new Error(`${name} has no route and no entry in handWritten`);
    }
    expect(Object.fromEntries([...called].sort())).toEqual(
      Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : 1))),
    );
  });
});

function getOwner(portkey: PortkeyAdmin, name: string): object {
  return name
    .split('.')
    .slice(1, -1)
    .reduce<any>((o, key) => o[key], portkey);
}
