import type { FileError } from '@eslint/core';
import { rules, type Finding } from '@ocp-image/validator';
import { pluginNamespace } from './meta.js';

/** The validator's findings for text it could not read: what a YAML or JSON parser rejects, and
 *  input over a limit. ESLint shows them as the fatal errors of a file it cannot parse. */
export const parseErrorRules: ReadonlySet<string> = new Set(rules.filter((rule) => rule.flags?.parseFatal || rule.flags?.inputLimit).map((rule) => rule.id));

/** Of those, the findings that mean the text is not YAML the server reads: with one, `ocp-image/yaml` does not parse the file.
 *  (A finding of an input limit alone does not: the rules' `limits` option decides it.) */
export const unreadableYamlRules: ReadonlySet<string> = new Set(rules.filter((rule) => rule.flags?.parseFatal).map((rule) => rule.id));

export function toFileError(finding: Finding): FileError {
  return {
    message: `${finding.message} (${pluginNamespace}/${finding.ruleId})`,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
}
