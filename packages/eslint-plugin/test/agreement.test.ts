import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Linter } from 'eslint';
import { parseErrorRules } from '../src/languages.js';
import {
  compareWithValidator,
  corpusRoot,
  difference,
  eslintWithConfig,
  fixturesRoot,
  manifestFiles,
  readManifest,
  repoRoot,
  type Agreement,
} from './support.js';

/** ESLint with the `all` config must report exactly the validator's findings, file by file. */
async function checkAgreement(label: string, root: string): Promise<void> {
  const files = manifestFiles(root);
  expect(files.length, `${label}: no manifests under ${root}`).toBeGreaterThan(0);
  const results = await eslintWithConfig(root, 'all').lintFiles(files);
  expect(results.map((result) => result.filePath)).toEqual(files);

  const agreements: Agreement[] = results.map((result) =>
    compareWithValidator(readManifest(result.filePath), path.relative(root, result.filePath), result.messages),
  );
  const differences = agreements.flatMap((agreement) => agreement.differences);
  const findings = agreements.reduce((sum, agreement) => sum + agreement.findings, 0);
  const fatal = agreements.filter((agreement) => agreement.fatal);
  const hidden = fatal.reduce((sum, agreement) => sum + agreement.hiddenBehindParseError, 0);
  console.log(
    `${label}: ${files.length} files, ${findings} validator findings, ${differences.length} differences; ` +
      `${fatal.length} files are ESLint parse errors (their ${hidden} other findings show once the syntax is fixed)`,
  );
  expect(differences).toEqual([]);
}

interface CliMessage {
  ruleId: string;
  severity: 1 | 2;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const cliPath = path.join(repoRoot, 'packages/cli/bin/ocp-image.js');
const severityName = (severity: number) => (severity === 2 ? 'error' : 'warning');

/**
 * `eslint` with `recommended` and `ocp-image validate` without options must report the same
 * findings with the same severity, warnings included. Where ESLint cannot parse a file it shows the
 * CLI's parse findings as fatal errors and nothing else (the rest appear once the syntax is fixed).
 */
async function checkRecommendedMatchesCli(label: string, root: string): Promise<void> {
  const files = manifestFiles(root);
  const run = spawnSync(process.execPath, [cliPath, 'validate', ...files, '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 240_000,
  });
  if (run.error) throw run.error;
  const cliResults = JSON.parse(run.stdout) as { filePath: string; messages: CliMessage[] }[];
  const cliByFile = new Map(cliResults.map((result) => [path.resolve(root, result.filePath), result.messages]));
  const eslintResults = await eslintWithConfig(root, 'recommended').lintFiles(files);

  let compared = 0;
  let warnings = 0;
  const differences = eslintResults.flatMap((result) => {
    const cliMessages = cliByFile.get(result.filePath) ?? [];
    const relative = path.relative(root, result.filePath);
    const fatal = result.messages.some((message: Linter.LintMessage) => message.fatal);
    compared += cliMessages.length;
    warnings += cliMessages.filter((message) => message.severity === 1).length;
    if (fatal) {
      const expected = cliMessages.filter((message) => parseErrorRules.has(message.ruleId)).map((message) => `${message.line}:${message.column} error`);
      return difference(expected, result.messages.map((message) => `${message.line}:${message.column} ${severityName(message.severity)}`), relative);
    }
    const describe = (message: Pick<CliMessage, 'line' | 'column' | 'endLine' | 'endColumn'>, ruleId: string | null, severity: number) =>
      `${ruleId} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${severityName(severity)}`;
    return difference(
      cliMessages.map((message) => describe(message, `ocp-image/${message.ruleId}`, message.severity)),
      result.messages.map((message) => describe({ ...message, endLine: message.endLine ?? 0, endColumn: message.endColumn ?? 0 }, message.ruleId, message.severity)),
      relative,
    );
  });
  console.log(`${label}: ${files.length} files, ${compared} CLI findings (${warnings} warnings), ${differences.length} differences with eslint (recommended)`);
  expect(compared).toBeGreaterThan(0);
  expect(differences).toEqual([]);
}

describe('ESLint (all config) and the validator agree', () => {
  if (!existsSync(fixturesRoot)) console.warn(`SKIPPED: the validator fixtures ${fixturesRoot} are absent`);
  it.skipIf(!existsSync(fixturesRoot))('on every validator fixture', async () => {
    await checkAgreement('validator fixtures', fixturesRoot);
  }, 60_000);

  if (!existsSync(corpusRoot)) console.warn(`SKIPPED: the real-world corpus ${corpusRoot} is absent`);
  it.skipIf(!existsSync(corpusRoot))('on every file of the real-world corpus', async () => {
    await checkAgreement('real-world corpus', corpusRoot);
  }, 300_000);
});

describe('ESLint with `recommended` and `ocp-image validate` report the same findings and severities', () => {
  it.skipIf(!existsSync(fixturesRoot))('on every validator fixture', async () => {
    await checkRecommendedMatchesCli('validator fixtures', fixturesRoot);
  }, 300_000);

  it.skipIf(!existsSync(corpusRoot))('on every file of the real-world corpus', async () => {
    await checkRecommendedMatchesCli('real-world corpus', corpusRoot);
  }, 300_000);
});
