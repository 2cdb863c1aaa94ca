import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileReadRule, fileSymlinkSkippedRule, ruleCategories, type RuleCategory, type SeveritySetting, type ValidationConfig } from '@ocp-image/validator';
import type { FixOptions } from '../check-file.js';
import type { FileTask } from '../check-file.js';
import { configError, findConfigFile, loadConfigFile, type ConfigProblem, type LoadedConfig } from '../config.js';
import { ExitCode, UsageError } from '../errors.js';
import { loadFormatter, type FormatName } from '../formatters/index.js';
import { createChartTemplateTest, skippedTemplatesNotice } from '../chart-templates.js';
import { createIgnoreMatcher, patternProblem, type IgnoreSource } from '../ignore.js';
import { readStdin } from '../input.js';
import { writeStdout } from '../output.js';
import { checkFiles } from '../pool.js';
import { countSeverities, errorsOnly } from '../results.js';
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
  fix?: boolean;
  fixDryRun?: boolean;
  fixType: string[];
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

const severitySettings: readonly string[] = ['off', 'warn', 'error'];

/** `--rule id=severity`, repeatable; later flags win. */
function parseRuleFlags(flags: readonly string[]): Map<string, SeveritySetting> {
  const settings = new Map<string, SeveritySetting>();
  for (const flag of flags) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(flag);
    if (!match?.[1] || !match[2] || !severitySettings.includes(match[2])) {
      throw new UsageError(`--rule expects <rule-id>=off|warn|error, got "${flag}".`);
    }
    settings.set(match[1], match[2] as SeveritySetting);
  }
  return settings;
}

/** Unknown rule ids are configuration errors, pointed at where they are written. */
async function checkRuleIds(loaded: LoadedConfig | undefined, flagRules: Map<string, SeveritySetting>, cwd: string): Promise<void> {
  if (flagRules.size === 0 && Object.keys(loaded?.config.rules ?? {}).length === 0) return;
  const { rules, closestMatch } = await import('@ocp-image/validator');
  const ruleIds = new Set(rules.map((rule) => rule.id));
  const hint = (id: string) => {
    const suggestion = closestMatch(id, ruleIds);
    return suggestion ? `; did you mean "${suggestion}"?` : ' (ocp-image rules lists them)';
  };
  for (const id of flagRules.keys()) {
    if (!ruleIds.has(id)) throw new UsageError(`--rule: unknown rule "${id}"${hint(id)}`);
  }
  if (loaded) {
    const problems: ConfigProblem[] = Object.keys(loaded.config.rules ?? {})
      .filter((id) => !ruleIds.has(id))
      .map((id) => ({ position: loaded.ruleLocations.get(id), message: `unknown rule "${id}"${hint(id)}` }));
    if (problems.length > 0) throw configError(loaded.filePath, problems, cwd);
  }
}

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
  await checkRuleIds(loaded, flagRules, cwd);
  // Command-line flags override the config file.
  const config: ValidationConfig = {
    strict: options.strict ?? loaded?.config.strict ?? false,
    rules: { ...loaded?.config.rules, ...Object.fromEntries(flagRules) },
    ...(loaded?.config.limits ? { limits: loaded.config.limits } : {}),
  };
  const ignoreSources: IgnoreSource[] = [{ patterns: options.ignorePattern, baseDirectory: cwd }];
  if (loaded?.config.ignores) ignoreSources.push({ patterns: loaded.config.ignores, baseDirectory: path.dirname(loaded.filePath) });
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
  let skippedTemplates = 0;
  for (const target of targets) {
    if (target.kind === 'file' && (await isChartTemplate(target.absolutePath))) {
      skippedTemplates += 1;
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
      else if (!isIgnored(absolutePath)) tasks.push({ filePath: displayPath(absolutePath, cwd), bytes });
    }
  }

  const jobs = options.jobs ?? defaultJobs(tasks.length);
  let results = await checkFiles(tasks, config, jobs, fix);
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

  const notice = options.quiet ? undefined : skippedTemplatesNotice(skippedTemplates);
  if (notice) process.stderr.write(`${notice}\n`);

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
