// The facade's own code is typed by route: a resource table or a hand-written method that names a route the
// spec lacks, passes arguments the route does not take, or pages a route that is not a GET, fails to compile.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/portkey';
import { wholeArray, zeroBased, type PagePromise } from '../../src/core/pagination';
import { paged, resource, send } from '../../src/core/resource';
import type { APIPromise, CallArgs, Result } from '../../src/index';

declare const self: object;

describe('resource tables', () => {
  it('a table entry must be a route of the spec', () => {
    // @ts-expect-error a typo in the route
    resource('x', { list: 'GET /integrations/{slug}/modelz' });
    // @ts-expect-error a method the route does not have
    resource('x', { patch: 'PATCH /integrations/{slug}' });
    resource('x', { retrieve: 'GET /integrations/{slug}' });
  });

  it('only a GET route can be paged, and the style must find items in its answer', () => {
    // @ts-expect-error paging a PUT
    paged('PUT /integrations/{slug}/models', zeroBased);
    // @ts-expect-error the integration answer is not an array, so a bare-array style finds no items
    paged('GET /integrations/{slug}', wholeArray);
    paged('GET /integrations', zeroBased);
  });

  it('methods take the route’s path parameters, then its body or query, then options', () => {
    const R = resource('x', {
      retrieve: 'GET /integrations/{slug}',
      update: 'PUT /integrations/{slug}',
      list: paged('GET /integrations', zeroBased),
    });
    const r = new R(undefined as never);
    expectTypeOf(r.retrieve).parameters.toEqualTypeOf<CallArgs<'GET /integrations/{slug}'>>();
    expectTypeOf(r.retrieve('s')).toEqualTypeOf<APIPromise<Result<'GET /integrations/{slug}'>>>();
    expectTypeOf(r.list()).toEqualTypeOf<
      PagePromise<Result<'GET /integrations'>, components['schemas']['IntegrationList']>
    >();
    // @ts-expect-error the slug is missing
    r.update({ name: 'n' });
    // @ts-expect-error a body field of the wrong type
    r.update('s', { name: 42 });
    // @ts-expect-error a body field the operation does not have
    r.update('s', { nmae: 'n' });
    // @ts-expect-error a query key the operation does not have
    r.list({ page_sise: 10 });
    // @ts-expect-error a query value outside its enum
    r.list({ type: 'everyone' });
    r.update('s', { name: 'n' }, { timeout: 5_000 });
  });
});

describe('send(), for hand-written methods', () => {
  it('is typed by the route as the table is', () => {
    expectTypeOf(send(self, 'x', 'GET /integrations/{slug}', ['s'])).toEqualTypeOf<
      APIPromise<Result<'GET /integrations/{slug}'>>
    >();
    // @ts-expect-error an unknown route
    send(self, 'x', 'GET /integrations/{slug}/modelz', ['s']);
    // @ts-expect-error too few path parameters
    send(self, 'x', 'PUT /integrations/{slug}/models', [{ models: [] }]);
    // @ts-expect-error a required query parameter missing
    send(self, 'x', 'DELETE /integrations/{slug}/models', ['s', {}]);
    // @ts-expect-error a numeric body
    send(self, 'x', 'PUT /integrations/{slug}', ['s', 42]);
    send(self, 'x', 'DELETE /integrations/{slug}/models', ['s', { slugs: 'gpt-4o' }]);
  });
});
