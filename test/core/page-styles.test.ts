// Every paging style the admin lists use, walked against a local server that serves several pages in that style,
// and servers that misbehave: a walk ends cleanly or with a PortkeyError, never runs forever.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import {
  PagePromise,
  camelCase,
  oneBased,
  wholeArray,
  wholeData,
  wholeModels,
  zeroBased,
  zeroBasedMappings,
  zeroBasedRecords,
  type PageStyle,
} from '../../src/core/pagination';
import { Transport } from '../../src/core/transport';
import { PortkeyError } from '../../src/index';
import { closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

const ITEMS = Array.from({ length: 23 }, (_, i) => ({ id: `item-${i}` }));

type Answer = (query: URLSearchParams) => unknown;

/** A list at /things answering `answer(query)`, and a walker over it in `style`. */
async function listOf(style: PageStyle, answer: Answer, query?: Record<string, unknown>) {
  const s = await server((req, res) => json(res, 200, answer(new URL(req.url, 'http://x').searchParams)));
  const transport = new Transport(resolveConfig({ apiKey: 'pk-test', baseUrl: s.url, maxRetries: 0, timeout: 2000 }));
  const list = new PagePromise<any, { id: string }>(
    (q, options) => transport.request('GET', '/things', { ...options, params: { query: q } }),
    query,
    {},
    style,
    'things.list',
  );
  const asked = () => s.requests.map((r) => new URL(r.url, 'http://x').search);
  return { list, asked };
}

async function ids(list: AsyncIterable<{ id: string }>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of list) out.push(item.id);
  return out;
}

/** Slice ITEMS as a server numbering pages from `first` would. */
function slice(query: URLSearchParams, pageKey: string, sizeKey: string, first: number, fallbackSize = 10) {
  const size = Number(query.get(sizeKey) ?? fallbackSize);
  const page = Number(query.get(pageKey) ?? first) - first;
  return { items: ITEMS.slice(page * size, page * size + size), page, size };
}

const allIds = ITEMS.map((i) => i.id);

describe('page styles', () => {
  it('zeroBased: current_page/page_size from 0, ends on total', async () => {
    const { list, asked } = await listOf(
      zeroBased,
      (q) => ({ object: 'list', total: 23, data: slice(q, 'current_page', 'page_size', 0).items }),
      { page_size: 10 },
    );
    expect(await ids(list)).toEqual(allIds);
    expect(asked()).toEqual(['?page_size=10', '?page_size=10&current_page=1', '?page_size=10&current_page=2']);
  });

  it('camelCase: currentPage/pageSize from 0, ends on a short page', async () => {
    const { list, asked } = await listOf(camelCase, (q) => ({ data: slice(q, 'currentPage', 'pageSize', 0).items }), {
      pageSize: 10,
    });
    expect(await ids(list)).toEqual(allIds);
    expect(asked()).toEqual(['?pageSize=10', '?pageSize=10&currentPage=1', '?pageSize=10&currentPage=2']);
  });

  it('oneBased: page from 1, ends on has_more: false even when the last page is full', async () => {
    const { list, asked } = await listOf(
      oneBased,
      (q) => {
        const { items, page, size } = slice(q, 'page', 'page_size', 1, 5);
        // 20 items in pages of 5: the last page is full, only has_more says it is the last
        const capped = items.filter((i) => Number(i.id.slice(5)) < 20);
        return { data: capped, has_more: (page + 1) * size < 20 };
      },
      { page_size: 5 },
    );
    expect(await ids(list)).toEqual(allIds.slice(0, 20));
    expect(asked()).toEqual(['?page_size=5', '?page_size=5&page=2', '?page_size=5&page=3', '?page_size=5&page=4']);
  });

  it('oneBased: has_more: true walks on past a short page', async () => {
    const { list } = await listOf(oneBased, (q) => {
      const page = Number(q.get('page') ?? 1);
      // pages of uneven length, as a server that filters after paging gives
      const pages = [ITEMS.slice(0, 3), ITEMS.slice(3, 4), ITEMS.slice(4, 9)];
      return { data: pages[page - 1] ?? [], has_more: page < pages.length };
    });
    expect(await ids(list)).toEqual(allIds.slice(0, 9));
  });

  it('items under another key (records), and the first page length as the page size', async () => {
    const { list, asked } = await listOf(zeroBasedRecords, (q) => ({
      records: slice(q, 'current_page', 'page_size', 0, 8).items,
    }));
    expect(await ids(list)).toEqual(allIds);
    expect(asked()).toEqual(['', '?current_page=1', '?current_page=2']);
  });

  it('zeroBasedMappings: page/page_size from 0, items under `mappings`, ends on a short page', async () => {
    const { list, asked } = await listOf(
      zeroBasedMappings,
      (q) => ({ mappings: slice(q, 'page', 'page_size', 0).items }),
      { page_size: 10 },
    );
    expect(await ids(list)).toEqual(allIds);
    expect(asked()).toEqual(['?page_size=10', '?page_size=10&page=1', '?page_size=10&page=2']);
  });

  it('a style whose key is missing falls back to `data` (models answered as data)', async () => {
    const { list } = await listOf(wholeModels, () => ({ data: ITEMS.slice(0, 3) }));
    expect(await ids(list)).toEqual(allIds.slice(0, 3));
  });

  it('lists that do not page: an object with the items, or a bare array, in one request', async () => {
    for (const [style, answer] of [
      [wholeData, () => ({ success: true, data: ITEMS })],
      [wholeArray, () => ITEMS],
    ] as const) {
      const { list, asked } = await listOf(style, answer, { page_size: 5 });
      expect(await ids(list)).toEqual(allIds);
      expect(asked()).toHaveLength(1);
    }
  });

  it('.pages() yields every page as the server sent it; awaiting gives the first', async () => {
    const { list } = await listOf(
      zeroBased,
      (q) => ({ total: 23, data: slice(q, 'current_page', 'page_size', 0).items }),
      { page_size: 10 },
    );
    const pages: any[] = [];
    for await (const page of list.pages()) pages.push(page);
    expect(pages.map((p) => p.data.length)).toEqual([10, 10, 3]);
    expect(pages.every((p) => p.total === 23)).toBe(true);
    expect((await list).data).toHaveLength(10);
  });

  it('an empty page ends the walk', async () => {
    const { list, asked } = await listOf(zeroBased, () => ({ total: 100, data: [] }));
    expect(await ids(list)).toEqual([]);
    expect(asked()).toHaveLength(1);
  });
});

describe('servers that misbehave', () => {
  it('one that ignores the page number: a PortkeyError after the first page, not an endless walk', async () => {
    const { list, asked } = await listOf(zeroBased, () => ({ total: 1000, data: ITEMS.slice(0, 10) }), {
      page_size: 10,
    });
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const item of list) seen.push(item.id);
      })(),
    );
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toMatch(/things\.list: page 1 repeated the page before it/);
    expect(seen).toEqual(allIds.slice(0, 10));
    expect(asked()).toHaveLength(2);
  });

  it('one with has_more stuck at true and the same page: stopped the same way', async () => {
    const { list } = await listOf(oneBased, () => ({ data: ITEMS.slice(0, 5), has_more: true }));
    expect(await rejection(ids(list))).toBeInstanceOf(PortkeyError);
  });

  it('one that claims a larger total than it has: ends on the short page', async () => {
    const { list } = await listOf(
      zeroBased,
      (q) => ({ total: 10_000, data: slice(q, 'current_page', 'page_size', 0).items }),
      { page_size: 10 },
    );
    expect(await ids(list)).toEqual(allIds);
  });

  it('one that claims a smaller total than it has: ends at its total', async () => {
    const { list } = await listOf(
      zeroBased,
      (q) => ({ total: 15, data: slice(q, 'current_page', 'page_size', 0).items }),
      { page_size: 10 },
    );
    expect(await ids(list)).toEqual(allIds.slice(0, 20));
  });

  it('items that are not an array (a string, an object) are refused, not walked character by character', async () => {
    for (const data of ['abc', { id: 'x' }, 42]) {
      const { list } = await listOf(zeroBased, () => ({ total: 3, data }));
      const error = await rejection(ids(list));
      expect(error).toBeInstanceOf(PortkeyError);
      expect(error.message).toBe("things.list: the answer's `data` is not a list of items.");
    }
    const { list } = await listOf(wholeArray, () => ({ not: 'an array' }));
    expect((await rejection(ids(list))).message).toBe("things.list: the answer's body is not a list of items.");
  });

  it('a page without items at all holds none', async () => {
    const { list } = await listOf(zeroBased, () => ({ total: 0 }));
    expect(await ids(list)).toEqual([]);
  });
});
