// Shared by run.mjs and analyse.mjs: the forked server and interleaved timed blocks (statistics: stats.mjs).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { seededRandom, shuffled } from './stats.mjs';

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
