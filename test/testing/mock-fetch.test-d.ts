// mockFetch's handlers are typed per route: query names from the spec, no body where the route takes none.
import { describe, expectTypeOf, it } from 'vitest';
import type { IntegrationUpdateParams } from '../../src/index';
import { mockFetch, type MockRequest } from '../../src/testing';

describe('mockFetch handler types', () => {
  it('a query has the route’s parameter names, each a string, strings or nothing', () => {
    mockFetch({
      'GET /integrations': ({ query, body }) => {
        expectTypeOf(query.current_page).toEqualTypeOf<string | string[] | undefined>();
        // @ts-expect-error a misspelled name is no parameter of the route
        void query.curent_page;
        expectTypeOf(body).toEqualTypeOf<undefined>();
        return new Response(null, { status: 204 });
      },
      'PUT /integrations/{slug}': ({ query, body }) => {
        // @ts-expect-error the route takes no query parameters
        void query.current_page;
        expectTypeOf(body).toEqualTypeOf<IntegrationUpdateParams | undefined>();
        return {};
      },
    });
    expectTypeOf<keyof MockRequest<'GET /integrations'>['query']>().toEqualTypeOf<
      'current_page' | 'page_size' | 'workspace_id' | 'type'
    >();
  });

  it('a request of any route has any query names and any body', () => {
    expectTypeOf<MockRequest['query']>().toEqualTypeOf<Record<string, string | string[] | undefined>>();
    expectTypeOf<MockRequest['body']>().toBeUnknown();
  });
});
