import type { RunSummary } from '../results.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function listCounts(counts: Map<string, number>): string {
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

/** `✖ 3 problems (2 errors, 1 warning)`, as ESLint writes it. */
export function problemLine(summary: RunSummary): string {
  const problems = summary.errors + summary.warnings;
  if (problems === 0) return '✔ No problems';
  return `✖ ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')})`;
}

/** What was looked at: files, image objects per kind, and what was skipped. */
export function checkedLine(summary: RunSummary): string {
  const objectCount = [...summary.objectsByKind.values()].reduce((sum, count) => sum + count, 0);
  let line = `Checked ${plural(summary.files, 'file')}: ${plural(objectCount, 'image object')}`;
  if (objectCount > 0) line += ` (${listCounts(summary.objectsByKind)})`;
  const skipped: string[] = [];
  const skippedCount = [...summary.skippedByKind.values()].reduce((sum, count) => sum + count, 0);
  if (skippedCount > 0) skipped.push(`${plural(skippedCount, 'object')} of other kinds (${listCounts(summary.skippedByKind)})`);
  if (summary.filesWithoutObjects > 0) skipped.push(`${plural(summary.filesWithoutObjects, 'file')} without Kubernetes objects`);
  if (skipped.length > 0) line += `; skipped ${skipped.join(' and ')}`;
  return `${line}.`;
}
