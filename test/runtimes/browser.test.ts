// The client in a real browser: src/ bundled by esbuild for the browser, loaded by a page served from
// 127.0.0.1, calling the run's Prism mock on another port (so CORS, preflight included, is real),
// in headless Debian Chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismUrl } from '../helpers/prism-client';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
// CI sets REQUIRE_CHROMIUM=1: there a missing browser is a failure, not a skip.
const requireChromium = process.env.REQUIRE_CHROMIUM === '1';

if (!haveChromium) {
  const message =
    `\n${'!'.repeat(100)}\n` +
    `!! test/runtimes/browser.test.ts SKIPPED: no Chromium at ${CHROMIUM}.\n` +
    `!! Install Debian's Chromium to run it:  apt-get install -y chromium   (or set CHROMIUM_PATH)\n` +
    `${'!'.repeat(100)}\n`;
  if (requireChromium) throw new Error(message);
  console.warn(message);
}

// The page's own script: runs the calls and answers what the test asserts on.
const appJs = `
import { PortkeyAdmin, NotFoundError, AuthenticationError } from './portkey-admin.js';

window.runCalls = async (baseUrl) => {
  const portkey = new PortkeyAdmin({ apiKey: 'pk-browser-key', baseUrl, maxRetries: 0, timeout: 10000 });
  const { data: integration, response } = await portkey.integrations.retrieve('openai-prod').withResponse();
  const page = await portkey.integrations.list();
  const iterated = [];
  for await (const item of portkey.integrations.list()) {
    iterated.push(item.slug);
    if (iterated.length >= 5) break;
  }
  const describe = (error) => error?.constructor?.name + ' ' + (error?.status ?? '');
  const notFound = await portkey.get('/no-such-path').then(() => 'resolved', describe);
  const noKey = await portkey.integrations
    .retrieve('openai-prod', { headers: { 'x-portkey-api-key': null } })
    .then(() => 'resolved', (e) => (e instanceof AuthenticationError ? describe(e) : 'other: ' + describe(e)));
  return {
    hasProcess: typeof process !== 'undefined',
    status: response.status,
    responseUrl: response.url,
    integration,
    page,
    iterated,
    notFound,
    noKey,
    notFoundIsClass: notFound.startsWith(NotFoundError.name),
  };
};
window.appReady = true;
`;

const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>portkey-admin in the browser</title></head>
<body><script type="module" src="/app.js"></script></body></html>`;

describe.runIf(haveChromium)('the client in headless Chromium', () => {
  let server: Server | undefined;
  let origin = '';
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [resolve(import.meta.dirname, '../../src/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const files: Record<string, { type: string; body: string | Uint8Array }> = {
      '/': { type: 'text/html', body: html },
      '/app.js': { type: 'text/javascript', body: appJs },
      '/portkey-admin.js': { type: 'text/javascript', body: bundle.outputFiles[0]!.contents },
    };
    server = createServer((req, res) => {
      const file = files[req.url ?? ''];
      res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain', 'cache-control': 'no-store' });
      res.end(file?.body ?? 'not found');
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      timeout: 30_000,
      // Playwright gives each launch a fresh, temporary profile (--user-data-dir) of its own.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction('window.appReady === true');
  });

  afterAll(async () => {
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((done) => server!.close(() => done()));
    }
  });

  it('retrieves and lists integrations from Prism across origins, with the API key header', async () => {
    const target = prismUrl();
    expect(new URL(target).origin).not.toBe(origin); // cross-origin: the browser enforces CORS
    const result = await page.evaluate(`window.runCalls(${JSON.stringify(target)})`);
    const r = result as any;

    expect(r.hasProcess).toBe(false);
    expect(r.status).toBe(200);
    expect(r.responseUrl).toBe(`${target}/integrations/openai-prod`);
    expect(typeof r.integration.slug).toBe('string');
    expect(typeof r.integration.name).toBe('string');
    expect(Array.isArray(r.page.data)).toBe(true);
    expect(r.page.data.length).toBeGreaterThan(0);
    expect(typeof r.page.data[0].slug).toBe('string');
    expect(r.iterated.length).toBeGreaterThan(0);
    expect(r.iterated[0]).toBe(r.page.data[0].slug);
    expect(r.notFound).toBe('NotFoundError 404');
    expect(r.notFoundIsClass).toBe(true);
    // Prism answers 401 without the key: so the header it got otherwise really came through CORS.
    expect(r.noKey).toBe('AuthenticationError 401');
    expect(pageErrors.filter((e) => !/status of 40[14]/.test(e))).toEqual([]);
  });
});
