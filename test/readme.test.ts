// Every `ts` block of the README compiles as a user would paste it, under `strict` and also
// `exactOptionalPropertyTypes`, against the package's own entry points. A block starting with a `// name.ts` line is
// a file of its own (imports and all); every other block is a snippet, compiled in its own scope after the
// README's earlier imports, with `portkey` (a client) and `slug` (a string) declared for it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const readme = join(root, 'README.md');
const blocks = [...(existsSync(readme) ? readFileSync(readme, 'utf8') : '').matchAll(/```ts\n([\s\S]*?)```/g)].map(
  (m) => m[1]!,
);

function project(exactOptional: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'portkey-readme-'));
  // module → name → whether only ever imported as a type
  const imports = new Map<string, Map<string, boolean>>();
  const collect = (line: string) => {
    const m = /^import (type )?\{([^}]*)\} from '([^']+)';$/.exec(line.trim());
    if (!m) throw new Error(`README: an import this test cannot merge: ${line}`);
    const names = imports.get(m[3]!) ?? new Map<string, boolean>();
    for (const raw of m[2]!
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)) {
      const typeOnly = Boolean(m[1]) || raw.startsWith('type ');
      const name = raw.replace(/^type /, '');
      names.set(name, (names.get(name) ?? true) && typeOnly);
    }
    imports.set(m[3]!, names);
    return '';
  };
  const snippets: string[] = [];
  blocks.forEach((block, i) => {
    const file = /^\/\/ ([\w.-]+\.ts)\n/.exec(block)?.[1];
    if (file) return writeFileSync(join(dir, file), block);
    const body = block.replace(/^import .*;\n/gm, collect);
    snippets.push(`// README block ${i + 1}\n{\n${body}}\n`);
  });
  writeFileSync(
    join(dir, 'snippets.ts'),
    [
      ...[...imports].map(
        ([module, names]) =>
          `import { ${[...names].map(([name, typeOnly]) => (typeOnly ? `type ${name}` : name)).join(', ')} } from '${module}';`,
      ),
      "import type { PortkeyAdmin as PortkeyAdminType } from 'portkey-admin';",
      'declare const portkey: PortkeyAdminType;',
      'declare const slug: string;',
      'export {};',
      ...snippets,
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        exactOptionalPropertyTypes: exactOptional,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
        paths: {
          'portkey-admin': [join(root, 'src/index.ts')],
          'portkey-admin/testing': [join(root, 'src/testing.ts')],
          vitest: [join(root, 'node_modules/vitest')],
        },
      },
      include: ['*.ts'],
    }),
  );
  return dir;
}

// The examples are written against our spec; a run against another one (check:full-spec) has none to check.
const ourSpec = /x-portkey-admin-spec:\s*true/.test(readFileSync(join(root, 'openapi/portkey.yaml'), 'utf8'));

describe.skipIf(!ourSpec || blocks.length === 0)('README examples', () => {
  it('has ts blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  // The testing section's example is a user's test of their own code: it must pass, not only compile.
  const files = blocks.filter((b) => /^\/\/ [\w.-]+\.ts\n/.test(b));
  it.skipIf(!files.some((b) => /^\/\/ [\w.-]+\.test\.ts\n/.test(b)))(
    'tests in it pass, run with vitest as a user would',
    () => {
      // Inside the project, so that `vitest` resolves from node_modules; the package's names point at src/.
      mkdirSync(join(root, '.tmp'), { recursive: true });
      const dir = mkdtempSync(join(root, '.tmp', 'readme-run-'));
      try {
        for (const block of files) writeFileSync(join(dir, /^\/\/ ([\w.-]+\.ts)\n/.exec(block)![1]!), block);
        const alias = {
          'portkey-admin/testing': join(root, 'src/testing.ts'),
          'portkey-admin': join(root, 'src/index.ts'),
        };
        writeFileSync(
          join(dir, 'vitest.config.mjs'),
          `export default { resolve: { alias: ${JSON.stringify(alias)} }, test: { include: ['*.test.ts'] } };`,
        );
        execFileSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir], {
          encoding: 'utf8',
          stdio: 'pipe',
          env: { ...process.env, CI: '1', NO_COLOR: '1' },
        });
      } catch (error: any) {
        throw new Error(`README tests fail:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  for (const exactOptional of [false, true]) {
    it(`compile under strict${exactOptional ? ' + exactOptionalPropertyTypes' : ''}`, () => {
      const dir = project(exactOptional);
      try {
        execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], {
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (error: any) {
        throw new Error(`README examples do not compile:\n${error.stdout}${error.stderr}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  }
});
