// Seeded random numbers for the Monte-Carlo forecast: the same seed gives the same stream on every
// machine and Node version (32-bit integer arithmetic only; Math.random is never used).
//
// Generator: xoshiro128** (Blackman & Vigna), period 2^128 - 1, seeded through splitmix32 so that
// neighbouring seeds (1, 2, 3...) give unrelated streams. A 10,000-item forecast at 100,000 runs
// draws ~10^10 numbers, past mulberry32's 2^32 period; xoshiro128** is as fast and has no such limit.

const TWO_POW_MINUS_32 = 1 / 4294967296;

/** Marsaglia-Tsang constants for a Gamma(shape, 1) draw with shape >= 1: d = shape - 1/3, c = 1/sqrt(9d). */
export interface GammaConstants {
  readonly d: number;
  readonly c: number;
}

export function gammaConstants(shape: number): GammaConstants {
  if (!(shape >= 1) || !Number.isFinite(shape)) {
    throw new RangeError(`Marsaglia-Tsang needs a finite shape >= 1, got ${shape}`);
  }
  const d = shape - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d) };
}

export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  // The polar method yields normals in pairs; the second waits here. Part of the generator's state,
  // so a forecast run in chunks draws exactly what one uninterrupted run would.
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    let sm = seed | 0;
    const splitmix32 = () => {
      sm = (sm + 0x9e3779b9) | 0;
      let z = sm;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.s0 = splitmix32();
    this.s1 = splitmix32();
    this.s2 = splitmix32();
    this.s3 = splitmix32();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the one forbidden state
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  /** Uniform on the open interval (0, 1): never 0, so log(u) is always finite. */
  uniform(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
  }

  /** Standard normal, Marsaglia's polar method. */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    this.hasSpareNormal = true;
    return u * f;
  }

  /** Gamma(shape, 1) for shape >= 1, given gammaConstants(shape): Marsaglia & Tsang (2000). */
  gamma(d: number, c: number): number {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v; // the squeeze: accepts ~98% without a log
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta(alpha, beta) as Ga / (Ga + Gb), from gammaConstants(alpha) and gammaConstants(beta). */
  beta(alphaD: number, alphaC: number, betaD: number, betaC: number): number {
    const ga = this.gamma(alphaD, alphaC);
    return ga / (ga + this.gamma(betaD, betaC));
  }
}
