#!/usr/bin/env node
// npm run check:full-spec [-- <spec file>]
// Proves the facade survives a newer Portkey spec: in a scratch copy of the project (the committed
// generated/ is never touched), put the spec in openapi/, regenerate, type-check src/ and test/, and run
// the whole test suite against Prism built from that spec. Default spec: ../shared/spec/portkey-openapi.yaml.
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const spec = resolve(process.argv[2] ?? join(root, '../shared/spec/portkey-openapi.yaml'));
if (!existsSync(spec)) {
  console.log(`check:full-spec: ${spec} is not here; nothing to check.`);
  process.exit(0);
}

const scratch = mkdtempSync(join(tmpdir(), 'portkey-admin-spec-'));
const run = (cmd, args) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: scratch, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`check:full-spec: \`${cmd} ${args.join(' ')}\` failed against ${spec}`);
    rmSync(scratch, { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
};

try {
  for (const item of [
    'src',
    'test',
    'scripts',
    'bench',
    'openapi',
    'generated',
    'package.json',
    'tsconfig.json',
    'tsconfig.test.json',
    'vitest.config.ts',
    'tsup.config.ts',
  ]) {
    cpSync(join(root, item), join(scratch, item), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  cpSync(spec, join(scratch, 'openapi/portkey.yaml'));
  run(process.execPath, ['scripts/generate.mjs']);
  // src/ (and generated/) must type-check against the newer spec: that is the promise. The tests' type-level
  // assertions name our spec's schemas and departures, so they are checked against ours only; at run time
  // the whole suite runs against Prism built from the newer spec.
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
  run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--typecheck.enabled=false']);
  console.log(`\ncheck:full-spec: ${spec} regenerates, type-checks and passes the suite with src/ unchanged.`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
