// node bench/analyse.mjs [--quick] [--micro]   (after npx tsup; --micro: part 2 only)
//
// Where the facade's client CPU goes relative to raw fetch. Two parts:
//  1. Over the network (same forked server as run.mjs): raw fetch with one facade ingredient added at
//     a time, the facade itself, and the facade with a fetch wrapper that drops the signal.
//  2. No I/O: micro-benchmarks of the pieces the facade runs per call.
//  3. No I/O, whole calls: raw vs. facade over a plain stub fetch and over one that builds a Request
//     (where undici follows the signal we pass), with and without the per-attempt signal.
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createQuerySerializer } from 'openapi-fetch';
import { API_KEY, BODY, SLUG } from './fixture.mjs';
import { gc, inFlight, interleavedRound, sequential, startServer } from './harness.mjs';
import { median } from './stats.mjs';

const QUICK = process.argv.includes('--quick');
const MICRO_ONLY = process.argv.includes('--micro');
const CFG = QUICK ? { perBlock: 400, rounds: 3, warmup: 400 } : { perBlock: 1_500, rounds: 7, warmup: 1_000 };
const { PortkeyAdmin } = await import(pathToFileURL(fileURLToPath(new URL('../dist/index.js', import.meta.url))).href);

const KEY = { 'x-portkey-api-key': API_KEY };
const FACADE_HEADERS = { accept: 'application/json', 'x-portkey-api-key': API_KEY };

if (!MICRO_ONLY) await overNetwork();

async function overNetwork() {
  const server = await startServer();
  const { baseUrl } = server;
  const url = `${baseUrl}/integrations/${SLUG}`;

  const withTimer = async (fn) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      return await fn(controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };

  const admin = new PortkeyAdmin({ apiKey: API_KEY, baseUrl });
  const adminNoSignal = new PortkeyAdmin({
    apiKey: API_KEY,
    baseUrl,
    fetch: (input, init) => fetch(input, { ...init, signal: undefined }),
  });

  const variants = [
    ['A  fetch + .json()', async () => (await fetch(url, { headers: KEY })).json()],
    [
      '+ facade headers/method/redirect',
      async () =>
        (
          await fetch(url, { method: 'GET', headers: { ...FACADE_HEADERS }, body: undefined, redirect: 'manual' })
        ).json(),
    ],
    ['+ .text() + JSON.parse', async () => JSON.parse(await (await fetch(url, { headers: KEY })).text())],
    [
      '+ AbortController signal',
      async () => (await fetch(url, { headers: KEY, signal: new AbortController().signal })).json(),
    ],
    [
      '+ AbortController + setTimeout',
      () => withTimer(async (signal) => (await fetch(url, { headers: KEY, signal })).json()),
    ],
    [
      '+ AbortSignal.timeout(60 s)',
      async () => (await fetch(url, { headers: KEY, signal: AbortSignal.timeout(60_000) })).json(),
    ],
    [
      'A with all of the above',
      () =>
        withTimer(async (signal) => {
          const response = await fetch(url, {
            method: 'GET',
            headers: { ...FACADE_HEADERS },
            body: undefined,
            signal,
            redirect: 'manual',
          });
          const data = JSON.parse(await response.text());
          response.headers.get('x-portkey-request-id');
          return data;
        }),
    ],
    ['C  facade', () => admin.integrations.retrieve(SLUG)],
    ['C  facade, fetch drops signal', () => adminNoSignal.integrations.retrieve(SLUG)],
  ].map(([name, call], i) => ({ i, name, call }));

  for (const v of variants) if ((await v.call())?.slug !== SLUG) throw new Error(`${v.name}: wrong body`);
  const modes = [
    ['seq', sequential],
    ['16∥', (call, n) => inFlight(call, n, 16)],
  ];
  for (const [, run] of modes) for (const v of variants) await run(v.call, CFG.warmup);
  const results = modes.map(() => variants.map(() => []));
  for (let round = 0; round < CFG.rounds; round++) {
    for (let m = 0; m < modes.length; m++) {
      const perVariant = await interleavedRound(variants, modes[m][1], CFG.perBlock, 100, round);
      variants.forEach((v) => results[m][v.i].push(perVariant[v.i]));
    }
  }
  server.close();

  console.log(
    `\n1. over the network: client CPU µs/request, median of ${CFG.rounds} × ${CFG.perBlock}; ×A = median per-round ratio`,
  );
  console.log(`${''.padEnd(34)}${modes.map(([id]) => `${id.padStart(10)}${'×A'.padStart(7)}`).join('  ')}`);
  for (const v of variants) {
    const cells = modes.map((_, m) => {
      const rows = results[m][v.i];
      const ratio = median(rows.map((r, k) => r.cpuUs / results[m][0][k].cpuUs));
      return `${median(rows.map((r) => r.cpuUs))
        .toFixed(1)
        .padStart(10)}${`${ratio.toFixed(2)}×`.padStart(7)}`;
    });
    console.log(`${v.name.padEnd(34)}${cells.join('  ')}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. No I/O micro-benchmarks: ns per operation, median of 5 runs.

// Each figure: CPU ns per operation (this process), median of 5 timed runs of ≥ 20 ms each, after a calibration pass
// (which also warms the JIT) has picked the iteration count.
function micro(name, fn) {
  let n = 500;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    if (Number(process.hrtime.bigint() - t0) >= 20e6) break;
    n *= 2;
  }
  const loop = () => {
    for (let i = 0; i < n; i++) fn();
  };
  return [name, timed(n, loop)];
}
function timed(n, loop) {
  const runs = [];
  for (let r = 0; r < 5; r++) {
    gc();
    const cpu0 = process.cpuUsage();
    loop();
    const cpu = process.cpuUsage(cpu0);
    runs.push(((cpu.user + cpu.system) * 1000) / n);
  }
  return median(runs);
}

async function microAsync(name, fn, n = 5_000) {
  for (let i = 0; i < n; i++) await fn();
  const runs = [];
  for (let r = 0; r < 5; r++) {
    gc();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await fn();
    const cpu = process.cpuUsage(cpu0);
    runs.push(((cpu.user + cpu.system) * 1000) / n);
  }
  return [name, median(runs)];
}

const url = `http://127.0.0.1:8080/integrations/${SLUG}`;
const base = { accept: 'application/json', 'x-portkey-api-key': API_KEY };
const PARAM = /\{([^{}]+)\}/g;
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
const serializeQuery = createQuerySerializer();
const okResponse = new Response(BODY, {
  status: 200,
  headers: { 'content-type': 'application/json', 'x-portkey-request-id': 'r' },
});
let sink;
const noop = () => {};
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_HEADER_VALUE = /[\0\r\n]|[^\0-\xff]/;
const rows = [
  micro('headers: {...base} + Object.entries loop (2 sources)', () => {
    const headers = { ...base };
    for (const source of [undefined, undefined]) {
      if (!source) continue;
      for (const [k, v] of Object.entries(source)) headers[k.toLowerCase()] = String(v);
    }
    sink = headers;
  }),
  micro('checkHeaders: Object.entries + 2 regex tests × 2 headers', () => {
    for (const [name, value] of Object.entries(base)) {
      if (!HEADER_NAME.test(name) || BAD_HEADER_VALUE.test(value)) throw new Error(name);
    }
  }),
  micro('fillPath: template.replace(regex, fn) + checks', () => {
    sink = '/integrations/{slug}'.replace(PARAM, () => {
      const text = String(SLUG);
      if (DOT_SEGMENT.test(text)) throw new Error();
      return encodeURIComponent(text);
    });
  }),
  micro('path by concatenation + encodeURIComponent', () => {
    sink = `/integrations/${encodeURIComponent(SLUG)}`;
  }),
  micro('serializeQuery({ limit: 10 }) (not used by retrieve)', () => {
    sink = serializeQuery({ limit: 10 });
  }),
  micro('{ ...options, params: { path: { slug } } }', () => {
    sink = { ...undefined, params: { path: { slug: SLUG } } };
  }),
  micro('setTimeout(fn, 60 s) + clearTimeout', () => {
    clearTimeout(setTimeout(noop, 60_000));
  }),
  micro('new AbortController() (Node creates the signal lazily)', () => {
    sink = new AbortController();
  }),
  micro('new AbortController().signal', () => {
    sink = new AbortController().signal;
  }),
  micro('startAttempt + done (controller.signal, setTimeout, clearTimeout)', () => {
    const c = new AbortController();
    const t = setTimeout(() => c.abort(), 60_000);
    clearTimeout(t);
    sink = c.signal;
  }),
  micro('new Request(url, { headers })', () => {
    sink = new Request(url, { headers: KEY });
  }),
  micro('new Request(url, { headers, signal })', () => {
    sink = new Request(url, { headers: KEY, signal: new AbortController().signal });
  }),
  micro('new Request(url, { headers, signal, redirect, method })', () => {
    sink = new Request(url, { method: 'GET', headers: KEY, signal: new AbortController().signal, redirect: 'manual' });
  }),
  micro('new URL(url)', () => {
    sink = new URL(url);
  }),
  micro('response.headers.get(x-portkey-request-id)', () => {
    sink = okResponse.headers.get('x-portkey-request-id');
  }),
  micro(`JSON.parse(${BODY.length}-byte body)`, () => {
    sink = JSON.parse(BODY);
  }),
  await microAsync('new Response(body).json()', () => new Response(BODY).json()),
  await microAsync('new Response(body).text() + JSON.parse', async () => JSON.parse(await new Response(BODY).text())),
  await microAsync('APIPromise-like: extra .then(r => r.data) + await', async () => {
    sink = await Promise.resolve({ data: 1 }).then((r) => r.data);
  }),
  await microAsync('async fn returning value, awaited', async () => {
    sink = await (async () => 1)();
  }),
  // Last: every AbortSignal.timeout leaves a live 60 s timer behind, which slows whatever runs after it.
  micro('AbortSignal.timeout(60_000)', () => {
    sink = AbortSignal.timeout(60_000);
  }),
];
console.log('\n2. no I/O micro-benchmarks, CPU ns per operation (median of 5)');
for (const [name, ns] of rows) console.log(`  ${name.padEnd(62)}${ns.toFixed(0).padStart(8)}`);
void sink;

// ---------------------------------------------------------------------------------------------------
// 3. No I/O, whole calls, interleaved like run.mjs: over a plain stub (what run.mjs reports) and over a
// stub that also builds `new Request(url, init)` as fetch does first, which is where undici follows
// the signal we pass (setMaxListeners, addEventListener, WeakRef, FinalizationRegistry).

const answer = () => new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } });
const plainStub = async () => answer();
const requestStub = async (input, init) => (new Request(input, init), answer());
const adminOver = (stub, dropSignal = false) =>
  new PortkeyAdmin({
    apiKey: API_KEY,
    baseUrl: 'http://127.0.0.1:8080',
    fetch: dropSignal ? (input, init) => stub(input, { ...init, signal: undefined }) : stub,
  });
const withTimeout = async (stub) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    return await (await stub(url, { headers: KEY, signal: controller.signal })).json();
  } finally {
    clearTimeout(timer);
  }
};
const plainAdmin = adminOver(plainStub);
const requestAdmin = adminOver(requestStub);
const requestAdminNoSignal = adminOver(requestStub, true);
const whole = [
  ['plain stub: raw fetch init + .json()', async () => (await plainStub(url, { headers: KEY })).json()],
  ['plain stub: + AbortController/timer', () => withTimeout(plainStub)],
  ['plain stub: facade', () => plainAdmin.integrations.retrieve(SLUG)],
  ['Request stub: raw fetch init + .json()', async () => (await requestStub(url, { headers: KEY })).json()],
  ['Request stub: + AbortController/timer', () => withTimeout(requestStub)],
  ['Request stub: facade', () => requestAdmin.integrations.retrieve(SLUG)],
  ['Request stub: facade, signal dropped', () => requestAdminNoSignal.integrations.retrieve(SLUG)],
].map(([name, call], i) => ({ name, call, i }));
const N = QUICK ? 2_000 : 5_000;
const ROUNDS = QUICK ? 3 : 7;
for (const w of whole) await sequential(w.call, N);
const wholeRuns = whole.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  const perVariant = await interleavedRound(whole, sequential, N, 200, round);
  whole.forEach((w) => wholeRuns[w.i].push(perVariant[w.i].cpuUs));
}
console.log(`\n3. no I/O, whole calls: CPU µs per call, median of ${ROUNDS} × ${N}; × = vs. the same stub's raw row`);
for (const w of whole) {
  const baseRow = w.name.startsWith('plain') ? 0 : 3;
  const ratio = median(wholeRuns[w.i].map((x, r) => x / wholeRuns[baseRow][r]));
  console.log(
    `  ${w.name.padEnd(44)}${median(wholeRuns[w.i]).toFixed(1).padStart(8)}${`${ratio.toFixed(2)}×`.padStart(8)}`,
  );
}
