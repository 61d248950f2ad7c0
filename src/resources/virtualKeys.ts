// Virtual keys: provider keys stored by Portkey behind a slug (the older form of providers).
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type VirtualKeyListQuery = Query<'GET /virtual-keys'>;
export type VirtualKeyListPage = Result<'GET /virtual-keys'>;
/** A virtual key: the item of a list and the result of a retrieve (its provider key is never returned). */
export type VirtualKey = Result<'GET /virtual-keys/{slug}'>;
export type VirtualKeyCreateParams = Body<'POST /virtual-keys'>;
export type VirtualKeyCreateResult = Result<'POST /virtual-keys'>;
export type VirtualKeyUpdateParams = Body<'PUT /virtual-keys/{slug}'>;
export type VirtualKeyUpdateResult = Result<'PUT /virtual-keys/{slug}'>;
export type VirtualKeyDeleteResult = Result<'DELETE /virtual-keys/{slug}'>;

/** The page the list starts from when the caller names none: the spec requires both parameters. */
export const VIRTUAL_KEYS_FIRST_PAGE = { current_page: 0, page_size: 50 } as const;

const virtualKeys = {
  /**
   * The workspace's virtual keys: await for one page, `for await` for all. Both paging parameters are
   * optional here (from page 0, 50 a page): the spec requires them, so the facade sends them.
   */
  list: paged('GET /virtual-keys', { ...zeroBased, defaultSize: VIRTUAL_KEYS_FIRST_PAGE.page_size }),
  /** Store a provider key (or a secret mapping) behind a slug, with optional limits. */
  create: 'POST /virtual-keys',
  /** One virtual key, with its limits and status. */
  retrieve: 'GET /virtual-keys/{slug}',
  /** Change a virtual key's name, note, provider key, deployments or budget. */
  update: 'PUT /virtual-keys/{slug}',
  /** Delete a virtual key. */
  delete: 'DELETE /virtual-keys/{slug}',
} as const;

export const VirtualKeys = resource('virtualKeys', virtualKeys);
export type VirtualKeys = InstanceType<typeof VirtualKeys>;
