// Start a Prism mock server from a spec on a free loopback port; used by the tests and the demo.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./prism-child.mjs', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {string} specFile
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, stop: () => Promise<void>, output: () => string }>}
 */
export async function startPrism(specFile, { timeoutMs = 60_000 } = {}) {
  const port = await freePort();
  // -v fatal: Prism logs every response violation; on our spec that floods the terminal.
  const proc = spawn(
    process.execPath,
    [child, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'fatal', specFile],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-8000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  let exited = false;
  const exitedPromise = new Promise((resolve) =>
    proc.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited) return;
    proc.stdin.end();
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
    await exitedPromise;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (exited) throw new Error(`Prism exited before it was ready:\n${output}`);
    try {
      await fetch(`${url}/__ready__`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  return { url, stop, output: () => output };
}
