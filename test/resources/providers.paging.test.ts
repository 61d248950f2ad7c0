// The lists of the providers group whose paging is not plain zeroBased, walked against local servers:
// virtual keys (the spec requires both paging parameters, so the facade supplies them), configs (one
// answer holds the whole list) and config versions (no paging parameters in the spec; the walk ends on
// `total`).
import { describe, expect, it } from 'vitest';
import { VIRTUAL_KEYS_FIRST_PAGE } from '../../src/index';
import { clientFor, closeServersAfterEach, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ slug: `vk-${i}`, object: 'virtual-key' }));

/** A zero-based list over `items`, answering `{ object, total, data }` (or without total). */
async function zeroBasedServer(items: { slug: string }[], withTotal = true) {
  return server((req, res) => {
    const q = new URL(req.url, 'http://x').searchParams;
    const size = Number(q.get('page_size'));
    const page = Number(q.get('current_page'));
    const data = items.slice(page * size, page * size + size);
    json(res, 200, withTotal ? { object: 'list', total: items.length, data } : { object: 'list', data });
  });
}
const queries = (s: { requests: { url: string }[] }) =>
  s.requests.map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams));

describe('virtualKeys.list: the facade supplies the required paging parameters', () => {
  it('with no arguments: from page 0, 50 a page, walking every page to a short last one', async () => {
    const s = await zeroBasedServer(keys(120));
    const slugs: string[] = [];
    for await (const key of clientFor(s.url).virtualKeys.list()) slugs.push(key.slug!);
    expect(slugs).toEqual(keys(120).map((k) => k.slug));
    expect(queries(s)).toEqual([
      { current_page: '0', page_size: '50' },
      { current_page: '1', page_size: '50' },
      { current_page: '2', page_size: '50' },
    ]);
    expect(VIRTUAL_KEYS_FIRST_PAGE).toEqual({ current_page: 0, page_size: 50 });
  });

  it('.pages() with a page size of its own: several pages, the last one short, ending on total', async () => {
    const s = await zeroBasedServer(keys(23));
    const sizes: number[] = [];
    for await (const page of clientFor(s.url).virtualKeys.list({ page_size: 10 }).pages())
      sizes.push(page.data!.length);
    expect(sizes).toEqual([10, 10, 3]);
    expect(queries(s).map((q) => q.current_page)).toEqual(['0', '1', '2']);
  });

  it('ends on a short page when the server sends no total, and starts where it is told', async () => {
    const s = await zeroBasedServer(keys(25), false);
    const slugs: string[] = [];
    for await (const key of clientFor(s.url).virtualKeys.list({ current_page: 1, page_size: 10 }))
      slugs.push(key.slug!);
    expect(slugs).toEqual(
      keys(25)
        .slice(10)
        .map((k) => k.slug),
    );
    expect(queries(s).map((q) => q.current_page)).toEqual(['1', '2']);
  });

  it('ends on total when the last page is full', async () => {
    const s = await zeroBasedServer(keys(20));
    let count = 0;
    for await (const _ of clientFor(s.url).virtualKeys.list({ page_size: 10 })) count++;
    expect(count).toBe(20);
    expect(s.requests).toHaveLength(2);
  });

  it('awaited: one page, with the defaults sent', async () => {
    const s = await zeroBasedServer(keys(3));
    const page = await clientFor(s.url).virtualKeys.list();
    expect(page.data).toHaveLength(3);
    expect(queries(s)).toEqual([{ current_page: '0', page_size: '50' }]);
  });
});

describe('configs.list: `{ success, data }`, the whole list in one answer', () => {
  const configs = Array.from({ length: 7 }, (_, i) => ({ slug: `pc-config-${i}`, name: `Config ${i}` }));

  it('for await yields every config from one request; .pages() yields that one page', async () => {
    const s = await server((req, res) => json(res, 200, { success: true, data: configs }));
    const portkey = clientFor(s.url);
    const slugs: string[] = [];
    for await (const c of portkey.configs.list()) slugs.push(c.slug!);
    expect(slugs).toEqual(configs.map((c) => c.slug));
    const pages: unknown[] = [];
    for await (const page of portkey.configs.list().pages()) pages.push(page);
    expect(pages).toEqual([{ success: true, data: configs }]);
    // No paging parameter sent, and no second request, whatever the list's length.
    expect(s.requests.map((r) => r.url)).toEqual(['/configs', '/configs']);
  });

  it('an empty list ends at once', async () => {
    const s = await server((req, res) => json(res, 200, { success: true, data: [] }));
    let count = 0;
    for await (const _ of clientFor(s.url).configs.list()) count++;
    expect(count).toBe(0);
    expect(s.requests).toHaveLength(1);
  });
});

describe('configs.versions.list: no paging parameters in the spec, the walk ends on total', () => {
  const versions = Array.from({ length: 12 }, (_, i) => ({ version_id: `v-${i}` }));

  it('a server that answers every version at once: one request', async () => {
    const s = await server((req, res) => json(res, 200, { object: 'list', total: 12, data: versions }));
    const ids: string[] = [];
    for await (const v of clientFor(s.url).configs.versions.list('pc-fallback-4o-9d2c1b')) ids.push(v.version_id!);
    expect(ids).toEqual(versions.map((v) => v.version_id));
    expect(s.requests.map((r) => r.url)).toEqual(['/configs/pc-fallback-4o-9d2c1b/versions']);
  });

  it('a server that pages anyway: the next pages by current_page, until total', async () => {
    const s = await server((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('current_page') ?? 0);
      json(res, 200, { object: 'list', total: 12, data: versions.slice(page * 5, page * 5 + 5) });
    });
    const ids: string[] = [];
    for await (const v of clientFor(s.url).configs.versions.list('pc-fallback-4o-9d2c1b')) ids.push(v.version_id!);
    expect(ids).toEqual(versions.map((v) => v.version_id));
    expect(queries(s).map((q) => q.current_page)).toEqual([undefined, '1', '2']);
  });
});
