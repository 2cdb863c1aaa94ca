import type { File, FileError, Language, LanguageContext, ParseResult } from '@eslint/core';
import json from '@eslint/json';
import { validateManifest } from './validation.js';
import { parseErrorRules, toFileError } from './parse-errors.js';
import { yamlLanguage } from './yaml-language.js';

export { parseErrorRules } from './parse-errors.js';

/** Methods that may read the base object's private fields, so they must run on it. */
const boundMethods = ['validateLanguageOptions', 'normalizeLanguageOptions', 'createSourceCode', 'matchesSelectorClass'] as const;

/** @eslint/json's language, except that a file it cannot parse gets the validator's syntax findings as its fatal errors. */
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
  return validateManifest(text, { filePath })
    .findings.filter((finding) => parseErrorRules.has(finding.ruleId))
    .map(toFileError);
}

/**
 * The ESLint languages of the plugin, real languages so that `# eslint-disable…` comments work,
 * under our namespace so that a config does not clash with the user's own `yml` or `json` plugin:
 * - `yaml`: YAML manifests, read once by the validator (see yaml-language.ts);
 * - `json`: @eslint/json's JSON language, whose fatal errors for a file it cannot parse are the
 *   validator's syntax findings, at the CLI's positions, instead of the parser's first error.
 */
export const languages: Record<'yaml' | 'json', Language> = {
  yaml: yamlLanguage,
  json: withValidatorParseErrors(json.languages.json as unknown as Language),
};
