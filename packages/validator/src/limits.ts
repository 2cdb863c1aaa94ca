import type { InputLimits } from './types.js';

/**
 * Defaults far above any real manifest (the largest real-world file seen is well under 1 MiB)
 * but low enough that hostile input (alias bombs, deep nesting) ends quickly with a finding.
 */
export const DEFAULT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxBytes: 16 * 1024 * 1024,
  maxDocuments: 10_000,
  maxDepth: 200,
  maxAliasCount: 1_000,
  maxNodes: 2_000_000,
});

export function resolveLimits(overrides: Partial<InputLimits> | undefined): InputLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof InputLimits)[]) {
    const value = overrides?.[key];
    if (typeof value === 'number' && value >= 0) limits[key] = value;
  }
  return limits;
}
