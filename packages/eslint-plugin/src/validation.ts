import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  chartDirectoryCandidates,
  kustomizationFileNames,
  kustomizationPatchPaths,
  rules,
  validate,
  type Finding,
  type InputLimits,
  type ValidateOptions,
  type ValidationResult,
} from '@ocp-image/validator';

/**
 * The options every `ocp-image/*` rule accepts: the parts of the CLI config that change which
 * findings a file has. (Severities are ESLint's own; the CLI's `strict` is the `strict` config.)
 */
export interface RuleOptions {
  /** Input limits, as in the CLI config; defaults in docs/security.md. */
  limits?: Partial<InputLimits>;
}

export type FindingsByRule = ReadonlyMap<string, readonly Finding[]>;

/**
 * One validation per file and options, shared by all rules. ESLint creates a new SourceCode object
 * for every file it lints, so the cache lives exactly as long as that file's lint run.
 */
const cache = new WeakMap<object, Map<string, FindingsByRule>>();

/** What `validate` is given for a file and the rule options: the same everywhere, so results can be shared. */
export function validationOptions(filePath: string, options: RuleOptions = {}): ValidateOptions {
  return { filePath, config: { rules: optInRules, ...(options.limits ? { limits: options.limits } : {}) } };
}

/**
 * The validator's result for a file; none for a file below a Helm chart's `templates/` (a directory
 * with `Chart.yaml`), a Go template, or for a patch that a kustomization in its directory or one
 * above lists, which the CLI skips too. (Not remembered: an editor session outlives a chart's
 * creation and a kustomization's edits.)
 */
export function validateManifest(text: string, options: ValidateOptions): ValidationResult {
  const filePath = options.filePath;
  if (filePath && (chartDirectoryCandidates(filePath).some((directory) => existsSync(path.join(directory, 'Chart.yaml'))) || isKustomizePatch(filePath))) {
    return { findings: [], objects: [], skipped: {}, unrenderedTemplate: true };
  }
  return validate(text, options);
}

function isKustomizePatch(filePath: string): boolean {
  const absolutePath = path.resolve(filePath);
  for (let directory = path.dirname(absolutePath); ; directory = path.dirname(directory)) {
    // kustomize reads the first of the names it finds.
    const name = kustomizationFileNames.find((candidate) => existsSync(path.join(directory, candidate)));
    if (name !== undefined) {
      let text: string | undefined;
      try {
        text = readFileSync(path.join(directory, name), 'utf8');
      } catch {
        text = undefined;
      }
      if (text !== undefined && kustomizationPatchPaths(text).some((patch) => path.resolve(directory, patch) === absolutePath)) return true;
    }
    if (path.dirname(directory) === directory) return false;
  }
}

/** Opt-in rules report here; ESLint shows their findings only where the user turned their rule on. */
const optInRules = Object.fromEntries(rules.filter((rule) => rule.flags?.optIn).map((rule) => [rule.id, 'warn' as const]));

const keyOf = (options: RuleOptions) => JSON.stringify(options.limits ?? {});

function perOptionsOf(sourceCode: object): Map<string, FindingsByRule> {
  let perOptions = cache.get(sourceCode);
  if (!perOptions) {
    perOptions = new Map();
    cache.set(sourceCode, perOptions);
  }
  return perOptions;
}

/** Findings a language already has for this file (validated as `validationOptions(filePath)` says), for rules without options. */
export function rememberFindings(sourceCode: object, findings: readonly Finding[]): void {
  perOptionsOf(sourceCode).set(keyOf({}), groupByRule(findings));
}

export function findingsByRule(sourceCode: { text: string }, filePath: string, options: RuleOptions): FindingsByRule {
  const perOptions = perOptionsOf(sourceCode);
  const key = keyOf(options);
  let grouped = perOptions.get(key);
  if (!grouped) {
    grouped = groupByRule(validateManifest(sourceCode.text, validationOptions(filePath, options)).findings);
    perOptions.set(key, grouped);
  }
  return grouped;
}

function groupByRule(findings: readonly Finding[]): FindingsByRule {
  const grouped = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = grouped.get(finding.ruleId);
    if (group) group.push(finding);
    else grouped.set(finding.ruleId, [finding]);
  }
  return grouped;
}
