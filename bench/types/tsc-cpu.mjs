// Runs tsc (the arguments are tsc's) and, as it exits, prints the CPU time this process used:
// on a shared machine that is a steadier figure than wall-clock time.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`\nCPU time (ms): ${((user + system) / 1000).toFixed(1)}\n`);
});
await import(pathToFileURL(createRequire(import.meta.url).resolve('typescript/lib/tsc.js')).href);
