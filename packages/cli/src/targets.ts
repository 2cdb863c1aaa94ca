import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';
import type { IgnoreMatcher } from './ignore.js';

export type Target = { kind: 'stdin' } | { kind: 'file'; absolutePath: string };

export interface TargetOptions {
  cwd: string;
  isIgnored: IgnoreMatcher;
  /** A file, directory or glob that selects nothing is a usage error (exit 2) unless this is false. */
  errorOnUnmatchedPattern: boolean;
}

/** What directories and globs select; a file named explicitly is checked whatever its extension. */
const manifestExtension = /\.(ya?ml|json)$/i;
/**
 * Never descended into by directories and globs. Nor are symbolic links followed there: a link
 * can loop, or lead out of the checked tree (a pull request can add one to a CI machine's files).
 */
const alwaysSkipped = ['**/node_modules/**', '**/.git/**'];

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Expands the command line's operands into files, in operand order; files within a directory or a
 * glob are sorted, and a file selected twice is checked once, where it first appeared.
 */
export async function resolveTargets(operands: readonly string[], options: TargetOptions): Promise<Target[]> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (absolutePath: string) => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    targets.push({ kind: 'file', absolutePath });
  };

  for (const operand of operands) {
    if (operand === '-') {
      if (targets.some((target) => target.kind === 'stdin')) throw new UsageError('"-" (standard input) can be given only once.');
      targets.push({ kind: 'stdin' });
      continue;
    }
    const absolutePath = path.resolve(options.cwd, operand);
    const stats = await stat(absolutePath).catch((error: NodeJS.ErrnoException) => error);
    if (stats instanceof Error && stats.code !== 'ENOENT' && stats.code !== 'ENOTDIR') {
      // Exists but cannot be inspected: reading it will report why, as a finding of that file.
      add(absolutePath);
      continue;
    }
    if (!(stats instanceof Error) && !stats.isDirectory()) {
      // Named explicitly: checked unless the user's ignore patterns exclude it (pre-commit and
      // lint-staged pass every staged file, and ignored ones must pass quietly).
      if (!options.isIgnored(absolutePath)) add(absolutePath);
      continue;
    }
    // Loaded only here: a run on named files does not need it.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    let matched: string[];
    if (!(stats instanceof Error)) {
      matched = await glob('**/*', { cwd: absolutePath, absolute: true, dot: true, ignore: alwaysSkipped, expandDirectories: false, followSymbolicLinks: false });
    } else if (isDynamicPattern(operand)) {
      matched = await glob(operand, { cwd: options.cwd, absolute: true, dot: true, ignore: alwaysSkipped, expandDirectories: false, followSymbolicLinks: false });
    } else {
      if (options.errorOnUnmatchedPattern) throw new UsageError(`No such file or directory: "${operand}".`);
      continue;
    }
    const manifests = matched.filter((file) => manifestExtension.test(file)).map((file) => path.resolve(file));
    const kept = manifests.filter((file) => !options.isIgnored(file)).sort(byCodePoint);
    if (kept.length === 0 && options.errorOnUnmatchedPattern) {
      const what = stats instanceof Error ? 'the pattern' : 'the directory';
      throw new UsageError(
        manifests.length === 0
          ? `No .yaml, .yml or .json files matching ${what} "${operand}" were found.`
          : `All files matching ${what} "${operand}" are ignored (see --ignore-pattern and the config's "ignores").`,
      );
    }
    kept.forEach(add);
  }
  return targets;
}
