// The low-level calls are typed through tables the codegen writes (generated/lowlevel.ts) instead of through
// openapi-fetch's and openapi-typescript-helpers' types over all of `paths`. Here, for every method and every
// path of the spec (whichever spec generated/ was made from: `npm run check:full-spec` runs this against
// Portkey's full one), the tables must say what those types say. And a wrong path is reported as a wrong path.
import type { ParamsOption, RequestBodyOption } from 'openapi-fetch';
import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { describe, expectTypeOf, it } from 'vitest';
import type { paths } from '../generated/portkey';
import type {
  InitArgs,
  LowLevelArgs,
  LowLevelEntry,
  LowLevelResult,
  Method,
  OperationResult,
  PathsFor,
} from '../src/core/types';
import { PortkeyAdmin } from '../src/index';

declare const portkey: PortkeyAdmin;

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Op<M extends Method, P> = paths[P & keyof paths][M & keyof paths[P & keyof paths]];
// What the call took before the tables: openapi-fetch's types of the operation.
type Reference<M extends Method, P> = ParamsOption<Op<M, P>> & RequestBodyOption<Op<M, P>>;
type Init<E> = [E] extends [{ init: infer I }] ? I : never;

/** The paths of `M` whose table entry says something else than the reference types; never when all agree. */
type Disagreements<M extends Method> = {
  [P in PathsFor<M>]: [
    // What the init takes, with the same optional keys (mutual assignability of the objects sees both).
    Mutual<Init<LowLevelEntry<M, P>>, Reference<M, P>>,
    // Whether the init may be left out.
    Same<[] extends LowLevelArgs<LowLevelEntry<M, P>> ? true : false, [] extends InitArgs<Op<M, P>> ? true : false>,
    // What it answers: the very same type.
    Same<LowLevelResult<LowLevelEntry<M, P>>, OperationResult<Op<M, P>>>,
  ] extends [true, true, true]
    ? never
    : P;
}[PathsFor<M>];

describe('the low-level tables (generated/lowlevel.ts)', () => {
  it('list the paths of each method', () => {
    expectTypeOf<PathsFor<'get'>>().toEqualTypeOf<PathsWithMethod<paths, 'get'>>();
    expectTypeOf<PathsFor<'post'>>().toEqualTypeOf<PathsWithMethod<paths, 'post'>>();
    expectTypeOf<PathsFor<'put'>>().toEqualTypeOf<PathsWithMethod<paths, 'put'>>();
    expectTypeOf<PathsFor<'patch'>>().toEqualTypeOf<PathsWithMethod<paths, 'patch'>>();
    expectTypeOf<PathsFor<'delete'>>().toEqualTypeOf<PathsWithMethod<paths, 'delete'>>();
  });

  it('say what openapi-fetch says of every route: params, body, whether init is required, the result', () => {
    expectTypeOf<Disagreements<'get'>>().toBeNever();
    expectTypeOf<Disagreements<'post'>>().toBeNever();
    expectTypeOf<Disagreements<'put'>>().toBeNever();
    expectTypeOf<Disagreements<'patch'>>().toBeNever();
    expectTypeOf<Disagreements<'delete'>>().toBeNever();
  });
});

describe('a wrong path', () => {
  it('is reported at the path, not as a missing argument', () => {
    // Each error is expected on the line of the path itself: an arity error would be reported at `get`.
    portkey.get(
      // @ts-expect-error not a path of the spec
      '/not-in-the-spec',
    );
    portkey.get(
      // @ts-expect-error a typo in a path that takes parameters
      '/integrations/{slug}/modelz',
      { params: { path: { slug: 's' } } },
    );
    portkey.delete(
      // @ts-expect-error a path the method does not serve
      '/integrations',
    );
    portkey.get(
      // @ts-expect-error a string is not a path
      String('/integrations'),
    );
  });

  it('is checked against the method’s paths under its first segment, else all of them', () => {
    type Near<P extends string> = Parameters<typeof portkey.get<P>>[0];
    expectTypeOf<Near<'/integrations/{slug}/modelz'>>().toEqualTypeOf<
      Extract<PathsFor<'get'>, '/integrations' | `/integrations/${string}`>
    >();
    expectTypeOf<Near<'/not-in-the-spec'>>().toEqualTypeOf<PathsFor<'get'>>();
  });

  it('leaves a right path’s arguments as they were', () => {
    // @ts-expect-error the path parameter is required
    portkey.get('/integrations/{slug}');
    portkey.get('/integrations');
    portkey.get('/integrations', { params: { query: { page_size: 10 } }, timeout: 1_000 });
    // @ts-expect-error a query key the operation does not have
    portkey.get('/integrations', { params: { query: { page_sise: 10 } } });
    // @ts-expect-error the body is required
    portkey.post('/integrations', {});
    expectTypeOf(
      portkey.post('/integrations', { body: { name: 'n', ai_provider_id: 'openai' } }),
    ).resolves.toEqualTypeOf<paths['/integrations']['post']['responses'][200]['content']['application/json']>();
    expectTypeOf(portkey.get('/integrations').withResponse()).resolves.toHaveProperty('requestId');
  });
});
