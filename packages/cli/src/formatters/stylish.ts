import { createColors } from 'picocolors';
import { summarize, type FileResult } from '../results.js';
import type { FormatContext } from './index.js';
import { printablePath } from './printable.js';
import { checkedLine, problemLine } from './summary.js';

/**
 * ESLint's stylish layout: per file an underlined path, then `line:column  severity  message  rule`
 * rows with aligned columns; then the problem count and what was checked.
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
    const lineWidth = width((row) => row.line);
    const columnWidth = width((row) => row.column);
    const severityWidth = width((row) => row.severity);
    const messageWidth = width((row) => row.message);
    output += `\n${colors.underline(printablePath(result.filePath))}\n`;
    for (const row of rows) {
      const position = colors.dim(`${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`);
      const severity = (row.severity === 'error' ? colors.red : colors.yellow)(row.severity.padEnd(severityWidth));
      output += `  ${position}  ${severity}  ${row.message.padEnd(messageWidth)}  ${colors.dim(row.ruleId)}\n`;
    }
  }
  const summary = summarize(results);
  const paint = summary.errors > 0 ? colors.red : summary.warnings > 0 ? colors.yellow : colors.green;
  output += `${output === '' ? '' : '\n'}${colors.bold(paint(problemLine(summary)))}\n${checkedLine(summary)}\n`;
  return output;
}
