// Types for stats.mjs, for the tests that import it.
export function shuffled(n: number, random: () => number): number[];
export function seededRandom(seed: number): () => number;
export function median(xs: readonly number[]): number;
export function pairedRatio(
  client: readonly number[],
  base: readonly number[],
  resamples?: number,
): { ratio: number; low: number; high: number };
