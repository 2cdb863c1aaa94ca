import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithValidator, corpusRoot, eslintWithAllConfig, fixturesRoot, manifestFiles, readManifest, type Agreement } from './support.js';

/** ESLint with the `all` config must report exactly the validator's findings, file by file. */
async function checkAgreement(label: string, root: string): Promise<void> {
  const files = manifestFiles(root);
  expect(files.length, `${label}: no manifests under ${root}`).toBeGreaterThan(0);
  const results = await eslintWithAllConfig(root).lintFiles(files);
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
