#!/usr/bin/env node
// npm run generate [-- <spec file>] [--out <dir>] [--check]
//   Generates generated/ (types + route table) from openapi/portkey.yaml or the given spec.
//   --check  writes nothing; exits 1 naming each file that differs from what would be written.
//   --out    writes somewhere else (CI uses it to try a newer spec without touching generated/).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSpec } from './lib/spec.mjs';
import { renderGenerated } from './lib/codegen.mjs';
import { checkFacadeOperations } from './lib/facade-check.mjs';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, check: { type: 'boolean', default: false } },
});

const specFile = resolve(positionals[0] ?? join(root, 'openapi/portkey.yaml'));
const outDir = resolve(values.out ?? join(root, 'generated'));

try {
  const doc = loadSpec(specFile);
  const files = await renderGenerated(doc);

  if (values.check) {
    const stale = Object.entries(files).filter(([name, text]) => {
      const file = join(outDir, name);
      return !existsSync(file) || readFileSync(file, 'utf8') !== text;
    });
    for (const [name] of stale) {
      console.error(
        `generate:check: ${relative(process.cwd(), join(outDir, name))} is not what \`npm run generate\` writes from ${relative(process.cwd(), specFile)}.`,
      );
    }
    if (stale.length) {
      console.error('Run `npm run generate` and commit the result; never edit generated/ by hand.');
      process.exit(1);
    }
    console.log(`generate:check: generated/ matches ${relative(process.cwd(), specFile)}.`);
  } else {
    mkdirSync(outDir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
    console.log(
      `generated ${Object.keys(files).join(', ')} in ${relative(process.cwd(), outDir) || '.'} from ${relative(process.cwd(), specFile)}`,
    );
  }

  // The facade calls a fixed set of operations; say in plain words when the spec lost one.
  const problems = checkFacadeOperations(doc);
  if (problems.length) {
    for (const p of problems) console.error(`error: ${p}`);
    process.exit(1);
  }
} catch (err) {
  console.error(`generate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
