// Walking the group's lists against local servers. The versions lists and the partials list answer a
// bare array, the whole list at once (style wholeArray): one request, every item, whatever the server
// does with paging parameters. collections.list and labels.list page 0-based (zeroBased); the walk keeps
// the caller's filters (collections' required workspace_id among them) on every page.
import { describe, expect, it } from 'vitest';
import { PortkeyError } from '../../src/index';
import { clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

const versions = Array.from({ length: 7 }, (_, i) => ({
  id: `0000000${i}-2d5e-4b8c-9e14-6a0b7d3f2e81`,
  prompt_version: 7 - i,
  object: 'prompt',
}));
const partials = Array.from({ length: 5 }, (_, i) => ({ slug: `pl-partial-${i}`, object: 'partial' }));
const partialVersions = Array.from({ length: 3 }, (_, i) => ({ version: String(3 - i), object: 'partial' }));

/** Answers every list of the group with a bare array, whatever the query says. */
async function arrayServer() {
  return server((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path.endsWith('/partials')) return json(res, 200, partials);
    if (path.startsWith('/prompts/partials/')) return json(res, 200, partialVersions);
    return json(res, 200, versions);
  });
}

describe('bare-array lists (wholeArray): the one answer is the whole list', () => {
  it.each([
    ['prompts.versions.list', versions.length],
    ['prompts.partials.list', partials.length],
    ['prompts.partials.versions.list', partialVersions.length],
  ])('%s: awaited, the array itself; for await, every item from one request', async (name, length) => {
    const s = await arrayServer();
    const p = clientFor(s.url);
    const list = () =>
      name === 'prompts.versions.list'
        ? p.prompts.versions.list('pp-ticket-tri-5d0c8a')
        : name === 'prompts.partials.list'
          ? p.prompts.partials.list({ collection_id: 'customer-support' })
          : p.prompts.partials.versions.list('pl-tone-of-v-2f6a9c');

    const page = await list();
    expect(Array.isArray(page)).toBe(true);
    expect(page).toHaveLength(length);

    const items: unknown[] = [];
    for await (const item of list()) items.push(item);
    expect(items).toEqual(page);

    const pages: unknown[] = [];
    for await (const one of list().pages()) pages.push(one);
    expect(pages).toEqual([page]);
    // One request per call: a bare array has no next page to ask for.
    expect(s.requests).toHaveLength(3);
  });

  it('the partials filter is sent as given, and no paging parameter is added', async () => {
    const s = await arrayServer();
    for await (const _ of clientFor(s.url).prompts.partials.list({ collection_id: 'customer-support' })) void _;
    expect(s.requests.map((r) => r.url)).toEqual(['/prompts/partials?collection_id=customer-support']);
  });

  it('an empty array is an empty list', async () => {
    const s = await server((_req, res) => json(res, 200, []));
    const items: unknown[] = [];
    for await (const item of clientFor(s.url).prompts.versions.list('pp-ticket-tri-5d0c8a')) items.push(item);
    expect(items).toEqual([]);
  });

  it('an answer that is not an array is refused while walking, as a PortkeyError naming the method', async () => {
    const s = await server((_req, res) => json(res, 200, { data: 'oops' }));
    const error = await rejection(
      (async () => {
        for await (const _ of clientFor(s.url).prompts.versions.list('pp-ticket-tri-5d0c8a')) void _;
      })(),
    );
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error.message).toMatch(/^prompts\.versions\.list: the answer's body is not a list of items\.$/);
  });
});

const TOTAL = 11;
const collections = Array.from({ length: TOTAL }, (_, i) => ({ slug: `collection-${i}`, name: `Collection ${i}` }));

/** Serves `current_page`/`page_size` 0-based from `collections`, with `total` unless told otherwise. */
async function pagedServer(withTotal = true) {
  return server((req, res) => {
    const url = new URL(req.url, 'http://x');
    const page = Number(url.searchParams.get('current_page') ?? 0);
    const size = Number(url.searchParams.get('page_size') ?? 100);
    const data = collections.slice(page * size, page * size + size);
    json(res, 200, withTotal ? { total: TOTAL, data } : { data });
  });
}

describe('0-based lists of the group (zeroBased)', () => {
  it('collections.list: every page, a short last one, stopping at total; workspace_id on every request', async () => {
    const s = await pagedServer();
    const slugs: string[] = [];
    const list = clientFor(s.url).collections.list({ workspace_id: 'ws-data-science', page_size: 4 });
    for await (const c of list) slugs.push(c.slug!);
    expect(slugs).toEqual(collections.map((c) => c.slug));
    const queries = s.requests.map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams));
    expect(queries).toEqual([
      { workspace_id: 'ws-data-science', page_size: '4' },
      { workspace_id: 'ws-data-science', page_size: '4', current_page: '1' },
      { workspace_id: 'ws-data-science', page_size: '4', current_page: '2' },
    ]);
  });

  it('labels.list: .pages() yields each page; without total, the short page ends the walk', async () => {
    const s = await pagedServer(false);
    const sizes: number[] = [];
    for await (const page of clientFor(s.url).labels.list({ page_size: 5 }).pages()) sizes.push(page.data!.length);
    expect(sizes).toEqual([5, 5, 1]);
    expect(s.requests).toHaveLength(3);
  });

  it('prompts.list: a page size that divides the total ends on total, not on an empty page', async () => {
    const s = await pagedServer();
    let count = 0;
    for await (const _ of clientFor(s.url).prompts.list({ page_size: 11 })) count++;
    expect(count).toBe(TOTAL);
    expect(s.requests).toHaveLength(1);
  });
});
