// A full garbage collection for tests that check what is kept alive.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection. `gc` exists only under --expose-gc; vitest.config.ts passes no execArgv,
 * so set the flag at run time: contexts created afterwards get a `gc` global, and it collects the
 * whole isolate (this one included). Without it the memory figures would be meaningless: fail.
 */
export function getGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  if (typeof gc !== 'function') throw new Error('Could not get a gc() function (--expose-gc).');
  return gc as () => void;
}
