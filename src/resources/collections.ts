// Collections: the folders prompts live in, per workspace, nested at will.
import { PortkeyError } from '../core/errors';
import type { ItemOf } from '../core/pagination';
import { PagePromise, zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { RequestOptions, Transport } from '../core/transport';
import type { Body, Query, Result } from '../core/types';

export type CollectionListQuery = Query<'GET /collections'>;
export type CollectionListPage = Result<'GET /collections'>;
/** A collection as lists show it, with counts of what it holds. */
export type CollectionSummary = ItemOf<CollectionListPage, typeof zeroBased>;
/** One collection, with its direct sub-collections. */
export type Collection = Result<'GET /collections/{collectionId}'>;
export type CollectionCreateParams = Body<'POST /collections'>;
export type CollectionCreateResult = Result<'POST /collections'>;
export type CollectionUpdateParams = Body<'PUT /collections/{collectionId}'>;
export type CollectionUpdateResult = Result<'PUT /collections/{collectionId}'>;
export type CollectionDeleteResult = Result<'DELETE /collections/{collectionId}'>;

// The list itself, wrapped by Collections.list below (which checks `workspace_id` first).
const CollectionPages = resource('collections', { list: paged('GET /collections', zeroBased) } as const);

const collections = {
  /** Create a collection in a workspace, optionally inside another (`parent_collection_id`). */
  create: 'POST /collections',
  /** One collection, with its direct sub-collections. */
  retrieve: 'GET /collections/{collectionId}',
  /** Rename a collection. */
  update: 'PUT /collections/{collectionId}',
  /** Delete a collection (a workspace's default one cannot be). */
  delete: 'DELETE /collections/{collectionId}',
} as const;

export class Collections extends resource('collections', collections) {
  readonly #pages: InstanceType<typeof CollectionPages>;

  constructor(transport: Transport) {
    super(transport);
    this.#pages = new CollectionPages(transport);
  }

  /**
   * The collections of one workspace (`workspace_id` is required): await for one page, `for await` for
   * all (`current_page` counts from 0).
   */
  list(query: CollectionListQuery, options?: RequestOptions): PagePromise<CollectionListPage, CollectionSummary> {
    const label = 'collections.list';
    const id = (query as { workspace_id?: unknown } | null)?.workspace_id;
    // The spec requires it; the core checks required body fields, not query ones: refused here, before sending.
    if (query && typeof query === 'object' && (typeof id !== 'string' || id.trim() === '')) {
      const error = new PortkeyError(`${label} needs \`workspace_id\`.`);
      return new PagePromise(() => Promise.reject(error), query, options ?? {}, zeroBased, label);
    }
    return this.#pages.list(query, options);
  }
}
