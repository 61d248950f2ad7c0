import { writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const entry = { index: 'src/index.ts', testing: 'src/testing.ts' };

// One copy of the declarations, the generated types included, for both module systems: they are emitted once,
// as CommonJS declarations (dist/*.d.cts, sharing one chunk), and the ESM entries' declarations (dist/*.d.ts)
// re-export them. ESM may import CommonJS; the reverse would not resolve for `require` consumers. The types are
// the same either way: only the runtime differs between dist/*.js and dist/*.cjs, and the declarations describe
// no runtime of their own.
const esmDeclarations = () => {
  for (const name of Object.keys(entry)) {
    writeFileSync(
      `dist/${name}.d.ts`,
      `// The declarations of both module systems are in ./${name}.d.cts (one copy; see tsup.config.ts).\n` +
        `export * from './${name}.cjs';\n`,
    );
  }
};

export default defineConfig([
  {
    entry,
    format: ['esm', 'cjs'],
    dts: false,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    sourcemap: false,
    treeshake: true,
    onSuccess: async () => esmDeclarations(),
  },
  {
    entry,
    format: ['cjs'],
    dts: { only: true },
    clean: false,
    target: 'es2022',
    platform: 'neutral',
  },
]);
