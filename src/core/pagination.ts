// Auto-pagination. A list call returns a PagePromise: await it for one page, `for await` over it for every
// item of every page, or over .pages() for every page, fetched lazily. Each paging style Portkey uses is a
// few settings (a PageStyle); the one walker here reads them, and ends every walk, also against servers
// that misbehave.
import { APIPromise } from './api-promise';
import { integerAtLeast } from './config';
import { APIUserAbortError, PortkeyError } from './errors';
import { onAbort } from './signals';
import type { RequestOptions, WithResponse } from './transport';

/** How one list pages. A style without `page` does not page: its one answer holds the whole list. */
export interface PageStyle {
  /** Query key of the page number. */
  readonly page?: string;
  /** Query key of the page size. */
  readonly size?: string;
  /** Number of the first page (0 when not given). */
  readonly first?: number;
  /** Key of the items in an answer; without it, the answer is the array of items itself. */
  readonly items?: string;
  /**
   * For a list whose spec requires both paging parameters: the page size sent when the caller names none,
   * with the first page number, so that the caller need not name either.
   */
  readonly defaultSize?: number;
}

/** 0-based `current_page`/`page_size`, answering `{ object, total, data }`: most admin lists. */
export const zeroBased = { page: 'current_page', size: 'page_size', items: 'data' } as const;
/** 0-based `currentPage`/`pageSize` (users and invites), answering `{ total, data }`. */
export const camelCase = { page: 'currentPage', size: 'pageSize', items: 'data' } as const;
/** 1-based `page`/`page_size` with `has_more` (MCP capabilities and user access). */
export const oneBased = { page: 'page', size: 'page_size', first: 1, items: 'data' } as const;
/** 0-based `current_page`/`page_size`, items under `records` (audit logs). */
export const zeroBasedRecords = { ...zeroBased, items: 'records' } as const;
/**
 * 0-based `page`/`page_size`, items under `mappings` (SCIM group mappings; the paging is undocumented
 * upstream, see openapi/departures.yaml). The walk ends on a short or empty page.
 */
export const zeroBasedMappings = { page: 'page', size: 'page_size', items: 'mappings' } as const;
/** Not paged: the answer is an object with the whole list under `data`. */
export const wholeData = { items: 'data' } as const;
/** Not paged: the answer is an object with the whole list under `models` (some servers say `data`). */
export const wholeModels = { items: 'models' } as const;
/** Not paged: the answer is an object with the whole list under `workspaces`. */
export const wholeWorkspaces = { items: 'workspaces' } as const;
/** Not paged: the answer is the array itself. */
export const wholeArray = {} as const;

/** The item type of a page answered in style S. */
export type ItemOf<Page, S extends PageStyle> = Page extends unknown // each shape of an answer that has several
  ? S extends { items: infer K extends string }
    ? NonNullable<Page[K & keyof Page]> extends readonly (infer I)[]
      ? I
      : never
    : Page extends readonly (infer I)[]
      ? I
      : never
  : never;

type Query = Record<string, unknown>;
export type FetchPage<Page> = (query: Query | undefined, options: RequestOptions) => Promise<WithResponse<Page>>;

export class PagePromise<Page, Item> extends APIPromise<Page> implements AsyncIterable<Item> {
  readonly #fetchPage: FetchPage<Page>;
  readonly #query: Query | undefined;
  readonly #options: RequestOptions;
  readonly #style: PageStyle;
  readonly #label: string;

  constructor(
    fetchPage: FetchPage<Page>,
    query: Query | undefined,
    options: RequestOptions,
    style: PageStyle,
    label: string,
  ) {
    super(fetchPage(query, options));
    this.#fetchPage = fetchPage;
    this.#query = query;
    this.#options = options;
    this.#style = style;
    this.#label = label;
  }

  /** Every item of every page, in order. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* itemsOf<Item>(page, this.#style, this.#label);
  }

  /**
   * Every page, in order. The next page is requested as soon as the current one arrives, so it is on its way
   * while the caller works through this one; at most those two are held. Leaving the loop early (break,
   * return, throw) aborts the request in flight; so does the caller's signal, at any point.
   */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    const style = this.#style;
    const stop = new AbortController();
    let unlisten: (() => void) | undefined;
    const options: RequestOptions = { ...this.#options, signal: stop.signal };

    let query = this.#query;
    let pending: Promise<WithResponse<Page>> | undefined = this.withResponse();
    let seen = 0;
    let pageSize: number | undefined;
    let previous: string | undefined;
    try {
      while (pending) {
        const page = (await pending).data;
        if (!unlisten) {
          // After the first page, which went with the caller's own signal: by now a signal that is not one
          // has been refused, in our words.
          const callerSignal = this.#options.signal;
          unlisten = callerSignal ? onAbort(callerSignal, () => stop.abort(callerSignal.reason)) : () => {};
          // Aborted before the walk began (after the first page arrived, say): no abort event will come.
          if (callerSignal?.aborted) stop.abort(callerSignal.reason);
        }
        const items = itemsOf<Item>(page, style, this.#label);
        seen += items.length;
        pending = undefined;
        if (style.page && items.length) {
          const asked = query?.[style.size!];
          // The size the server really serves: what was asked, else what the first page held.
          pageSize ??= typeof asked === 'number' ? asked : items.length;
          const number = (query?.[style.page] as number | undefined) ?? style.first ?? 0;
          const hasMore = (page as any)?.has_more;
          const total = (page as any)?.total;
          // `total`, when the answer gives it, outweighs a short page: a server may serve fewer than asked (a
          // cap of 100 where the spec allows 1000), and stopping there would drop the rest without a word.
          const more =
            typeof hasMore === 'boolean'
              ? hasMore
              : typeof total === 'number'
                ? seen < total
                : items.length >= pageSize;
          // A server that ignores the page number answers the same page again: the walk would never end.
          const json = JSON.stringify(items);
          if (json === previous) {
            throw new PortkeyError(
              `${this.#label}: page ${number} repeated the page before it (is \`${style.page}\` ignored?); the walk stopped there.`,
            );
          }
          previous = json;
          if (more) {
            query = { ...query, [style.page]: number + 1 };
            pending = this.#fetchPage(query, options);
            // A prefetch whose result nobody awaits (after an early exit) must not surface as an unhandled rejection.
            pending.catch(() => {});
          }
        }
        yield page;
        // Aborted while the caller worked through the page: also when no next page was asked for, the walk
        // ends with the abort, not as if it had run its course.
        if (this.#options.signal?.aborted) throw new APIUserAbortError(this.#options.signal.reason);
      }
    } finally {
      stop.abort();
      unlisten?.();
    }
  }
}

/** The items of a page, as an array; a page without any holds none, one with something else is refused. */
function itemsOf<Item>(page: unknown, style: PageStyle, label: string): readonly Item[] {
  const key = style.items;
  const items = key ? ((page as any)?.[key] ?? (page as any)?.data) : page;
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) {
    throw new PortkeyError(`${label}: the answer's ${key ? `\`${key}\`` : 'body'} is not a list of items.`);
  }
  return items;
}

/** The caller's query with the page number and size a style with `defaultSize` sends when it names none. */
export function withDefaultPage(query: unknown, style: PageStyle): unknown {
  const q = query ?? {};
  // Anything but an object is left as it is, for the input check to refuse under the method's name.
  if (style.defaultSize === undefined || typeof q !== 'object' || Array.isArray(q)) return query;
  const given = q as Query;
  return {
    ...given,
    [style.page!]: given[style.page!] ?? style.first ?? 0,
    [style.size!]: given[style.size!] ?? style.defaultSize,
  };
}

/** The page query a style reads, checked: an object, with integer page numbers and sizes in range. */
export function checkPageQuery(label: string, query: unknown, style: PageStyle): void {
  if (query === undefined) return;
  if (query === null || typeof query !== 'object') throw new PortkeyError(`${label}: the query must be an object.`);
  const q = query as Query;
  if (style.size) integerAtLeast(`${label}: ${style.size}`, q[style.size], 1, 0);
  if (style.page) integerAtLeast(`${label}: ${style.page}`, q[style.page], style.first ?? 0, 0);
}
