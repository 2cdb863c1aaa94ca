import type { FileError } from '@eslint/core';
import type { Finding } from '@ocp-image/validator';
import { pluginNamespace } from './meta.js';

/** The validator's findings for text it could not read: what a YAML or JSON parser rejects, and
 *  input over a limit. ESLint shows them as the fatal errors of a file it cannot parse. */
export const parseErrorRules: ReadonlySet<string> = new Set(['yaml-syntax', 'yaml-duplicate-key', 'input-too-large']);

/** Of those, the findings that mean the text is not YAML the server reads: with one, `ocp-image/yaml` does not parse the file.
 *  (`input-too-large` alone does not: the rules' `limits` option decides it.) */
export const unreadableYamlRules: ReadonlySet<string> = new Set(['yaml-syntax', 'yaml-duplicate-key']);

export function toFileError(finding: Finding): FileError {
  return {
    message: `${finding.message} (${pluginNamespace}/${finding.ruleId})`,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
}
