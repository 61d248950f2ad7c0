// Collections: the folders prompts live in, per workspace, nested at will.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
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

const collections = {
  /**
   * The collections of one workspace (`workspace_id` is required): await for one page, `for await` for
   * all (`current_page` counts from 0).
   */
  list: paged('GET /collections', zeroBased),
  /** Create a collection in a workspace, optionally inside another (`parent_collection_id`). */
  create: 'POST /collections',
  /** One collection, with its direct sub-collections. */
  retrieve: 'GET /collections/{collectionId}',
  /** Rename a collection. */
  update: 'PUT /collections/{collectionId}',
  /** Delete a collection (a workspace's default one cannot be). */
  delete: 'DELETE /collections/{collectionId}',
} as const;

export const Collections = resource('collections', collections);
export type Collections = InstanceType<typeof Collections>;
