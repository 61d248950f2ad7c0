#!/usr/bin/env node
// Smoke test of the package as a user gets it: `npm pack` the (already built) package, install the
// tarball into a fresh folder, and run an ESM and a CJS consumer that call a tiny local HTTP server.
// Also checks the tarball holds only dist/, README, LICENSE and package.json.
// Run by `npm run check:package` after tsup; exits non-zero, saying why, on any failure.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

class SmokeFailure extends Error {}
function check(condition, message) {
  if (!condition) throw new SmokeFailure(message);
}
function step(message) {
  console.log(`smoke-pack: ${message}`);
}

/** Run a command; on failure, the error says what ran and what it printed. */
async function sh(command, args, options) {
  try {
    return await run(command, args, { maxBuffer: 32 * 1024 * 1024, timeout: 180_000, ...options });
  } catch (error) {
    const out = [error.stdout, error.stderr].filter(Boolean).join('\n').trim();
    throw new SmokeFailure(`\`${command} ${args.join(' ')}\` failed (${error.code ?? error.signal}):\n${out}`);
  }
}

// What the consumers answer: the integration, the 404 as NotFoundError, and which file was loaded.
const consumerBody = (resolveExpr) => `
const portkey = new PortkeyAdmin({ apiKey: 'pk-smoke', baseUrl: process.env.SMOKE_URL, maxRetries: 0, timeout: 5000 });
const integration = await portkey.integrations.retrieve('x');
const missing = await portkey.integrations.retrieve('missing').then(
  () => 'resolved',
  (error) => (error instanceof NotFoundError ? 'NotFoundError ' + error.status : 'other: ' + String(error)),
);
console.log(JSON.stringify({ resolved: ${resolveExpr}, integration, missing }));
`;

const esmConsumer = `import { PortkeyAdmin, NotFoundError } from 'portkey-admin';
${consumerBody("import.meta.resolve('portkey-admin')")}`;

const cjsConsumer = `'use strict';
const { PortkeyAdmin, NotFoundError } = require('portkey-admin');
(async () => {
${consumerBody("require.resolve('portkey-admin')")}
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

/** The API the consumers call: GET /integrations/x answers an integration; anything else a 404. */
async function startApi() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, apiKey: req.headers['x-portkey-api-key'] });
    if (req.method === 'GET' && req.url === '/v1/integrations/x') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ slug: 'x', name: 'Smoke integration', ai_provider_id: 'openai', status: 'active' }));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: false, data: { message: 'not found' } }));
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/v1`,
    seen,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function checkTarballFiles(files) {
  const paths = files.map((f) => f.path).sort();
  const allowed = (p) => p === 'package.json' || p === 'README.md' || p === 'LICENSE' || p.startsWith('dist/');
  const unexpected = paths.filter((p) => !allowed(p));
  check(unexpected.length === 0, `the tarball holds files it should not: ${unexpected.join(', ')}`);
  for (const p of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts']) {
    check(paths.includes(p), `the tarball lacks ${p} (it holds: ${paths.join(', ')})`);
  }
  // Whatever package.json points at must be in the tarball.
  const pointedAt = new Set([pkg.main, pkg.module, pkg.types]);
  const walk = (node) => {
    if (typeof node === 'string') pointedAt.add(node);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(pkg.exports);
  for (const target of pointedAt) {
    if (!target) continue;
    const p = target.replace(/^\.\//, '');
    check(paths.includes(p), `package.json points at ${target}, which is not in the tarball`);
  }
  return paths;
}

async function runConsumer(cwd, file, nodeArgs, apiUrl) {
  const { stdout } = await sh(process.execPath, [...nodeArgs, file], {
    cwd,
    timeout: 30_000,
    env: { PATH: process.env.PATH, SMOKE_URL: apiUrl },
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line);
  } catch {
    throw new SmokeFailure(`${file} printed no JSON result:\n${stdout}`);
  }
}

function checkResult(label, result, expectedFile, installDir) {
  const resolved = String(result.resolved).replace(/^file:\/\//, '');
  check(
    resolved.startsWith(join(installDir, 'node_modules', 'portkey-admin')) && resolved.endsWith(expectedFile),
    `${label} loaded ${result.resolved}, expected the installed package's ${expectedFile}`,
  );
  check(result.integration?.slug === 'x', `${label}: retrieve('x') answered ${JSON.stringify(result.integration)}`);
  check(result.missing === 'NotFoundError 404', `${label}: a 404 surfaced as ${result.missing}, not NotFoundError`);
}

const work = await mkdtemp(join(tmpdir(), 'portkey-admin-smoke-'));
let api;
try {
  for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
    check(existsSync(join(root, f)), `${f} is missing: build first (npx tsup)`);
  }

  step('npm pack');
  const packDir = join(work, 'pack');
  await mkdir(packDir);
  // --ignore-scripts: pack what was built, nothing else; npm prints the JSON after any script output.
  const { stdout: packJson } = await sh(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
    cwd: root,
  });
  const [packed] = JSON.parse(packJson.slice(packJson.indexOf('[')));
  const paths = checkTarballFiles(packed.files);
  const tarball = join(packDir, packed.filename);
  check(existsSync(tarball), `npm pack wrote no ${packed.filename}`);
  step(`tarball ${packed.filename}: ${paths.length} files, ${(packed.size / 1024).toFixed(1)} kB packed`);

  step('npm install the tarball into a fresh project');
  const app = join(work, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', version: '0.0.0', private: true }));
  await sh(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error', tarball],
    { cwd: app },
  );
  const installed = JSON.parse(await readFile(join(app, 'node_modules', 'portkey-admin', 'package.json'), 'utf8'));
  check(installed.version === pkg.version, `installed portkey-admin@${installed.version}, packed ${pkg.version}`);
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    check(existsSync(join(app, 'node_modules', dep)), `dependency ${dep} was not installed with the package`);
  }
  for (const dev of Object.keys(pkg.devDependencies ?? {})) {
    check(!existsSync(join(app, 'node_modules', dev)), `devDependency ${dev} was installed with the package`);
  }

  await writeFile(join(app, 'esm.mjs'), esmConsumer);
  await writeFile(join(app, 'cjs.cjs'), cjsConsumer);
  api = await startApi();

  step('ESM consumer: import { PortkeyAdmin, NotFoundError } from "portkey-admin"');
  checkResult('ESM', await runConsumer(app, 'esm.mjs', [], api.url), 'dist/index.js', app);

  // Without require(esm) (Node < 20.19 has none): the CJS build must not need it.
  step('CJS consumer: require("portkey-admin"), without require(esm)');
  checkResult(
    'CJS',
    await runConsumer(app, 'cjs.cjs', ['--no-experimental-require-module'], api.url),
    'dist/index.cjs',
    app,
  );

  check(
    api.seen.every((r) => r.apiKey === 'pk-smoke'),
    `a request went without the API key: ${JSON.stringify(api.seen)}`,
  );
  check(api.seen.length === 4, `expected 4 requests to the local API, saw ${api.seen.length}`);
  step('OK');
} catch (error) {
  console.error(`\nsmoke-pack FAILED: ${error instanceof SmokeFailure ? error.message : (error?.stack ?? error)}`);
  process.exitCode = 1;
} finally {
  await api?.close();
  await rm(work, { recursive: true, force: true });
}
