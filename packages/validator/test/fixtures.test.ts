/**
 * Fixture runner (eslint-plugin-yml style): test/fixtures/<rule-id>/<case>.(yaml|yml|json) with
 * <case>.errors.json beside it, listing every finding the validator reports for the file.
 * UPDATE_FIXTURES=1 rewrites the .errors.json files from the current output — review each diff.
 * See test/fixtures/README.md.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getRule } from '../src/rules/index.js';
import { schemaEnum } from '../src/rules/pipeline.js';
import type { Finding } from '../src/types.js';
import { validate } from '../src/validate.js';

const fixturesRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

type ExpectedFinding = Pick<Finding, 'ruleId' | 'line' | 'column' | 'endLine' | 'endColumn' | 'message' | 'serverPath'>;

const MANIFEST = /\.(ya?ml|json)$/;

function expectedShape(finding: Finding): ExpectedFinding {
  const { ruleId, line, column, endLine, endColumn, message, serverPath } = finding;
  return { ruleId, line, column, endLine, endColumn, message, ...(serverPath === undefined ? {} : { serverPath }) };
}

const ruleDirectories = readdirSync(fixturesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe.each(ruleDirectories)('%s', (ruleId) => {
  const directory = path.join(fixturesRoot, ruleId);
  const cases = readdirSync(directory)
    .filter((name) => MANIFEST.test(name) && !name.endsWith('.errors.json'))
    .sort();

  it('names a rule of the registry and has valid and invalid cases', () => {
    expect(getRule(ruleId), `no rule ${ruleId} in the registry`).toBeDefined();
    expect(cases.some((name) => name.startsWith('valid'))).toBe(true);
    // A rule that cannot be triggered from a file (internal-error; schema-enum, whose schema values are
    // settled before the schema runs) has only valid cases.
    if (ruleId !== 'internal-error' && ruleId !== schemaEnum.id) expect(cases.some((name) => name.startsWith('invalid'))).toBe(true);
  });

  // An opt-in rule's folder is validated with the rule turned on.
  const config = getRule(ruleId)?.flags?.optIn ? { rules: { [ruleId]: 'warn' as const } } : {};

  it.each(cases)('%s', (name) => {
    const text = readFileSync(path.join(directory, name), 'utf8');
    const actual = validate(text, { filePath: name, config }).findings.map(expectedShape);
    const errorsFile = path.join(directory, name.replace(MANIFEST, '.errors.json'));
    if (update) writeFileSync(errorsFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(errorsFile), `${errorsFile} is missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
    const expected = JSON.parse(readFileSync(errorsFile, 'utf8')) as ExpectedFinding[];
    expect(actual).toEqual(expected);
    if (name.startsWith('valid')) expect(expected, 'a valid case reports nothing').toEqual([]);
    else if (name.startsWith('invalid')) expect(expected.map((finding) => finding.ruleId)).toContain(ruleId);
    else expect.fail(`${name}: case names start with "valid" or "invalid"`);
  });
});
