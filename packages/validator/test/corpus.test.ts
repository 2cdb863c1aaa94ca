/**
 * The real-world corpus (../shared/corpus/real): every image-kind object is found and validated,
 * and no error is reported that is not a known, genuine violation (corpus-allowlist.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { imageKinds } from '@ocp-image/schemas';
import type { Finding } from '../src/types.js';
import { validate } from '../src/validate.js';
import { allowedErrors, pathMatches } from './corpus-allowlist.js';

const corpusRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus/real');
const sourcesFile = path.join(corpusRoot, 'SOURCES.tsv');
const present = existsSync(sourcesFile);
if (!present) console.warn(`SKIPPED: real-world corpus test, ${sourcesFile} is absent`);

interface CorpusFile {
  file: string;
  /** Image-kind objects per kind, from SOURCES.tsv. */
  expectedKinds: Record<string, number>;
}

function corpusFiles(): CorpusFile[] {
  const [, ...rows] = readFileSync(sourcesFile, 'utf8').trim().split('\n');
  return rows.map((row) => {
    const columns = row.split('\t');
    const expectedKinds: Record<string, number> = {};
    for (const entry of (columns[6] ?? '').split(',')) {
      const separator = entry.lastIndexOf(':');
      const kind = entry.slice(0, separator);
      // SecretList is never a manifest object (it is only read from the API).
      if ((imageKinds as readonly string[]).includes(kind) && kind !== 'SecretList') expectedKinds[kind] = Number(entry.slice(separator + 1));
    }
    return { file: columns[0] ?? '', expectedKinds };
  });
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function table(title: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts).sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
  return [title, ...rows.map(([key, count]) => `  ${String(count).padStart(6)}  ${key}`)].join('\n');
}

describe.skipIf(!present)('real-world corpus', () => {
  it('finds every image-kind object and reports only allow-listed errors', { timeout: 300_000 }, () => {
    const objectsPerKind: Record<string, number> = {};
    const findingsPerRule: Record<string, number> = {};
    const countMismatches: string[] = [];
    const unexpected: string[] = [];
    const usedEntries = new Set<number>();

    for (const { file, expectedKinds } of corpusFiles()) {
      const text = readFileSync(path.join(corpusRoot, file), 'utf8');
      const result = validate(text, { filePath: file });
      const foundKinds: Record<string, number> = {};
      for (const object of result.objects) {
        increment(foundKinds, object.kind);
        increment(objectsPerKind, object.kind);
      }
      if (JSON.stringify(Object.entries(foundKinds).sort()) !== JSON.stringify(Object.entries(expectedKinds).sort())) {
        countMismatches.push(`${file}: found ${JSON.stringify(foundKinds)}, SOURCES.tsv says ${JSON.stringify(expectedKinds)}`);
      }
      for (const finding of result.findings) {
        increment(findingsPerRule, `${finding.ruleId} (${finding.severity})`);
        if (finding.severity !== 'error') continue;
        const entry = allowedErrors.findIndex((allowed) => allowed.file === file && allowed.ruleId === finding.ruleId && pathMatches(allowed.path, finding.path));
        if (entry >= 0) usedEntries.add(entry);
        else unexpected.push(describeFinding(file, finding));
      }
    }

    console.log(`${table('Objects checked per kind:', objectsPerKind)}\n${table('Findings per rule:', findingsPerRule)}`);
    expect(countMismatches, 'objects found per file differ from SOURCES.tsv').toEqual([]);
    expect(unexpected, 'errors on corpus objects that are not allow-listed (fix the cause, or allow-list a genuine violation with the server rule it breaks)').toEqual([]);
    const stale = allowedErrors.filter((_, index) => !usedEntries.has(index)).map((entry) => `${entry.file} ${entry.ruleId} ${entry.path}`);
    expect(stale, 'allow-list entries that match no finding any more').toEqual([]);
  });
});

function describeFinding(file: string, finding: Finding): string {
  return `${file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.path} — ${finding.message}`;
}

describe('pathMatches', () => {
  it('matches indexes with [*] and nothing else', () => {
    expect(pathMatches('items[*].spec.tags[*].from.kind', 'items[3].spec.tags[10].from.kind')).toBe(true);
    expect(pathMatches('items[*].spec', 'items[x].spec')).toBe(false);
    expect(pathMatches('spec.tags', 'spec.tags[0]')).toBe(false);
    expect(pathMatches('metadata.labels["a.b"]', 'metadata.labels["a.b"]')).toBe(true);
  });
});
