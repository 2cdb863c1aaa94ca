import path from 'node:path';

/**
 * Ignore patterns and the directory they are relative to (the config file's, the working
 * directory for --ignore-pattern and .gitignore). `patterns` are .gitignore lines.
 */
export interface IgnoreSource {
  patterns: readonly string[];
  baseDirectory: string;
}

export type IgnoreMatcher = (absolutePath: string) => boolean;

/** Longer patterns are certainly mistakes. */
export const MAX_PATTERN_LENGTH = 4096;

/** Why a pattern given on the command line or in the config cannot be used, or undefined when it is fine. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'an ignore pattern must not be empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `an ignore pattern must be at most ${MAX_PATTERN_LENGTH} characters`;
  return undefined;
}

/**
 * Matches paths with full .gitignore semantics (the `ignore` package, as ESLint and Prettier use
 * it): `!` negation, a leading or inner `/` anchors to the base directory, `dir/` matches
 * directories only, and nothing under an ignored directory can be re-included from the same
 * source. Sources are given from the lowest precedence to the highest; the last one with an
 * opinion about a path (ignored, or re-included by a `!` pattern) decides.
 */
export async function createIgnoreMatcher(sources: readonly IgnoreSource[]): Promise<IgnoreMatcher> {
  const used = sources.filter((source) => source.patterns.length > 0);
  if (used.length === 0) return () => false;
  const { default: ignore } = await import('ignore');
  const compiled = used.map((source) => ({ baseDirectory: source.baseDirectory, rules: ignore().add(source.patterns) })).reverse();
  return (absolutePath) => {
    for (const { baseDirectory, rules } of compiled) {
      const relative = path.relative(baseDirectory, absolutePath);
      if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) continue;
      const { ignored, unignored } = rules.test(relative.split(path.sep).join('/'));
      if (ignored) return true;
      if (unignored) return false;
    }
    return false;
  };
}
