import type { LanguageOptions, RuleDefinition as EslintRule, RuleVisitor, SourceLocation, TextSourceCode } from '@eslint/core';
import { limitsSchema, serverPathNote, type Finding, type MessageTable, type MessageValues, type RuleDefinition } from '@ocp-image/validator';
import { ruleDocsUrl } from '@ocp-image/validator/docs-url';
import { findingsByRule, type RuleOptions } from './validation.js';

/** Languages whose source text is a manifest. The rules only read the text, so eslint-plugin-yml's
 *  and @eslint/json's own languages work too; anything else is a configuration error — JavaScript,
 *  and JSONC/JSON5, whose comments and syntax the server does not read as it looks. */
const supportedLanguages = ['ocp-image/*', 'yml/yaml', 'json/json'];

/** Every rule's options: the parts of the CLI config that change a file's findings (the input limits). */
export const ruleOptionsSchema = [{ type: 'object', properties: { limits: limitsSchema }, additionalProperties: false }];

/** Our rules read only the source text and the root node, so they fit any text language. */
export type ManifestRule = EslintRule<{
  LangOptions: LanguageOptions;
  Code: TextSourceCode;
  RuleOptions: [RuleOptions?];
  Visitor: RuleVisitor;
  Node: unknown;
  MessageIds: string;
  ExtRuleDocs: unknown;
}>;

/** The placeholder a server rule's ESLint messages end with: the validator's note on the path the API server reports. */
const SERVER_PATH_NOTE = 'serverPathNote';

/** The rule's messages as ESLint interpolates them: a server rule's with room for the note. */
function eslintMessages(definition: RuleDefinition): MessageTable {
  if (definition.category !== 'server') return definition.messages;
  return Object.fromEntries(Object.entries(definition.messages).map(([id, text]) => [id, `${text}{{${SERVER_PATH_NOTE}}}`]));
}

/** The data ESLint interpolates a finding's message with, so that its text is the validator's. */
export function eslintMessageData(definition: RuleDefinition, finding: Pick<Finding, 'data' | 'path' | 'serverPath'>): MessageValues {
  const data = finding.data ?? {};
  return definition.category === 'server' ? { ...data, [SERVER_PATH_NOTE]: serverPathNote(finding.path, finding.serverPath) } : data;
}

/** The ESLint rule for one registry rule: it reports this rule's findings of the file's shared validation. */
export function createEslintRule(definition: RuleDefinition): ManifestRule {
  return {
    meta: {
      type: definition.category === 'lint' ? 'suggestion' : 'problem',
      docs: { description: definition.description, url: ruleDocsUrl(definition.id) },
      messages: eslintMessages(definition),
      ...(definition.fixable ? { fixable: definition.fixable } : {}),
      ...(definition.hasSuggestions ? { hasSuggestions: true } : {}),
      schema: ruleOptionsSchema,
      defaultOptions: [{}],
      languages: supportedLanguages,
    },
    create(context) {
      const { sourceCode } = context;
      const root = sourceCode.ast as object;
      const options = context.options[0] ?? {};
      return {
        // The root node is visited once per file in every language.
        [nodeType(root)]() {
          const findings = findingsByRule(sourceCode, context.filename, options).get(definition.id);
          if (!findings) return;
          const origin = sourceCode.getLoc(root).start;
          for (const finding of findings) {
            const { fix, suggestions } = finding;
            context.report({
              loc: toLanguageLocation(finding, origin),
              messageId: finding.messageId,
              data: eslintMessageData(definition, finding),
              // The validator's edits are on the same text ESLint lints (after a byte order mark).
              ...(fix ? { fix: () => fix } : {}),
              ...(suggestions ? { suggest: suggestions.map((suggestion) => ({ messageId: suggestion.messageId, data: eslintMessageData(definition, { data: suggestion.data, path: '' }), fix: () => suggestion.fix })) } : {}),
            });
          }
        },
      };
    },
  };
}

function nodeType(root: object): string {
  return (root as { type: string }).type;
}

/**
 * Findings are 1-based; a language counts lines and columns from its own base, which ESLint turns
 * back into 1-based positions in results. The root node starts at offset 0, so its start tells the
 * base (the same convention as @eslint/plugin-kit's getLocFromIndex).
 */
function toLanguageLocation(finding: Finding, origin: { line: number; column: number }): SourceLocation {
  const lineShift = origin.line - 1;
  const columnShift = origin.column - 1;
  return {
    start: { line: finding.line + lineShift, column: finding.column + columnShift },
    end: { line: finding.endLine + lineShift, column: finding.endColumn + columnShift },
  };
}
