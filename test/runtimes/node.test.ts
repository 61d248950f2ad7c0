// The built package in real Node processes: `import` resolves the ESM build, `require` the CJS build
// (with require(esm) switched off, as on Node < 20.19), and each calls the run's Prism mock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismUrl } from '../helpers/prism-client';
import { installBuiltPackage, type InstalledPackage } from './built-package';

// The same calls from both module systems; prints one JSON line.
const calls = (resolveExpr: string) => `
const portkey = new PortkeyAdmin({ baseUrl: process.env.PRISM_URL, maxRetries: 0, timeout: 10000 });
const { data: integration, response } = await portkey.integrations.retrieve('openai-prod').withResponse();
const page = await portkey.integrations.list();
const notFound = await portkey.get('/no-such-path').then(
  () => 'resolved',
  (error) => (error instanceof NotFoundError && error instanceof APIError ? error.name + ' ' + error.status : String(error)),
);
console.log(JSON.stringify({
  resolved: ${resolveExpr},
  status: response.status,
  slug: integration.slug,
  listObject: page.object,
  listIsArray: Array.isArray(page.data),
  firstSlug: page.data?.[0]?.slug,
  notFound,
}));
`;

const esm = `import { PortkeyAdmin, NotFoundError, APIError } from 'portkey-admin';
${calls("import.meta.resolve('portkey-admin')")}`;

const cjs = `'use strict';
const { PortkeyAdmin, NotFoundError, APIError } = require('portkey-admin');
(async () => {
${calls("require.resolve('portkey-admin')")}
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

// A fetch that holds no socket (a mock, an in-process adapter) and answers only by rejecting on abort:
// the timeout's timer alone must keep Node running until it fires, then the script reports the error.
const timeoutOnly = `import { PortkeyAdmin } from 'portkey-admin';
const fetch = (_url, init) =>
  new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
const portkey = new PortkeyAdmin({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', fetch, timeout: 200, maxRetries: 1 });
const started = Date.now();
const error = await portkey.integrations.retrieve('x').then(() => null, (e) => e);
console.log(JSON.stringify({ name: error?.name, ms: Date.now() - started }));
`;

// An app that loads both builds (a CommonJS dependency beside its own ESM): each copy's classes catch the other's
// errors; a class of the app's own that extends one keeps the ordinary check.
const dualLoad = `import { createRequire } from 'node:module';
import * as esm from 'portkey-admin';
import { mockFetch } from 'portkey-admin/testing';
const cjs = createRequire(import.meta.url)('portkey-admin');
const fetch = async () => Response.json({ error: { message: 'gone', code: 'AB04' } }, { status: 404 });
const errorOf = (mod) =>
  new mod.PortkeyAdmin({ apiKey: 'k', fetch, maxRetries: 0 }).integrations.retrieve('x').then(() => null, (e) => e);
const fromCjs = await errorOf(cjs);
const fromEsm = await errorOf(esm);
class Mine extends esm.NotFoundError {}
const unmatched = await new esm.PortkeyAdmin({ apiKey: 'k', fetch: mockFetch({}) }).integrations.retrieve('x').then(() => null, (e) => e);
// CommonJS bundles each entry whole: testing's copy of the error classes is not the client's.
const cjsMock = createRequire(import.meta.url)('portkey-admin/testing').mockFetch({});
const unmatchedCjs = await new cjs.PortkeyAdmin({ apiKey: 'k', fetch: cjsMock }).integrations.retrieve('x').then(() => null, (e) => e);
console.log(JSON.stringify({
  twoCopies: cjs.NotFoundError !== esm.NotFoundError,
  cjsCaughtByEsm: [fromCjs instanceof esm.NotFoundError, fromCjs instanceof esm.APIError, fromCjs instanceof esm.PortkeyError],
  esmCaughtByCjs: [fromEsm instanceof cjs.NotFoundError, fromEsm instanceof cjs.PortkeyError],
  otherClass: [fromCjs instanceof esm.ConflictError, fromCjs instanceof esm.APIConnectionError, new Error('x') instanceof esm.PortkeyError],
  ownSubclass: [fromEsm instanceof Mine, new Mine(404, new Headers(), {}, 'm') instanceof esm.NotFoundError],
  unmatchedIsOurs: unmatched instanceof esm.PortkeyError,
  unmatchedCjs: [unmatchedCjs instanceof cjs.PortkeyError, unmatchedCjs instanceof cjs.APIConnectionError, cjsMock.calls.length],
}));
`;

let pkg: InstalledPackage;
beforeAll(async () => {
  pkg = await installBuiltPackage();
  await pkg.write('esm.mjs', esm);
  await pkg.write('cjs.cjs', cjs);
  await pkg.write('timeout-only.mjs', timeoutOnly);
  await pkg.write('dual-load.mjs', dualLoad);
});
afterAll(async () => {
  await pkg?.remove();
});

function expectCalled(result: any, entry: RegExp): void {
  expect(result.resolved).toMatch(entry);
  expect(result.status).toBe(200);
  expect(typeof result.slug).toBe('string');
  expect(result.listIsArray).toBe(true);
  expect(typeof result.firstSlug).toBe('string');
  expect(result.notFound).toBe('NotFoundError 404');
}

describe('the built package in Node', () => {
  // The API key from the environment, as a Node user would set it.
  const env = () => ({ PRISM_URL: prismUrl(), PORTKEY_API_KEY: 'pk-test-key' });

  it('ESM: import { PortkeyAdmin } from "portkey-admin" loads dist/index.js and calls the API', async () => {
    const started = Date.now();
    expectCalled(await pkg.node('esm.mjs', env()), /\/node_modules\/portkey-admin\/dist\/index\.js$/);
    // The script's timeout is 10 s: a timer left armed by a finished request would hold the process
    // open until it fired. Nothing may: the script ends as soon as its calls do.
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('CJS: require("portkey-admin") loads dist/index.cjs and calls the API, without require(esm)', async () => {
    const result = await pkg.node('cjs.cjs', env(), ['--no-experimental-require-module']);
    expectCalled(result, /\/node_modules\/portkey-admin\/dist\/index\.cjs$/);
  });

  it("loaded as both CJS and ESM (and with portkey-admin/testing), each copy's error classes catch the other's errors", async () => {
    expect(await pkg.node('dual-load.mjs', {})).toEqual({
      twoCopies: true,
      cjsCaughtByEsm: [true, true, true],
      esmCaughtByCjs: [true, true],
      otherClass: [false, false, false],
      ownSubclass: [false, true],
      unmatchedIsOurs: true,
      // Passed on as it is, not taken for a network failure and retried.
      unmatchedCjs: [true, false, 1],
    });
  });

  it('a timeout fires even when nothing but its timer keeps Node running', async () => {
    const result = await pkg.node('timeout-only.mjs', {});
    expect(result.name).toBe('APIConnectionTimeoutError');
    // Two attempts of 200 ms and a backoff of about half a second between them.
    expect(result.ms).toBeGreaterThanOrEqual(400);
  });
});
