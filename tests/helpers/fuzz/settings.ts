/** Seed and size of a fuzz run: fixed by default so CI is repeatable, overridable to explore. */
export const DEFAULT_FUZZ_SEED = 20_261_207;

export interface FuzzSettings {
  seed: number;
  cases: number;
  /** FUZZ_ONLY: fuzz only the endpoints whose "METHOD /path" contains this text. */
  only?: string;
}

export function fuzzSettings(
  env: Record<string, string | undefined>,
  defaults = { cases: 2_000 },
): FuzzSettings {
  const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : DEFAULT_FUZZ_SEED;
  const cases = env.FUZZ_CASES ? Number(env.FUZZ_CASES) : defaults.cases;
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${env.FUZZ_SEED}`);
  if (!Number.isSafeInteger(cases) || cases < 1)
    throw new Error(`FUZZ_CASES must be a positive integer, not ${env.FUZZ_CASES}`);
  return { seed, cases, only: env.FUZZ_ONLY || undefined };
}

/** Each endpoint's own seed (FNV-1a of its key, mixed with the run's): adding one moves no other. */
export function seedFor(seed: number, key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h ^ seed) | 0;
}
