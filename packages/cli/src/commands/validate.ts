import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileReadRule, fileSymlinkSkippedRule, notManifestFiles, ruleCategories, severitySettings, unusedDisableDirective, type RuleCategory, type SeveritySetting, type ValidationConfig } from '@ocp-image/validator';
import type { FixOptions } from '../check-file.js';
import type { CacheStrategy } from '../cache.js';
import type { FileTask } from '../check-file.js';
import { findConfigFile, loadConfigFile } from '../config.js';
import { ExitCode, UsageError } from '../errors.js';
import { loadFormatter, type FormatName } from '../formatters/index.js';
import { createChartTemplateTest, skippedTemplatesNotice } from '../chart-templates.js';
import { createIgnoreMatcher, patternProblem, type IgnoreSource } from '../ignore.js';
import { createKustomizePatchTest, skippedPatchesNotice } from '../kustomize-patches.js';
import { readStdin } from '../input.js';
import { writeStdout } from '../output.js';
import { checkFiles } from '../pool.js';
import { countSeverities, errorsOnly, type FileResult } from '../results.js';
import { readRegularFile, UnreadableFileError } from '../regular-file.js';
import { resolveTargets } from '../targets.js';

export interface ValidateOptions {
  strict?: boolean;
  rule: string[];
  config?: string;
  format: FormatName;
  outputFile?: string;
  maxWarnings: number;
  quiet?: boolean;
  jobs?: number;
  color?: boolean;
  ignorePattern: string[];
  stdinFilename?: string;
  errorOnUnmatchedPattern: boolean;
  reportUnusedDisableDirectives?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  fixType: string[];
  /** false: --no-gitignore; undefined: as the config says (default: honoured). */
  gitignore?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy: CacheStrategy;
}

/** --fix, --fix-dry-run and --fix-type, checked. */
function fixOptions(options: ValidateOptions, usesStdin: boolean): FixOptions | undefined {
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together.');
  const categories = options.fixType.flatMap((value) => value.split(',')).map((value) => value.trim());
  const unknown = categories.find((category) => !(ruleCategories as readonly string[]).includes(category));
  if (unknown !== undefined) throw new UsageError(`--fix-type expects one of ${ruleCategories.join(', ')}, got "${unknown}".`);
  if (!options.fix && !options.fixDryRun) {
    if (categories.length > 0) throw new UsageError('--fix-type needs --fix or --fix-dry-run.');
    return undefined;
  }
  if (options.fix && usesStdin) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run (the json format shows the fixed text).');
  return { write: options.fix === true, categories: categories as RuleCategory[] };
}

/** `--rule id=severity`, repeatable; later flags win. */
function parseRuleFlags(flags: readonly string[]): Map<string, SeveritySetting> {
  const settings = new Map<string, SeveritySetting>();
  for (const flag of flags) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(flag);
    if (!match?.[1] || !match[2] || !(severitySettings as readonly string[]).includes(match[2])) {
      throw new UsageError(`--rule expects <rule-id>=off|warn|error, got "${flag}".`);
    }
    settings.set(match[1], match[2] as SeveritySetting);
  }
  return settings;
}

/** Unknown rule ids in --rule are usage errors (the config file's are checked by its schema). */
async function checkRuleFlags(flagRules: Map<string, SeveritySetting>): Promise<void> {
  if (flagRules.size === 0) return;
  const { rules, closestMatch } = await import('@ocp-image/validator');
  const ruleIds = new Set(rules.map((rule) => rule.id));
  for (const id of flagRules.keys()) {
    if (ruleIds.has(id)) continue;
    const suggestion = closestMatch(id, ruleIds);
    throw new UsageError(`--rule: unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ' (ocp-image rules lists them)'}`);
  }
}

/** The working directory's .gitignore as patterns, as Prettier's CLI reads it; none when there is none. */
async function readGitignore(cwd: string): Promise<string[]> {
  const file = path.join(cwd, '.gitignore');
  try {
    return (await readRegularFile(file, maxGitignoreBytes)).toString('utf8').split(/\r?\n/);
  } catch (error) {
    if (error instanceof UnreadableFileError && error.code === 'ENOENT') return [];
    throw new UsageError(`Cannot read .gitignore: ${(error as Error).message} (--no-gitignore does without it).`);
  }
}
const maxGitignoreBytes = 4 * 1024 * 1024;

/** Colour only for a terminal, unless asked; NO_COLOR and FORCE_COLOR are honoured. */
function useColor(flag: boolean | undefined, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if (process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return process.stdout.isTTY === true && process.env.TERM !== 'dumb';
}

/**
 * Without --jobs: one worker per core, but only as many as the files make worth it. A worker
 * loads its own validator (roughly the cost of checking 30-50 typical files), so small runs, such
 * as a pre-commit hook's, stay in the main thread.
 */
const filesPerWorker = 40;
function defaultJobs(fileCount: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), Math.floor(fileCount / filesPerWorker)));
}

function displayPath(absolutePath: string, cwd: string): string {
  // Only a directory can be the working directory itself (one that cannot be listed).
  return path.relative(cwd, absolutePath) || '.';
}

async function check(tasks: readonly FileTask[], config: ValidationConfig, jobs: number | undefined, fix: FixOptions | undefined): Promise<FileResult[]> {
  return (await checkFiles(tasks, config, jobs ?? defaultJobs(tasks.length), fix)).map((checked) => checked.result);
}

/**
 * `--cache`: files unchanged since the cached run take its results; the others are checked (by
 * as many workers as they need) and stored. The results are those of a run without the cache.
 */
async function checkWithCache(tasks: readonly FileTask[], config: ValidationConfig, options: ValidateOptions, cwd: string): Promise<FileResult[]> {
  const { cacheFilePath, openCache, runKey } = await import('../cache.js');
  const cacheFile = await cacheFilePath(options.cacheLocation, cwd);
  const cache = await openCache(cacheFile, path.relative(cwd, cacheFile), runKey(config), options.cacheStrategy);
  if (cache.notice) process.stderr.write(`ocp-image: ${cache.notice}.\n`);
  const results: (FileResult | undefined)[] = await Promise.all(
    tasks.map(async (task) => {
      if (!('absolutePath' in task)) return undefined;
      const cached = await cache.lookup(task.absolutePath);
      return cached && { filePath: task.filePath, ...cached };
    }),
  );
  const missing = tasks.flatMap((task, index) => (results[index] ? [] : [{ index, task: 'absolutePath' in task ? { ...task, stamp: true } : task }]));
  if (missing.length > 0) {
    const checked = await checkFiles(
      missing.map(({ task }) => task),
      config,
      options.jobs ?? defaultJobs(missing.length),
    );
    checked.forEach(({ result, stamp }, position) => {
      const { index, task } = missing[position]!;
      results[index] = result;
      if (stamp && 'absolutePath' in task) cache.store(task.absolutePath, result, stamp);
    });
  }
  const problem = await cache.save();
  if (problem) process.stderr.write(`ocp-image: ${problem}\n`);
  return results as FileResult[];
}

export async function runValidate(operands: string[], options: ValidateOptions): Promise<number> {
  const cwd = process.cwd();
  const flagRules = parseRuleFlags(options.rule);
  for (const pattern of options.ignorePattern) {
    const problem = patternProblem(pattern);
    if (problem) throw new UsageError(`--ignore-pattern: ${problem}.`);
  }
  const usesStdin = operands.includes('-');
  if (options.stdinFilename !== undefined && !usesStdin) throw new UsageError('--stdin-filename needs "-" among the files to read standard input.');
  const fix = fixOptions(options, usesStdin);

  const configPath = options.config === undefined ? await findConfigFile(cwd) : path.resolve(cwd, options.config);
  const loaded = configPath === undefined ? undefined : await loadConfigFile(configPath, cwd);
  await checkRuleFlags(flagRules);
  // Command-line flags override the config file.
  const config: ValidationConfig = {
    strict: options.strict ?? loaded?.config.strict ?? false,
    rules: {
      ...loaded?.config.rules,
      ...(options.reportUnusedDisableDirectives ? { [unusedDisableDirective.id]: 'error' as const } : {}),
      ...Object.fromEntries(flagRules),
    },
    ...(loaded?.config.limits ? { limits: loaded.config.limits } : {}),
  };
  // From the lowest precedence to the highest: a later source's `!pattern` re-includes a file.
  // First the JSON files that are never manifests, wherever they are (as the ESLint configs leave
  // them out): pre-commit and lint-staged pass a staged tsconfig.json by name.
  const ignoreSources: IgnoreSource[] = [{ patterns: notManifestFiles, baseDirectory: path.parse(cwd).root }];
  if (options.gitignore ?? loaded?.config.gitignore ?? true) ignoreSources.push({ patterns: await readGitignore(cwd), baseDirectory: cwd });
  if (loaded?.config.ignores) ignoreSources.push({ patterns: loaded.config.ignores, baseDirectory: path.dirname(loaded.filePath) });
  ignoreSources.push({ patterns: options.ignorePattern, baseDirectory: cwd });
  const isIgnored = await createIgnoreMatcher(ignoreSources);

  const formatter = await loadFormatter(options.format);
  const targets = await resolveTargets(operands.length > 0 ? operands : ['.'], {
    cwd,
    isIgnored,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
  });
  // With its rule off, a link a walk met is not listed at all: it was not checked.
  const reportsLinks = config.rules?.[fileSymlinkSkippedRule.id] !== 'off';
  // Likewise a directory that cannot be listed: with `file-read` off it is not a file checked empty.
  const reportsUnreadable = config.rules?.[fileReadRule.id] !== 'off';
  const tasks: FileTask[] = [];
  const isChartTemplate = createChartTemplateTest();
  const isKustomizePatch = createKustomizePatchTest();
  let skippedTemplates = 0;
  let skippedPatches = 0;
  for (const target of targets) {
    if (target.kind === 'file' && (await isChartTemplate(target.absolutePath))) {
      skippedTemplates += 1;
      continue;
    }
    if (target.kind === 'file' && (await isKustomizePatch(target.absolutePath))) {
      skippedPatches += 1;
      continue;
    }
    if (target.kind === 'file') {
      tasks.push({ filePath: displayPath(target.absolutePath, cwd), absolutePath: target.absolutePath });
      continue;
    }
    if (target.kind === 'link') {
      if (reportsLinks) tasks.push({ filePath: displayPath(target.absolutePath, cwd), skippedLink: target.link });
      continue;
    }
    if (target.kind === 'unreadable-directory') {
      if (reportsUnreadable) tasks.push({ filePath: displayPath(target.absolutePath, cwd), unreadableDirectory: target.reason });
      continue;
    }
    const bytes = await readStdin();
    if (options.stdinFilename === undefined) {
      tasks.push({ filePath: '<stdin>', bytes });
    } else {
      const absolutePath = path.resolve(cwd, options.stdinFilename);
      if (await isChartTemplate(absolutePath)) skippedTemplates += 1;
      else if (await isKustomizePatch(absolutePath)) skippedPatches += 1;
      else if (!isIgnored(absolutePath)) tasks.push({ filePath: displayPath(absolutePath, cwd), bytes });
    }
  }

  // Fixing rewrites files and reports their fixed text: the cache is neither read nor written then.
  let results = options.cache && !fix ? await checkWithCache(tasks, config, options, cwd) : await check(tasks, config, options.jobs, fix);
  skippedTemplates += results.filter((result) => result.unrenderedTemplate).length;
  results = results.filter((result) => !result.unrenderedTemplate);
  if (options.quiet) results = errorsOnly(results);

  const output = formatter(results, { cwd, color: useColor(options.color, options.outputFile !== undefined) });
  if (options.outputFile === undefined) {
    await writeStdout(output);
  } else {
    const target = path.resolve(cwd, options.outputFile);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, output);
    } catch (error) {
      throw new UsageError(`Cannot write --output-file ${options.outputFile}: ${(error as Error).message}`);
    }
  }

  if (!options.quiet) {
    for (const notice of [skippedTemplatesNotice(skippedTemplates), skippedPatchesNotice(skippedPatches)]) if (notice) process.stderr.write(`${notice}\n`);
  }

  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    const counts = countSeverities(result.findings);
    errors += counts.errorCount;
    warnings += counts.warningCount;
  }
  if (errors > 0) return ExitCode.problems;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    process.stderr.write(`ocp-image found too many warnings (${warnings}; maximum: ${options.maxWarnings}).\n`);
    return ExitCode.problems;
  }
  return ExitCode.ok;
}
