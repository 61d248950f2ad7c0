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

let pkg: InstalledPackage;
beforeAll(async () => {
  pkg = await installBuiltPackage();
  await pkg.write('esm.mjs', esm);
  await pkg.write('cjs.cjs', cjs);
  await pkg.write('timeout-only.mjs', timeoutOnly);
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

  it('a timeout fires even when nothing but its timer keeps Node running', async () => {
    const result = await pkg.node('timeout-only.mjs', {});
    expect(result.name).toBe('APIConnectionTimeoutError');
    // Two attempts of 200 ms and a backoff of about half a second between them.
    expect(result.ms).toBeGreaterThanOrEqual(400);
  });
});
