// Auto-pagination. A list call returns a PagePromise: await it for one page, or `for await` over it for
// every item of every page, fetched lazily. Each paging style Portkey uses is a small PageStyle
// declaration; the walking, prefetching and cancelling live here once.
import { APIPromise } from './api-promise';
import type { RequestOptions, WithResponse } from './transport';

/** How one list endpoint pages: where its items are, and the query for the page after this one. */
export interface PageStyle<Query, Page, Item> {
  items(page: Page): readonly Item[];
  /** The query for the next page, or undefined when `page` was the last. `seen` counts items so far. */
  next(query: Query, page: Page, seen: number, firstPageLength: number): Query | undefined;
}

export type FetchPage<Query, Page> = (query: Query, options: RequestOptions) => Promise<WithResponse<Page>>;

export class PagePromise<Query, Page, Item> extends APIPromise<Page> implements AsyncIterable<Item> {
  readonly #fetchPage: FetchPage<Query, Page>;
  readonly #query: Query;
  readonly #options: RequestOptions;
  readonly #style: PageStyle<Query, Page, Item>;

  constructor(
    fetchPage: FetchPage<Query, Page>,
    query: Query,
    options: RequestOptions,
    style: PageStyle<Query, Page, Item>,
  ) {
    super(fetchPage(query, options));
    this.#fetchPage = fetchPage;
    this.#query = query;
    this.#options = options;
    this.#style = style;
  }

  /**
   * Every item of every page. The next page is requested as soon as the current one arrives, so it is
   * on its way while the caller works through the current items; at most those two pages are held.
   * Leaving the loop early (break, return, throw) aborts the request in flight.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const style = this.#style;
    const stop = new AbortController();
    const callerSignal = this.#options.signal;
    // Aborted before the walk began (after the first page arrived, say): an abort event will not come again.
    if (callerSignal?.aborted) stop.abort();
    // Removed by `stop` itself: a listener added with its signal goes when it aborts, as it does on exit.
    callerSignal?.addEventListener('abort', () => stop.abort(), { signal: stop.signal });
    const options: RequestOptions = { ...this.#options, signal: stop.signal };

    let query: Query | undefined = this.#query;
    let pending: Promise<WithResponse<Page>> | undefined = this.withResponse();
    let seen = 0;
    let firstPageLength: number | undefined;
    try {
      while (pending) {
        const page = (await pending).data;
        const items = style.items(page);
        firstPageLength ??= items.length;
        seen += items.length;
        query = style.next(query!, page, seen, firstPageLength);
        pending = query && this.#fetchPage(query, options);
        // A prefetch whose result nobody awaits (after an early exit) must not surface as an unhandled rejection.
        pending?.catch(() => {});
        yield* items;
      }
    } finally {
      stop.abort();
    }
  }
}

/** Pages numbered from 0 with a page size, answering `{ total, <itemsKey>: [...] }`. */
export function zeroBasedPages<Query extends { current_page?: number; page_size?: number }, Page, Item>(
  items: (page: Page) => readonly Item[] | undefined,
  total: (page: Page) => number | undefined,
): PageStyle<Query, Page, Item> {
  return {
    items: (page) => items(page) ?? [],
    next(query, page, seen, firstPageLength) {
      const count = this.items(page).length;
      const all = total(page) ?? Infinity;
      if (!count || count < (query.page_size ?? firstPageLength) || seen >= all) return undefined;
      return { ...query, current_page: (query.current_page ?? 0) + 1 };
    },
  };
}
