// `npm run spec:update`: the spec diff (scripts/lib/spec-diff.mjs) on small fixture specs, its plain-words
// report, and the script end to end — dry runs, and real updates only ever in a scratch copy of the project.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { assess, diff, formatReport, loadSpec, type SpecDiff } from '../scripts/lib/spec-diff.mjs';
import { listOperations } from '../scripts/lib/spec.mjs';

const root = resolve(import.meta.dirname, '..');
const fixtures = join(root, 'test/fixtures/specs');
const baseFile = join(fixtures, 'base.yaml');
const updatedFile = join(fixtures, 'updated.yaml');
const fullSpec = resolve(root, '../shared/spec/portkey-openapi.yaml');
const facadeOps: Record<string, string> = JSON.parse(readFileSync(join(fixtures, 'facade-operations.json'), 'utf8'));

const base = () => loadSpec(baseFile);
const changesOf = (result: SpecDiff, key: string) => result.changed.find((c) => c.key === key)?.changes ?? [];
const textsOf = (result: SpecDiff, key: string, severity?: string) =>
  changesOf(result, key)
    .filter((c) => !severity || c.severity === severity)
    .map((c) => c.text);

describe('diff', () => {
  const result = diff(loadSpec(baseFile), loadSpec(updatedFile));

  it('finds nothing between a spec and itself', () => {
    const same = diff(base(), base());
    expect(same).toMatchObject({ added: [], removed: [], renamed: [], changed: [] });
    expect(assess(same, facadeOps)).toEqual({ problems: [], warnings: [], affected: [] });
  });

  it('lists added operations with their summary', () => {
    expect(result.added).toEqual([
      expect.objectContaining({ key: 'GET /widgets/{id}/history', summary: "A widget's history", hasSuccess: true }),
    ]);
  });

  it('reports a removed operation the facade uses as a problem naming both', () => {
    expect(result.removed.map((op) => op.key)).toEqual(['DELETE /widgets/{id}']);
    expect(assess(result, facadeOps).problems).toContain(
      'DELETE /widgets/{id} is no longer in the spec (the path is still there, but without DELETE); portkey.widgets.delete cannot work.',
    );
  });

  it('sees a renamed path parameter as a rename, which the facade cannot follow', () => {
    expect(result.renamed).toEqual([
      expect.objectContaining({
        key: 'GET /gadgets/{gadget_id}',
        to: 'GET /gadgets/{id}',
        params: [{ from: 'gadget_id', to: 'id' }],
        changes: [],
      }),
    ]);
    expect(result.added.map((op) => op.key)).not.toContain('GET /gadgets/{id}');
    expect(assess(result, facadeOps).problems).toContain(
      'GET /gadgets/{gadget_id} is now GET /gadgets/{id} (path parameter `gadget_id` renamed to `id`); portkey.gadgets.retrieve cannot work.',
    );
  });

  it('reports parameters added, removed (through $ref), changed in type and in allowed values', () => {
    expect(changesOf(result, 'GET /widgets')).toEqual(
      expect.arrayContaining([
        { area: 'parameter', kind: 'removed', severity: 'warning', text: 'query parameter `page_size` removed' },
        {
          area: 'parameter',
          kind: 'type',
          severity: 'warning',
          text: 'query parameter `page` changed type: integer → string',
        },
        {
          area: 'parameter',
          kind: 'added',
          severity: 'info',
          text: 'optional query parameter `search` added (string)',
        },
        {
          area: 'parameter',
          kind: 'enum',
          severity: 'info',
          text: 'query parameter `status` now also allows "deleted"',
        },
      ]),
    );
  });

  it('treats a required parameter added, or made required, as breaking', () => {
    const next = base();
    next.paths['/widgets/{id}'].get.parameters = [
      { name: 'org', in: 'query', required: true, schema: { type: 'string' } },
    ];
    next.paths['/widgets'].get.parameters[1].required = true; // page
    const r = diff(base(), next);
    expect(textsOf(r, 'GET /widgets/{id}', 'breaking')).toEqual(['required query parameter `org` added (string)']);
    expect(textsOf(r, 'GET /widgets', 'breaking')).toEqual(['query parameter `page` is now required']);
    expect(assess(r, facadeOps).problems).toEqual([
      'GET /widgets: query parameter `page` is now required; portkey.widgets.list cannot work as written.',
      'GET /widgets/{id}: required query parameter `org` added (string); portkey.widgets.retrieve cannot work as written.',
    ]);
  });

  it('reports request body fields added, a required one as breaking', () => {
    expect(changesOf(result, 'POST /widgets')).toEqual([
      { area: 'body', kind: 'added', severity: 'breaking', text: 'required body field `kind` added (string)' },
      { area: 'body', kind: 'added', severity: 'info', text: 'body field `color` added (string)' },
    ]);
    expect(assess(result, facadeOps).problems).toContain(
      'POST /widgets: required body field `kind` added (string); portkey.widgets.create cannot work as written.',
    );
  });

  it('reports response fields removed, inside allOf, one level down and through array items', () => {
    expect(textsOf(result, 'GET /widgets/{id}', 'warning')).toEqual(
      expect.arrayContaining(['response field `description` removed', 'response field `owner.email` removed']),
    );
    expect(textsOf(result, 'GET /widgets', 'warning')).toContain('response field `data[].description` removed');
    expect(assess(result, facadeOps).warnings).toContain(
      'GET /widgets/{id}: response field `owner.email` removed (portkey.widgets.retrieve).',
    );
  });

  it('compares resolved schemas: a change inside a referenced component shows where it is used', () => {
    expect(textsOf(result, 'GET /widgets/{id}')).toContain(
      'response field `tags[].label` changed type: string → integer',
    );
  });

  it('reports a success response that is gone', () => {
    expect(changesOf(result, 'POST /widgets/{id}/archive')).toEqual([
      { area: 'response', kind: 'removed', severity: 'breaking', text: 'no longer declares a success response' },
    ]);
    // Not a facade operation: reported, but no problem for the facade.
    expect(assess(result, facadeOps).problems.join('\n')).not.toContain('archive');

    const next = base();
    delete next.paths['/widgets/{id}'].get.responses['200'];
    next.paths['/widgets/{id}'].get.responses['404'] = { description: 'Not found' };
    expect(assess(diff(base(), next), facadeOps).problems).toEqual([
      'GET /widgets/{id}: no longer declares a success response; portkey.widgets.retrieve cannot work as written.',
    ]);
  });

  it('reports required-ness and nullability of response fields, and a changed success status', () => {
    const next = base();
    next.components.schemas.WidgetBase.required = ['id'];
    next.components.schemas.WidgetBase.properties.status.nullable = true;
    next.paths['/widgets'].post.responses = { '200': next.paths['/widgets'].post.responses['201'] };
    const r = diff(base(), next);
    expect(textsOf(r, 'GET /widgets/{id}')).toEqual([
      'response field `name` is now optional (may be absent)',
      'response field `status` can now be null',
    ]);
    expect(textsOf(r, 'POST /widgets')).toEqual(['success status is now 200 (was 201)']);
  });

  it('does not loop on recursive references', () => {
    expect(textsOf(result, 'GET /trees/{id}')).toEqual(['response field `depth` added (integer, optional)']);

    const loopy = base();
    loopy.components.schemas.Loop = { $ref: '#/components/schemas/Loop' };
    loopy.components.schemas.SelfAll = {
      allOf: [{ $ref: '#/components/schemas/SelfAll' }, { properties: { x: { type: 'string' } } }],
    };
    loopy.components.schemas.TreeNode.properties.loop = { $ref: '#/components/schemas/Loop' };
    loopy.components.schemas.TreeNode.properties.self = { $ref: '#/components/schemas/SelfAll' };
    loopy.components.schemas.TreeNode.properties.missing = { $ref: '#/components/schemas/Nowhere' };
    const r = diff(base(), loopy);
    expect(textsOf(r, 'GET /trees/{id}')).toEqual([
      'response field `loop` added (object, optional)',
      'response field `self` added (object, optional)',
      'response field `missing` added (any, optional)',
    ]);
  });

  it('calls a facade operation that is in neither spec a problem', () => {
    const ops = { ...facadeOps, 'GET /nowhere': 'portkey.nowhere.get' };
    expect(assess(diff(base(), base()), ops).problems).toEqual([
      'GET /nowhere is not in the spec; portkey.nowhere.get cannot work.',
    ]);
  });
});

describe('formatReport', () => {
  it('says in plain words what changed and what it means for the facade', () => {
    const text = formatReport(diff(loadSpec(baseFile), loadSpec(updatedFile)), facadeOps, {
      from: 'base.yaml',
      to: 'updated.yaml',
    });
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Spec update: base.yaml → updated.yaml',
      '7 operations before, 7 after: 1 added, 1 removed, 1 renamed, 5 changed.',
    ]);
    for (const line of [
      'Facade methods affected (5 of 5):',
      '  portkey.widgets.create (POST /widgets): 2 changes, 1 breaking',
      '  portkey.widgets.delete (DELETE /widgets/{id}): removed from the spec: cannot work',
      '  portkey.gadgets.retrieve (GET /gadgets/{gadget_id}): now GET /gadgets/{id}: cannot work',
      'Added (1):',
      "  GET /widgets/{id}/history — A widget's history",
      'Removed (1):',
      '  DELETE /widgets/{id} — Delete a widget  [portkey.widgets.delete]',
      '  GET /gadgets/{gadget_id} → GET /gadgets/{id} (path parameter `gadget_id` → `id`)  [portkey.gadgets.retrieve]',
      '  POST /widgets  [portkey.widgets.create]',
      '      [breaking] required body field `kind` added (string)',
      '      [may break] response field `owner.email` removed',
      'The facade cannot work with this spec (3 problems):',
    ]) {
      expect(lines).toContain(line);
    }
    // Problems come last.
    expect(lines.filter(Boolean).at(-1)).toMatch(/cannot work\.$/);
  });

  it('says so when nothing changed', () => {
    const text = formatReport(diff(base(), base()), facadeOps);
    expect(text).toContain('Facade methods affected: none (of 5).');
    expect(text).toContain('No operation was added, removed or changed.');
  });
});

// ---------------------------------------------------------------------------------------------------
// The script

interface Run {
  status: number | null;
  output: string; // stdout and stderr, interleaved as written
}

function runScript(cwd: string, args: string[]): Run {
  const logDir = mkdtempSync(join(tmpdir(), 'spec-update-log-'));
  const log = join(logDir, 'out.txt');
  const fd = openSync(log, 'w');
  try {
    const r = spawnSync(process.execPath, [join(cwd, 'scripts/spec-update.mjs'), ...args], {
      cwd,
      stdio: ['ignore', fd, fd],
      timeout: 180_000,
    });
    return { status: r.status, output: readFileSync(log, 'utf8') };
  } finally {
    closeSync(fd);
    rmSync(logDir, { recursive: true, force: true });
  }
}

/** `{ 'openapi/portkey.yaml': text, 'generated/portkey.ts': text, … }` */
function snapshot(dir: string) {
  const files: Record<string, string> = {
    'openapi/portkey.yaml': readFileSync(join(dir, 'openapi/portkey.yaml'), 'utf8'),
  };
  for (const name of readdirSync(join(dir, 'generated')).sort()) {
    files[`generated/${name}`] = readFileSync(join(dir, 'generated', name), 'utf8');
  }
  return files;
}

function writeSnapshot(dir: string, files: Record<string, string>) {
  rmSync(join(dir, 'generated'), { recursive: true, force: true });
  mkdirSync(join(dir, 'generated'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

function scratchProject(items: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'portkey-admin-spec-update-'));
  for (const item of items) {
    if (existsSync(join(root, item))) cpSync(join(root, item), join(dir, item), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

// A real spec (Portkey's full one when it is here, else ours) against a copy of itself with every fifth operation
// taken out: the dry run must find exactly those operations added and nothing else changed, whichever spec
// openapi/ holds.
describe('spec:update --dry-run against a trimmed copy of a real spec', () => {
  const subject = existsSync(fullSpec) ? fullSpec : join(root, 'openapi/portkey.yaml');
  let dir: string;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs and lists the operations it would add', () => {
    const doc = loadSpec(subject);
    const keys = listOperations(doc).map((op) => `${op.method.toUpperCase()} ${op.path}`);
    const dropped = keys.filter((_, i) => i % 5 === 4);
    expect(dropped.length).toBeGreaterThan(0);
    for (const key of dropped) {
      const [method, path] = key.split(' ') as [string, string];
      delete doc.paths[path][method.toLowerCase()];
      if (!listOperations({ paths: { [path]: doc.paths[path] } }).length) delete doc.paths[path];
    }
    dir = mkdtempSync(join(tmpdir(), 'portkey-admin-spec-trimmed-'));
    const trimmed = join(dir, 'trimmed.yaml');
    writeFileSync(trimmed, stringify(doc));

    const run = runScript(root, ['--dry-run', '--from', trimmed, subject]);
    expect(run.output).toContain('Dry run: nothing was changed.');
    expect(run.output).not.toMatch(/spec:update: cannot read/);
    expect(run.output).toContain(
      `${keys.length - dropped.length} operations before, ${keys.length} after: ${dropped.length} added, ` +
        '0 removed, 0 renamed, 0 changed.',
    );
    const section = run.output.split(`Added (${dropped.length}):\n`)[1]?.split('\n\n')[0]?.split('\n') ?? [];
    const listed = section.map((line) => /^ {2}([A-Z]+ \/\S*)(?: — | {2}\[|$)/.exec(line)?.[1] ?? line);
    expect(listed.sort()).toEqual([...dropped].sort());
    // Exit status depends on how the facade fares against the subject; a failure must say why.
    if (run.status !== 0) expect(run.output).toContain('error: the facade cannot work with');
    expect([0, 1]).toContain(run.status);
  });
});

// A self-contained project: the real scripts and tsconfigs, with the fixture spec, a fixture facade manifest
// and a tiny src/ that reads a response field, so nothing here depends on the facade work in flight.
describe('spec:update in a scratch project', () => {
  let dir: string;
  let before: Record<string, string>;
  const scratchSpec = (name: string, edit: (doc: any) => void) => {
    const doc = parse(readFileSync(baseFile, 'utf8'), { merge: true });
    edit(doc);
    const file = join(dir, name);
    writeFileSync(file, stringify(doc));
    return file;
  };

  beforeAll(() => {
    dir = scratchProject(['scripts', 'package.json', 'tsconfig.json', 'tsconfig.test.json']);
    cpSync(join(fixtures, 'facade-operations.json'), join(dir, 'scripts/facade-operations.json'));
    mkdirSync(join(dir, 'openapi'));
    cpSync(baseFile, join(dir, 'openapi/portkey.yaml'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src/index.ts'),
      `import type { paths } from '../generated/portkey';
type Widget = paths['/widgets/{id}']['get']['responses'][200]['content']['application/json'];
export const widgetName = (widget: Widget): string => widget.name;
`,
    );
    const generated = spawnSync(process.execPath, ['scripts/generate.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    before = snapshot(dir);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const reset = () => writeSnapshot(dir, before);

  it('--dry-run reports, names the facade problems, exits 1 and changes nothing', () => {
    const run = runScript(dir, ['--dry-run', updatedFile]);
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      'DELETE /widgets/{id} is no longer in the spec (the path is still there, but without DELETE); portkey.widgets.delete cannot work.',
    );
    expect(run.output).toContain('  GET /widgets/{id}/history — A widget');
    expect(run.output).toContain('Dry run: nothing was changed.');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to apply a spec the facade cannot work with, unless forced', () => {
    const run = runScript(dir, [updatedFile]);
    expect(run.status).toBe(1);
    expect(run.output).toContain('spec:update: not applied;');
    expect(snapshot(dir)).toEqual(before);
  });

  it('applies a compatible spec: copies it, regenerates, type-checks', () => {
    const next = scratchSpec('compatible.yaml', (doc) => {
      doc.components.schemas.WidgetBase.properties.color = { type: 'string' };
      doc.paths['/widgets/{id}/history'] = {
        get: { summary: 'History', responses: { '200': { description: 'ok' } } },
      };
    });
    try {
      const run = runScript(dir, [next]);
      expect(run.output).toContain('type-check passed');
      expect(run.status).toBe(0);
      expect(run.output).toContain('  GET /widgets/{id}/history — History');
      expect(readFileSync(join(dir, 'openapi/portkey.yaml'), 'utf8')).toBe(readFileSync(next, 'utf8'));
      expect(readFileSync(join(dir, 'generated/portkey.ts'), 'utf8')).toContain('"/widgets/{id}/history"');
    } finally {
      reset();
    }
  }, 120_000);

  const typeBreaking = () =>
    scratchSpec('type-breaking.yaml', (doc) => {
      doc.components.schemas.WidgetBase.properties.name = { type: 'integer' };
    });

  it('restores the previous spec and generated/ when the type-check fails', () => {
    const run = runScript(dir, [typeBreaking()]);
    expect(run.status).toBe(1);
    const report = run.output.indexOf('[may break] response field `name` changed type: string → integer');
    const tsc = run.output.indexOf('error(s) from tsc -p tsconfig.test.json:');
    expect(report).toBeGreaterThanOrEqual(0);
    expect(tsc).toBeGreaterThan(report);
    expect(run.output).toMatch(/src\/index\.ts\(\d+,\d+\): error TS\d+/);
    expect(run.output).toContain('Restored the previous openapi/portkey.yaml and generated/');
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);

  it('--keep leaves the failed update in place and says where the old files are', () => {
    const next = typeBreaking();
    try {
      const run = runScript(dir, ['--keep', next]);
      expect(run.status).toBe(1);
      expect(run.output).toMatch(
        /Kept the new openapi\/portkey\.yaml and generated\/ \(--keep\); the previous ones are saved in /,
      );
      expect(readFileSync(join(dir, 'openapi/portkey.yaml'), 'utf8')).toBe(readFileSync(next, 'utf8'));
      const saved = /saved in (\S+)\./.exec(run.output)![1]!;
      expect(readFileSync(join(saved, 'portkey.yaml'), 'utf8')).toBe(before['openapi/portkey.yaml']);
      rmSync(saved, { recursive: true, force: true });
    } finally {
      reset();
    }
  }, 120_000);

  it('--strict refuses "may break callers" findings too', () => {
    expect(runScript(dir, ['--dry-run', typeBreaking()]).status).toBe(0);
    const strict = runScript(dir, ['--dry-run', '--strict', typeBreaking()]);
    expect(strict.status).toBe(1);
    expect(strict.output).toContain('"may break callers" finding(s) (--strict)');
  });

  it('--force applies anyway, and rolls back when regeneration fails', () => {
    const run = runScript(dir, ['--force', updatedFile]);
    expect(run.status).toBe(1);
    expect(run.output).toContain('spec:update: regeneration failed:');
    expect(run.output).toContain('Restored the previous openapi/portkey.yaml and generated/');
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);
});

// The same rollback with the project's real spec, generated/ and src/ (whatever state they are in now).
describe('spec:update in a scratch copy of this project', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchProject([
      'scripts',
      'openapi',
      'generated',
      'src',
      'package.json',
      'tsconfig.json',
      'tsconfig.test.json',
    ]);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves openapi/ and generated/ exactly as they were when a forced update fails', () => {
    const before = snapshot(dir);
    const refused = runScript(dir, [baseFile]);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/; portkey\.\S+ cannot work\./);
    expect(snapshot(dir)).toEqual(before);

    const forced = runScript(dir, ['--force', baseFile]);
    expect(forced.status).toBe(1);
    expect(forced.output).toContain('Restored the previous openapi/portkey.yaml and generated/');
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);
});
