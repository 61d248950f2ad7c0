// Property-based tests of what goes on the wire: random path parameters and query values, sent to a
// local echo server that answers with the request target exactly as it arrived. A value is either
// refused before the network with a PortkeyError, or arrives intact: one path segment that decodes
// back to the original, or a query parameter that parses back to the original.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortkeyAdmin, PortkeyError } from '../src/index';
import { startEchoServer, type EchoServer } from './helpers/echo-server';

const RUNS = 1000;

// ── Arbitraries ────────────────────────────────────────────────────────────────────────────────────

/** Characters and sequences that mean something to a URL parser, or to a server decoding one. */
const tricky = fc.constantFrom(
  ...`/?#[]@!$&'()*+,;=%`,
  '.',
  '..',
  ' ',
  '+',
  '%2e',
  '%2E',
  '%2F',
  '%2f',
  '%25',
  '%20',
  '%00',
  '%',
  '\\',
  '\t',
  '\n',
  '\r',
  '\0',
  '~',
  'é',
  'e\u0301', // e + combining acute
  '👍🏽', // astral pair + skin-tone modifier
  '\u200b', // zero-width space
  '\u00a0', // no-break space
  '\ufeff', // BOM
  '\u2028', // line separator
);
/** Half of a surrogate pair; two of them in a row may or may not make a valid pair. */
const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
/** Values near the dot-segment rule: some must be refused, the rest must go through as themselves. */
const dotLike = fc.constantFrom(
  '',
  '.',
  '..',
  '%2e',
  '%2E',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2E.',
  '...',
  '.. ',
  ' .',
  '%2e%2e%2e',
  '%252e',
  '%252e%252e',
  '..%2f',
  './',
  '/..',
  '%2F..',
  '.\u200b',
);

const anyString = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }), // full Unicode range, well-formed
  fc.string({ unit: 'binary-ascii' }), // control characters included
  fc.string({ unit: fc.oneof({ weight: 6, arbitrary: tricky }, { weight: 1, arbitrary: surrogate }), maxLength: 12 }),
  fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 8 }),
  dotLike,
);

// ── Oracles, stated independently of src/core/path.ts ──────────────────────────────────────────────

/** A lone (unpaired) surrogate: such a string has no UTF-8 form and cannot be percent-encoded. */
const illFormed = (s: string) => /\p{Cs}/u.test(s);
/** '.' or '..', once any `%2e` is read as the dot it stands for. */
const dotSegment = (s: string) => ['.', '..'].includes(s.replace(/%2e/gi, '.'));
/** What the contract refuses as a path parameter (ill-formed strings aside, see the last describe). */
const refusedPathParam = (s: string) => s === '' || dotSegment(s);

type Outcome = { ok: true; rawUrl: string } | { ok: false; error: unknown };

/** Settle a call: the echoed request target, or the error. */
function settle(p: PromiseLike<unknown>): Promise<Outcome> {
  return Promise.resolve(p).then(
    (data) => ({ ok: true, rawUrl: (data as { rawUrl: string }).rawUrl }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Was refused with a PortkeyError, and the server saw nothing. */
function expectRefusedBeforeNetwork(outcome: Outcome, server: EchoServer, countBefore: number): void {
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) expect(outcome.error).toBeInstanceOf(PortkeyError);
  expect(server.count).toBe(countBefore);
}

/** The request target, as it arrived, must not be something a server would normalise differently. */
function expectNotRenormalised(rawUrl: string): URL {
  const parsed = new URL(rawUrl, 'http://x');
  expect(parsed.pathname + parsed.search).toBe(rawUrl);
  return parsed;
}

let server: EchoServer;
let portkey: PortkeyAdmin;
beforeAll(async () => {
  server = await startEchoServer();
  portkey = new PortkeyAdmin({ apiKey: 'pk-fuzz', baseUrl: server.url, maxRetries: 0, timeout: 5_000 });
});
afterAll(() => server?.close());

/** Sent exactly once, or refused before the network: nothing else is acceptable. */
async function call(p: () => PromiseLike<unknown>): Promise<{ outcome: Outcome; before: number }> {
  const before = server.count;
  // Some checks throw synchronously (models.delete's), others reject: both count as refusals here.
  const outcome = await settle(Promise.resolve().then(p));
  if (outcome.ok) expect(server.count).toBe(before + 1);
  else expect(server.count).toBe(before);
  return { outcome, before };
}

// ── Properties ─────────────────────────────────────────────────────────────────────────────────────

describe('path parameters (integrations.retrieve)', () => {
  it('an accepted slug arrives as exactly one segment that decodes to itself; a refused one never leaves', async () => {
    await fc.assert(
      fc.asyncProperty(anyString, async (slug) => {
        const { outcome, before } = await call(() => portkey.integrations.retrieve(slug));
        if (illFormed(slug)) {
          // Never sent; which error it is, is checked (as a known bug) in the last describe.
          expect(outcome.ok).toBe(false);
          return;
        }
        if (refusedPathParam(slug)) return expectRefusedBeforeNetwork(outcome, server, before);

        if (!outcome.ok) throw outcome.error;
        const raw = outcome.rawUrl;
        expect(raw.startsWith('/integrations/')).toBe(true);
        expect(raw).not.toContain('?');
        expect(raw.split('/')).toHaveLength(3); // exactly two slashes: no extra segment
        expect(decodeURIComponent(raw.slice('/integrations/'.length))).toBe(slug);
        expectNotRenormalised(raw);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses non-strings before the network', async () => {
    const notStrings = fc.oneof(
      fc.constantFrom(null, undefined, true, 0, -0, NaN, 42n),
      fc.integer(),
      fc.double(),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(notStrings, async (value) => {
        const before = server.count;
        // Plain-JavaScript callers: the types would stop this.
        const outcome = await settle(Promise.resolve().then(() => portkey.integrations.retrieve(value as any)));
        expectRefusedBeforeNetwork(outcome, server, before);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('query values (integrations.list)', () => {
  const query = fc.record(
    {
      workspace_id: anyString,
      current_page: fc.maxSafeNat(),
      page_size: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      type: fc.constantFrom('workspace' as const, 'organisation' as const, 'all' as const),
    },
    { requiredKeys: [] },
  );

  it('every value arrives exactly as given, and nothing else does', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const { outcome } = await call(() => portkey.integrations.list(q));
        if (q.workspace_id !== undefined && illFormed(q.workspace_id)) {
          expect(outcome.ok).toBe(false);
          return;
        }
        if (!outcome.ok) throw outcome.error;
        const url = expectNotRenormalised(outcome.rawUrl);
        expect(url.pathname).toBe('/integrations');
        const sent = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
        const given = Object.entries(q)
          .map(([k, v]) => [k, String(v)])
          .sort(([a], [b]) => a!.localeCompare(b!));
        expect(sent).toEqual(given);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('comma-separated query values (integrations.models.delete)', () => {
  const acceptedSlug = anyString.filter((s) => !illFormed(s) && !refusedPathParam(s));
  const modelSlug = fc.oneof(
    { weight: 8, arbitrary: anyString.filter((s) => !s.includes(',')) },
    { weight: 1, arbitrary: anyString }, // may hold a comma, or be empty or blank
  );
  const input = fc.record({
    slug: acceptedSlug,
    slugs: fc.array(modelSlug, { minLength: 1, maxLength: 6 }),
    asString: fc.boolean(),
  });

  it('non-empty model slugs without commas round-trip through `slugs`; others are refused', async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ slug, slugs, asString }) => {
        const { outcome, before } = await call(() =>
          portkey.integrations.models.delete(slug, { slugs: asString ? slugs.join(',') : slugs }),
        );
        // The documented forms: an array of slugs, or one comma-separated string of them; each slug is
        // sent exactly as given (no trimming: " gpt-4o" is the caller's to mean).
        const list = asString ? slugs.join(',').split(',') : slugs;
        if (list.some(illFormed)) {
          expect(outcome.ok).toBe(false);
          return;
        }
        if (list.some((s) => s === '' || s.includes(','))) return expectRefusedBeforeNetwork(outcome, server, before);
        // A required query parameter that is a blank string is missing, as the core checks every one.
        if (!list.join(',').trim()) return expectRefusedBeforeNetwork(outcome, server, before);

        if (!outcome.ok) throw outcome.error;
        const url = expectNotRenormalised(outcome.rawUrl);
        const prefix = '/integrations/';
        const suffix = '/models';
        expect(url.pathname.startsWith(prefix) && url.pathname.endsWith(suffix)).toBe(true);
        const segment = url.pathname.slice(prefix.length, -suffix.length);
        expect(segment).not.toContain('/');
        expect(decodeURIComponent(segment)).toBe(slug);
        expect([...url.searchParams.keys()]).toEqual(['slugs']);
        expect(url.searchParams.get('slugs')!.split(',')).toEqual(list);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('strings with a lone surrogate', () => {
  // Such a string has no UTF-8 form and encodeURIComponent throws a bare URIError on it; the client must
  // refuse it as a PortkeyError, before anything is sent, whether it is a path or a query value.
  const withLoneSurrogate = fc
    .tuple(anyString, surrogate, anyString)
    .map(([a, s, b]) => a + s + b)
    .filter(illFormed);
  const operation = fc.constantFrom('retrieve', 'list', 'models.delete');

  it('are refused before the network with a PortkeyError', async () => {
    await fc.assert(
      fc.asyncProperty(operation, withLoneSurrogate, async (op, bad) => {
        const before = server.count;
        const outcome = await settle(
          Promise.resolve().then(() =>
            op === 'retrieve'
              ? portkey.integrations.retrieve(bad)
              : op === 'list'
                ? portkey.integrations.list({ workspace_id: bad })
                : portkey.integrations.models.delete('openai-prod', { slugs: ['gpt-4o', bad] }),
          ),
        );
        expectRefusedBeforeNetwork(outcome, server, before);
      }),
      { numRuns: RUNS },
    );
  });
});
