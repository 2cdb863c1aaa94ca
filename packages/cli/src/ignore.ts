import path from 'node:path';

/** Ignore patterns and the directory they are relative to (the config file's, or the working directory). */
export interface IgnoreSource {
  patterns: readonly string[];
  baseDirectory: string;
}

export type IgnoreMatcher = (absolutePath: string) => boolean;

/**
 * Patterns read like .gitignore lines: `dir/` ignores a directory, a pattern without a slash
 * (`*.tpl.yaml`, `vendor`) matches at any depth, a leading `/` anchors to the base directory, and
 * a pattern that names a directory ignores everything under it. Negation (`!`) is not supported.
 */
export function toGlobs(pattern: string): string[] {
  let glob = pattern.startsWith('./') ? pattern.slice(2) : pattern;
  const directoryOnly = glob.endsWith('/');
  if (directoryOnly) {
    // A loop, not /\/+$/: that pattern backtracks quadratically on a long run of slashes.
    let end = glob.length;
    while (end > 0 && glob[end - 1] === '/') end--;
    glob = glob.slice(0, end);
  }
  if (glob.startsWith('/')) glob = glob.slice(1);
  else if (!glob.includes('/')) glob = `**/${glob}`;
  return directoryOnly ? [`${glob}/**`] : [glob, `${glob}/**`];
}

/** Longer patterns are certainly mistakes (and picomatch refuses those over 64 KiB). */
const MAX_PATTERN_LENGTH = 4096;

/** Why a pattern cannot be used, or undefined when it is fine. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'an ignore pattern must not be empty';
  if (pattern.startsWith('!')) return `negated ignore patterns ("${pattern}") are not supported`;
  if (pattern.length > MAX_PATTERN_LENGTH) return `an ignore pattern must be at most ${MAX_PATTERN_LENGTH} characters`;
  return undefined;
}

export async function createIgnoreMatcher(sources: readonly IgnoreSource[]): Promise<IgnoreMatcher> {
  const used = sources.filter((source) => source.patterns.length > 0);
  if (used.length === 0) return () => false;
  const { default: picomatch } = await import('picomatch');
  const compiled = used.map((source) => ({
    baseDirectory: source.baseDirectory,
    matches: picomatch(source.patterns.flatMap(toGlobs), { dot: true }),
  }));
  return (absolutePath) =>
    compiled.some(({ baseDirectory, matches }) => {
      const relative = path.relative(baseDirectory, absolutePath);
      if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false;
      return matches(relative.split(path.sep).join('/'));
    });
}
