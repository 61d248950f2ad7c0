// The package as a consumer's node_modules holds it, built by tsup from tsup.config.ts into a temp
// folder (never dist/, which other tests and scripts may be rebuilding at the same time).
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build, type Options } from 'tsup';
import tsupConfig from '../../tsup.config';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

export interface InstalledPackage {
  /** A project folder whose node_modules holds portkey-admin and its dependencies. */
  dir: string;
  /** Write a file into the project folder; returns its path. */
  write(name: string, content: string): Promise<string>;
  /** Run `node [...nodeArgs] file` in the project folder; answers the JSON its last line printed. */
  node(file: string, env: Record<string, string>, nodeArgs?: string[]): Promise<any>;
  remove(): Promise<void>;
}

function configObject(): Options {
  const config = tsupConfig as unknown;
  // The build of the JS (the other entry of an array emits only declarations).
  if (Array.isArray(config)) {
    const js = config.find((c: Options) => !(typeof c.dts === 'object' && c.dts?.only));
    if (js) return { ...js, onSuccess: undefined } as Options;
  }
  if (config && typeof config === 'object' && !Array.isArray(config)) return config as Options;
  throw new Error('test/runtimes expects tsup.config.ts to export one options object; update built-package.ts');
}

export async function installBuiltPackage(): Promise<InstalledPackage> {
  const dir = await mkdtemp(join(tmpdir(), 'portkey-admin-runtime-'));
  try {
    const pkgDir = join(dir, 'node_modules', 'portkey-admin');
    // The JS as published; declarations are checked by attw in `npm run check:package`.
    await build({ ...configObject(), config: false, dts: false, silent: true, outDir: join(pkgDir, 'dist') });
    await copyFile(join(root, 'package.json'), join(pkgDir, 'package.json'));
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    // The runtime dependencies, linked from this repo's node_modules (Node resolves through the link).
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      const target = join(dir, 'node_modules', dep);
      await mkdir(resolve(target, '..'), { recursive: true });
      await symlink(join(root, 'node_modules', dep), target, 'dir');
    }
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'runtime-test-app', private: true }));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    dir,
    async write(name, content) {
      const file = join(dir, name);
      await writeFile(file, content);
      return file;
    },
    async node(file, env, nodeArgs = []) {
      let stdout: string;
      try {
        ({ stdout } = await run(process.execPath, [...nodeArgs, file], {
          cwd: dir,
          timeout: 15_000,
          env: { PATH: process.env.PATH ?? '', ...env },
        }));
      } catch (error: any) {
        throw new Error(`node ${[...nodeArgs, file].join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? error}`);
      }
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        return JSON.parse(last);
      } catch {
        throw new Error(`node ${file} printed no JSON result:\n${stdout}`);
      }
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
