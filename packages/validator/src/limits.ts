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

const LIMIT_DESCRIPTIONS: Readonly<Record<keyof InputLimits, string>> = {
  maxBytes: 'Bytes in one file',
  maxDocuments: 'YAML documents in one file',
  maxDepth: 'Levels of nesting',
  maxAliasCount: 'Alias (`*name`) uses in one document',
  maxNodes: 'YAML nodes, aliases expanded',
};

/** The JSON Schema of `limits` (config file, ESLint rule option): each limit a positive integer. */
export const limitsSchema = Object.freeze({
  type: 'object',
  description: 'Input limits (docs/security.md): input beyond one is not validated.',
  properties: Object.fromEntries(
    (Object.keys(DEFAULT_LIMITS) as (keyof InputLimits)[]).map((name) => [
      name,
      { type: 'integer', minimum: 1, description: `${LIMIT_DESCRIPTIONS[name]}; default ${DEFAULT_LIMITS[name]}.` },
    ]),
  ),
  additionalProperties: false,
});

export function resolveLimits(overrides: Partial<InputLimits> | undefined): InputLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof InputLimits)[]) {
    const value = overrides?.[key];
    if (typeof value === 'number' && value >= 0) limits[key] = value;
  }
  return limits;
}
