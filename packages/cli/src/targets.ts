import { readdir, type Dirent } from 'node:fs';
import { readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileSystemAdapter } from 'tinyglobby';
import { UsageError } from './errors.js';
import type { IgnoreMatcher } from './ignore.js';

/** A symbolic link met while walking: not followed, only reported. Plain data: it crosses worker boundaries. */
export interface SkippedLink {
  /** What the link leads to; a message id of the `file-symlink-skipped` rule. */
  kind: 'directory' | 'file' | 'loop' | 'dangling' | 'unresolvable';
  /** The link's text, as `readlink` gives it. */
  target: string;
  /** Why it cannot be resolved (an errno code, or the system's message), for `unresolvable`. */
  reason?: string;
}

type PathTarget =
  | { kind: 'file'; absolutePath: string }
  | { kind: 'link'; absolutePath: string; link: SkippedLink }
  /** A directory a walk or glob could not list; `reason` is an errno code, or the system's message. */
  | { kind: 'unreadable-directory'; absolutePath: string; reason: string };
export type Target = { kind: 'stdin' } | PathTarget;

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
 * Such links are reported instead (see `linkRevealingFs`).
 */
const alwaysSkipped = ['**/node_modules/**', '**/.git/**'];

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a link leads to, found with `stat` and `realpath`, which never read a file's content. */
async function inspectLink(linkPath: string): Promise<{ link: SkippedLink; isDirectory: boolean } | undefined> {
  let target: string;
  try {
    target = await readlink(linkPath);
  } catch {
    return undefined; // Gone since the directory was listed: nothing to report.
  }
  try {
    if (!(await stat(linkPath)).isDirectory()) return { link: { kind: 'file', target }, isDirectory: false };
    const [resolved, holder] = await Promise.all([realpath(linkPath), realpath(path.dirname(linkPath))]);
    const loops = holder === resolved || holder.startsWith(resolved.endsWith(path.sep) ? resolved : resolved + path.sep);
    return { link: { kind: loops ? 'loop' : 'directory', target }, isDirectory: true };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ELOOP') return { link: { kind: 'loop', target }, isDirectory: false };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { link: { kind: 'dangling', target }, isDirectory: false };
    return { link: { kind: 'unresolvable', target, reason: code ?? message }, isDirectory: false };
  }
}

/**
 * tinyglobby leaves symbolic links out entirely when it does not follow them. Given as its `fs`,
 * this shows each link, still unfollowed, as what it leads to: a link to a directory as an empty
 * directory, anything else as a file. So tinyglobby's own matching (the pattern, the ignores, the
 * directories a glob would enter) decides which links a walk meets, and the walk costs a few system
 * calls per link and nothing for other entries. tinyglobby also skips directories it cannot list
 * without a word; this records them, so that the run says which files it could not check.
 * `unlistedDirectories` receives both: the links to directories the walk met, and the directories
 * it could not list.
 */
function linkRevealingFs(links: Map<string, SkippedLink>, unlistedDirectories: PathTarget[]): FileSystemAdapter {
  type Callback = (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void;
  const listDirectory = (directory: string, _options: unknown, callback: Callback) => {
    const linkPath = path.resolve(directory);
    const link = links.get(linkPath);
    if (link) {
      unlistedDirectories.push({ kind: 'link', absolutePath: linkPath, link });
      callback(null, []);
      return;
    }
    readdir(directory, { withFileTypes: true }, (error, entries) => {
      if (error) {
        // A glob's base directory that does not exist (or is gone) holds nothing to report.
        if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') {
          unlistedDirectories.push({ kind: 'unreadable-directory', absolutePath: linkPath, reason: error.code ?? error.message });
        }
        callback(null, []);
        return;
      }
      const linkEntries = entries.filter((entry) => entry.isSymbolicLink());
      if (linkEntries.length === 0) {
        callback(null, entries);
        return;
      }
      const inspections = linkEntries.map(async (entry) => {
        const entryPath = path.resolve(directory, entry.name);
        const inspected = await inspectLink(entryPath);
        if (!inspected) return;
        links.set(entryPath, inspected.link);
        const { isDirectory } = inspected;
        Object.assign(entry, { isSymbolicLink: () => false, isDirectory: () => isDirectory, isFile: () => !isDirectory });
      });
      // inspectLink turns every failure into a kind of link, so this never rejects.
      void Promise.all(inspections).then(() => callback(null, entries));
    });
  };
  return { readdir: listDirectory as unknown as FileSystemAdapter['readdir'] };
}

/**
 * Expands the command line's operands into files, in operand order; files within a directory or a
 * glob are sorted, and a file selected twice is checked once, where it first appeared. Symbolic
 * links a directory or glob meets become `link` targets, placed where they sort: links to
 * directories and links that loop or dangle whatever their name, links to files when their name
 * is a manifest's. So do directories it meets but cannot list (`unreadable-directory`).
 */
export async function resolveTargets(operands: readonly string[], options: TargetOptions): Promise<Target[]> {
  const targets: Target[] = [];
  const positions = new Map<string, number>();
  const add = (target: PathTarget) => {
    const position = positions.get(target.absolutePath);
    if (position === undefined) {
      positions.set(target.absolutePath, targets.length);
      targets.push(target);
    } else if (target.kind === 'file' && targets[position]?.kind === 'link') {
      // Named explicitly after a walk met it: read as named, where it first appeared.
      targets[position] = target;
    }
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
      add({ kind: 'file', absolutePath });
      continue;
    }
    if (!(stats instanceof Error) && !stats.isDirectory()) {
      // Named explicitly: checked unless the user's ignore patterns exclude it (pre-commit and
      // lint-staged pass every staged file, and ignored ones must pass quietly).
      if (!options.isIgnored(absolutePath)) add({ kind: 'file', absolutePath });
      continue;
    }
    // Loaded only here: a run on named files does not need it.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    const links = new Map<string, SkippedLink>();
    // Links to directories that the walk entered and directories it could not list, then the
    // files and other links it matched.
    const selected: PathTarget[] = [];
    const globOptions = {
      absolute: true,
      dot: true,
      ignore: alwaysSkipped,
      expandDirectories: false,
      followSymbolicLinks: false,
      fs: linkRevealingFs(links, selected),
    };
    let matched: string[];
    if (!(stats instanceof Error)) {
      matched = await glob('**/*', { ...globOptions, cwd: absolutePath });
    } else if (isDynamicPattern(operand)) {
      matched = await glob(operand, { ...globOptions, cwd: options.cwd });
    } else {
      if (options.errorOnUnmatchedPattern) throw new UsageError(`No such file or directory: "${operand}".`);
      continue;
    }
    for (const file of matched) {
      const filePath = path.resolve(file);
      const link = links.get(filePath);
      if (link === undefined) {
        if (manifestExtension.test(filePath)) selected.push({ kind: 'file', absolutePath: filePath });
      } else if (link.kind !== 'file' || manifestExtension.test(filePath)) {
        selected.push({ kind: 'link', absolutePath: filePath, link });
      }
    }
    const kept = selected.filter((target) => !options.isIgnored(target.absolutePath)).sort((a, b) => byCodePoint(a.absolutePath, b.absolutePath));
    if (kept.length === 0 && options.errorOnUnmatchedPattern) {
      const what = stats instanceof Error ? 'the pattern' : 'the directory';
      throw new UsageError(
        selected.length === 0
          ? `No .yaml, .yml or .json files matching ${what} "${operand}" were found.`
          : `All files matching ${what} "${operand}" are ignored (see --ignore-pattern and the config's "ignores").`,
      );
    }
    kept.forEach(add);
  }
  return targets;
}
