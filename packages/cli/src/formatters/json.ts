import { countSeverities, isFatal, type FileResult } from '../results.js';

/**
 * The JSON contract (docs/cli.md): ESLint's result shape plus where in the manifest each message
 * points. Every message has every key; `kind` and `name` are null when the finding is not about an
 * object, `path` is '' when it is about the whole file or document, `serverPath` is null unless a server
 * rule's finding has the path the API server reports. As in ESLint, `fatal`, `fix` and
 * `suggestions` are there only when they apply, and `output` only when fixes changed the file.
 */
export function format(results: readonly FileResult[]): string {
  const output = results.map((result) => ({
    filePath: result.filePath,
    messages: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity === 'error' ? 2 : 1,
      message: finding.message,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      path: finding.path,
      serverPath: finding.serverPath ?? null,
      documentIndex: finding.documentIndex,
      kind: finding.kind ?? null,
      name: finding.name ?? null,
      messageId: finding.messageId,
      ...(isFatal(finding) ? { fatal: true } : {}),
      ...(finding.fix ? { fix: finding.fix } : {}),
      ...(finding.suggestions ? { suggestions: finding.suggestions.map(({ messageId, desc, fix }) => ({ messageId, desc, fix })) } : {}),
    })),
    ...countSeverities(result.findings),
    ...(result.output === undefined ? {} : { output: result.output }),
  }));
  return `${JSON.stringify(output)}\n`;
}
