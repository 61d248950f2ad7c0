#!/usr/bin/env node
// npm run bench:types [-- --check] [-- --spec=ours|full|both|<spec file>] [-- --runs=N] [-- --edits=N] [-- --at=<git ref>]
//
// What the types cost the user. For our spec (openapi/portkey.yaml, generated/ as committed) and for Portkey's
// full spec (../shared/spec/portkey-openapi.yaml, regenerated in a scratch copy), `npm pack` a scratch copy of the
// project (its `prepare` builds dist/), install the tarball into consumer projects (unpacked into node_modules, its
// two dependencies linked from ours: no network), and type-check each consumer (bench/types/consumers.mjs):
// (a) nothing, (a2) the import alone, (c1) one typed low-level call, (b) about 25 resource calls, (c) 5 typed
// low-level calls, (d) the same 5 through openapi-fetch's createClient<paths>() with the same generated types.
// Prints `tsc --extendedDiagnostics` instantiations and types (deterministic), check time and tsc's total time as a
// ratio to (a) in the same run (medians of --runs rounds, interleaved), and tsserver's latency after an edit for a
// completion at `portkey.get('/` and for a file's diagnostics (medians of --edits edits).
//   --check   only the deterministic figures, gated: exit 1 when an instantiation target is missed or a wrong path
//             is not reported as one (for CI; no timings, no tsserver).
//   --json=FILE  also write the figures there.
//   --at=REF  measure the project as committed at REF (git archive) instead of the working tree: the "before".
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listOperations, loadSpec } from '../../scripts/lib/spec.mjs';
import { CONSUMERS, TSC_ORDER } from './consumers.mjs';
import { editorLatency } from './tsserver.mjs';

// The targets (issue 18), for both specs. Instantiations are gated by --check; the latencies are reported only.
export const TARGETS = {
  oneCall: 3_000, // (c1): the whole consumer, import included
  resources: 15_000, // (b)
  completionMs: 150,
  diagnosticsMs: 400,
};

const root = resolve(import.meta.dirname, '../..');
const tscCpu = join(import.meta.dirname, 'tsc-cpu.mjs');
const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    spec: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '5' },
    edits: { type: 'string', default: '15' },
    at: { type: 'string' },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const EDITS = Number(values.edits);
const fullSpec = resolve(root, '../shared/spec/portkey-openapi.yaml');
const specs = [];
if (values.spec === 'ours' || values.spec === 'both') specs.push({ name: 'ours', spec: undefined });
if (values.spec === 'full' || values.spec === 'both') {
  if (existsSync(fullSpec)) specs.push({ name: 'full', spec: fullSpec });
  else console.log(`bench:types: ${fullSpec} is not here; measuring our spec only.`);
}
// Any other spec file: generated in the scratch copy as the full spec is.
if (!['ours', 'full', 'both'].includes(values.spec)) specs.push({ name: 'other', spec: resolve(values.spec) });

const work = mkdtempSync(join(tmpdir(), 'portkey-admin-types-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const fmt = (n) => Math.round(n).toLocaleString('en');

/** A scratch copy of the project (working tree, or `--at` ref), with our spec or another one regenerated. */
function project(name, spec) {
  const dir = join(work, `project-${name}`);
  mkdirSync(dir);
  if (values.at) {
    execFileSync('sh', ['-c', `git archive ${JSON.stringify(values.at)} | tar -x -C ${JSON.stringify(dir)}`], {
      cwd: root,
    });
  } else {
    const items = ['src', 'scripts', 'openapi', 'generated', 'package.json', 'tsconfig.json', 'tsup.config.ts'];
    for (const item of [...items, 'README.md', 'LICENSE']) {
      if (existsSync(join(root, item))) cpSync(join(root, item), join(dir, item), { recursive: true });
    }
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (spec) {
    cpSync(spec, join(dir, 'openapi/portkey.yaml'));
    sh(process.execPath, ['scripts/generate.mjs'], dir);
  }
  const doc = loadSpec(join(dir, 'openapi/portkey.yaml'));
  const operations = listOperations(doc).length;
  const paths = Object.keys(doc.paths).length;
  return { dir, operations, paths };
}

/** `npm pack` (which runs `prepare`, the build) and install the tarball into a consumer root. */
function packAndInstall(name, dir) {
  const t0 = performance.now();
  const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], dir));
  const packMs = performance.now() - t0;
  const consumers = join(work, `consumers-${name}`);
  const installed = join(consumers, 'node_modules/portkey-admin');
  mkdirSync(installed, { recursive: true });
  sh('tar', ['-xzf', join(work, packed.filename), '-C', installed, '--strip-components=1'], work);
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    symlinkSync(join(root, 'node_modules', dep), join(consumers, 'node_modules', dep), 'dir');
  }
  writeFileSync(join(consumers, 'package.json'), JSON.stringify({ name: 'consumers', private: true, type: 'module' }));
  const dts = packed.files.filter((f) => /\.d\.c?ts$/.test(f.path)).reduce((sum, f) => sum + f.size, 0);
  return { consumers, tarball: packed.size, unpacked: packed.unpackedSize, dts, packMs };
}

const withoutMarkers = (source) =>
  source
    .split('\n')
    .filter((line) => !line.includes('{{COMPLETE}}'))
    .join('\n')
    .replaceAll(' // {{EDIT}}', '');

function writeConsumer(consumers, key, withCompletion) {
  const dir = join(consumers, withCompletion ? `${key}-typing` : key);
  mkdirSync(dir, { recursive: true });
  const source = CONSUMERS[key].source;
  const text = withCompletion
    ? source.replaceAll(' // {{COMPLETE}}', '').replaceAll(' // {{EDIT}}', '')
    : withoutMarkers(source);
  writeFileSync(join(dir, 'index.ts'), text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        types: [],
      },
      files: ['index.ts'],
    }),
  );
  return { dir, file: join(dir, 'index.ts'), text };
}

function runTsc(dir) {
  let out;
  let failed = false;
  try {
    out = sh(process.execPath, [tscCpu, '-p', dir, '--extendedDiagnostics', '--pretty', 'false'], dir);
  } catch (error) {
    out = error.stdout ?? '';
    failed = true;
  }
  const figure = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out)?.[1]);
  const errors = [...out.matchAll(/^index\.ts\((\d+),(\d+)\): error TS(\d+): (.*)$/gm)].map((m) => ({
    line: Number(m[1]),
    code: Number(m[3]),
    message: m[4],
  }));
  return {
    instantiations: figure('Instantiations'),
    types: figure('Types'),
    check: figure('Check time') * 1000,
    total: figure('Total time') * 1000,
    cpu: figure('CPU time \\(ms\\)'),
    errors,
    failed,
  };
}

// Wall-clock latency is what the user waits; on a loaded machine the server's own CPU time is the steadier figure.
const verdict = (ms, cpu, target) =>
  `target ${fmt(target)} ms: ${ms <= target ? 'met' : cpu <= target ? 'met in CPU time, missed on the wall clock' : 'missed'}`;

const results = [];
let gateFailed = false;
try {
  for (const { name, spec } of specs) {
    const title = { ours: 'our spec', full: "Portkey's full spec" }[name] ?? spec;
    console.log(`\n── ${title}${values.at ? ` at ${values.at}` : ''}`);
    const p = project(name, spec);
    const pack = packAndInstall(name, p.dir);
    console.log(
      `${p.operations} operations, ${p.paths} paths; npm pack (with the build) ${(pack.packMs / 1000).toFixed(0)} s; ` +
        `tarball ${fmt(pack.tarball)} B, unpacked ${fmt(pack.unpacked)} B, of which declarations ${fmt(pack.dts)} B`,
    );
    const written = Object.fromEntries(Object.keys(CONSUMERS).map((k) => [k, writeConsumer(pack.consumers, k)]));

    // tsc: deterministic counts from any run; times as medians over interleaved rounds, as ratios to (a).
    const order = values.check ? ['one', 'b', 'c', 'd', 'wrong'] : [...TSC_ORDER, 'wrong'];
    const rounds = values.check ? 1 : RUNS;
    const runs = Object.fromEntries(order.map((k) => [k, []]));
    for (let r = 0; r < rounds; r++) {
      for (const k of order) if (r === 0 || k !== 'wrong') runs[k].push(runTsc(written[k].dir));
    }
    const row = { spec: name, operations: p.operations, pack, tsc: {}, editor: {} };
    for (const k of order) {
      const rs = runs[k];
      const ratio = runs.a ? median(rs.map((x, i) => x.cpu / runs.a[i].cpu)) : NaN;
      row.tsc[k] = {
        instantiations: rs[0].instantiations,
        types: rs[0].types,
        check: median(rs.map((x) => x.check)),
        total: median(rs.map((x) => x.total)),
        cpu: median(rs.map((x) => x.cpu)),
        ratio,
        errors: rs[0].errors,
      };
    }
    console.log(
      `\nconsumer                                   instantiations    types   check ms  tsc CPU ms  ×(a)  errors`,
    );
    for (const k of order) {
      const t = row.tsc[k];
      console.log(
        `${CONSUMERS[k].title.padEnd(42)} ${fmt(t.instantiations).padStart(14)} ${fmt(t.types).padStart(8)} ` +
          `${fmt(t.check).padStart(10)} ${fmt(t.cpu).padStart(11)} ${Number.isNaN(t.ratio) ? '    –' : `${t.ratio.toFixed(2)}×`.padStart(5)}  ${t.errors.length}`,
      );
    }
    // Every consumer but the wrong-path one must type-check cleanly: otherwise the figures mean nothing.
    for (const k of order.filter((k) => k !== 'wrong')) {
      if (row.tsc[k].errors.length) {
        gateFailed = true;
        console.error(`bench:types: ${CONSUMERS[k].title} does not type-check:`);
        for (const e of row.tsc[k].errors) console.error(`  line ${e.line}: TS${e.code} ${e.message}`);
      }
    }

    // The gates.
    const gates = [
      [`one low-level call ≤ ${fmt(TARGETS.oneCall)} instantiations`, row.tsc.one.instantiations <= TARGETS.oneCall],
      [
        `${CONSUMERS.b.title} ≤ ${fmt(TARGETS.resources)} instantiations`,
        row.tsc.b.instantiations <= TARGETS.resources,
      ],
    ];
    const wrong = row.tsc.wrong.errors;
    const expected = CONSUMERS.wrong.expect;
    const wrongOk =
      wrong.length === expected.length &&
      expected.every((x, i) => {
        const e = wrong[i];
        if (e.line !== x.line || e.code !== x.code) return false;
        return !x.near || x.near.every((n) => e.message.includes(JSON.stringify(n)));
      });
    gates.push(['a wrong path is reported at the path (TS2345), with its near matches', wrongOk]);
    if (!wrongOk)
      for (const e of wrong) console.log(`  wrong path: line ${e.line}: TS${e.code} ${e.message.slice(0, 160)}`);
    for (const [label, ok] of gates) {
      console.log(`${ok ? 'PASS' : 'MISS'}  ${label}`);
      if (!ok) gateFailed = true;
    }
    row.gates = gates;

    if (!values.check) {
      // tsserver: completion after an edit at `portkey.get('/` (and client.GET('/)), diagnostics after an edit.
      console.log(
        `\ntsserver after an edit (medians of ${EDITS} edits: wall clock, and the server's CPU time; ` +
          `cold = the first answer after opening, building the program):`,
      );
      for (const k of ['c', 'd']) {
        const w = writeConsumer(pack.consumers, k, true);
        const r = await editorLatency({
          dir: w.dir,
          file: w.file,
          text: w.text,
          completeAt: CONSUMERS[k].completeAt,
          edits: EDITS,
          expectEntry: '/integrations/{slug}',
        });
        const ms = median(r.completion);
        const cpu = median(r.cpu);
        row.editor[`${k}-completion`] = { median: ms, cpu, cold: r.cold, entries: r.entries };
        console.log(
          `  completion at ${CONSUMERS[k].completeAt.padEnd(38)} ${fmt(ms).padStart(6)} ms, CPU ${fmt(cpu).padStart(5)} ms ` +
            `(cold ${fmt(r.cold)} ms; ${r.entries} entries)  ${k === 'c' ? verdict(ms, cpu, TARGETS.completionMs) : '(openapi-fetch)'}`,
        );
      }
      for (const k of ['b', 'c', 'd']) {
        const w = written[k];
        const r = await editorLatency({ dir: w.dir, file: w.file, text: w.text, edits: EDITS });
        const ms = median(r.diagnostics);
        const cpu = median(r.cpu);
        row.editor[`${k}-diagnostics`] = { median: ms, cpu, cold: r.cold, errors: r.errors };
        console.log(
          `  diagnostics of ${CONSUMERS[k].title.padEnd(38)} ${fmt(ms).padStart(6)} ms, CPU ${fmt(cpu).padStart(5)} ms ` +
            `(cold ${fmt(r.cold)} ms)  ${k === 'd' ? '(openapi-fetch)' : verdict(ms, cpu, TARGETS.diagnosticsMs)}`,
        );
      }
    }
    results.push(row);
  }
  if (values.json) writeFileSync(resolve(values.json), JSON.stringify(results, null, 2) + '\n');
} finally {
  if (values.keep) console.log(`\nkept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(
  values.check
    ? `\nbench:types --check: ${gateFailed ? 'FAILED (see MISS above)' : 'every instantiation target met, wrong paths reported as such'}`
    : '\nTimes are medians on a shared machine: compare ratios and runs, not single figures.',
);
if (gateFailed && values.check) process.exit(1);
