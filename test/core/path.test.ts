// Path parameters: each becomes exactly one encoded segment, as the server sees it on the wire, or is
// refused with a clear PortkeyError before anything is sent.
import { describe, expect, it } from 'vitest';
import { encodePathParam, fillPath } from '../../src/core/path';
import { APIError, PortkeyError } from '../../src/index';
import { call, clientFor, closeServersAfterEach, rejection, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

const encoded: [slug: string, segment: string][] = [
  ['openai-prod', 'openai-prod'],
  ['a/b', 'a%2Fb'],
  ['team a/b?c#d', 'team%20a%2Fb%3Fc%23d'],
  ['../admin', '..%2Fadmin'],
  ['..\\admin', '..%5Cadmin'],
  ['%2F', '%252F'],
  ['%', '%25'],
  ['a+b&c=d;e', 'a%2Bb%26c%3Dd%3Be'],
  ['ü', '%C3%BC'],
  ['🚀', '%F0%9F%9A%80'],
  [' ', '%20'],
  ['...', '...'],
  ['..a', '..a'],
  ['.a', '.a'],
  ['a..b', 'a..b'],
  ['%2E%2E%2E', '%252E%252E%252E'],
  ['UPPER_lower-0.9', 'UPPER_lower-0.9'],
];

describe('encoding, as the server sees it', () => {
  it.each(encoded)('%j → /integrations/%s', async (slug, segment) => {
    const s = await server((req, res) => json(res, 200, { url: req.url }));
    const portkey = clientFor(`${s.url}/v1`);
    await portkey.integrations.retrieve(slug);
    await portkey.get('/integrations/{slug}', { params: { path: { slug } } });
    expect(s.requests.map((r) => r.url)).toEqual([`/v1/integrations/${segment}`, `/v1/integrations/${segment}`]);
    // Exactly one segment after /v1/integrations/.
    expect(s.requests[0]!.url.split('/')).toHaveLength(4);
    expect(decodeURIComponent(segment)).toBe(slug);
  });
});

const refused: { label: string; value: unknown; says: RegExp }[] = [
  { label: '""', value: '', says: /non-empty string, not a dot segment; got ""\./ },
  { label: '"."', value: '.', says: /got "\."\./ },
  { label: '".."', value: '..', says: /got "\.\."/ },
  { label: '"%2E%2E"', value: '%2E%2E', says: /got "%2E%2E"/ },
  { label: '"%2e%2e"', value: '%2e%2e', says: /not a dot segment; got "%2e%2e"\./ },
  { label: '"%2E."', value: '%2E.', says: /not a dot segment; got "%2E\."\./ },
  { label: '".%2e"', value: '.%2e', says: /not a dot segment; got "\.%2e"\./ },
  { label: '"%2E"', value: '%2E', says: /not a dot segment; got "%2E"\./ },
  { label: 'null', value: null, says: /non-empty string, not a dot segment; got null/ },
  { label: 'undefined', value: undefined, says: /non-empty string, not a dot segment; got undefined/ },
  { label: '42', value: 42, says: /non-empty string, not a dot segment; got number/ },
  { label: '0', value: 0, says: /got number/ },
  { label: 'NaN', value: Number.NaN, says: /got number/ },
  { label: 'true', value: true, says: /got boolean/ },
  { label: '{}', value: {}, says: /got object/ },
  { label: "['a']", value: ['a'], says: /got object/ },
  { label: 'String object', value: new String('x'), says: /got object/ },
  { label: 'Symbol', value: Symbol('slug'), says: /got symbol/ },
  { label: '10n', value: 10n, says: /got bigint/ },
];

describe('refused before anything is sent', () => {
  it.each(refused)('$label', async ({ value, says }) => {
    const s = await server((_req, res) => json(res, 200, {}));
    const portkey = clientFor(s.url, { maxRetries: 2 });
    const viaResource = await rejection(portkey.integrations.retrieve(value as string));
    const viaLowLevel = await rejection(
      call(portkey, 'get', '/integrations/{slug}', { params: { path: { slug: value } } }),
    );
    for (const error of [viaResource, viaLowLevel]) {
      expect(error).toBeInstanceOf(PortkeyError);
      expect(error).not.toBeInstanceOf(APIError);
      expect(error.name).toBe('PortkeyError');
      expect(error.message).toContain('Path parameter "slug"');
      expect(error.message).toMatch(says);
    }
    expect(s.requests).toHaveLength(0);
  });

  it('a missing parameter names the parameter and the template', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const portkey = clientFor(s.url);
    for (const init of [
      undefined,
      {},
      { params: {} },
      { params: { path: {} } },
      { params: { path: { other: 'x' } } },
    ]) {
      const error = await rejection(call(portkey, 'get', '/integrations/{slug}', init));
      expect(error).toBeInstanceOf(PortkeyError);
      expect(error.message).toBe('Path parameter "slug" of /integrations/{slug} is missing.');
    }
    expect(s.requests).toHaveLength(0);
  });
});

describe('fillPath', () => {
  it('fills every parameter, each as one segment', () => {
    expect(fillPath('/a/{x}/b/{y}', { x: 'p/q', y: 'r s' })).toBe('/a/p%2Fq/b/r%20s');
    expect(fillPath('/no/params', undefined)).toBe('/no/params');
  });

  it('handles parameters at either end, side by side, and the same one twice', () => {
    expect(fillPath('{a}', { a: 'x' })).toBe('x');
    expect(fillPath('/{a}{b}.json', { a: 'x', b: 'y/z' })).toBe('/xy%2Fz.json');
    expect(fillPath('/{a}/and/{a}', { a: '1' })).toBe('/1/and/1');
  });

  it('an unclosed brace is literal text, not a parameter (and never a loop)', () => {
    expect(fillPath('/a/{b', {})).toBe('/a/{b');
    expect(fillPath('/{x}/c{', { x: 'v' })).toBe('/v/c{');
  });

  it('inherited properties do not count as given', () => {
    expect(() => fillPath('/a/{toString}', {})).toThrow(/"toString" of \/a\/{toString} is missing/);
    expect(() => fillPath('/a/{constructor}', Object.create({ constructor: 'x' }))).toThrow(
      /"constructor" of \/a\/{constructor} is missing/,
    );
  });

  it('encodePathParam refuses before encoding, so an encoded dot segment never slips through', () => {
    expect(() => encodePathParam('id', '%2e%2E')).toThrow(PortkeyError);
    expect(encodePathParam('id', 'x')).toBe('x');
  });
});
