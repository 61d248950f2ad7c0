// Type-level tests: results and parameters come from generated/, never `any`.
import { describe, expectTypeOf, it } from 'vitest';
import type { components, paths } from '../generated/portkey';
import { PortkeyAdmin, type APIPromise, type Integration } from '../src/index';

declare const portkey: PortkeyAdmin;

describe('types', () => {
  it('retrieve resolves to the spec IntegrationDetailResponse', () => {
    expectTypeOf(portkey.integrations.retrieve('x')).toEqualTypeOf<
      APIPromise<components['schemas']['IntegrationDetailResponse']>
    >();
    expectTypeOf<Integration>().toEqualTypeOf<components['schemas']['IntegrationDetailResponse']>();
    expectTypeOf<Integration>().not.toBeAny();
    expectTypeOf<Integration['slug']>().toEqualTypeOf<string | undefined>();
  });

  it('the low-level get is typed by path', () => {
    const call = portkey.get('/integrations/{slug}', { params: { path: { slug: 'x' } } });
    expectTypeOf(call).resolves.toEqualTypeOf<
      paths['/integrations/{slug}']['get']['responses'][200]['content']['application/json']
    >();
    // @ts-expect-error the path parameter is required
    portkey.get('/integrations/{slug}', {});
    // @ts-expect-error unknown path
    portkey.get('/not-in-the-spec');
  });

  it('retrieve takes a string slug and request options', () => {
    // @ts-expect-error a number is not a slug
    portkey.integrations.retrieve(42);
    portkey.integrations.retrieve('x', { timeout: 1000, maxRetries: 0, signal: new AbortController().signal });
  });

  it('headers as fetch takes them: a record (null removes one), a Headers, or pairs', () => {
    portkey.integrations.retrieve('x', { headers: { 'x-trace': '1', 'x-portkey-api-key': null } });
    portkey.integrations.retrieve('x', { headers: new Headers({ 'x-trace': '1' }) });
    portkey.integrations.retrieve('x', { headers: [['x-trace', '1']] });
    // @ts-expect-error a header value is a string
    portkey.integrations.retrieve('x', { headers: { 'x-trace': 1 } });
  });

  it('headers as fetch takes them: a record (null removes one), a Headers, or pairs', () => {
    portkey.integrations.retrieve('x', { headers: { 'x-trace': '1', 'x-portkey-api-key': null } });
    portkey.integrations.retrieve('x', { headers: new Headers({ 'x-trace': '1' }) });
    portkey.integrations.retrieve('x', { headers: [['x-trace', '1']] });
    // @ts-expect-error a header value is a string
    portkey.integrations.retrieve('x', { headers: { 'x-trace': 1 } });
  });
});

describe('integrations resource types', () => {
  it('list is awaitable as a page and iterable as items typed from the spec', async () => {
    const page = await portkey.integrations.list({ page_size: 10 });
    expectTypeOf(page.total).toEqualTypeOf<number | undefined>();
    expectTypeOf(page.data).toEqualTypeOf<components['schemas']['IntegrationList'][] | undefined>();
    for await (const item of portkey.integrations.list()) {
      expectTypeOf(item).toEqualTypeOf<components['schemas']['IntegrationList']>();
    }
    // @ts-expect-error type is an enum
    portkey.integrations.list({ type: 'everyone' });
  });

  it('create requires the spec’s required fields', () => {
    // @ts-expect-error ai_provider_id is required
    portkey.integrations.create({ name: 'x' });
    expectTypeOf(portkey.integrations.create({ name: 'x', ai_provider_id: 'openai' })).resolves.toHaveProperty('slug');
  });

  it('models and workspaces are typed by operation', () => {
    expectTypeOf(portkey.integrations.models.list('s')).resolves.toEqualTypeOf<
      paths['/integrations/{slug}/models']['get']['responses'][200]['content']['application/json']
    >();
    // @ts-expect-error models is required
    portkey.integrations.models.update('s', { allow_all_models: true });
    expectTypeOf(portkey.integrations.workspaces.list('s')).resolves.toEqualTypeOf<
      paths['/integrations/{slug}/workspaces']['get']['responses'][200]['content']['application/json']
    >();
  });
});
