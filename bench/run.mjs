// npm run bench [-- --quick] [-- --assert] [-- --rounds=N]   (--rounds: more rounds, a narrower interval)
//
// Client CPU per request of five ways to GET /integrations/{slug} against a local keep-alive server
// that runs in a forked process (so process.cpuUsage() here is client work only):
//   A raw fetch + response.json()       A2 fetch with a signal and redirect: 'manual' (what a safe client sends)
//   B bare openapi-fetch                C the facade (dist/index.js)
//   D Portkey's official SDK (portkey-ai)
// Each round, every client makes `perBlock` requests in slices interleaved in a shuffled order, so machine
// noise lands on all of them alike. CPU per request is the mean over all rounds; each ratio to A is the
// ratio of the two clients' total CPU, with a 90 % bootstrap interval over rounds (see pairedRatio).
// Also: the facade's own cost per call over a stub fetch (no I/O), and cold-import time.
// A measurement, not a gate: exits 0 unless --assert is given and a target is missed.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { API_KEY, BODY, SLUG } from './fixture.mjs';
import { inFlight, interleavedRound, sequential, startServer } from './harness.mjs';
import { median, pairedRatio } from './stats.mjs';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const ASSERT = args.has('--assert');
const CFG = QUICK
  ? { perBlock: 600, slice: 200, rounds: 3, warmup: 500, concurrency: 16, stubCalls: 5_000, stubRounds: 3, coldRuns: 5 }
  : {
      perBlock: 2_000,
      slice: 100,
      rounds: 24,
      warmup: 2_000,
      concurrency: 16,
      stubCalls: 20_000,
      stubRounds: 9,
      coldRuns: 15,
    };
const roundsArg = [...args].find((a) => a.startsWith('--rounds='));
if (roundsArg) {
  CFG.rounds = Number(roundsArg.slice('--rounds='.length));
  if (!Number.isInteger(CFG.rounds) || CFG.rounds < 2) throw new Error(`bench: ${roundsArg}: need an integer ≥ 2`);
}
const TARGET_CPU_RATIO = 1.1;
const TARGET_COLD_MS = 10;

const root = fileURLToPath(new URL('..', import.meta.url));
const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(distEntry)) {
  console.error(`bench: ${distEntry} is missing; build first (npx tsup, or npm run bench which does).`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------
// The server process.

const server = await startServer();
const { baseUrl, ask } = server;
const url = `${baseUrl}/integrations/${SLUG}`;

// ---------------------------------------------------------------------------------------------------
// The clients. Each is a function that performs one retrieve and resolves to the parsed body.

const { PortkeyAdmin } = await import(pathToFileURL(distEntry).href);
const { default: createClient } = await import('openapi-fetch');
const { Portkey } = await import('portkey-ai');

const openapi = createClient({ baseUrl, headers: { 'x-portkey-api-key': API_KEY } });
const admin = new PortkeyAdmin({ apiKey: API_KEY, baseUrl });
const official = new Portkey({ apiKey: API_KEY, baseURL: baseUrl });

let sharedSignal = new AbortController().signal;
let sharedSignalUses = 0;
const headers = { 'x-portkey-api-key': API_KEY };
const clients = [
  {
    id: 'A',
    name: 'raw fetch + .json()',
    call: async () => (await fetch(url, { headers })).json(),
  },
  {
    // What fetch costs with the two options a safe client needs: a signal to cancel a timed-out attempt
    // and redirect: 'manual' to keep the key from other origins. Its signal is shared by 8 calls, as
    // the facade shares its own, so that C ÷ A2 is the facade's own JavaScript.
    id: 'A2',
    name: 'signal + manual redirect',
    call: async () => {
      if (++sharedSignalUses % 8 === 0) sharedSignal = new AbortController().signal;
      const init = { method: 'GET', headers, signal: sharedSignal, redirect: 'manual' };
      return (await fetch(url, init)).json();
    },
  },
  {
    id: 'B',
    name: 'openapi-fetch',
    call: async () => {
      const { data, error } = await openapi.GET('/integrations/{slug}', { params: { path: { slug: SLUG } } });
      if (error) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
      return data;
    },
  },
  { id: 'C', name: 'portkey-admin (facade)', call: () => admin.integrations.retrieve(SLUG) },
  { id: 'D', name: 'portkey-ai (official SDK)', call: () => official.integrations.retrieve({ slug: SLUG }) },
];

// ---------------------------------------------------------------------------------------------------
// Check every client really hits GET /integrations/{slug} with the key, once per call, and parses it.

for (const client of clients) {
  await ask('reset');
  const data = await client.call();
  const stats = await ask('stats');
  if (stats.hits !== 1 || stats.other !== 0 || stats.unauthorised !== 0 || data?.slug !== SLUG) {
    console.error(
      `bench: client ${client.id} (${client.name}) did not do exactly one authorised GET /integrations/${SLUG}:`,
    );
    console.error({ stats, slug: data?.slug });
    server.close();
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------------
// Measurement.

const modes = [
  { id: 'seq', run: (call, n) => sequential(call, n) },
  { id: 'par', run: (call, n) => inFlight(call, n, CFG.concurrency) },
];

const started = performance.now();
let expectedHits = 0;
await ask('reset');

// Warm-up: JIT, connection pools.
for (const mode of modes) for (const c of clients) await mode.run(c.call, CFG.warmup);
expectedHits += modes.length * clients.length * CFG.warmup;

/** results[mode][client] = [{ cpuUs, rps }, …] one per round */
const results = Object.fromEntries(modes.map((m) => [m.id, Object.fromEntries(clients.map((c) => [c.id, []]))]));
for (let round = 0; round < CFG.rounds; round++) {
  for (const mode of modes) {
    const perClient = await interleavedRound(clients, mode.run, CFG.perBlock, CFG.slice, round);
    clients.forEach((c, i) => results[mode.id][c.id].push(perClient[i]));
    expectedHits += CFG.perBlock * clients.length;
  }
}
const stats = await ask('stats');
const networkSeconds = (performance.now() - started) / 1000;

// No I/O: the facade over a stub fetch vs. the stub called directly + .json(); openapi-fetch for reference.
const stubFetch = async () => new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } });
const stubAdmin = new PortkeyAdmin({ apiKey: API_KEY, baseUrl, fetch: stubFetch });
const stubOpenapi = createClient({ baseUrl, headers: { 'x-portkey-api-key': API_KEY }, fetch: stubFetch });
const stubClients = [
  {
    id: 'stub',
    name: 'stub fetch + .json()',
    call: async () => (await stubFetch(url, { headers: { 'x-portkey-api-key': API_KEY } })).json(),
  },
  { id: 'facade', name: 'facade over stub', call: () => stubAdmin.integrations.retrieve(SLUG) },
  {
    id: 'openapi',
    name: 'openapi-fetch over stub',
    call: async () => (await stubOpenapi.GET('/integrations/{slug}', { params: { path: { slug: SLUG } } })).data,
  },
];
for (const c of stubClients) {
  if ((await c.call())?.slug !== SLUG) throw new Error(`bench: ${c.name} did not parse the body`);
  await sequential(c.call, CFG.stubCalls / 4);
}
const stubResults = Object.fromEntries(stubClients.map((c) => [c.id, []]));
for (let round = 0; round < CFG.stubRounds; round++) {
  const perClient = await interleavedRound(stubClients, sequential, CFG.stubCalls, 500, round);
  stubClients.forEach((c, i) => stubResults[c.id].push(perClient[i]));
}

server.close();

// Cold import: fresh processes, alternating packages.
const run = promisify(execFile);
const coldTargets = [
  {
    id: 'baseline',
    name: 'a one-line module (ESM loader)',
    spec: pathToFileURL(fileURLToPath(new URL('./fixture.mjs', import.meta.url))).href,
  },
  { id: 'facade', name: 'portkey-admin (dist/index.js)', spec: pathToFileURL(distEntry).href },
  { id: 'openapi', name: 'openapi-fetch (reference)', spec: 'openapi-fetch' },
  { id: 'official', name: 'portkey-ai', spec: 'portkey-ai' },
];
const cold = Object.fromEntries(coldTargets.map((t) => [t.id, []]));
for (let i = 0; i < CFG.coldRuns; i++) {
  for (const t of coldTargets) {
    const code = `const t = performance.now(); await import(${JSON.stringify(t.spec)}); console.log(performance.now() - t);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: root });
    cold[t.id].push(Number(stdout.trim()));
  }
}

// ---------------------------------------------------------------------------------------------------
// Report.

const fmt = (x, digits = 1) => x.toFixed(digits);
const pad = (s, n) => String(s).padStart(n);
const signed = (x) => `${x < 0 ? '−' : '+'}${fmt(Math.abs(x), 2)}`;
const summary = {};
for (const mode of modes) {
  summary[mode.id] = {};
  const cpu = (id) => results[mode.id][id].map((r) => r.cpuUs);
  for (const c of clients) {
    summary[mode.id][c.id] = {
      cpuUs: cpu(c.id).reduce((a, b) => a + b, 0) / CFG.rounds,
      rps: median(results[mode.id][c.id].map((r) => r.rps)),
      ...pairedRatio(cpu(c.id), cpu('A')),
    };
  }
  // The facade's own share, once fetch's cost for a signal and manual redirects is set aside.
  summary[mode.id].own = pairedRatio(cpu('C'), cpu('A2'));
}

console.log(
  `\nGET /integrations/${SLUG} (${BODY.length}-byte JSON), node ${process.version}; ` +
    `${CFG.rounds} rounds × ${CFG.perBlock} requests per client, interleaved in slices of ${CFG.slice}, shuffled; ` +
    `CPU is the mean per request, req/s the median round, ×A the ratio of total CPU to raw fetch's` +
    `${QUICK ? ' (--quick)' : ''}`,
);
console.log(
  `${'client'.padEnd(28)}│${pad('seq CPU µs/req', 15)}${pad('req/s', 8)}${pad('×A', 7)} │` +
    `${pad(`${CFG.concurrency}∥ CPU µs/req`, 15)}${pad('req/s', 8)}${pad('×A', 7)}`,
);
console.log(`${'─'.repeat(28)}┼${'─'.repeat(30)}─┼${'─'.repeat(30)}`);
for (const c of clients) {
  const s = summary.seq[c.id];
  const p = summary.par[c.id];
  console.log(
    `${`${c.id} ${c.name}`.padEnd(28)}│${pad(fmt(s.cpuUs), 15)}${pad(Math.round(s.rps), 8)}${pad(`${fmt(s.ratio, 2)}×`, 7)} │` +
      `${pad(fmt(p.cpuUs), 15)}${pad(Math.round(p.rps), 8)}${pad(`${fmt(p.ratio, 2)}×`, 7)}`,
  );
}
const hitsOk = stats.hits === expectedHits && stats.other === 0 && stats.unauthorised === 0;
console.log(
  `server: ${stats.hits} authorised GET /integrations/${SLUG} (expected ${expectedHits}), ` +
    `${stats.other + stats.unauthorised} other ${hitsOk ? '✓' : '✗ MISMATCH'}; network part ${fmt(networkSeconds)} s`,
);

const stub = Object.fromEntries(stubClients.map((c) => [c.id, median(stubResults[c.id].map((r) => r.cpuUs))]));
console.log(
  `\nno I/O (stub fetch returning a new Response), CPU µs per call, ${CFG.stubRounds} × ${CFG.stubCalls} calls:`,
);
console.log(
  `  stub fetch + .json() ${fmt(stub.stub, 2)} · facade ${fmt(stub.facade, 2)} (${signed(stub.facade - stub.stub)} µs, ` +
    `${fmt(stub.facade / stub.stub, 2)}×) · openapi-fetch ${fmt(stub.openapi, 2)} (${signed(stub.openapi - stub.stub)} µs, ` +
    `${fmt(stub.openapi / stub.stub, 2)}×)`,
);

const coldMedian = Object.fromEntries(coldTargets.map((t) => [t.id, median(cold[t.id])]));
console.log(`\ncold import, median of ${CFG.coldRuns} fresh processes:`);
for (const t of coldTargets) console.log(`  ${t.name.padEnd(30)} ${pad(fmt(coldMedian[t.id], 2), 7)} ms`);

const seqC = summary.seq.C;
const parC = summary.par.C;
const cpuPass = seqC.ratio <= TARGET_CPU_RATIO && parC.ratio <= TARGET_CPU_RATIO;
const coldPass = coldMedian.facade <= TARGET_COLD_MS;
const withInterval = (r) => `${fmt(r.ratio, 3)}× (90 %: ${fmt(r.low, 3)}–${fmt(r.high, 3)})`;
console.log(
  `\ntarget: facade CPU/request ≤ ${fmt(TARGET_CPU_RATIO, 2)}× raw fetch (sequential and ${CFG.concurrency} in flight): ` +
    `${cpuPass ? 'PASS' : 'FAIL'}${CFG.rounds < 10 ? ` (${CFG.rounds} rounds: too few to judge)` : ''}: ` +
    `seq ${withInterval(seqC)}, ${CFG.concurrency}∥ ${withInterval(parC)}`,
);
console.log(
  `facade ÷ A2 (its own JavaScript over fetch with the same options): seq ${withInterval(summary.seq.own)}, ` +
    `${CFG.concurrency}∥ ${withInterval(summary.par.own)}`,
);
console.log(
  `target: facade cold import ≤ ${TARGET_COLD_MS} ms: ${coldPass ? 'PASS' : 'FAIL'} (${fmt(coldMedian.facade, 2)} ms)`,
);
console.log(`(${fmt((performance.now() - started) / 1000)} s)`);

process.exitCode = ASSERT && !(cpuPass && coldPass && hitsOk) ? 1 : 0;
