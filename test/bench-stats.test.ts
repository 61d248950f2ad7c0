// The bench's statistics (bench/stats.mjs): the README's speed figures are only as good as these.
import { describe, expect, it } from 'vitest';
import { median, pairedRatio, seededRandom, shuffled } from '../bench/stats.mjs';

/** Per-round CPU figures: `base` around 400 µs, `client` = base × trueRatio, each with its own noise. */
function simulatedRun(random: () => number, trueRatio: number, rounds: number, noise: number) {
  const jitter = () => 1 + noise * (random() * 2 - 1);
  const base: number[] = [];
  const client: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const machine = 400 * (1 + 0.3 * random()); // a round's load moves both alike
    base.push(machine * jitter());
    client.push(machine * trueRatio * jitter());
  }
  return { base, client };
}

describe('pairedRatio', () => {
  it('is the ratio of the totals, not a median of per-round ratios', () => {
    // Per-round ratios 2 and 1.333…: their median would be 1.667; the totals say 6 / 4.
    expect(pairedRatio([2, 4], [1, 3]).ratio).toBe(1.5);
  });

  it('gives a point interval when every round has the same ratio', () => {
    const base = [380, 420, 395, 510, 402];
    const result = pairedRatio(
      base.map((x) => x * 1.25),
      base,
    );
    expect(result.ratio).toBeCloseTo(1.25, 12);
    expect(result.low).toBeCloseTo(1.25, 12);
    expect(result.high).toBeCloseTo(1.25, 12);
  });

  it('brackets the ratio, wider as rounds scatter more, and the same for the same rounds', () => {
    const random = seededRandom(7);
    const calm = simulatedRun(random, 1.06, 24, 0.02);
    const noisy = simulatedRun(random, 1.06, 24, 0.2);
    const a = pairedRatio(calm.client, calm.base);
    const b = pairedRatio(noisy.client, noisy.base);
    for (const r of [a, b]) {
      expect(r.low).toBeLessThan(r.ratio);
      expect(r.high).toBeGreaterThan(r.ratio);
    }
    expect(b.high - b.low).toBeGreaterThan(3 * (a.high - a.low));
    expect(pairedRatio(noisy.client, noisy.base)).toEqual(b);
  });

  it('covers the true ratio about as often as a 90 % interval from 24 rounds can', () => {
    // 2,000 simulated runs of 24 rounds with ±20 % scatter per round, as this machine shows. A percentile
    // bootstrap from so few rounds runs a little narrow: this one covers 88 %. An 85 % interval would cover
    // about 83 %, a 95 % one about 93 %: both fail here.
    const random = seededRandom(42);
    let covered = 0;
    const runs = 2000;
    for (let i = 0; i < runs; i++) {
      const { client, base } = simulatedRun(random, 1.06, 24, 0.2);
      const { low, high } = pairedRatio(client, base, 500);
      if (low <= 1.06 && 1.06 <= high) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.85);
    expect(covered / runs).toBeLessThan(0.915);
  });

  it('is an interval for the ratio of totals, not for per-round ratios', () => {
    // One small round with ratio 2 among large rounds of ratio 1: the totals barely move, per-round ratios would.
    const result = pairedRatio([2, ...Array(23).fill(100)], [1, ...Array(23).fill(100)]);
    expect(result.ratio).toBeCloseTo(2302 / 2301, 12);
    expect(result.high).toBeLessThan(1.002);
  });

  it('draws every round, the last included', () => {
    // Only the last round differs: an interval that never drew it would be a point at 1.
    const result = pairedRatio([...Array(23).fill(1), 2], Array(24).fill(1));
    expect(result.high).toBeGreaterThan(result.ratio);
  });
});

describe('median, shuffled, seededRandom', () => {
  it('median of odd and even counts, without reordering its input', () => {
    const xs = [5, 1, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('shuffled is a permutation, reproducible from the seed, and not always the same order', () => {
    const orders: string[] = [];
    const random = seededRandom(1);
    for (let i = 0; i < 50; i++) {
      const order = shuffled(5, random);
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
      orders.push(order.join(''));
    }
    expect(new Set(orders).size).toBeGreaterThan(20);
    expect(shuffled(5, seededRandom(1)).join('')).toBe(orders[0]);
  });

  it('seededRandom stays in [0, 1) and repeats for the same seed', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      expect(b()).toBe(x);
    }
  });
});
