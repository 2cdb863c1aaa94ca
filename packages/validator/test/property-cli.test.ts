/**
 * The library and the built CLI agree: generated files (valid, mutated and hostile) written to
 * disk and checked by `ocp-image --format json` give exactly the findings `validate()` gives on
 * the same text, with the same positions, and every position is inside the file.
 * Uses the built packages (`npm run build`), as users run them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { rules, validate } from '@ocp-image/validator';
import { describe, expect, it } from 'vitest';
import { invariantViolations } from './arbitraries/invariants.js';
import { validManifest } from './arbitraries/manifests.js';
import { mutate, mutations } from './arbitraries/mutate.js';
import { choices, hostileText, render, rendering, textEdits } from './arbitraries/render.js';
import { fuzzing, seed } from './arbitraries/settings.js';

const cliPath = fileURLToPath(new URL('../../cli/bin/ocp-image.js', import.meta.url));
const cliDist = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));

/** The CLI's own rules about files, beside the validator's registry. */
const ruleIds = new Set([...rules.map((rule) => rule.id), 'file-read', 'file-encoding']);

interface CliMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  path: string;
  documentIndex: number;
}

const fileText = fc.oneof(
  fc.tuple(validManifest, rendering, choices).map(([manifest, renderingName, pick]) => render(manifest, renderingName, pick)),
  fc.tuple(validManifest, mutations, rendering, choices).map(([manifest, changes, renderingName, pick]) => render(mutate(manifest, changes), renderingName, pick)),
  fc.tuple(validManifest, textEdits, choices).map(([manifest, edits, pick]) => hostileText(render(manifest, 'block', pick), edits, pick)),
);

const BATCH = 100;
/** Cases per run: a sample in `npm test`, 1% of the cases under `npm run fuzz`. */
const cases = fuzzing ? Math.max(BATCH, Math.round(Number(process.env.OCP_IMAGE_FUZZ_RUNS) * 0.01)) : 60;

function libraryView(text: string) {
  return validate(text).findings.map(({ ruleId, severity, message, line, column, endLine, endColumn, path: findingPath, documentIndex }) => ({
    ruleId,
    severity: severity === 'error' ? 2 : 1,
    message,
    line,
    column,
    endLine,
    endColumn,
    path: findingPath,
    documentIndex,
  }));
}

describe('library and CLI agree', () => {
  it(
    `on ${cases} generated files, in batches of ${BATCH} through one CLI run each`,
    () => {
      expect(existsSync(cliDist), 'packages/cli/dist is missing: run `npm run build` first').toBe(true);
      const texts = fc.sample(fileText, { seed, numRuns: cases });
      for (let start = 0; start < texts.length; start += BATCH) {
        const directory = mkdtempSync(path.join(os.tmpdir(), 'ocp-image-agree-'));
        try {
          const batch = texts.slice(start, start + BATCH);
          const names = batch.map((_, index) => `case-${String(start + index).padStart(6, '0')}.yaml`);
          batch.forEach((text, index) => writeFileSync(path.join(directory, names[index] ?? ''), text));
          const run = spawnSync(process.execPath, [cliPath, 'validate', '--format', 'json', '--jobs', '2', '.'], {
            cwd: directory,
            encoding: 'utf8',
            maxBuffer: 512 * 1024 * 1024,
            env: { ...process.env, NO_COLOR: '1' },
          });
          expect(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`).toBe(true);
          const results = JSON.parse(run.stdout) as { filePath: string; messages: CliMessage[] }[];
          expect(results.map((result) => result.filePath)).toEqual(names);
          for (const result of results) {
            // What the CLI read: the bytes written, decoded as UTF-8 (unpaired surrogates became U+FFFD).
            const bytes = readFileSync(path.join(directory, result.filePath));
            const text = bytes.toString('utf8');
            const violations = invariantViolations(text, result.messages, ruleIds);
            expect(violations, `${result.filePath}: ${JSON.stringify(text.slice(0, 500))}`).toEqual([]);
            if (bytes.includes(0)) {
              expect(result.messages.map((message) => message.ruleId)).toEqual(['file-encoding']);
              continue;
            }
            const { messages } = result;
            const comparable = messages.map(({ ruleId, severity, message, line, column, endLine, endColumn, path: findingPath, documentIndex }) => ({
              ruleId, severity, message, line, column, endLine, endColumn, path: findingPath, documentIndex,
            }));
            // A leading byte order mark is dropped by the CLI, as editors do.
            expect(comparable, result.filePath).toEqual(libraryView(text.replace(/^\uFEFF/, '')));
          }
        } finally {
          rmSync(directory, { recursive: true, force: true });
        }
      }
    },
    Math.max(120_000, cases * 1_000),
  );
});
