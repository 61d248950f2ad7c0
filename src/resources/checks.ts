// Input the types cannot stop (plain JavaScript callers, `as any`), refused before anything is sent.
import { integerAtLeast } from '../core/config';
import { PortkeyError } from '../core/errors';

/** A request body must be a non-empty object with the named fields present. */
export function requireBody(method: string, body: unknown, required: readonly string[] = []): void {
  if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length === 0) {
    throw new PortkeyError(`${method} needs a non-empty object body.`);
  }
  const missing = required.filter((field) => (body as Record<string, unknown>)[field] === undefined);
  if (missing.length) throw new PortkeyError(`${method} needs \`${missing.join('` and `')}\`.`);
}

/** `page_size` ≥ 1 and `current_page` ≥ 0, as integers, when given. */
export function requirePageQuery(query: { current_page?: unknown; page_size?: unknown } | undefined): void {
  if (query === null || typeof query !== 'object') throw new PortkeyError('list parameters must be an object.');
  integerAtLeast('page_size', query.page_size, 1, 0);
  integerAtLeast('current_page', query.current_page, 0, 0);
}
