// portkey-admin/testing, used as a user would: a small function of "their" code, tested with mockFetch.
import { describe, expect, it } from 'vitest';
import { APIConnectionError, NotFoundError, PortkeyAdmin, PortkeyError, RateLimitError } from '../../src/index';
import { mockFetch } from '../../src/testing';

/** The user's code under test: the slugs of the integrations of one provider, across every page. */
async function integrationsOf(portkey: PortkeyAdmin, provider: string): Promise<string[]> {
  const slugs: string[] = [];
  for await (const integration of portkey.integrations.list({ page_size: 2 })) {
    if (integration.ai_provider_id === provider) slugs.push(integration.slug!);
  }
  return slugs;
}

const clientWith = (fetch: ReturnType<typeof mockFetch>, options = {}) =>
  new PortkeyAdmin({ apiKey: 'pk-test-mock-key', fetch, maxRetries: 0, ...options });

describe('mockFetch', () => {
  it('serves typed handlers by route, with params, query and body, and records every call without the key', async () => {
    const fetch = mockFetch({
      'GET /integrations': ({ query }) => {
        const page = Number(query.current_page ?? 0);
        const all = [
          { slug: 'openai-production', ai_provider_id: 'openai' },
          { slug: 'anthropic-research', ai_provider_id: 'anthropic' },
          { slug: 'openai-staging', ai_provider_id: 'openai' },
        ];
        return { object: 'list', total: all.length, data: all.slice(page * 2, page * 2 + 2) };
      },
      'PUT /integrations/{slug}': ({ params, body }) => {
        expect(params.slug).toBe('openai/production');
        expect(body?.name).toBe('Renamed');
        return {};
      },
    });
    const portkey = clientWith(fetch);
    expect(await integrationsOf(portkey, 'openai')).toEqual(['openai-production', 'openai-staging']);
    await portkey.integrations.update('openai/production', { name: 'Renamed' });
    expect(fetch.calls.map((c) => [c.route, c.query.current_page ?? null])).toEqual([
      ['GET /integrations', null],
      ['GET /integrations', '1'],
      ['PUT /integrations/{slug}', null],
    ]);
    expect(fetch.calls[2]!.body).toEqual({ name: 'Renamed' });
    expect(fetch.calls[2]!.params).toEqual({ slug: 'openai/production' });
    expect(JSON.stringify(fetch.calls)).not.toContain('pk-test-mock-key');
    expect(fetch.calls[0]!.headers.accept).toBe('application/json');
  });

  it('a handler may answer a Response: a 404, or a 429 with Retry-After that the client retries', async () => {
    let attempts = 0;
    const fetch = mockFetch({
      'GET /integrations/{slug}': ({ params }) =>
        params.slug === 'missing'
          ? Response.json({ error: { message: 'integration not found', code: 'AB04' } }, { status: 404 })
          : ++attempts === 1
            ? Response.json({ error: { message: 'slow down' } }, { status: 429, headers: { 'retry-after': '0' } })
            : { slug: params.slug, name: 'OpenAI Production' },
    });
    const portkey = clientWith(fetch, { maxRetries: 2 });
    const error = await portkey.integrations.retrieve('missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('integration not found');
    expect(await portkey.integrations.retrieve('openai-production')).toEqual({
      slug: 'openai-production',
      name: 'OpenAI Production',
    });
    expect(attempts).toBe(2);
    const limited = await clientWith(
      mockFetch({ 'GET /integrations/{slug}': () => Response.json({}, { status: 429 }) }),
    )
      .integrations.retrieve('x')
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
  });

  it('an async handler can be slow enough for the client to time out; a throwing one fails like the network', async () => {
    const slow = mockFetch({ 'GET /integrations/{slug}': () => new Promise(() => {}) });
    const timedOut = await clientWith(slow, { timeout: 50 })
      .integrations.retrieve('x')
      .catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(APIConnectionError);
    expect((timedOut as Error).name).toBe('APIConnectionTimeoutError');
    const broken = mockFetch({
      'GET /integrations/{slug}': () => {
        throw new Error('socket hang up');
      },
    });
    const failed = await clientWith(broken)
      .integrations.retrieve('x')
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(APIConnectionError);
    expect((failed as Error).message).toContain('socket hang up');
  });

  it('a request no handler matches fails at once with a PortkeyError naming the route, never retried', async () => {
    const fetch = mockFetch({});
    // The client's default maxRetries: a connection error would be retried with backoff.
    const portkey = new PortkeyAdmin({ apiKey: 'pk-test-mock-key', fetch });
    const started = performance.now();
    const error = await portkey.integrations.retrieve('openai-production').catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(200);
    expect(error).toBeInstanceOf(PortkeyError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      'mockFetch: no handler for GET /integrations/{slug} (GET /v1/integrations/openai-production).',
    );
    expect(fetch.calls.map((c) => c.route)).toEqual(['GET /integrations/{slug}']);
    const stray = await (portkey.get as any)('/no/such/path').catch((e: unknown) => e);
    expect(stray).toBeInstanceOf(PortkeyError);
    expect(stray).not.toBeInstanceOf(APIConnectionError);
    expect((stray as Error).message).toBe('mockFetch: no route of the spec matches GET /v1/no/such/path.');
    expect(fetch.calls).toHaveLength(2);
  });

  it('prefers the route with more literal text when two templates match', async () => {
    const fetch = mockFetch({
      'GET /integrations/{slug}': () => ({ slug: 'by-template' }),
      'GET /integrations/{slug}/models': ({ params }) => ({ total: 0, models: [{ slug: params.slug }] }),
    });
    const models = await clientWith(fetch).integrations.models.list('workspaces');
    expect(models).toEqual({ total: 0, models: [{ slug: 'workspaces' }] });
    expect(fetch.calls[0]!.route).toBe('GET /integrations/{slug}/models');
  });
});
