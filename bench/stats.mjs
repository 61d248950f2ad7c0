// The bench's statistics: seeded shuffles, medians, and paired ratios with a bootstrap interval.
// Pure functions, no side effects: test/bench-stats.test.ts checks them.

/** 0 … n-1 in random order (Fisher–Yates). */
export function shuffled(n, random) {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** A seeded linear congruential generator: reproducible orders, good enough to shuffle a handful. */
export function seededRandom(seed) {
  let state = (seed * 2654435761) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Any fixed seed: the same rounds give the same interval (every client resamples the same rounds). */
const RESAMPLING_SEED = 24;

/**
 * How much CPU `client` used against `base` over a whole run: the ratio of their totals over all rounds
 * (rounds paired: both ran in the same interleaved slices), with a 90 % bootstrap interval over rounds.
 * A single round scatters by ±20 % or more on a shared 2-core machine (a collection, another tenant, the
 * server process waking up), so the median of 15 per-round ratios moved by several per cent from run to
 * run; the ratio of totals weighs every request alike, and the interval says how far this run's noise
 * could have moved it. Seeded, so the same rounds give the same interval.
 */
export function pairedRatio(client, base, resamples = 4000) {
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const ratio = sum(client) / sum(base);
  const random = seededRandom(RESAMPLING_SEED);
  const boots = [];
  for (let b = 0; b < resamples; b++) {
    let x = 0;
    let y = 0;
    for (let k = 0; k < client.length; k++) {
      const j = Math.floor(random() * client.length);
      x += client[j];
      y += base[j];
    }
    boots.push(x / y);
  }
  boots.sort((p, q) => p - q);
  return { ratio, low: boots[Math.floor(resamples * 0.05)], high: boots[Math.ceil(resamples * 0.95) - 1] };
}
