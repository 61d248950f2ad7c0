// Every Integrations method against Prism: a 2xx, the shape the spec promises, and a request Prism
// finds nothing wrong with. Asserts the contract, not one spec's example values, so the same suite
// passes against Portkey's full spec (CI runs it both ways).
import { describe, expect, it } from 'vitest';
import { expectNoRequestViolations, prismClient } from '../helpers/prism-client';

const portkey = () => prismClient();

describe('Integrations against the Prism mock', () => {
  it('list: one page with object, total and data', async () => {
    const { data: page, response } = await portkey().integrations.list({ page_size: 50, type: 'all' }).withResponse();
    expect(response.status).toBe(200);
    expectNoRequestViolations(response);
    expect(Array.isArray(page.data)).toBe(true);
    expect(typeof page.total).toBe('number');
    for (const item of page.data ?? []) expect(typeof item.slug).toBe('string');
  });

  it('list: with workspace_id and current_page the request still validates', async () => {
    const { response } = await portkey()
      .integrations.list({ current_page: 2, page_size: 10, workspace_id: 'ws-data-science', type: 'workspace' })
      .withResponse();
    expect(new URL(response.url).searchParams.get('current_page')).toBe('2');
    expectNoRequestViolations(response);
  });

  it('list: for await walks the mock’s pages and ends', async () => {
    const firstPage = await portkey().integrations.list({ page_size: 2 });
    let count = 0;
    for await (const integration of portkey().integrations.list({ page_size: 2 })) {
      expect(typeof integration).toBe('object');
      if (++count > 1000) throw new Error('pagination did not end');
    }
    // Prism answers every page alike; the walk must at least deliver the first page's items, and end.
    expect(count).toBeGreaterThanOrEqual(firstPage.data?.length ?? 0);
  });

  it('create', async () => {
    const { data, response } = await portkey()
      .integrations.create({
        name: 'OpenAI Production',
        ai_provider_id: 'openai',
        slug: 'openai-production',
        key: 'sk-live-example',
        description: 'Customer-facing traffic',
      })
      .withResponse();
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expectNoRequestViolations(response);
    expect(typeof data).toBe('object');
  });

  it('update', async () => {
    const { response } = await portkey()
      .integrations.update('openai-production', { name: 'OpenAI Production (EU)', description: 'moved' })
      .withResponse();
    expect(response.ok).toBe(true);
    expectNoRequestViolations(response);
  });

  it('delete', async () => {
    const { response } = await portkey().integrations.delete('openai-staging').withResponse();
    expect(response.ok).toBe(true);
    expectNoRequestViolations(response);
  });

  it('models.list', async () => {
    const { data, response } = await portkey().integrations.models.list('openai-production').withResponse();
    expect(response.ok).toBe(true);
    expectNoRequestViolations(response);
    expect(typeof data).toBe('object');
  });

  it('models.update', async () => {
    const { response } = await portkey()
      .integrations.models.update('openai-production', {
        allow_all_models: false,
        models: [{ slug: 'gpt-4o', enabled: true }],
      })
      .withResponse();
    expect(response.ok).toBe(true);
    expectNoRequestViolations(response);
  });

  it('models.delete sends slugs comma-separated', async () => {
    const { response } = await portkey()
      .integrations.models.delete('openai-production', { slugs: ['gpt-4o', 'gpt-4o-mini'] })
      .withResponse();
    expect(response.ok).toBe(true);
    expect(new URL(response.url).searchParams.get('slugs')).toBe('gpt-4o,gpt-4o-mini');
    expectNoRequestViolations(response);
  });

  it('workspaces.list', async () => {
    const { data, response } = await portkey().integrations.workspaces.list('openai-production').withResponse();
    expect(response.ok).toBe(true);
    expectNoRequestViolations(response);
    expect(typeof data).toBe('object');
  });

  it('workspaces.update', async () => {
    const { response } = await portkey()
      .integrations.workspaces.update('openai-production', {
        workspaces: [{ id: 'ws-data-science', enabled: true }],
        global_workspace_access: { enabled: false },
      })
      .withResponse();
    expect(response.ok).toBe(true);
    expectNoRequestViolations(response);
  });
});
