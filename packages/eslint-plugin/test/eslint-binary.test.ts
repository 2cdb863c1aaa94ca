import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ESLint } from 'eslint';
import plugin from '../src/index.js';
import { compareWithValidator, manifestFiles, packageRoot, readManifest, repoRoot } from './support.js';

// The real command, as users run it: `npx eslint examples/` from the repository root picks up
// examples/eslint.config.mjs, which imports the plugin by package name (its built dist/).
const eslintBin = path.join(repoRoot, 'node_modules/.bin/eslint');
const examplesDir = path.join(repoRoot, 'examples');
const examples = manifestFiles(examplesDir);

function runEslint(...args: string[]) {
  const run = spawnSync(eslintBin, ['examples/', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return run;
}

const recommendedRules = new Set(
  Object.keys(plugin.configs.recommended[0]?.rules ?? {}).map((ruleId) => ruleId.replace(/^ocp-image\//, '')),
);

describe('the eslint binary on examples/', () => {
  if (examples.length === 0) console.warn(`SKIPPED: no example manifests in ${examplesDir} yet`);

  it('uses the built plugin', () => {
    expect(existsSync(path.join(packageRoot, 'dist/index.js')), 'run `npx tsc -b packages/eslint-plugin` first').toBe(true);
  });

  it.skipIf(examples.length === 0)("reports the validator's findings of the recommended rules, and exits accordingly", () => {
    const run = runEslint('--format', 'json');
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(results.map((result) => result.filePath).sort()).toEqual(expect.arrayContaining(examples));

    const byFile = new Map(results.map((result) => [result.filePath, result]));
    const differences = examples.flatMap((file) => {
      const messages = byFile.get(file)?.messages ?? [];
      return compareWithValidator(readManifest(file), path.relative(repoRoot, file), messages, recommendedRules).differences;
    });
    expect(differences).toEqual([]);

    const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
    const messageCount = results.reduce((sum, result) => sum + result.messages.length, 0);
    console.log(`eslint examples/: ${results.length} files, ${messageCount} messages, ${errors} errors, exit code ${run.status}`);
    expect(run.status).toBe(errors > 0 ? 1 : 0);
  }, 120_000);

  it.skipIf(examples.length === 0)('prints the stylish report with file names, positions and ocp-image rule ids', () => {
    const json = JSON.parse(runEslint('--format', 'json').stdout) as ESLint.LintResult[];
    const run = runEslint();
    const problems = json.reduce((sum, result) => sum + result.messages.length, 0);
    if (problems === 0) {
      expect(run.stdout.trim()).toBe('');
      expect(run.status).toBe(0);
      return;
    }
    for (const result of json.filter((item) => item.messages.length > 0)) {
      expect(run.stdout).toContain(result.filePath);
      for (const message of result.messages) {
        const position = new RegExp(`^\\s+${message.line}:${message.column}\\s+(error|warning)\\s.*${message.ruleId ?? ''}\\s*$`, 'm');
        expect(run.stdout).toMatch(position);
      }
    }
    expect(run.stdout).toMatch(new RegExp(`✖ ${problems} problems? \\(`));
  }, 120_000);
});
