// Runs Prism's CLI in this process, and ends it when the parent goes away. Spawned by prism.mjs:
// a plain `npx prism` child survives its parent being killed; this one sees its stdin close and exits.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const prismCli = require.resolve('@stoplight/prism-cli/dist/index.js');

const exit = () => process.exit(0);
process.stdin.on('end', exit);
process.stdin.on('close', exit);
process.stdin.resume();
const parent = process.ppid;
setInterval(() => process.ppid !== parent && exit(), 500).unref();

process.argv = [process.argv[0], prismCli, ...process.argv.slice(2)];
require(prismCli);
