// Virtual keys: provider keys stored by Portkey behind a slug (the older form of providers).
import type { ItemOf, PagePromise } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { RequestOptions, Transport } from '../core/transport';
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

/** The list as the table would define it; the spec requires its paging parameters, so it is wrapped below. */
const RequiredPaging = resource('virtualKeys', { list: paged('GET /virtual-keys', zeroBased) });

const virtualKeys = {
  /** Store a provider key (or a secret mapping) behind a slug, with optional limits. */
  create: 'POST /virtual-keys',
  /** One virtual key, with its limits and status. */
  retrieve: 'GET /virtual-keys/{slug}',
  /** Change a virtual key's name, note, provider key, deployments or budget. */
  update: 'PUT /virtual-keys/{slug}',
  /** Delete a virtual key. */
  delete: 'DELETE /virtual-keys/{slug}',
} as const;

export class VirtualKeys extends resource('virtualKeys', virtualKeys) {
  readonly #paging: InstanceType<typeof RequiredPaging>;

  constructor(transport: Transport) {
    super(transport);
    this.#paging = new RequiredPaging(transport);
  }

  /**
   * The workspace's virtual keys: await for one page, `for await` for all. Both paging parameters are
   * optional here (from page 0, 50 a page): the spec requires them, so the facade sends them.
   */
  list(
    query?: Partial<VirtualKeyListQuery>,
    options?: RequestOptions,
  ): PagePromise<VirtualKeyListPage, ItemOf<VirtualKeyListPage, typeof zeroBased>> {
    // Anything but a plain object is passed on as it is, for the core to refuse under this method's name.
    const q = query ?? {};
    const full =
      typeof q === 'object' && !Array.isArray(q)
        ? {
            ...q,
            current_page: q.current_page ?? VIRTUAL_KEYS_FIRST_PAGE.current_page,
            page_size: q.page_size ?? VIRTUAL_KEYS_FIRST_PAGE.page_size,
          }
        : q;
    return this.#paging.list(full as VirtualKeyListQuery, options);
  }
}
