/**
 * Positions of findings in texts that trip the parser: error tokens spanning line breaks, CR CR LF
 * line ends, astral characters (two UTF-16 code units) at the reported spot. Each case is a
 * minimised counterexample found by the property tests.
 */
import { describe, expect, it } from 'vitest';
import { rules, validate } from '../src/index.js';
import { invariantViolations } from './arbitraries/invariants.js';

const ruleIds = new Set(rules.map((rule) => rule.id));

function positions(text: string) {
  const { findings } = validate(text);
  expect(invariantViolations(text, findings, ruleIds), JSON.stringify(text)).toEqual([]);
  return findings.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }));
}

describe('positions stay inside the text', () => {
  it('after an error token that spans a line break', () => {
    // CR, then CRLF: two line breaks; the string that never ends starts line 3.
    expect(positions('{}\r\r\n"')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 3, column: 1 })]);
    expect(positions('"""\n:')[0]).toEqual(expect.objectContaining({ ruleId: 'yaml-syntax', line: 1, column: 3 }));
    // go-yaml reads "" and stops there: what follows its root is not read (the oracle agrees). The
    // root itself, a bare string, is no object oc can decode (reported in a text meant for oc, one
    // with a Kubernetes object).
    expect(positions('kind: Foo\n---\n""\r\r\nn')).toEqual([{ ruleId: 'document-not-object', line: 3, column: 1, endLine: 3, endColumn: 3 }]);
  });

  it('line numbers after such a token count every line feed', () => {
    const text = '{}\r\r\n"\nlater: [\n';
    for (const finding of positions(text)) expect(finding.endLine).toBeLessThanOrEqual(3);
  });

  it('a one-character range on an astral character covers both of its code units', () => {
    expect(positions('k: 😀: 2\n')).toEqual([{ ruleId: 'yaml-syntax', line: 1, column: 4, endLine: 1, endColumn: 6 }]);
    expect(positions('😀: 😀: x\n')).toEqual([{ ruleId: 'yaml-syntax', line: 1, column: 5, endLine: 1, endColumn: 7 }]);
  });

  it('a tagged value the decoder rejects is quoted on one line', () => {
    const { findings } = validate('apiVersion: !!bool |-\n    image.openshift.io/v1\n    more\nkind: ImageStream\n');
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'yaml-syntax', message: 'go-yaml cannot decode !!bool `image.openshift.io/v1\\nmore`; remove the tag or fix the value.' }));
  });
});
