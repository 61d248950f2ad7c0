// Shared by run.mjs and analyse.mjs: the forked server, interleaved timed blocks, medians.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// gc() for micro-benchmarks (a clean heap before each timed run).
setFlagsFromString('--expose-gc');
export const gc = runInNewContext('gc');

/** Fork server.mjs; resolves to { baseUrl, ask(type) → reply, close() }. */
export async function startServer() {
  const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [], {
    stdio: 'inherit',
    execArgv: [], // not the bench's own flags (--cpu-prof, --inspect …)
  });
  const pending = new Map();
  let nextId = 0;
  child.on('message', (message) => {
    const key = message?.type === 'ready' ? 'ready' : message?.id;
    pending.get(key)?.(message);
    pending.delete(key);
  });
  const ask = (type) => {
    const id = ++nextId;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      child.send({ type, id });
    });
  };
  const { port } = await new Promise((resolve) => pending.set('ready', resolve));
  return { baseUrl: `http://127.0.0.1:${port}`, ask, close: () => child.send({ type: 'close' }) };
}

export async function sequential(call, n) {
  for (let i = 0; i < n; i++) await call();
}

export async function inFlight(call, n, concurrency) {
  let started = 0;
  const worker = async () => {
    while (started++ < n) await call();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Run `n` calls; client CPU µs (user + system of this process) and wall seconds they took. */
export async function block(run, call, n) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await run(call, n);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { cpuUs: cpu.user + cpu.system, seconds };
}

/**
 * One round: every variant makes `perVariant` calls, in slices of `slice` calls interleaved, so that
 * whatever else the machine is doing lands on all variants alike. The order of the variants is shuffled
 * for every slice (seeded: the same run gives the same orders). A fixed or merely rotated order would
 * always put each variant after the same one, and process.cpuUsage counts every thread: the background
 * GC work a heavy allocator leaves behind would always be charged to the variant that follows it.
 * No forced GC: a collection is paid by whichever slice triggers it, which in expectation is
 * proportional to what each variant allocates.
 * Returns, per variant, CPU µs per call and calls per second (over its own slices' wall time).
 */
export async function interleavedRound(variants, run, perVariant, slice, round = 0) {
  const totals = variants.map(() => ({ cpuUs: 0, seconds: 0 }));
  const slices = Math.ceil(perVariant / slice);
  const random = seededRandom(round + 1);
  for (let s = 0; s < slices; s++) {
    const n = Math.min(slice, perVariant - s * slice);
    for (const i of shuffled(variants.length, random)) {
      const r = await block(run, variants[i].call, n);
      totals[i].cpuUs += r.cpuUs;
      totals[i].seconds += r.seconds;
    }
  }
  return totals.map((t) => ({ cpuUs: t.cpuUs / perVariant, rps: perVariant / t.seconds }));
}

/** 0 … n-1 in random order (Fisher–Yates). */
function shuffled(n, random) {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** A seeded linear congruential generator: reproducible orders, good enough to shuffle a handful. */
function seededRandom(seed) {
  let state = (seed * 2654435761) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * How much CPU `client` used against `base` over a whole run: the ratio of their totals over all rounds
 * (rounds paired: both ran in the same interleaved slices), with a 90 % bootstrap interval over rounds.
 * A single round scatters by ±20 % or more on a shared 2-core machine (a collection, another tenant, the
 * server process waking up), so the median of 15 per-round ratios moved by several per cent from run to
 * run; the ratio of totals weighs every request alike, and the interval says how far this run's noise
 * could have moved it. Seeded, so the same rounds give the same interval.
 */
export function pairedRatio(client, base, resamples = 4000) {
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const ratio = sum(client) / sum(base);
  const random = seededRandom(client.length);
  const boots = [];
  for (let b = 0; b < resamples; b++) {
    let x = 0;
    let y = 0;
    for (let k = 0; k < client.length; k++) {
      const j = Math.floor(random() * client.length);
      x += client[j];
      y += base[j];
    }
    boots.push(x / y);
  }
  boots.sort((p, q) => p - q);
  return { ratio, low: boots[Math.floor(resamples * 0.05)], high: boots[Math.ceil(resamples * 0.95) - 1] };
}
