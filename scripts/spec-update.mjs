#!/usr/bin/env node
// npm run spec:update -- <newer spec> [--dry-run] [--from <spec>] [--keep] [--force] [--strict]
//   Says in plain words what a newer Portkey spec changes (operations added, removed, renamed, changed;
//   which facade methods are affected), then copies it to openapi/portkey.yaml, regenerates generated/
//   and type-checks. A failed update is rolled back: openapi/portkey.yaml and generated/ are restored.
//
//   --dry-run  report only; nothing is copied or regenerated.
//   --from     compare against this spec instead of openapi/portkey.yaml (with --dry-run only).
//   --keep     when regeneration or the type-check fails, keep the new spec and generated/ to fix by hand.
//   --force    apply even when the report says the facade cannot work with the new spec.
//   --strict   treat "may break callers" findings on facade operations as problems too.
// Exit status: 0 when the update is (or, with --dry-run, would be) fine; 1 otherwise.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { assess, diff, formatReport, loadSpec } from './lib/spec-diff.mjs';
import { facadeOperations } from './lib/facade-check.mjs';

const root = resolve(import.meta.dirname, '..');
const specTarget = join(root, 'openapi/portkey.yaml');
const generatedDir = join(root, 'generated');
const show = (file) => relative(process.cwd(), file) || file;

function usage(message) {
  if (message) console.error(`spec:update: ${message}`);
  console.error('usage: npm run spec:update -- <spec file> [--dry-run] [--from <spec>] [--keep] [--force] [--strict]');
  process.exit(message ? 2 : 0);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      from: { type: 'string' },
      keep: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (err) {
  usage(err instanceof Error ? err.message : String(err));
}
const { values, positionals } = parsed;
if (values.help) usage();
if (positionals.length !== 1) usage('give exactly one spec file.');
if (values.from && !values['dry-run'])
  usage('--from only goes with --dry-run (an update always starts from openapi/portkey.yaml).');

const newFile = resolve(positionals[0]);
const oldFile = resolve(values.from ?? specTarget);

// 1. Read both specs and say what changes.
let newDoc;
try {
  newDoc = loadSpec(newFile);
} catch (err) {
  console.error(`spec:update: cannot read ${show(newFile)}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
let oldDoc;
try {
  oldDoc = loadSpec(oldFile);
} catch (err) {
  console.error(
    `spec:update: cannot read ${show(oldFile)} (${err instanceof Error ? err.message : String(err)}); ` +
      'comparing against an empty spec.',
  );
  oldDoc = { openapi: '3.0.0', paths: {} };
}

const facadeOps = facadeOperations();
const result = diff(oldDoc, newDoc);
console.log(formatReport(result, facadeOps, { from: show(oldFile), to: show(newFile) }));
const { problems, warnings } = assess(result, facadeOps);
const blocked = problems.length > 0 || (values.strict && warnings.length > 0);
if (blocked) {
  // The report above names each operation; this line is the verdict, on stderr.
  const counted = [
    problems.length ? `${problems.length} problem(s)` : '',
    values.strict && warnings.length ? `${warnings.length} "may break callers" finding(s) (--strict)` : '',
  ].filter(Boolean);
  console.error(`error: the facade cannot work with ${show(newFile)}: ${counted.join(' and ')}, listed above.`);
}

if (values['dry-run']) {
  console.log(
    blocked
      ? 'Dry run: nothing was changed. Applying this spec would be refused: the facade cannot work with it.'
      : 'Dry run: nothing was changed.',
  );
  process.exit(blocked ? 1 : 0);
}
if (blocked && !values.force) {
  console.error(
    `spec:update: not applied; ${show(specTarget)} and ${show(generatedDir)}/ are unchanged. ` +
      'Adapt the facade (src/resources, scripts/facade-operations.json) first, or pass --force to apply anyway.',
  );
  process.exit(1);
}

// 2. Apply: copy, regenerate, type-check; roll back on failure.
// A Ctrl-C reaches the child too; catching it here lets the failed step's rollback run.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (interrupted = true));

const backup = mkdtempSync(join(tmpdir(), 'portkey-spec-update-'));
const hadSpec = existsSync(specTarget);
const hadGenerated = existsSync(generatedDir);
if (hadSpec) cpSync(specTarget, join(backup, 'portkey.yaml'));
if (hadGenerated) cpSync(generatedDir, join(backup, 'generated'), { recursive: true });

function restore() {
  if (hadSpec) cpSync(join(backup, 'portkey.yaml'), specTarget);
  else rmSync(specTarget, { force: true });
  rmSync(generatedDir, { recursive: true, force: true });
  if (hadGenerated) cpSync(join(backup, 'generated'), generatedDir, { recursive: true });
}

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.signal) interrupted = true;
  return { ok: r.status === 0 && !r.signal, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(), error: r.error };
}

const tscArgs = [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.test.json', '--pretty', 'false'];
const tscErrors = (output) => output.split('\n').filter((line) => /error TS\d+:/.test(line));

function fail(what, details) {
  console.error(`\nspec:update: ${what}`);
  if (details) console.error(details);
  if (values.keep) {
    console.error(
      `Kept the new ${show(specTarget)} and ${show(generatedDir)}/ (--keep); ` +
        `the previous ones are saved in ${backup}.`,
    );
  } else {
    restore();
    console.error(`Restored the previous ${show(specTarget)} and ${show(generatedDir)}/; the update was not applied.`);
    rmSync(backup, { recursive: true, force: true });
  }
  process.exit(interrupted ? 130 : 1);
}

try {
  if (newFile !== specTarget) cpSync(newFile, specTarget);
} catch (err) {
  fail(`cannot copy ${show(newFile)} to ${show(specTarget)}: ${err instanceof Error ? err.message : String(err)}`);
}

const generated = run([join(root, 'scripts/generate.mjs')]);
if (!generated.ok) {
  fail(interrupted ? 'interrupted while regenerating.' : 'regeneration failed:', generated.output);
}
console.log(generated.output);

const typecheck = run(tscArgs);
if (!typecheck.ok) {
  if (interrupted) fail('interrupted during the type-check.');
  const errors = tscErrors(typecheck.output);
  const shown = (errors.length ? errors : typecheck.output.split('\n')).slice(0, 8);
  let summary = shown.map((line) => `  ${line}`).join('\n');
  if (errors.length > shown.length) summary += `\n  … ${errors.length - shown.length} more`;
  summary = `${errors.length ? `${errors.length} error(s) from tsc -p tsconfig.test.json:` : 'tsc failed:'}\n${summary}`;
  if (!values.keep) {
    // Was it already failing? Then the update is not (only) to blame.
    restore();
    const baseline = run(tscArgs);
    if (!baseline.ok && !interrupted) {
      summary +=
        `\n  (the type-check fails with the previous spec too: ${tscErrors(baseline.output).length} error(s), ` +
        'so not all of these come from the update)';
    }
  }
  fail('the type-check failed with the new spec.', summary);
}

rmSync(backup, { recursive: true, force: true });
console.log(
  `spec:update: ${show(specTarget)} is now ${show(newFile)}; ${show(generatedDir)}/ regenerated; type-check passed.`,
);
if (warnings.length) console.log(`Check the ${warnings.length} "may break callers" finding(s) above before releasing.`);
