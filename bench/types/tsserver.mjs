// A minimal tsserver client over stdio, for the editor-latency figures of `npm run bench:types`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export class TsServer {
  #child;
  #seq = 0;
  #buffer = Buffer.alloc(0);
  #pending = new Map();
  #waiters = [];

  constructor(cwd) {
    const tsserver = require.resolve('typescript/lib/tsserver.js');
    this.#child = spawn(process.execPath, [tsserver, '--disableAutomaticTypingAcquisition'], {
      cwd,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.#child.stdout.on('data', (chunk) => this.#read(chunk));
  }

  #read(chunk) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.#buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length);
      if (message.type === 'response') {
        this.#pending.get(message.request_seq)?.(message);
        this.#pending.delete(message.request_seq);
      } else if (message.type === 'event') {
        this.#waiters = this.#waiters.filter((w) => !(w.test(message) && (w.resolve(message), true)));
      }
    }
  }

  /** Send a request; with `wait`, resolves with its response. */
  send(command, args, wait = true) {
    const seq = ++this.#seq;
    const answer = wait ? new Promise((resolve) => this.#pending.set(seq, resolve)) : Promise.resolve();
    this.#child.stdin.write(JSON.stringify({ seq, type: 'request', command, arguments: args }) + '\n');
    return answer;
  }

  /** Resolves with the first event from now on that passes `test`. */
  event(test) {
    return new Promise((resolve) => this.#waiters.push({ test, resolve }));
  }

  /** CPU time the server has used so far, in ms (Linux: /proc; elsewhere NaN). Clock ticks of 10 ms. */
  cpu() {
    try {
      const fields = readFileSync(`/proc/${this.#child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      return NaN;
    }
  }

  close() {
    this.#child.stdin.end();
    this.#child.kill();
  }
}

/** Line and offset (1-based, as tsserver counts) of the end of the first `needle` in `text`. */
export function positionAfter(text, needle) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`bench:types: ${JSON.stringify(needle)} is not in the consumer`);
  const before = text.slice(0, at + needle.length).split('\n');
  return { line: before.length, offset: before.at(-1).length + 1 };
}

/**
 * Latencies, over `edits` edits of the `edited = N` line, of what an editor asks after each edit: a completion
 * at `completeAt` when given, else the file's semantic diagnostics. The first answer after opening
 * (building the program) is reported apart as `cold`.
 */
export async function editorLatency({ dir, file, text, completeAt, edits, expectEntry }) {
  const server = new TsServer(dir);
  try {
    server.send('open', { file, fileContent: text, scriptKindName: 'TS', projectRootPath: dir }, false);
    const editAt = positionAfter(text, 'edited = ');
    let value = '0';
    const edit = () => {
      const next = String((Number(value) + 1) % 10);
      server.send(
        'change',
        { file, ...editAt, endLine: editAt.line, endOffset: editAt.offset + value.length, insertString: next },
        false,
      );
      value = next;
    };
    const diagnostics = async () => {
      const c0 = server.cpu();
      const t0 = performance.now();
      const done = server.event((e) => e.event === 'semanticDiag' && e.body?.file === file);
      server.send('geterr', { files: [file], delay: 0 }, false);
      const event = await done;
      return { ms: performance.now() - t0, cpu: server.cpu() - c0, count: event.body.diagnostics.length };
    };
    const completion = async () => {
      const at = positionAfter(text, completeAt);
      const c0 = server.cpu();
      const t0 = performance.now();
      const response = await server.send('completionInfo', { file, ...at, triggerKind: 1 });
      const ms = performance.now() - t0;
      const cpu = server.cpu() - c0;
      const names = (response.body?.entries ?? []).map((e) => e.name);
      if (expectEntry && !names.includes(expectEntry)) {
        throw new Error(`bench:types: no completion ${expectEntry} at ${completeAt} (got ${names.slice(0, 5)})`);
      }
      return { ms, cpu, count: names.length };
    };
    const out = { cold: undefined, completion: [], diagnostics: [], cpu: [], entries: 0, errors: 0 };
    // Cold: the first request after opening builds the program.
    const first = completeAt ? await completion() : await diagnostics();
    out.cold = first.ms;
    for (let i = 0; i < edits; i++) {
      edit();
      if (completeAt) {
        const c = await completion();
        out.completion.push(c.ms);
        out.cpu.push(c.cpu);
        out.entries = c.count;
      } else {
        const d = await diagnostics();
        out.diagnostics.push(d.ms);
        out.cpu.push(d.cpu);
        out.errors = d.count;
      }
    }
    return out;
  } finally {
    server.close();
  }
}
