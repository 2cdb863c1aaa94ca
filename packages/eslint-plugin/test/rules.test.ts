import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RuleTester, type Linter } from 'eslint';
import { applyFixes, fileRules, rules as registry, schemaEnum, validate, type Finding, type ValidationConfig } from '@ocp-image/validator';
import plugin from '../src/index.js';
import { eslintMessageData } from '../src/rules.js';
import type { RuleOptions } from '../src/validation.js';
import { fixturesRoot, lint, repoRoot } from './support.js';

// RuleTester cases for every rule, from the validator's own test material (read, not copied):
// - fixtures: packages/validator/test/fixtures/<rule-id>/<case>.<yaml|yml|json> + <case>.errors.json,
//   which list every finding of the file;
// - rule pages: the ✗/✓ examples of docs/rules/<rule-id>.md (`<!-- invalid -->` / `<!-- valid -->`
//   before a yaml block), checked against the validator's findings for them.
// Each error is checked by messageId and data, position, suggestions (their output) and, for rules
// with fixes, the output of one pass of fixes, which must be the bytes the validator's own fixing makes.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const rulesDocs = path.join(repoRoot, 'docs/rules');

interface ExpectedError {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Case {
  name: string;
  /** A path ESLint accepts for the file: relative to the fixtures or the docs. */
  filename: string;
  code: string;
  language: 'ocp-image/yaml' | 'ocp-image/json';
  options: RuleOptions[];
  /** This rule's findings only. */
  errors: ExpectedError[];
  /** The validator's findings for this rule, with message ids, data, fixes and suggestions. */
  findings: Finding[];
}

function fixtureCases(ruleId: string): Case[] {
  const directory = path.join(fixturesRoot, ruleId);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.errors.json'))
    .sort()
    .flatMap((name) => {
      const errorsFile = path.join(directory, name.replace(/\.(ya?ml|json)$/, '.errors.json'));
      if (!existsSync(errorsFile)) {
        console.warn(`SKIPPED: ${errorsFile} is missing`);
        return [];
      }
      const errors = JSON.parse(readFileSync(errorsFile, 'utf8')) as ExpectedError[];
      const code = readFileSync(path.join(directory, name), 'utf8');
      // An opt-in rule's fixtures are validated with it on, as the ESLint rule is when configured.
      const config: ValidationConfig = registry.find((rule) => rule.id === ruleId)?.flags?.optIn ? { rules: { [ruleId]: 'warn' } } : {};
      return {
        name: `fixtures/${ruleId}/${name}`,
        filename: `${ruleId}/${name}`,
        code,
        language: name.endsWith('.json') ? 'ocp-image/json' : 'ocp-image/yaml',
        options: [],
        errors: errors.filter((error) => error.ruleId === ruleId),
        findings: validate(code, { filePath: name, config }).findings.filter((finding) => finding.ruleId === ruleId),
      };
    });
}

const docsExample = /<!--\s*(valid|invalid)\s*(\{.*?\})?\s*-->\s*\n```ya?ml\n([\s\S]*?)\n```/g;

function docsCases(ruleId: string): Case[] {
  const page = path.join(rulesDocs, `${ruleId}.md`);
  if (!existsSync(page)) return [];
  return [...readFileSync(page, 'utf8').matchAll(docsExample)].map((match, index) => {
    const code = `${match[3] ?? ''}\n`;
    const config = match[2] ? ((JSON.parse(match[2]) as { config?: ValidationConfig }).config ?? {}) : {};
    // The pages state lines (`# ✗`), not columns: the expected errors are the validator's findings.
    const errors = validate(code, { config }).findings.filter((finding) => finding.ruleId === ruleId);
    return {
      name: `docs/rules/${ruleId}.md ${match[1]} example ${index + 1}`,
      filename: `${ruleId}-example-${index + 1}.yaml`,
      code,
      language: 'ocp-image/yaml' as const,
      options: config.limits ? [{ limits: config.limits }] : [],
      errors,
      findings: errors,
    };
  });
}

/** A case ESLint cannot parse: RuleTester refuses those, so they are checked as fatal errors. */
function parses(testCase: Case): boolean {
  const language = plugin.languages[testCase.language === 'ocp-image/json' ? 'json' : 'yaml'];
  const file = { body: testCase.code, path: testCase.filename, physicalPath: testCase.filename, bom: false };
  return language.parse(file, { languageOptions: {} }).ok;
}

const ruleTester = new RuleTester({ plugins: { 'ocp-image': plugin }, language: 'ocp-image/yaml' });
const invalidCasesPerRule = new Map<string, number>();
const casesPerRule = new Map<string, number>();

if (!existsSync(fixturesRoot)) console.warn(`SKIPPED: the validator fixtures ${fixturesRoot} are absent`);
if (!existsSync(rulesDocs)) console.warn(`SKIPPED: the rule pages ${rulesDocs} are absent`);

for (const rule of registry) {
  const cases = [...fixtureCases(rule.id), ...docsCases(rule.id)];
  casesPerRule.set(rule.id, cases.length);
  invalidCasesPerRule.set(rule.id, cases.filter((testCase) => testCase.errors.length > 0).length);
  const eslintRule = plugin.rules[rule.id];
  if (!eslintRule) throw new Error(`no ESLint rule for ${rule.id}`);
  const parsing = cases.filter(parses);
  const fatal = cases.filter((testCase) => !parses(testCase));
  const asTest = (testCase: Case) => ({
    name: testCase.name,
    code: testCase.code,
    filename: testCase.filename,
    language: testCase.language,
    options: testCase.options,
  });

  if (parsing.length > 0) {
    ruleTester.run(rule.id, eslintRule as never, {
      valid: parsing.filter((testCase) => testCase.errors.length === 0).map(asTest),
      invalid: parsing
        .filter((testCase) => testCase.errors.length > 0)
        .map((testCase) => {
          // The fixture's findings and the validator's are the same (fixtures.test.ts): check the message ids.
          expect(testCase.findings.map(({ message, line, column }) => [message, line, column])).toEqual(
            testCase.errors.map(({ message, line, column }) => [message, line, column]),
          );
          const fixed = applyFixes(testCase.code, testCase.findings);
          return {
            ...asTest(testCase),
            ...(fixed.fixed ? { output: fixed.output } : {}),
            errors: testCase.findings.map((finding) => ({
              messageId: finding.messageId,
              data: eslintMessageData(rule, finding),
              line: finding.line,
              column: finding.column,
              endLine: finding.endLine,
              endColumn: finding.endColumn,
              ...(finding.suggestions
                ? { suggestions: finding.suggestions.map((suggestion) => ({ messageId: suggestion.messageId, data: eslintMessageData(rule, { data: suggestion.data, path: '' }), output: applyFixes(testCase.code, [{ ...testCase.findings[0]!, fix: suggestion.fix }]).output })) }
                : {}),
            })),
          };
        }),
    });
  }

  if (fatal.length > 0) {
    describe(`${rule.id}: files that do not parse`, () => {
      it.each(fatal.map((testCase) => [testCase.name, testCase] as const))('%s: its findings are fatal errors', (_name, testCase) => {
        const messages: Linter.LintMessage[] = lint(testCase.code, testCase.filename);
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.every((message) => message.fatal)).toBe(true);
        const own = messages.filter((message) => message.message.endsWith(`(ocp-image/${rule.id})`));
        expect(own.map((message) => [message.line, message.column, message.message])).toEqual(
          testCase.errors.map((error) => [error.line, error.column, `Parsing error: ${error.message} (ocp-image/${rule.id})`]),
        );
      });
    });
  }
}

describe('coverage', () => {
  it('every registry rule has cases, and every rule an input can trigger has invalid ones', () => {
    expect([...casesPerRule].filter(([, count]) => count === 0).map(([ruleId]) => ruleId)).toEqual([]);
    // internal-error reports a bug of the validator itself, and the file rules problems of reading a
    // file that only the CLI reports (ESLint reads files itself): no text triggers them.
    // schema-enum: the schemas' only fixed values (root kind, apiVersion) are settled before the schema runs.
    const untriggerable = new Set(['internal-error', schemaEnum.id, ...fileRules.map((rule) => rule.id)]);
    const untriggered = [...invalidCasesPerRule].filter(([ruleId, count]) => count === 0 && !untriggerable.has(ruleId));
    expect(untriggered.map(([ruleId]) => ruleId)).toEqual([]);
  });

  afterAll(() => {
    const total = [...casesPerRule.values()].reduce((sum, count) => sum + count, 0);
    const invalid = [...invalidCasesPerRule.values()].reduce((sum, count) => sum + count, 0);
    console.log(`RuleTester: ${total} cases (${invalid} invalid) over ${casesPerRule.size} rules`);
  });
});
