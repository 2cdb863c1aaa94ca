import { createColors } from 'picocolors';
import { summarize, type FileResult } from '../results.js';
import type { FormatContext } from './index.js';
import { printablePath } from './printable.js';
import { checkedLine, problemLine } from './summary.js';

/** Every line fits a terminal or log of this width (a file name or a lone long word may not). */
const lineWidth = 100;
/** A message column narrower than this would wrap into a ribbon: rather run past the width. */
const minMessageWidth = 40;

/**
 * Splits text into lines of at most `width` characters at spaces; a word longer than a line is
 * cut, so that no row runs past the width.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(' ')) {
      while (word.length > width) {
        if (line !== '') lines.push(line);
        lines.push(word.slice(0, width));
        word = word.slice(width);
        line = '';
      }
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * ESLint's stylish layout, in 100 columns: per file an underlined path, then
 * `line:column  severity  message  rule-id` rows with aligned columns, where a long message wraps
 * within its column and the rule id stays beside its first line; then the problem count and what
 * was checked.
 */
export function format(results: readonly FileResult[], context: FormatContext): string {
  const colors = createColors(context.color);
  let output = '';
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const rows = result.findings.map((finding) => ({
      line: String(finding.line),
      column: String(finding.column),
      severity: finding.severity,
      message: finding.message,
      ruleId: finding.ruleId,
    }));
    const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => pick(row).length));
    const lineNumberWidth = width((row) => row.line);
    const columnWidth = width((row) => row.column);
    const severityWidth = width((row) => row.severity);
    // Two spaces, line:column, two spaces, severity, two spaces: where messages start.
    const indent = 2 + lineNumberWidth + 1 + columnWidth + 2 + severityWidth + 2;
    const messageWidth = Math.min(width((row) => row.message), Math.max(minMessageWidth, lineWidth - indent - 2 - width((row) => row.ruleId)));
    output += `\n${colors.underline(printablePath(result.filePath))}\n`;
    for (const row of rows) {
      const position = colors.dim(`${row.line.padStart(lineNumberWidth)}:${row.column.padEnd(columnWidth)}`);
      const severity = (row.severity === 'error' ? colors.red : colors.yellow)(row.severity.padEnd(severityWidth));
      const [first = '', ...rest] = wrap(row.message, messageWidth);
      output += `  ${position}  ${severity}  ${first.padEnd(messageWidth)}  ${colors.dim(row.ruleId)}\n`;
      for (const continuation of rest) output += `${' '.repeat(indent)}${continuation}\n`;
    }
  }
  const summary = summarize(results);
  const paint = summary.errors > 0 ? colors.red : summary.warnings > 0 ? colors.yellow : colors.green;
  output += `${output === '' ? '' : '\n'}${colors.bold(paint(problemLine(summary)))}\n${wrap(checkedLine(summary), lineWidth).join('\n')}\n`;
  return output;
}
