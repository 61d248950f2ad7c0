// Every operation of our spec, against Prism built from it, with requests made from the spec itself:
// (a) Prism finds nothing wrong, neither with the request nor with its own answer (no `sl-violations`),
//     for the default answer, for each named example of each success response, and for each named
//     request-body example;
// (b) each declared error status answers, with `Prefer: code=<status>`, that status and a body of the
//     declared shape (Prism checks its answer against the schema; the headers declared are sent).
// Generic on purpose: operations added to the spec later are covered without a line here. Our spec
// only: Portkey's full spec (npm run check:full-spec) has examples of its own that break its schemas.
import { describe, expect, inject, it } from 'vitest';
import { loadSpec } from '../../scripts/lib/spec-facts.mjs';
import { buildRequests, deref, isOurSpec, jsonMediaType, violations } from './requests';

const specFile = inject('specFile');
const prismUrl = inject('prismUrl');
const doc = loadSpec(specFile);
const ours = isOurSpec(doc);
const requests = ours ? buildRequests(doc, prismUrl) : [];

if (!ours) {
  console.warn(`test/spec: ${specFile} is not portkey-admin's own spec (no info.x-portkey-admin-spec); skipped.`);
}

const call = (url: string, init: RequestInit, prefer?: string) =>
  fetch(url, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...(prefer ? { prefer } : {}) },
    signal: AbortSignal.timeout(10_000),
  });

/** `5XX` → 500, `4XX` → 400: the code to ask Prism for. */
const concrete = (status: string) => status.replace(/XX$/i, '00');
const successes = (operation: any) => Object.keys(operation.responses ?? {}).filter((s) => /^2/.test(s));
const errors = (operation: any) => Object.keys(operation.responses ?? {}).filter((s) => /^[45]/.test(s));

describe.skipIf(!ours)('our spec against Prism: no violations, request or response side', () => {
  it('has operations to test', () => {
    expect(requests.length).toBeGreaterThan(0);
  });

  for (const r of requests) {
    describe(r.route, () => {
      it('answers a success with no sl-violations', async () => {
        const response = await call(r.url, r.init);
        const text = await response.text();
        expect(violations(response), `${r.route}: ${text.slice(0, 300)}`).toEqual([]);
        expect(successes(r.operation)).toContain(String(response.status));
      });

      const body = deref(doc, r.operation.requestBody ?? {});
      if (body.required && jsonMediaType(body.content)) {
        it('has a request-body example to build its request from', () => {
          expect(r.bodyExamples.length, `${r.route}: give the request body an example`).toBeGreaterThan(0);
        });
      }

      for (const [name, value] of r.bodyExamples.slice(1)) {
        it(`accepts its request-body example "${name}"`, async () => {
          const response = await call(r.url, { ...r.init, body: JSON.stringify(value) });
          expect(violations(response)).toEqual([]);
          expect(response.ok).toBe(true);
        });
      }

      for (const status of successes(r.operation)) {
        const response = deref(doc, r.operation.responses[status]);
        const type = jsonMediaType(response.content);
        for (const name of Object.keys((type && response.content[type].examples) ?? {})) {
          it(`serves response ${status} example "${name}" as its schema says`, async () => {
            const answer = await call(r.url, r.init, `code=${status}, example=${name}`);
            expect(answer.status).toBe(Number(status));
            const text = await answer.text();
            expect(violations(answer), text.slice(0, 300)).toEqual([]);
          });
        }
      }
    });
  }
});

describe.skipIf(!ours)('our spec against Prism: every declared error answers with Prefer: code', () => {
  for (const r of requests) {
    it(`${r.route}: declares error responses`, () => {
      // An operation served without authentication (`security: []`) has no 401 or 403 to declare.
      const open = Array.isArray(r.operation.security) && r.operation.security.length === 0;
      const expected = open ? ['400', '404', '429'] : ['400', '401', '403', '404', '429'];
      expect(errors(r.operation).sort()).toEqual(expect.arrayContaining(expected));
      expect(errors(r.operation).some((s) => /^5/.test(s))).toBe(true);
    });

    for (const status of errors(r.operation)) {
      it(`${r.route}: Prefer code=${concrete(status)} answers ${status} with the declared body`, async () => {
        const response = deref(doc, r.operation.responses[status]);
        const answer = await call(r.url, r.init, `code=${concrete(status)}`);
        expect(answer.status).toBe(Number(concrete(status)));
        const text = await answer.text();
        expect(violations(answer), text.slice(0, 300)).toEqual([]);
        const type = jsonMediaType(response.content);
        expect(type, `${r.route} ${status}: declare a JSON body`).toBeDefined();
        const parsed = JSON.parse(text);
        expect(typeof parsed).toBe('object');
        // Portkey's error bodies: `{ error: { … } }`, `{ error: "…" }` or `{ success: false, data }`.
        expect('error' in parsed || parsed.success === false, text).toBe(true);
        for (const header of Object.keys(response.headers ?? {})) {
          expect(answer.headers.has(header), `${status} declares the ${header} header`).toBe(true);
        }
        const example = response.content[type!].example ?? Object.values(response.content[type!].examples ?? {})[0];
        expect(example, `${r.route} ${status}: give the error an example`).toBeDefined();
      });
    }
  }
});

if (!ours) it.skip(`SKIPPED: ${specFile} is not our own spec, so test/spec's Prism suite did not run`, () => {});
