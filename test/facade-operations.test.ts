// scripts/facade-operations.json tells `generate` and `spec:update` which operations the facade needs.
// This proves the list is exactly what the resources call, so those checks cannot drift from src/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PortkeyAdmin } from '../src/index';

const manifest: Record<string, string> = JSON.parse(readFileSync('scripts/facade-operations.json', 'utf8'));

/** Calls every resource method once with valid arguments. */
async function callEveryMethod(portkey: PortkeyAdmin): Promise<void> {
  const i = portkey.integrations;
  await i.list({ page_size: 1 });
  await i.create({ name: 'n', ai_provider_id: 'openai' });
  await i.retrieve('s');
  await i.update('s', { name: 'n' });
  await i.delete('s');
  await i.models.list('s');
  await i.models.update('s', { models: [{ slug: 'gpt-4o', enabled: true }] });
  await i.models.delete('s', { slugs: ['gpt-4o'] });
  await i.workspaces.list('s');
  await i.workspaces.update('s', { workspaces: [{ id: 'w', enabled: true }] });
}

function templateOf(pathname: string): string {
  const templates = Object.keys(manifest).map((k) => k.split(' ')[1]!);
  const match = templates.find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
  return match ?? pathname;
}

describe('scripts/facade-operations.json', () => {
  it('lists exactly the operations the resources call', async () => {
    const called = new Set<string>();
    const portkey = new PortkeyAdmin({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:9/v1',
      fetch: async (url, init) => {
        called.add(`${init.method} ${templateOf(new URL(url).pathname.replace(/^\/v1/, ''))}`);
        return new Response('{"data":[],"total":0}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await callEveryMethod(portkey);
    expect([...called].sort()).toEqual(Object.keys(manifest).sort());
  });

  it('names methods that exist on the client', () => {
    const portkey = new PortkeyAdmin({ apiKey: 'k' });
    for (const name of Object.values(manifest)) {
      const target = name
        .split('.')
        .slice(1)
        .reduce<any>((o, key) => o?.[key], portkey);
      expect(typeof target, name).toBe('function');
    }
  });
});
