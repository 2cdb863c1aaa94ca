import { summarize, type FileResult } from '../results.js';
import { problemLine } from './summary.js';

// Escaping as GitHub's workflow-command parser expects (the same as @actions/core's toCommandValue
// escaping): data escapes % CR LF; property values also escape : and ,.
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** GitHub Actions workflow commands: each problem becomes an annotation on its file and lines. */
export function format(results: readonly FileResult[]): string {
  let output = '';
  for (const result of results) {
    for (const finding of result.findings) {
      const command = finding.severity === 'error' ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(result.filePath)}`,
        `line=${finding.line}`,
        `endLine=${finding.endLine}`,
        `col=${finding.column}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ].join(',');
      output += `::${command} ${properties}::${escapeData(finding.message)}\n`;
    }
  }
  // A plain line for the log: annotations alone are not shown in it.
  return `${output}ocp-image: ${problemLine(summarize(results))} in ${results.length} file${results.length === 1 ? '' : 's'}\n`;
}
