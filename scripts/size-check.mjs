// npm run size
//
// What an application pays to ship this client: src/index.ts with everything it imports at runtime
// (dependencies included) bundled, minified, for a neutral platform, then gzipped (level 9).
// Fails (exit 1) above the budget, or if any bundled file imports a Node builtin: the client must run
// unchanged in browsers, Deno, Bun and edge runtimes.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// The target for the whole admin surface (160 operations) is 8 kB gzipped; the gate is that target, so the
// headroom left is what the operations still to come may spend. The core (the client with every resource table
// emptied) and the cost per operation are printed too, with what 160 operations would come to.
const TARGET_BYTES = 8000;
// The surface landed at 10.3 kB, over the target: the hand-written behaviour the resource issues asked for
// (the export runner, refusals, secret-safe errors) sits outside the tables. The gate holds what landed, with
// a little room, so that no byte more goes in unnoticed; the target stays what it is and is reported missed.
// Hardening (issue 17) then took about 1.4 kB more, deliberately, for safety and correctness: linear and bounded
// error bodies, no write repeated after a redirect, strict options with a did-you-mean, refused query values and
// headers, a timeout a custom fetch cannot escape, one abort listener per caller signal, the key redacted in
// every corner. Those do not wait for bytes; trimming elsewhere (messages are ≈ 2.8 kB of the gzip) is open work.
// A review then found `instanceof` failing between the CommonJS and ESM copies of the package (and the testing
// entry's copy in CommonJS): errors known by a brand on their prototype cost ≈ 190 B, with walks trusting `total`
// and the abort reason kept. Its key-redaction fixes took ≈ 250 B more (the key matched in any case, in any
// JSON-escaped form and in a body cut at 1 MB; a custom fetch's error holding objects kept only as a redacted
// copy; header values checked), and logs.exports.run's refusals ≈ 80 B: the gate is 12,300 B for all of them.
// A second review of those found the key still leaking at the 1 MB cut and through hidden or getter fields of a
// custom fetch's error, a key ending in a backslash breaking the JSON body, and exponential matching on a key with
// a run of backslashes: the fixes (an atomic pattern, a cut placed before a key, a field-by-field check of a cause)
// took ≈ 215 B, and the gate 12,500 B.
const LIMIT_BYTES = 12500;
const SURFACE_OPERATIONS = 160;
const TOP = 12;

const root = fileURLToPath(new URL('..', import.meta.url));
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isBuiltin = (path) => path.startsWith('node:') || builtins.has(path) || builtins.has(path.split('/')[0]);
const operations = Object.keys(JSON.parse(readFileSync(join(root, 'scripts/facade-operations.json'), 'utf8'))).length;

/** What is left of the client without its operations: resource tables and the generated tables emptied. */
const withoutOperations = {
  name: 'without-operations',
  setup(b) {
    b.onLoad({ filter: /[/\\](src[/\\]resources|generated)[/\\][^/\\]+\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8')
        .replace(/(\nconst \w+ = )\{[\s\S]*?\n\} as const;/g, '$1{} as const;')
        .replace(/(\nexport const (?:inputs|routes)\b[^=]*= )\{[\s\S]*?\n?\};/g, '$1{};');
      return { contents: text, loader: 'ts' };
    });
  },
};

async function bundle(plugins = []) {
  return build({
    absWorkingDir: root,
    entryPoints: ['src/index.ts'],
    bundle: true,
    minify: true,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    target: 'es2022',
    // Builtins left external so that an import of one is reported below rather than failing to resolve.
    external: ['node:*', ...builtinModules],
    metafile: true,
    write: false,
    outfile: 'size-check.js',
    logLevel: 'silent',
    plugins,
  });
}

const result = await bundle();
const coreResult = await bundle([withoutOperations]);
const coreGzipped = gzipSync(coreResult.outputFiles.find((f) => f.path.endsWith('.js')).contents, { level: 9 }).length;
const output = result.outputFiles.find((file) => file.path.endsWith('.js'));
const minified = output.contents.length;
const gzipped = gzipSync(output.contents, { level: 9 }).length;
const meta = Object.values(result.metafile.outputs)[0];

// Where the bytes come from: minified bytes each input contributes to the bundle.
const inputs = Object.entries(meta.inputs)
  .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
  .filter((input) => input.bytes > 0)
  .sort((a, b) => b.bytes - a.bytes);
const totalInputBytes = inputs.reduce((sum, input) => sum + input.bytes, 0);
console.log(`Top contributors (minified bytes in the bundle, of ${totalInputBytes.toLocaleString('en')}):`);
for (const { file, bytes } of inputs.slice(0, TOP)) {
  const share = ((100 * bytes) / totalInputBytes).toFixed(1);
  console.log(`  ${String(bytes).padStart(6)}  ${share.padStart(5)} %  ${file}`);
}
if (inputs.length > TOP) {
  const rest = inputs.slice(TOP);
  console.log(`  ${String(rest.reduce((s, i) => s + i.bytes, 0)).padStart(6)}          (${rest.length} more files)`);
}

// Node builtins: any import of one by any bundled file (type-only imports are erased before this).
const builtinImports = [];
for (const [file, input] of Object.entries(result.metafile.inputs)) {
  for (const imported of input.imports) {
    if (isBuiltin(imported.path) || (imported.external && isBuiltin(imported.original ?? imported.path))) {
      builtinImports.push({ file, path: imported.path });
    }
  }
}
for (const imported of meta.imports) {
  if (isBuiltin(imported.path) && !builtinImports.some((b) => b.path === imported.path)) {
    builtinImports.push({ file: relative(root, output.path), path: imported.path });
  }
}

const fmt = (n) => n.toLocaleString('en');
const packages = [
  ...new Set(
    Object.keys(meta.inputs)
      .map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1])
      .filter(Boolean),
  ),
];
const bundled = packages.length ? ` + ${packages.join(', ')}` : ', no dependencies bundled';
console.log(
  `\nbundle (src/index.ts${bundled}; minified, neutral, esm): ${fmt(minified)} B, ` +
    `gzip -9: ${fmt(gzipped)} B (limit ${fmt(LIMIT_BYTES)} B, ` +
    (gzipped > LIMIT_BYTES ? `${fmt(gzipped - LIMIT_BYTES)} B over)` : `${fmt(LIMIT_BYTES - gzipped)} B headroom)`),
);

// Messages are most of what does not minify: how much of the bundle long string literals are (approximate:
// a regex scan of the minified code), and what it would gzip to without them.
const code = output.text;
const literals = (code.match(/`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g) ?? []).filter(
  (l) => l.length > 30,
);
let withoutLiterals = code;
for (const literal of literals) withoutLiterals = withoutLiterals.replace(literal, '""');
const literalBytes = literals.reduce((sum, l) => sum + l.length, 0);
const literalGzip = gzipped - gzipSync(withoutLiterals, { level: 9 }).length;
console.log(
  `of which ${literals.length} string literals over 30 characters (messages, mostly): ${fmt(literalBytes)} B minified, ` +
    `≈ ${fmt(literalGzip)} B of the gzipped size`,
);

const perOperation = operations ? (gzipped - coreGzipped) / operations : 0;
const projected = Math.round(coreGzipped + SURFACE_OPERATIONS * perOperation);
console.log(
  `core (every resource table emptied): ${fmt(coreGzipped)} B gzipped; ${operations} operations add ` +
    `${fmt(gzipped - coreGzipped)} B, ${perOperation.toFixed(1)} B each; at that rate ${SURFACE_OPERATIONS} ` +
    `operations come to ≈ ${fmt(projected)} B (target ${fmt(TARGET_BYTES)} B: ${projected <= TARGET_BYTES ? 'on course' : 'off course'})`,
);

let failed = false;
console.log(
  `target ${fmt(TARGET_BYTES)} B gzipped: ${gzipped <= TARGET_BYTES ? 'met' : `missed by ${fmt(gzipped - TARGET_BYTES)} B`}`,
);
if (gzipped > LIMIT_BYTES) {
  failed = true;
  console.error(
    `\nsize-check FAILED: the runtime bundle is ${fmt(gzipped)} B gzipped, ${fmt(gzipped - LIMIT_BYTES)} B over the ` +
      `${fmt(LIMIT_BYTES)} B budget. Trim the largest contributors above, or raise LIMIT_BYTES in scripts/size-check.mjs ` +
      `deliberately.`,
  );
}
if (builtinImports.length > 0) {
  failed = true;
  console.error(
    '\nsize-check FAILED: the runtime imports Node builtins, so it would not run in browsers, Deno or edge runtimes:',
  );
  for (const { file, path } of builtinImports) console.error(`  ${file} imports "${path}"`);
}
// What installing it costs: the tarball npm would publish, from dist/ as it is now (`--ignore-scripts`: no
// rebuild; run `npm run build` first for current figures). Reported, not gated.
{
  const { execFileSync } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  if (!existsSync(join(root, 'dist/index.js'))) {
    console.log('\npackage: dist/ is not built; run `npm run build` for the tarball and unpacked sizes.');
  } else {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
    );
    const declarations = packed.files.filter((f) => /\.d\.c?ts$/.test(f.path));
    const dtsBytes = declarations.reduce((sum, f) => sum + f.size, 0);
    console.log(
      `\npackage (npm pack --dry-run, dist/ as built): tarball ${fmt(packed.size)} B, unpacked ${fmt(packed.unpackedSize)} B ` +
        `in ${packed.entryCount} files; declarations ${fmt(dtsBytes)} B in ${declarations.length} files ` +
        `(largest: ${declarations
          .sort((a, b) => b.size - a.size)
          .slice(0, 2)
          .map((f) => `${f.path} ${fmt(f.size)} B`)
          .join(', ')})`,
    );
  }
}

if (failed) process.exit(1);
console.log('size-check OK: within budget, no Node builtins.');
