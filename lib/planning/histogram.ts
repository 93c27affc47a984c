// Counts of integer outcomes (working-day offsets) over many runs. Memory follows the spread of
// the outcomes, not the number of runs: 100,000 runs of 1,000 milestones would be 400 MB as raw
// Int32 samples but are a few MB as counts, and percentiles come out exactly as from sorted samples.

const INITIAL_WIDTH = 64;

export interface CumulativePoint {
  value: number;
  /** Outcomes <= value. */
  count: number;
}

export class IntegerHistogram {
  private base = 0;
  private counts = new Int32Array(0);
  private lowest = Infinity;
  private highest = -Infinity;
  private n = 0;

  get total(): number {
    return this.n;
  }

  get min(): number {
    return this.lowest;
  }

  get max(): number {
    return this.highest;
  }

  add(value: number): void {
    if (!Number.isInteger(value)) throw new RangeError(`histogram values must be integers, got ${value}`);
    let i = value - this.base;
    if (i < 0 || i >= this.counts.length) {
      this.widenTo(value);
      i = value - this.base;
    }
    this.counts[i]++;
    this.n++;
    if (value < this.lowest) this.lowest = value;
    if (value > this.highest) this.highest = value;
  }

  /** At least doubles the window each time, so widening costs O(1) amortised per new extreme. */
  private widenTo(value: number): void {
    if (this.counts.length === 0) {
      this.base = value - INITIAL_WIDTH / 2;
      this.counts = new Int32Array(INITIAL_WIDTH);
      return;
    }
    const oldEnd = this.base + this.counts.length;
    const width = Math.max(2 * this.counts.length, oldEnd - value + 1, value - this.base + 1);
    const base = value < this.base ? oldEnd - width : this.base;
    const counts = new Int32Array(width);
    counts.set(this.counts, this.base - base);
    this.base = base;
    this.counts = counts;
  }

  countAtMost(value: number): number {
    if (value < this.lowest) return 0;
    if (value >= this.highest) return this.n;
    let sum = 0;
    for (let i = 0; i <= value - this.base; i++) sum += this.counts[i];
    return sum;
  }

  /**
   * Nearest-rank percentile (0 < pct <= 100): the smallest value with at least ceil(pct% of the
   * total) outcomes at or below it, i.e. sorted[ceil(pct * n / 100) - 1].
   */
  percentile(pct: number): number {
    if (this.n === 0) throw new RangeError("no outcomes recorded");
    // pct * n is an exact integer for the integer percentages used here, so ceil sees no noise.
    const rank = Math.max(1, Math.ceil((pct * this.n) / 100));
    let sum = 0;
    for (let i = 0; i < this.counts.length; i++) {
      sum += this.counts[i];
      if (sum >= rank) return this.base + i;
    }
    return this.highest;
  }

  /**
   * The cumulative counts at no more than maxPoints values from min to max (both included): every
   * value when the spread is that small, otherwise evenly spaced values.
   */
  cumulative(maxPoints: number): CumulativePoint[] {
    if (this.n === 0) return [];
    const { lowest, highest } = this;
    const spread = highest - lowest;
    const points = Math.max(1, Math.min(maxPoints, spread + 1));
    const out: CumulativePoint[] = [];
    let sum = 0;
    let i = 0;
    for (let p = 0; p < points; p++) {
      const value = points === 1 ? highest : lowest + Math.round((p * spread) / (points - 1));
      for (; i <= value - this.base; i++) sum += this.counts[i];
      out.push({ value, count: sum });
    }
    return out;
  }
}
