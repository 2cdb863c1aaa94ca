import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RuleTester, type Linter } from 'eslint';
import { rules as registry } from '@ocp-image/validator';
import plugin from '../src/index.js';
import { fixturesRoot, lint } from './support.js';

// RuleTester cases for every rule, read from the validator's own fixtures
// (packages/validator/test/fixtures/<rule-id>/<case>.<yaml|yml|json> + <case>.errors.json).
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

interface ExpectedError {
  ruleId?: string;
  message?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

interface FixtureCase {
  name: string;
  filename: string;
  code: string;
  language: 'ocp-image/yaml' | 'ocp-image/json';
  errors: ExpectedError[];
}

function fixtureCases(ruleId: string): FixtureCase[] {
  const directory = path.join(fixturesRoot, ruleId);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.errors.json'))
    .sort()
    .map((name) => {
      const base = name.replace(/\.(ya?ml|json)$/, '');
      const errorsFile = path.join(directory, `${base}.errors.json`);
      const errors = existsSync(errorsFile) ? (JSON.parse(readFileSync(errorsFile, 'utf8')) as ExpectedError[]) : [];
      return {
        name: `${ruleId}/${name}`,
        filename: path.join(directory, name),
        code: readFileSync(path.join(directory, name), 'utf8'),
        language: name.endsWith('.json') ? 'ocp-image/json' : 'ocp-image/yaml',
        errors: errors.filter((error) => (error.ruleId ?? ruleId) === ruleId),
      };
    });
}

/** A case ESLint cannot parse: RuleTester refuses those, so it is checked as fatal errors below. */
function parses(fixture: FixtureCase): boolean {
  const language = plugin.languages[fixture.language === 'ocp-image/json' ? 'json' : 'yaml'];
  const file = { body: fixture.code, path: fixture.filename, physicalPath: fixture.filename, bom: false };
  return language.parse(file, { languageOptions: {} }).ok;
}

function expectedError(error: ExpectedError): RuleTester.TestCaseError {
  return {
    ...(error.message === undefined ? {} : { message: error.message }),
    line: error.line,
    column: error.column,
    ...(error.endLine === undefined ? {} : { endLine: error.endLine }),
    ...(error.endColumn === undefined ? {} : { endColumn: error.endColumn }),
  };
}

const ruleTester = new RuleTester({ plugins: { 'ocp-image': plugin }, language: 'ocp-image/yaml' });
const casesPerRule = new Map<string, number>();

if (!existsSync(fixturesRoot)) console.warn(`SKIPPED: the validator fixtures ${fixturesRoot} are absent`);

for (const rule of registry) {
  const cases = fixtureCases(rule.id);
  casesPerRule.set(rule.id, cases.length);
  if (cases.length === 0) continue;
  const eslintRule = plugin.rules[rule.id];
  if (!eslintRule) throw new Error(`no ESLint rule for ${rule.id}`);
  const [parsing, fatal] = [cases.filter(parses), cases.filter((fixture) => !parses(fixture))];

  if (parsing.length > 0) {
    ruleTester.run(rule.id, eslintRule as never, {
      valid: parsing
        .filter((fixture) => fixture.errors.length === 0)
        .map((fixture) => ({ name: fixture.name, code: fixture.code, filename: fixture.filename, language: fixture.language })),
      invalid: parsing
        .filter((fixture) => fixture.errors.length > 0)
        .map((fixture) => ({
          name: fixture.name,
          code: fixture.code,
          filename: fixture.filename,
          language: fixture.language,
          errors: fixture.errors.map(expectedError),
        })),
    });
  }

  if (fatal.length > 0) {
    describe(`${rule.id}: files that do not parse`, () => {
      it.each(fatal.map((fixture) => [fixture.name, fixture] as const))('%s: its findings are fatal errors', (_name, fixture) => {
        const messages: Linter.LintMessage[] = lint(fixture.code, path.relative(fixturesRoot, fixture.filename));
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.every((message) => message.fatal)).toBe(true);
        const ownMessages = messages.filter((message) => message.message.endsWith(`(ocp-image/${rule.id})`));
        expect(ownMessages.map((message) => [message.line, message.column])).toEqual(fixture.errors.map((error) => [error.line, error.column]));
      });
    });
  }
}

describe('fixture coverage', () => {
  it.skipIf(!existsSync(fixturesRoot))('every registry rule has fixture cases', () => {
    const missing = [...casesPerRule].filter(([, count]) => count === 0).map(([ruleId]) => ruleId);
    expect(missing).toEqual([]);
  });
  afterAll(() => {
    const total = [...casesPerRule.values()].reduce((sum, count) => sum + count, 0);
    console.log(`RuleTester: ${total} fixture cases over ${[...casesPerRule.values()].filter(Boolean).length} rules`);
  });
});
