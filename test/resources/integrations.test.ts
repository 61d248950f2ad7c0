// Contract tests: the facade against Prism serving the spec.
import { describe, expect, it } from 'vitest';
import { AuthenticationError, NotFoundError } from '../../src/index';
import { expectNoRequestViolations, prismClient } from '../helpers/prism-client';

describe('integrations.retrieve against the Prism mock', () => {
  it('returns the integration as the spec describes it', async () => {
    const portkey = prismClient();
    const { data, response, requestId } = await portkey.integrations.retrieve('openai-prod').withResponse();
    expect(response.status).toBe(200);
    expectNoRequestViolations(response);
    expect(typeof data.slug).toBe('string');
    expect(typeof data.ai_provider_id).toBe('string');
    expect(['active', 'archived', undefined]).toContain(data.status);
    expect(typeof data.configurations).toBe('object');
    expect(requestId).toBeUndefined();
  });

  it('awaits straight to the data', async () => {
    const data = await prismClient().integrations.retrieve('openai-prod');
    expect(data).toHaveProperty('slug');
    expect(data).toHaveProperty('name');
  });

  it('sends the API key: without it Prism answers 401, surfaced as AuthenticationError', async () => {
    const portkey = prismClient();
    const error = await portkey.integrations
      .retrieve('openai-prod', { headers: { 'x-portkey-api-key': null } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).message).toMatch(/401/);
  });

  it('encodes an unusual slug as one segment that Prism still routes', async () => {
    const { response } = await prismClient().integrations.retrieve('team a/b?c#d').withResponse();
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toBe('/integrations/team%20a%2Fb%3Fc%23d');
    expectNoRequestViolations(response);
  });

  it('answers 404 for a path outside the spec, as NotFoundError', async () => {
    const portkey = prismClient();
    const error = await (portkey.get as any)('/no-such-path').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('offers the same call through the typed low-level get', async () => {
    const { data, response } = await prismClient()
      .get('/integrations/{slug}', { params: { path: { slug: 'openai-prod' } } })
      .withResponse();
    expectNoRequestViolations(response);
    expect(data).toHaveProperty('slug');
  });
});
