import type { FileResult } from '../results.js';
import { printablePath } from './printable.js';

/** ESLint's compact format, one line per problem, which editors' error formats already parse:
 *  `file: line 3, col 5, Error - message (rule-id)`. */
export function format(results: readonly FileResult[]): string {
  let output = '';
  let problems = 0;
  for (const result of results) {
    for (const finding of result.findings) {
      problems += 1;
      const severity = finding.severity === 'error' ? 'Error' : 'Warning';
      output += `${printablePath(result.filePath)}: line ${finding.line}, col ${finding.column}, ${severity} - ${finding.message} (${finding.ruleId})\n`;
    }
  }
  if (problems > 0) output += `\n${problems} problem${problems === 1 ? '' : 's'}\n`;
  return output;
}
