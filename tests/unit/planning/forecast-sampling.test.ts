// The forecast's building blocks: the seeded generator and its distributions against their moments,
// and the outcome histogram against plain sorted arrays.

import { describe, expect, it } from "vitest";
import { IntegerHistogram } from "@/lib/planning/histogram";
import { gammaConstants, SeededRandom } from "@/lib/planning/random";

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < n; k++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

describe("SeededRandom", () => {
  it("replays the same stream for a seed; another seed gives another stream", () => {
    const take = (seed: number) => {
      const rng = new SeededRandom(seed);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(2)).not.toEqual(take(1));
    expect(take(0)).not.toEqual(take(1));
    // Pinned: a change here changes every forecast ever shown for a seed.
    expect(take(1).slice(0, 3)).toEqual(GOLDEN_SEED_1);
  });

  it("draws uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12", () => {
    const rng = new SeededRandom(3);
    let lo = 1;
    let hi = 0;
    const { mean, variance } = moments(() => {
      const u = rng.uniform();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      return u;
    }, 200_000);
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it("draws standard normals", () => {
    const rng = new SeededRandom(4);
    const { mean, variance } = moments(() => rng.normal(), 200_000);
    expect(mean).toBeCloseTo(0, 2);
    expect(variance).toBeCloseTo(1, 1.5);
  });

  it("draws Gamma(k, 1) with mean and variance k (Marsaglia-Tsang)", () => {
    const rng = new SeededRandom(5);
    for (const shape of [1, 1.8, 4.2, 5]) {
      const { d, c } = gammaConstants(shape);
      const { mean, variance } = moments(() => rng.gamma(d, c), 200_000);
      expect(Math.abs(mean - shape) / shape).toBeLessThan(0.01);
      expect(Math.abs(variance - shape) / shape).toBeLessThan(0.03);
    }
    expect(() => gammaConstants(0.5)).toThrow(RangeError);
  });

  it("draws Beta(a, b) with mean a/(a+b) and variance ab/((a+b)^2(a+b+1))", () => {
    const rng = new SeededRandom(6);
    for (const [a, b] of [
      [2, 4],
      [1, 5],
      [3, 3],
    ]) {
      const ka = gammaConstants(a);
      const kb = gammaConstants(b);
      const { mean, variance } = moments(() => rng.beta(ka.d, ka.c, kb.d, kb.c), 200_000);
      expect(mean).toBeCloseTo(a / (a + b), 2.5);
      expect(variance).toBeCloseTo((a * b) / ((a + b) ** 2 * (a + b + 1)), 3);
    }
  });

  it("refuses a fractional seed", () => {
    expect(() => new SeededRandom(1.5)).toThrow(RangeError);
  });
});

describe("IntegerHistogram", () => {
  /** Spread both ways from the first value, so the window widens to the left and to the right. */
  function sample(n: number, seed: number): number[] {
    const rng = new SeededRandom(seed);
    const out = [37];
    for (let k = 1; k < n; k++) out.push(Math.round(rng.normal() * 400 * rng.uniform()) - 20);
    return out;
  }

  it("gives nearest-rank percentiles and counts exactly as a sorted array does", () => {
    for (const n of [1, 2, 7, 100, 5_001]) {
      const values = sample(n, n);
      const h = new IntegerHistogram();
      values.forEach((v) => h.add(v));
      const sorted = [...values].sort((a, b) => a - b);
      expect(h.total).toBe(n);
      expect([h.min, h.max]).toEqual([sorted[0], sorted[n - 1]]);
      for (const pct of [1, 50, 80, 95, 100]) {
        expect(h.percentile(pct)).toBe(sorted[Math.ceil((pct * n) / 100) - 1]);
      }
      for (const v of [sorted[0] - 1, sorted[0], 0, 37, sorted[n - 1]]) {
        expect(h.countAtMost(v)).toBe(sorted.filter((x) => x <= v).length);
      }
    }
  });

  it("thins the cumulative curve to at most the points asked for, from min to max", () => {
    const h = new IntegerHistogram();
    sample(5_000, 9).forEach((v) => h.add(v));
    const curve = h.cumulative(60);
    expect(curve.length).toBe(60);
    expect(curve[0].value).toBe(h.min);
    expect(curve[59]).toEqual({ value: h.max, count: 5_000 });
    for (let k = 1; k < curve.length; k++) {
      expect(curve[k].value).toBeGreaterThan(curve[k - 1].value);
      expect(curve[k].count).toBe(h.countAtMost(curve[k].value));
    }

    const narrow = new IntegerHistogram();
    [5, 3, 5, 4].forEach((v) => narrow.add(v));
    expect(narrow.cumulative(60)).toEqual([
      { value: 3, count: 1 },
      { value: 4, count: 2 },
      { value: 5, count: 4 },
    ]);
  });

  it("refuses a percentile of nothing and a fractional value", () => {
    const h = new IntegerHistogram();
    expect(() => h.percentile(50)).toThrow(RangeError);
    expect(h.cumulative(60)).toEqual([]);
    expect(() => h.add(1.5)).toThrow(RangeError);
  });
});

// xoshiro128** from splitmix32(1): the values Blackman and Vigna's C reference gives for that state.
const GOLDEN_SEED_1 = [2442144158, 3238099751, 3819917871];
