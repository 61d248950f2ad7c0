// Auto-pagination against a local server that serves several pages of integrations.
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { APIUserAbortError, PortkeyAdmin, PortkeyError } from '../../src/index';
import { json, startServer, type LocalServer } from '../helpers/local-server';

const TOTAL = 23;
const all = Array.from({ length: TOTAL }, (_, i) => ({ slug: `integration-${i}`, name: `Integration ${i}` }));

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves `/integrations?current_page&page_size` from `all`, optionally slowly or without `total`. */
async function pagedServer(
  opts: { delayMs?: number; withTotal?: boolean; defaultPageSize?: number; maxPageSize?: number } = {},
) {
  server = await startServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const page = Number(url.searchParams.get('current_page') ?? 0);
    const asked = Number(url.searchParams.get('page_size') ?? opts.defaultPageSize ?? 10);
    const size = Math.min(asked, opts.maxPageSize ?? asked);
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    const data = all.slice(page * size, page * size + size);
    json(res, 200, opts.withTotal === false ? { object: 'list', data } : { object: 'list', total: TOTAL, data });
  });
  return new PortkeyAdmin({ apiKey: 'pk-test', baseUrl: server.url, maxRetries: 0 });
}

const pagesRequested = () =>
  server!.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('current_page') ?? '0');

describe('integrations.list pagination', () => {
  it('awaited, returns one page as the server sent it', async () => {
    const portkey = await pagedServer();
    const page = await portkey.integrations.list({ page_size: 5, current_page: 1 });
    expect(page.total).toBe(TOTAL);
    expect(page.data?.map((i) => i.slug)).toEqual([
      'integration-5',
      'integration-6',
      'integration-7',
      'integration-8',
      'integration-9',
    ]);
    expect(server!.requests).toHaveLength(1);
  });

  it('iterated, yields every item of every page once, in order, and stops at total', async () => {
    const portkey = await pagedServer();
    const slugs: string[] = [];
    for await (const integration of portkey.integrations.list({ page_size: 5 })) slugs.push(integration.slug!);
    expect(slugs).toEqual(all.map((i) => i.slug));
    expect(pagesRequested()).toEqual(['0', '1', '2', '3', '4']);
  });

  it('a server that serves fewer than asked (a cap below page_size) is walked to total, not stopped at its first page', async () => {
    const portkey = await pagedServer({ maxPageSize: 10 });
    const slugs: string[] = [];
    for await (const integration of portkey.integrations.list({ page_size: 100 })) slugs.push(integration.slug!);
    expect(slugs).toEqual(all.map((i) => i.slug));
    expect(pagesRequested()).toEqual(['0', '1', '2']);
  });

  it('leaves no listener on the caller’s signal, after a whole walk or an early break', async () => {
    const portkey = await pagedServer();
    const controller = new AbortController();
    let count = 0;
    for await (const _ of portkey.integrations.list({ page_size: 5 }, { signal: controller.signal })) count++;
    expect(count).toBe(TOTAL);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    for await (const _ of portkey.integrations.list({ page_size: 5 }, { signal: controller.signal })) break;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('stops on a short page when the server sends no total', async () => {
    const portkey = await pagedServer({ withTotal: false });
    let count = 0;
    for await (const _ of portkey.integrations.list({ page_size: 10 })) count++;
    expect(count).toBe(TOTAL);
    expect(pagesRequested()).toEqual(['0', '1', '2']);
  });

  it("uses the first page's length as the page size when none is given", async () => {
    const portkey = await pagedServer({ withTotal: false, defaultPageSize: 4 });
    let count = 0;
    for await (const _ of portkey.integrations.list()) count++;
    expect(count).toBe(TOTAL);
    expect(server!.requests).toHaveLength(6);
  });

  it('requests the next page while the caller is still on the current one (prefetch)', async () => {
    const portkey = await pagedServer();
    const iterator = portkey.integrations.list({ page_size: 10 })[Symbol.asyncIterator]();
    await iterator.next(); // first item of page 0
    await new Promise((r) => setTimeout(r, 50));
    // Only one item consumed, yet page 1 has already been asked for, and nothing beyond it.
    expect(pagesRequested()).toEqual(['0', '1']);
    await iterator.return?.();
  });

  it('holds at most the page being consumed and the one being fetched', async () => {
    const portkey = await pagedServer();
    let consumed = 0;
    for await (const _ of portkey.integrations.list({ page_size: 5 })) {
      consumed++;
      const pagesFetched = server!.requests.length;
      // pages fully or partly consumed, plus at most one ahead
      expect(pagesFetched).toBeLessThanOrEqual(Math.ceil(consumed / 5) + 1);
    }
    expect(consumed).toBe(TOTAL);
  });

  it('an early break stops paging and cancels the prefetch', async () => {
    const portkey = await pagedServer({ delayMs: 30 });
    const seen: string[] = [];
    for await (const integration of portkey.integrations.list({ page_size: 5 })) {
      seen.push(integration.slug!);
      if (seen.length === 7) break;
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(7);
    expect(server!.requests.length).toBeLessThanOrEqual(3);
  });

  it('honours the caller signal between pages', async () => {
    const portkey = await pagedServer({ delayMs: 20 });
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const integration of portkey.integrations.list({ page_size: 5 }, { signal: controller.signal })) {
        seen.push(integration.slug!);
        if (seen.length === 6) controller.abort();
      }
    })();
    await expect(run).rejects.toBeInstanceOf(APIUserAbortError);
    expect(seen.length).toBeLessThan(TOTAL);
  });

  it('a signal aborted after the first page arrived, before the walk began, stops the walk', async () => {
    const portkey = await pagedServer();
    const controller = new AbortController();
    const list = portkey.integrations.list({ page_size: 5 }, { signal: controller.signal });
    await list;
    controller.abort();
    const seen: string[] = [];
    const walk = (async () => {
      for await (const integration of list) seen.push(integration.slug!);
    })();
    await expect(walk).rejects.toBeInstanceOf(APIUserAbortError);
    // The first page was already there and is yielded; nothing was asked for after the abort.
    expect(server!.requests).toHaveLength(1);
    expect(seen).toEqual(all.slice(0, 5).map((i) => i.slug));
  });

  it.each([
    ['a single page', 50, TOTAL],
    ['many pages', 5, 5],
  ])(
    'an abort before the walk of %s ends it with the caller’s reason, not as if it had run its course',
    async (_what, pageSize, yielded) => {
      const portkey = await pagedServer();
      const controller = new AbortController();
      const list = portkey.integrations.list({ page_size: pageSize }, { signal: controller.signal });
      await list;
      const reason = new Error('deploy cancelled');
      controller.abort(reason);
      const seen: string[] = [];
      const walk = (async () => {
        for await (const integration of list) seen.push(integration.slug!);
      })();
      await expect(walk).rejects.toMatchObject({ name: 'APIUserAbortError', cause: reason });
      await expect(walk).rejects.toBeInstanceOf(APIUserAbortError);
      // The first page was there already and is yielded; nothing is asked for after the abort.
      expect(seen).toHaveLength(yielded);
      expect(server!.requests).toHaveLength(1);
    },
  );

  it('refuses a page_size of 0 or a negative page before sending anything', async () => {
    const portkey = await pagedServer();
    await expect(portkey.integrations.list({ page_size: 0 })).rejects.toThrow(/page_size must be an integer ≥ 1/);
    await expect(portkey.integrations.list({ current_page: -1 })).rejects.toThrow(PortkeyError);
    await expect(portkey.integrations.list({ page_size: 2.5 })).rejects.toThrow(PortkeyError);
    // the same refusal reaches a for-await loop, and a .catch attached to the call
    const loop = (async () => {
      for await (const _ of portkey.integrations.list({ page_size: -5 })) void _;
    })();
    await expect(loop).rejects.toThrow(PortkeyError);
    const caught = await portkey.integrations.create({} as never).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(PortkeyError);
    expect(server!.requests).toHaveLength(0);
  });
});
