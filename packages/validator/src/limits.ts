/**
 * The input limits, each defined once: its default, the least value that means something, and what
 * it bounds. `InputLimits`, `DEFAULT_LIMITS`, the JSON Schema of `limits` (the CLI config file's
 * schema and the ESLint rules' option both use `limitsSchema`) and the library's own check of a
 * configured value (`resolveLimits`) are all derived from this table.
 *
 * The defaults are far above any real manifest (the largest real-world file seen is well under
 * 1 MiB) but low enough that hostile input (alias bombs, deep nesting) ends quickly with a finding.
 * The minimum is 1 for every limit but `maxAliasCount`: a file with no byte, document, level or
 * node is empty, so 0 there would refuse every manifest; 0 aliases is a policy (a manifest may not
 * use `*alias` at all) that is worth being able to write.
 */
export const LIMIT_DEFINITIONS = {
  maxBytes: { default: 16 * 1024 * 1024, minimum: 1, description: 'UTF-8 bytes in one file; a larger file is not read' },
  maxDocuments: { default: 10_000, minimum: 1, description: 'YAML documents in one file; the ones beyond it are not validated' },
  maxDepth: { default: 200, minimum: 1, description: 'levels of nesting of mappings and sequences' },
  maxAliasCount: { default: 1_000, minimum: 0, description: 'alias (`*name`) uses in one document, counted as they are expanded; 0 allows none' },
  maxNodes: { default: 2_000_000, minimum: 1, description: 'YAML tokens read from one file, and, apart, nodes built after expanding aliases' },
} as const satisfies Record<string, { default: number; minimum: number; description: string }>;

export type LimitName = keyof typeof LIMIT_DEFINITIONS;

const limitNames = Object.keys(LIMIT_DEFINITIONS) as LimitName[];

export const DEFAULT_LIMITS: Readonly<Record<LimitName, number>> = Object.freeze(
  Object.fromEntries(limitNames.map((name) => [name, LIMIT_DEFINITIONS[name].default])) as Record<LimitName, number>,
);

/** The JSON Schema of `limits`: each limit an integer from its minimum up. */
export const limitsSchema = Object.freeze({
  type: 'object',
  description: 'Input limits (docs/security.md): input beyond one gets an input-too-large finding and is not validated.',
  properties: Object.fromEntries(
    limitNames.map((name) => {
      const { default: value, minimum, description } = LIMIT_DEFINITIONS[name];
      // No `default` keyword: ESLint would write every default into a rule's options, and rules that
      // set one limit would no longer share a validation with those that set none.
      return [name, { type: 'integer', minimum, description: `${description[0]?.toUpperCase()}${description.slice(1)}; default ${value}.` }];
    }),
  ),
  additionalProperties: false,
});

/** True when `value` is a valid setting of the limit: what `limitsSchema` accepts. */
export function isValidLimit(name: LimitName, value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= LIMIT_DEFINITIONS[name].minimum;
}

/** The limits to apply: each configured value that is valid (see `isValidLimit`), else the default. */
export function resolveLimits(overrides: Partial<Record<LimitName, number>> | undefined): Record<LimitName, number> {
  const limits = { ...DEFAULT_LIMITS };
  for (const name of limitNames) {
    const value = overrides?.[name];
    if (isValidLimit(name, value)) limits[name] = value;
  }
  return limits;
}
