import type { File, FileError, Language, LanguageContext, ParseResult } from '@eslint/core';
import json from '@eslint/json';
import { languages as ymlLanguages } from 'eslint-plugin-yml';
import { validate } from '@ocp-image/validator';
import { pluginNamespace } from './meta.js';

/** The validator's findings for text it could not read: what a YAML or JSON parser rejects
 *  (eslint-plugin-yml's parser also refuses duplicate keys, and gives up on very deep nesting).
 *  ESLint shows them as the fatal errors of a file it cannot parse. */
export const parseErrorRules: ReadonlySet<string> = new Set(['yaml-syntax', 'yaml-duplicate-key', 'input-too-large']);

/** Methods that may read the base object's private fields, so they must run on it. */
const boundMethods = ['validateLanguageOptions', 'normalizeLanguageOptions', 'createSourceCode', 'matchesSelectorClass'] as const;

function withValidatorParseErrors(base: Language): Language {
  const language: Language = Object.create(base);
  for (const name of boundMethods) {
    const method = base[name];
    if (typeof method === 'function') Object.defineProperty(language, name, { value: method.bind(base) });
  }
  language.parse = (file: File, context: LanguageContext): ParseResult => {
    const result = base.parse(file, context);
    if (result.ok) return result;
    const errors = validatorParseErrors(String(file.body), file.path);
    // Where the validator reads the text fine (JSON-only restrictions), the parser's own error stands.
    return errors.length > 0 ? { ok: false, errors } : result;
  };
  return language;
}

function validatorParseErrors(text: string, filePath: string): FileError[] {
  return validate(text, { filePath })
    .findings.filter((finding) => parseErrorRules.has(finding.ruleId))
    .map((finding) => ({
      message: `${finding.message} (${pluginNamespace}/${finding.ruleId})`,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
    }));
}

/**
 * The ESLint languages of the plugin: eslint-plugin-yml's YAML language (so `# eslint-disable…`
 * comments work) and @eslint/json's JSON language, re-exported under our namespace so that a
 * config does not clash with the user's own `yml` or `json` plugin. They differ from the originals
 * in one way: when a file cannot be parsed, the fatal parsing errors are the validator's syntax
 * findings, at the CLI's positions, instead of the parser's first error.
 */
export const languages: Record<'yaml' | 'json', Language> = {
  yaml: withValidatorParseErrors(ymlLanguages.yaml as unknown as Language),
  json: withValidatorParseErrors(json.languages.json as unknown as Language),
};
