import { describe, expect, it } from 'vitest';
import { parseDirective } from '../src/directives.js';
import { validate } from '../src/validate.js';

describe('parseDirective', () => {
  it.each([
    ['# ocp-image-disable-next-line yaml-implicit-type', { type: 'disable-next-line', ruleIds: ['yaml-implicit-type'] }],
    ['#ocp-image-disable-next-line a, b', { type: 'disable-next-line', ruleIds: ['a', 'b'] }],
    ['# ocp-image-disable-line a -- the registry is internal', { type: 'disable-line', ruleIds: ['a'] }],
    ['# ocp-image-disable', { type: 'disable', ruleIds: undefined }],
    ['# ocp-image-disable -- everything, for now', { type: 'disable', ruleIds: undefined }],
    ['# ocp-image-enable a,b', { type: 'enable', ruleIds: ['a', 'b'] }],
  ])('%s', (comment, expected) => {
    expect(parseDirective(comment)).toEqual(expected);
  });

  it.each(['# ocp-image-disabled a', '# a comment mentioning ocp-image-disable', '# ocp-image-disable-next'])('ignores %s', (comment) => {
    expect(parseDirective(comment)).toBeUndefined();
  });
});

const stream = (labels: string) => `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: ruby
  labels:
${labels}`;

const ruleIdsAndLines = (text: string) => validate(text).findings.map((finding) => `${finding.ruleId}@${finding.line}`);

describe('inline directives', () => {
  it('disable-next-line suppresses the named rules on the next line only', () => {
    const text = stream(`    # ocp-image-disable-next-line yaml-implicit-type
    a: yes
    b: no
`);
    expect(ruleIdsAndLines(text)).toEqual(['yaml-implicit-type@8']);
  });

  it('disable-next-line for another rule suppresses nothing', () => {
    expect(ruleIdsAndLines(stream('    # ocp-image-disable-next-line unknown-field\n    a: yes\n'))).toEqual(['yaml-implicit-type@7']);
  });

  it('disable-line applies to its own line', () => {
    expect(ruleIdsAndLines(stream('    a: yes # ocp-image-disable-line\n    b: no\n'))).toEqual(['yaml-implicit-type@7']);
  });

  it('disable … enable covers the lines in between, for one rule or all', () => {
    const text = stream(`    # ocp-image-disable yaml-implicit-type
    a: yes
    b: no
    # ocp-image-enable yaml-implicit-type
    c: on
`);
    expect(ruleIdsAndLines(text)).toEqual(['yaml-implicit-type@10']);
    const all = stream('    # ocp-image-disable\n    a: yes\n    # ocp-image-enable\n    b: no\n');
    expect(ruleIdsAndLines(all)).toEqual(['yaml-implicit-type@9']);
  });

  it('an enable for one rule inside a disable-all re-enables only that rule', () => {
    const text = `# ocp-image-disable
# ocp-image-enable api-version-mapping
apiVersion: v1
kind: ImageStream
metadata:
  name: ruby
  labels:
    a: yes
`;
    expect(ruleIdsAndLines(text)).toEqual(['api-version-mapping@3']);
  });

  it('a disable without enable lasts to the end of the file, across documents', () => {
    const text = `# ocp-image-disable api-version-mapping
apiVersion: v1
kind: ImageStream
metadata: {name: a}
---
apiVersion: v1
kind: ImageStream
metadata: {name: b}
`;
    expect(ruleIdsAndLines(text)).toEqual([]);
  });

  it('a directive inside a string is not a directive', () => {
    const text = stream('    a: yes\n  annotations:\n    note: "# ocp-image-disable"\n');
    expect(ruleIdsAndLines(text)).toEqual(['yaml-implicit-type@6']);
  });
});

describe('unused directives (unused-disable-directive, opt-in)', () => {
  const on = { config: { rules: { 'unused-disable-directive': 'error' as const } } };
  const unused = (text: string) =>
    validate(text, on)
      .findings.filter((finding) => finding.ruleId === 'unused-disable-directive')
      .map((finding) => `${finding.line}:${finding.column} ${finding.message}`);

  it('are not reported unless the rule is turned on', () => {
    const text = stream('    a: "yes" # ocp-image-disable-line yaml-implicit-type\n');
    expect(ruleIdsAndLines(text)).toEqual([]);
    expect(unused(text)).toEqual(["6:14 Unused ocp-image-disable-line directive (no problems were reported from 'yaml-implicit-type')."]);
  });

  it('report each named rule that suppressed nothing, and a directive without rules only when it suppressed nothing', () => {
    const text = stream('    # ocp-image-disable-next-line yaml-implicit-type, schema-type -- one of them is stale\n    a: yes\n    # ocp-image-disable\n    b: "x"\n    # ocp-image-enable\n    # ocp-image-disable\n    c: no\n');
    expect(unused(text)).toEqual([
      "6:5 Unused ocp-image-disable-next-line directive (no problems were reported from 'schema-type').",
      '8:5 Unused ocp-image-disable directive (no problems were reported).',
    ]);
  });

  it('credit a block disable only where it suppressed, and never report enable', () => {
    const text = stream('    # ocp-image-disable yaml-implicit-type\n    a: "yes"\n    # ocp-image-enable yaml-implicit-type\n    b: on # ocp-image-disable-line\n');
    expect(unused(text)).toEqual(["6:5 Unused ocp-image-disable directive (no problems were reported from 'yaml-implicit-type')."]);
  });
});
