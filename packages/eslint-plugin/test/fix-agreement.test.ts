/**
 * `eslint --fix` with the plugin writes the same bytes as `ocp-image validate --fix`: the fix cases
 * (packages/validator/test/fix-cases, whose .fixed files the validator and CLI tests hold the CLI
 * to) through the ESLint class and ESLint.outputFixes, as the eslint command runs them; and every
 * fixture and example through Linter.verifyAndFix against the validator's fixText.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESLint, Linter } from 'eslint';
import { fixText } from '@ocp-image/validator';
import plugin from '../src/index.js';
import { fixturesRoot, manifestFiles, repoRoot } from './support.js';

const fixCasesRoot = path.join(repoRoot, 'packages/validator/test/fix-cases');
const fixCases = readdirSync(fixCasesRoot).filter((name) => !name.includes('.fixed.'));
const fixedName = (name: string) => name.replace(/\.(ya?ml|json)$/, '.fixed.$1');
const configs = plugin.configs.all as Linter.Config[];

describe('eslint --fix and ocp-image validate --fix', () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'ocp-image-fix-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('write byte-identical files', async () => {
    for (const name of fixCases) copyFileSync(path.join(fixCasesRoot, name), path.join(directory, name));
    const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: configs, fix: true });
    const results = await eslint.lintFiles(fixCases);
    await ESLint.outputFixes(results);
    expect(fixCases.length).toBeGreaterThanOrEqual(5);
    for (const name of fixCases) {
      expect(readFileSync(path.join(directory, name)), name).toEqual(readFileSync(path.join(fixCasesRoot, fixedName(name))));
    }
    // And nothing fixable is left for ESLint either.
    expect(results.flatMap((result) => result.messages.filter((message) => message.fix))).toEqual([]);
  });

  it('agree on every fixture and example', () => {
    const linter = new Linter({ configType: 'flat' });
    const files = [...manifestFiles(fixturesRoot), ...manifestFiles(path.join(repoRoot, 'examples'))];
    let fixedFiles = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const filename = path.relative(repoRoot, file);
      const eslint = linter.verifyAndFix(text, configs, filename);
      const ours = fixText(text, { filePath: filename });
      expect(eslint.output, filename).toBe(ours.output);
      if (ours.fixed) fixedFiles += 1;
    }
    expect(fixedFiles).toBeGreaterThan(5);
  });
});
