// The query encoder refuses, by parameter name and never by value, what its style has no single text for:
// nesting past one level, Maps and Sets, functions, symbols, non-finite numbers, and values String() throws on.
import { describe, expect, it } from 'vitest';
import { encodeQuery } from '../../src/core/query';
import { PortkeyError } from '../../src/index';
import { SECRET_KEY, expectNoSecret } from '../helpers/faults';

/** The PortkeyError that encoding `query` throws. */
function refusal(query: Record<string, unknown>): PortkeyError {
  try {
    encodeQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(PortkeyError);
    return error as PortkeyError;
  }
  throw new Error('expected a PortkeyError, nothing was thrown');
}

const says = (name: string) => `Query parameter "${name}" must be a string, finite number, boolean or Date.`;

describe('encodeQuery', () => {
  it('one level of object is sent as name[key]; a second level is refused, naming the parameter', () => {
    expect(encodeQuery({ filter: { a: 1 } })).toBe('?filter%5Ba%5D=1');
    const error = refusal({ filter: { a: { token: SECRET_KEY } } });
    expect(error.message).toBe(says('filter[a]'));
    expectNoSecret(error);
  });

  it.each([
    ['objects in an array', { ids: [{ id: SECRET_KEY }] }, 'ids'],
    ['arrays in an array', { ids: [[SECRET_KEY]] }, 'ids'],
    ['an array in an object', { filter: { ids: [1, 2] } }, 'filter[ids]'],
    ['a Set', { ids: new Set([SECRET_KEY]) }, 'ids'],
    ['a Map', { filter: new Map([['token', SECRET_KEY]]) }, 'filter'],
    ['a function', { select: () => SECRET_KEY }, 'select'],
    ['a symbol', { order: Symbol(SECRET_KEY) }, 'order'],
    ['a symbol in an array', { order: ['name', Symbol(SECRET_KEY)] }, 'order'],
    ['a boxed string', { name: new String(SECRET_KEY) }, 'name'],
    ['a URLSearchParams', { q: new URLSearchParams({ token: SECRET_KEY }) }, 'q'],
  ])('%s is refused', (_what, query, name) => {
    const error = refusal(query);
    expect(error.message).toBe(says(name));
    expectNoSecret(error);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    '%s is refused; finite numbers, bigints and booleans are sent as text',
    (value) => {
      expect(refusal({ page: value }).message).toBe(says('page'));
      expect(refusal({ pages: [1, value] }).message).toBe(says('pages'));
      expect(refusal({ range: { min: value } }).message).toBe(says('range[min]'));
      // A bigint as its decimal digits: exact, where a number past 2^53 is not.
      expect(encodeQuery({ page: 2, ratio: -0.5, id: 2n ** 64n, ok: true, no: false, zero: -0 })).toBe(
        '?page=2&ratio=-0.5&id=18446744073709551616&ok=true&no=false&zero=0',
      );
    },
  );

  it('values String() throws on are a PortkeyError, not a bare TypeError', () => {
    class Opaque {
      toString(): string {
        throw new TypeError(`cannot show ${SECRET_KEY}`);
      }
    }
    const queries: Record<string, unknown>[] = [
      { ids: [Object.create(null)] },
      { filter: { a: Object.create(null) } },
      { q: new Opaque() },
      { ids: [new Opaque()] },
      { q: { toString: () => SECRET_KEY } },
    ];
    for (const query of queries) expectNoSecret(refusal(query));
    expect(refusal({ ids: [Object.create(null)] }).message).toBe(says('ids'));
    expect(refusal({ q: { toString: () => SECRET_KEY } }).message).toBe(says('q[toString]'));
    // A null-prototype object is a plain object at the top: one level, sent as name[key].
    expect(encodeQuery({ filter: Object.assign(Object.create(null), { kind: 'x' }) })).toBe('?filter%5Bkind%5D=x');
  });
});
