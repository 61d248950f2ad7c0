// What the core checks and sends for a table entry, from the generated `inputs` alone: required query
// parameters, array bodies, and a list whose spec requires its paging parameters. Each test points at a
// local server that answers 200 to anything, so a missing check shows as a request the server saw.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { zeroBased } from '../../src/core/pagination';
import { paged, resource } from '../../src/core/resource';
import { Transport } from '../../src/core/transport';
import { APIError, PortkeyError } from '../../src/index';
import { clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';
import { otherRequiredQuery } from '../helpers/spec-inputs';

closeServersAfterEach();

async function refusal(promise: PromiseLike<unknown>, message: string): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(PortkeyError);
  expect(error).not.toBeInstanceOf(APIError);
  expect(error.message).toBe(message);
}

/** A transport to a server answering `answer`, and the requests it saw. */
async function target(answer: (url: URL) => unknown = () => ({})) {
  const s = await server((req, res) => json(res, 200, answer(new URL(req.url, 'http://x'))));
  const transport = new Transport(resolveConfig({ apiKey: 'pk-test', baseUrl: s.url, maxRetries: 0, timeout: 2000 }));
  return { s, transport, portkey: clientFor(s.url, { gatewayUrl: s.url }) };
}

describe('required query parameters', () => {
  const window = { time_of_generation_min: '2026-01-01T00:00:00Z', time_of_generation_max: '2026-02-01T00:00:00Z' };

  it('a missing one is named, as a missing body field is; several are joined by "and"', async () => {
    const { s, portkey } = await target();
    await refusal(portkey.analytics.graphs.cost(window as never), 'analytics.graphs.cost needs `workspace_slug`.');
    // Ours requires the window only; Portkey's full spec (check:full-spec) also requires `organisation_id`.
    const others = otherRequiredQuery('GET /audit-logs', { start_time: 1, end_time: 1 });
    const named = (names: string[]) => names.map((name) => `\`${name}\``).join(' and ');
    await refusal(
      portkey.auditLogs.list({} as never),
      `auditLogs.list needs ${named(['start_time', 'end_time', ...Object.keys(others)])}.`,
    );
    const walk = async () => {
      for await (const _ of portkey.auditLogs.list({ ...others, start_time: '2026-01-01T00:00:00Z' } as never)) void _;
    };
    await refusal(walk(), 'auditLogs.list needs `end_time`.');
    expect(s.requests).toHaveLength(0);
    await portkey.analytics.graphs.cost({ ...window, workspace_slug: 'ws-1' });
    expect(new URL(s.requests[0]!.url, 'http://x').searchParams.get('workspace_slug')).toBe('ws-1');
  });

  it('null, undefined and a blank string are missing: the query would send nothing', async () => {
    const { s, portkey } = await target();
    for (const workspace_slug of [null, undefined, '', '  ']) {
      await refusal(
        portkey.analytics.graphs.cost({ ...window, workspace_slug } as never),
        'analytics.graphs.cost needs `workspace_slug`.',
      );
    }
    expect(s.requests).toHaveLength(0);
  });
});

describe('array bodies', () => {
  const log = { request: { url: 'u', body: {} }, response: { body: {} } };
  const Logs = resource('logs', { create: 'POST /logs' } as const);

  it('a table entry for a route whose body may be an array sends an array, or one object', async () => {
    const { s, transport } = await target();
    const logs = new Logs(transport);
    await logs.create([log, log]);
    await logs.create(log);
    expect(s.requests.map((r) => JSON.parse(r.body))).toEqual([[log, log], log]);
  });

  it('an empty array is refused (as an empty object is), each item is checked as the object form, and object-only routes refuse arrays', async () => {
    const { s, transport } = await target();
    const logs = new Logs(transport);
    await refusal(logs.create([]), 'logs.create needs a non-empty array body (the array is empty).');
    await refusal(
      logs.create([log, 'log' as never]),
      'logs.create needs a non-empty object body (item 1 of the array).',
    );
    await refusal(logs.create([log, { request: {} } as never]), 'logs.create needs `response` (item 1 of the array).');
    await refusal(logs.create({ response: {} } as never), 'logs.create needs `request`.');
    await refusal(logs.create(null as never), 'logs.create needs a non-empty object body.');
    // Where the body is an object only, an array is still refused.
    await refusal(
      new (resource('integrations', { create: 'POST /integrations' } as const))(transport).create([] as never),
      'integrations.create needs a non-empty object body.',
    );
    expect(s.requests).toHaveLength(0);
  });
});

describe('a style with a default page size', () => {
  const style = { ...zeroBased, defaultSize: 2 } as const;
  const VirtualKeys = resource('virtualKeys', { list: paged('GET /virtual-keys', style) } as const);
  const items = ['a', 'b', 'c'].map((slug) => ({ slug }));
  const answer = (url: URL) => {
    const page = Number(url.searchParams.get('current_page'));
    const size = Number(url.searchParams.get('page_size'));
    return { object: 'list', total: items.length, data: items.slice(page * size, page * size + size) };
  };

  it('sends the first page number and the size the spec requires when the caller names neither', async () => {
    const { s, transport } = await target(answer);
    const slugs: string[] = [];
    for await (const key of new VirtualKeys(transport).list()) slugs.push(key.slug!);
    expect(slugs).toEqual(['a', 'b', 'c']);
    expect(s.requests.map((r) => r.url)).toEqual([
      '/virtual-keys?current_page=0&page_size=2',
      '/virtual-keys?current_page=1&page_size=2',
    ]);
  });

  it("keeps what the caller names, and refuses what the page check refuses, under the method's name", async () => {
    const { s, transport } = await target(answer);
    const list = new VirtualKeys(transport);
    await list.list({ current_page: 1, page_size: undefined });
    await list.list(null as never);
    expect(s.requests.map((r) => r.url)).toEqual([
      '/virtual-keys?current_page=1&page_size=2',
      '/virtual-keys?current_page=0&page_size=2',
    ]);
    await refusal(list.list('page 2' as never), 'virtualKeys.list: the query must be an object.');
    await rejection(list.list({ page_size: 0 }));
    expect(s.requests).toHaveLength(2);
  });
});

describe('a method taken off its resource', () => {
  it('throws a PortkeyError saying how to call it, for a table entry and a hand-written method', () => {
    const portkey = clientFor('http://127.0.0.1:9');
    const { retrieve } = portkey.integrations;
    const { create } = portkey.apiKeys;
    expect(() => retrieve('openai-prod')).toThrow(
      new PortkeyError(
        'integrations.retrieve was called without its client: call it as portkey.integrations.retrieve(…).',
      ),
    );
    expect(() => create('workspace', 'service', { name: 'n', scopes: [] })).toThrow(PortkeyError);
    expect(() => retrieve.call({}, 'x')).toThrow(/without its client/);
  });
});
