/**
 * How many cases a property runs and with which seed. `npm test` runs a small sample with a fixed
 * seed; `npm run fuzz` (tools/fuzz/run.mjs) sets OCP_IMAGE_FUZZ_RUNS and OCP_IMAGE_FUZZ_SEED.
 */
import type { Parameters } from 'fast-check';

/** The seed of the fixed sample in `npm test`. */
export const DEFAULT_SEED = 20_251_125;

const fuzzRuns = Number(process.env.OCP_IMAGE_FUZZ_RUNS ?? '0');
const fuzzSeed = process.env.OCP_IMAGE_FUZZ_SEED;

/** True under `npm run fuzz`. */
export const fuzzing = Number.isSafeInteger(fuzzRuns) && fuzzRuns > 0;

export const seed = fuzzing && fuzzSeed !== undefined && /^-?\d+$/.test(fuzzSeed) ? Number(fuzzSeed) : DEFAULT_SEED;

/**
 * fast-check parameters for one property: `sampleRuns` cases in `npm test`, or its `share` of
 * the fuzz run's total. A failure reports the seed and path that reproduce it.
 */
export function runs<T>(sampleRuns: number, share: number): Parameters<T> {
  return { seed, numRuns: fuzzing ? Math.max(1, Math.round(fuzzRuns * share)) : sampleRuns, endOnFailure: true };
}

/** A test timeout that grows with the number of cases (hang guard, not a speed assertion). */
export function timeoutFor(sampleRuns: number, share: number, millisecondsPerCase = 50): number {
  const count = fuzzing ? Math.round(fuzzRuns * share) : sampleRuns;
  return Math.max(60_000, count * millisecondsPerCase);
}
