#!/usr/bin/env node
// Smoke test of the package as a user gets it, built from a fresh clone rather than from this tree:
// `git clone` HEAD (the committed state: uncommitted changes are not in it) into a temp folder, with
// the project's node_modules linked in (no network), and with no dist/. There, `npm pack` must build
// dist/ through the `prepare` script; the tarball must hold dist/, README, LICENSE and package.json
// and nothing else; installed into a fresh project, an ESM and a CJS consumer call a tiny local HTTP
// server through it. Then the same as a folder dependency: a second fresh clone installed with
// `npm install --install-links <clone>`, which runs its `prepare` and installs what that packs, as npm
// does for a git dependency once it has installed the dependency's devDependencies. With --git
// (`npm run check:package -- --git`), also `npm install git+file://<this repo>#<HEAD>`, the route of
// `npm install github:…`: about 1½ min, as npm installs every devDependency in its own clone first.
// Run by `npm run check:package`; needs `npm ci` first and git; exits non-zero, saying why, on any failure.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const withGit = process.argv.includes('--git');
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
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
const mocked = await new PortkeyAdmin({
  apiKey: 'pk-smoke',
  maxRetries: 0,
  fetch: mockFetch({ 'GET /integrations/{slug}': ({ params }) => ({ slug: params.slug, name: 'Mocked' }) }),
}).integrations.retrieve('from-the-mock');
console.log(JSON.stringify({ resolved: ${resolveExpr}, integration, missing, mocked }));
`;

const esmConsumer = `import { PortkeyAdmin, NotFoundError } from 'portkey-admin';
import { mockFetch } from 'portkey-admin/testing';
${consumerBody("import.meta.resolve('portkey-admin')")}`;

const cjsConsumer = `'use strict';
const { PortkeyAdmin, NotFoundError } = require('portkey-admin');
const { mockFetch } = require('portkey-admin/testing');
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

const required = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/testing.js',
  'dist/testing.cjs',
  'dist/testing.d.ts',
  'dist/testing.d.cts',
  'openapi/portkey.yaml',
  'docs/api.md',
];
const allowed = (p) => required.includes(p) || p.startsWith('dist/');

/** The package's files (the tarball's, or an installed copy's) hold what they must and nothing else. */
function checkPackageFiles(label, paths, pkg) {
  const unexpected = paths.filter((p) => !allowed(p));
  check(unexpected.length === 0, `${label} holds files it should not: ${unexpected.join(', ')}`);
  for (const p of required) check(paths.includes(p), `${label} lacks ${p} (it holds: ${paths.join(', ')})`);
  // Whatever package.json points at must be there.
  const pointedAt = new Set([pkg.main, pkg.module, pkg.types]);
  const walk = (node) => {
    if (typeof node === 'string') pointedAt.add(node);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(pkg.exports);
  for (const target of pointedAt) {
    if (!target) continue;
    check(paths.includes(target.replace(/^\.\//, '')), `package.json points at ${target}, which ${label} lacks`);
  }
}

/** Relative paths of the files under dir, node_modules left out. */
async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...(await listFiles(dir, rel)));
    } else out.push(rel);
  }
  return out.sort();
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
  check(
    result.mocked?.name === 'Mocked',
    `${label}: portkey-admin/testing's mockFetch answered ${JSON.stringify(result.mocked)}`,
  );
}

const work = await mkdtemp(join(tmpdir(), 'portkey-admin-smoke-'));
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const installFlags = ['--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error'];
let head;
let api;
let consumerRuns = 0;
let uncommitted = 0;

/** A fresh clone of HEAD in work/name: no dist/, no build; the project's node_modules linked in. */
async function freshClone(name) {
  const dir = join(work, name);
  await sh('git', ['clone', '--quiet', root, dir]);
  await sh('git', ['-C', dir, 'checkout', '--quiet', '--detach', head]);
  check(!existsSync(join(dir, 'dist')), `${name} has a dist/ before any build: is dist/ committed?`);
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'junction');
  return dir;
}

/** A fresh consumer project in work/name with `portkey-admin` installed from spec. */
async function consumerProject(name, installArgs) {
  const app = join(work, name);
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', version: '0.0.0', private: true }));
  await sh(npm, ['install', ...installFlags, ...installArgs], { cwd: app, timeout: 240_000 });
  await writeFile(join(app, 'esm.mjs'), esmConsumer);
  await writeFile(join(app, 'cjs.cjs'), cjsConsumer);
  return app;
}

/** The installed package is a real folder, its own dependencies and none of its devDependencies beside it. */
async function checkInstalled(label, app, pkg) {
  const dir = join(app, 'node_modules', 'portkey-admin');
  check((await lstat(dir)).isDirectory(), `${label}: node_modules/portkey-admin is a link, not an installed copy`);
  checkPackageFiles(`${label}'s installed package`, await listFiles(dir), pkg);
  const installed = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  check(
    installed.version === pkg.version,
    `${label}: installed portkey-admin@${installed.version}, not ${pkg.version}`,
  );
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    check(existsSync(join(app, 'node_modules', dep)), `${label}: dependency ${dep} was not installed with the package`);
  }
  for (const dev of Object.keys(pkg.devDependencies ?? {})) {
    check(!existsSync(join(app, 'node_modules', dev)), `${label}: devDependency ${dev} was installed with the package`);
  }
}

async function runConsumers(label, app) {
  step(`${label}, ESM consumer: import { PortkeyAdmin, NotFoundError } from "portkey-admin"`);
  checkResult(`${label}, ESM`, await runConsumer(app, 'esm.mjs', [], api.url), 'dist/index.js', app);
  // Without require(esm) (Node < 20.19 has none): the CJS build must not need it.
  step(`${label}, CJS consumer: require("portkey-admin"), without require(esm)`);
  checkResult(
    `${label}, CJS`,
    await runConsumer(app, 'cjs.cjs', ['--no-experimental-require-module'], api.url),
    'dist/index.cjs',
    app,
  );
  consumerRuns += 2;
}

try {
  check(existsSync(join(root, 'node_modules', '.bin', 'tsup')), 'node_modules/ has no tsup: run `npm ci` first');
  head = (await sh('git', ['-C', root, 'rev-parse', 'HEAD'])).stdout.trim();
  const { stdout: status } = await sh('git', ['-C', root, 'status', '--porcelain', '--untracked-files=all']);
  uncommitted = status.split('\n').filter(Boolean).length;
  step(
    `testing commit ${head.slice(0, 12)} (HEAD) as committed: ` +
      (uncommitted
        ? `${uncommitted} uncommitted path(s) in the working tree are NOT in it (commit them to test them)`
        : 'the working tree has no uncommitted changes'),
  );
  api = await startApi();

  step('git clone HEAD into a temp folder: no dist/, node_modules linked from the project (no network)');
  const clone = await freshClone('clone');
  const pkg = JSON.parse(await readFile(join(clone, 'package.json'), 'utf8'));
  check(
    pkg.scripts?.prepare,
    "the committed package.json has no `prepare` script: a fresh clone's npm pack has no dist/",
  );

  step(`npm pack in the clone, with no build before it: prepare (\`${pkg.scripts.prepare}\`) must build dist/`);
  const packDir = join(work, 'pack');
  await mkdir(packDir);
  const packStart = performance.now();
  const { stdout: packJson } = await sh(npm, ['pack', '--json', '--pack-destination', packDir], { cwd: clone });
  const packTime = seconds(packStart);
  // npm prints the JSON after any script output.
  const [packed] = JSON.parse(packJson.slice(packJson.search(/^\[/m)));
  const paths = packed.files.map((f) => f.path).sort();
  checkPackageFiles('the tarball', paths, pkg);
  const tarball = join(packDir, packed.filename);
  check(existsSync(tarball), `npm pack wrote no ${packed.filename}`);
  step(
    `tarball ${packed.filename} (${packTime} s with the build): ${paths.length} files, ` +
      `${(packed.size / 1024).toFixed(1)} kB packed, ${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked: ` +
      paths.join(', '),
  );

  step('npm install the tarball into a fresh project');
  const app = await consumerProject('app-tarball', [tarball]);
  await checkInstalled('tarball', app, pkg);
  await runConsumers('tarball', app);

  // A folder or git dependency reaches npm as a folder: npm runs its prepare, packs it, installs the
  // result. --install-links makes a real copy of it, as for a git dependency, not a symlink to the folder.
  step('folder dependency: a second fresh clone (no dist/), npm install --install-links <clone>');
  const depClone = await freshClone('clone-dep');
  const depStart = performance.now();
  const depApp = await consumerProject('app-folder', ['--install-links', depClone]);
  check(existsSync(join(depClone, 'dist', 'index.js')), 'the clone has no dist/ after the install: npm ran no prepare');
  step(`installed in ${seconds(depStart)} s; npm ran prepare in the clone, which now has dist/`);
  await checkInstalled('folder dependency', depApp, pkg);
  await runConsumers('folder dependency', depApp);

  if (withGit) {
    step(
      `git dependency: npm install git+file://${root}#${head.slice(0, 12)} (npm clones it, installs its devDependencies, runs prepare)`,
    );
    const gitStart = performance.now();
    const gitApp = await consumerProject('app-git', [`git+file://${root}#${head}`]);
    step(`installed in ${seconds(gitStart)} s`);
    await checkInstalled('git dependency', gitApp, pkg);
    await runConsumers('git dependency', gitApp);
  } else {
    step('git dependency: not run (about 1½ min; `node scripts/smoke-pack.mjs --git` runs it)');
  }

  check(
    api.seen.every((r) => r.apiKey === 'pk-smoke'),
    `a request went without the API key: ${JSON.stringify(api.seen)}`,
  );
  check(
    api.seen.length === 2 * consumerRuns,
    `expected ${2 * consumerRuns} requests to the local API, saw ${api.seen.length}`,
  );
  step(
    `OK: commit ${head.slice(0, 12)} packs and installs from a fresh clone` +
      (uncommitted ? ` (the ${uncommitted} uncommitted path(s) were not tested)` : ''),
  );
} catch (error) {
  console.error(`\nsmoke-pack FAILED: ${error instanceof SmokeFailure ? error.message : (error?.stack ?? error)}`);
  process.exitCode = 1;
} finally {
  await api?.close();
  await rm(work, { recursive: true, force: true });
}
