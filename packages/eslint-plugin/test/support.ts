import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import { validate, type Finding } from '@ocp-image/validator';
import plugin from '../src/index.js';
import { parseErrorRules } from '../src/languages.js';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(packageRoot, '../..');
export const fixturesRoot = path.join(repoRoot, 'packages/validator/test/fixtures');
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus/real');

const manifestExtensions = new Set(['.yaml', '.yml', '.json']);

/** Every manifest under `directory` (recursively), skipping the fixtures' `.errors.json` files. */
export function manifestFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && manifestExtensions.has(path.extname(entry.name)) && !entry.name.endsWith('.errors.json'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The text ESLint and the CLI validate: UTF-8 without a byte-order mark. */
export function readManifest(filePath: string): string {
  return readFileSync(filePath, 'utf8').replace(/^\uFEFF/, '');
}

const linter = new Linter({ configType: 'flat' });

/** Lints one text with ESLint's Linter and one of the plugin's configs. */
export function lint(text: string, filename: string, configs: Linter.Config[] = plugin.configs.all as Linter.Config[]): Linter.LintMessage[] {
  return linter.verify(text, configs, filename);
}

/** ESLint (the class the `eslint` command uses) with only one of the plugin's configs. */
export function eslintWithConfig(cwd: string, config: keyof typeof plugin.configs): ESLint {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs[config] as Linter.Config[] });
}

export function describeFinding(finding: Pick<Finding, 'ruleId' | 'line' | 'column' | 'endLine' | 'endColumn'>): string {
  return `ocp-image/${finding.ruleId} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
}

export function describeMessage(message: Linter.LintMessage): string {
  return `${message.ruleId ?? '(fatal)'} ${message.line}:${message.column}-${message.endLine}:${message.endColumn}`;
}

export interface Agreement {
  /** Empty when ESLint reports exactly the validator's findings. */
  differences: string[];
  findings: number;
  /** ESLint could not parse the file: it shows the syntax findings as fatal errors and nothing else. */
  fatal: boolean;
  /** Findings ESLint does not show because the file does not parse (it shows them once fixed). */
  hiddenBehindParseError: number;
}

/**
 * Compares ESLint's messages for a text with the validator's findings: rule id, line, column, end
 * line, end column. A file ESLint cannot parse must give exactly the validator's parse-error
 * findings as fatal errors (ESLint keeps no end position for those); the validator must agree that
 * the file does not parse. With `enabledRules`, only those rules' findings are expected (parse
 * errors are fatal whatever the rule settings).
 */
export function compareWithValidator(
  text: string,
  filePath: string,
  messages: readonly Linter.LintMessage[],
  enabledRules?: ReadonlySet<string>,
): Agreement {
  const allFindings = validate(text, { filePath }).findings;
  const findings = enabledRules ? allFindings.filter((finding) => enabledRules.has(finding.ruleId)) : allFindings;
  const fatalMessages = messages.filter((message) => message.fatal);
  if (fatalMessages.length > 0) {
    const parseFindings = allFindings.filter((finding) => parseErrorRules.has(finding.ruleId));
    const expected = parseFindings.map((finding) => `(fatal) ${finding.line}:${finding.column} ocp-image/${finding.ruleId}`);
    const actual = messages.map((message) => {
      const rule = /\((ocp-image\/[\w-]+)\)$/.exec(message.message)?.[1] ?? message.ruleId ?? 'no rule id';
      return `${message.fatal ? '(fatal)' : message.ruleId} ${message.line}:${message.column} ${rule}`;
    });
    return {
      differences: difference(expected, actual, filePath),
      findings: findings.length,
      fatal: true,
      hiddenBehindParseError: findings.filter((finding) => !parseErrorRules.has(finding.ruleId)).length,
    };
  }
  return {
    differences: difference(findings.map(describeFinding), messages.map(describeMessage), filePath),
    findings: findings.length,
    fatal: false,
    hiddenBehindParseError: 0,
  };
}

export function difference(expected: string[], actual: string[], filePath: string): string[] {
  const missing = [...expected];
  const extra: string[] = [];
  for (const item of actual) {
    const index = missing.indexOf(item);
    if (index >= 0) missing.splice(index, 1);
    else extra.push(item);
  }
  return [
    ...missing.map((item) => `${filePath}: validator reports ${item}, ESLint does not`),
    ...extra.map((item) => `${filePath}: ESLint reports ${item}, the validator does not`),
  ];
}
