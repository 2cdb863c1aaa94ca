/** Fixes and suggestions as minimal text edits: what they change, what they keep, where they refuse. */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { applyFixes } from '../src/fixes.js';
import { fixText } from '../src/fix-text.js';
import type { Finding } from '../src/types.js';
import { validate } from '../src/validate.js';

const stream = (body: string, extra = '') => `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: a\n${extra}spec:\n${body}`;

/** The text with the first suggestion of the first finding of `ruleId` applied. */
function withSuggestion(text: string, ruleId: string): string {
  const finding = validate(text).findings.find((item) => item.ruleId === ruleId);
  const suggestion = finding?.suggestions?.[0];
  if (!finding || !suggestion) throw new Error(`no suggestion of ${ruleId}`);
  return applyFixes(text, [{ ...finding, fix: suggestion.fix }]).output;
}

const ruleIds = (findings: readonly Finding[]) => findings.map((finding) => finding.ruleId);

describe('safe fixes', () => {
  it('quote YAML 1.1 numbers and booleans in string fields, keeping the text and everything around it', () => {
    const text = stream('  tags:\n  - name: 1.10   # keep\n    from: {kind: DockerImage, name: a/b}\n  - name: yes\n    from:\n      kind: DockerImage\n      name: "a/c"\n');
    const fixed = fixText(text);
    expect(fixed.output).toBe(text.replace('1.10   #', '"1.10"   #').replace('name: yes', 'name: "yes"'));
    expect(fixed.findings).toEqual([]);
  });

  it('unquote booleans and numbers in boolean and integer fields, in JSON too', () => {
    const json = '{\n  "apiVersion": "image.openshift.io/v1",\n  "kind": "ImageStream",\n  "metadata": {"name": "a"},\n  "spec": {"lookupPolicy": {"local": "false"}}\n}\n';
    const fixed = fixText(json);
    expect(fixed.output).toBe(json.replace('"false"', 'false'));
    expect(fixed.findings).toEqual([]);
  });

  it('fix enum values written in other letter case, in Lists and Template objects', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- ${stream('  tags:\n  - name: x\n    from: {kind: dockerimage, name: a/b}\n    referencePolicy: {type: local}\n').replaceAll('\n', '\n  ').trimEnd()}\n`;
    const fixed = fixText(list);
    expect(fixed.output).toBe(list.replace('dockerimage', 'DockerImage').replace('type: local', 'type: Local'));
    expect(fixed.findings).toEqual([]);
    const template = `apiVersion: template.openshift.io/v1\nkind: Template\nmetadata:\n  name: t\nobjects:\n- apiVersion: v1\n  kind: ImageStream\n  metadata:\n    name: \${NAME}\n  spec:\n    tags:\n    - name: latest\n      importPolicy: {importMode: preserveoriginal}\n      from: {kind: DockerImage, name: a/b}\nparameters:\n- name: NAME\n`;
    const fixedTemplate = fixText(template);
    expect(fixedTemplate.output).toBe(template.replace('- apiVersion: v1', '- apiVersion: image.openshift.io/v1').replace('preserveoriginal', 'PreserveOriginal'));
    expect(ruleIds(fixedTemplate.findings)).toEqual([]);
  });

  it('keep CRLF line ends and a byte order mark, and are idempotent', () => {
    const text = `\uFEFF${stream('  lookupPolicy:\n    local: "true" # c\n').replaceAll('\n', '\r\n')}`;
    const once = fixText(text);
    expect(once.output).toBe(text.replace('"true"', 'true'));
    expect(fixText(once.output)).toMatchObject({ output: once.output, fixed: false });
  });

  it('never edit through an alias, a tag or a multi-line scalar', () => {
    const text = stream('  tags:\n  - name: &n 1.10\n    from: {kind: DockerImage, name: a/b}\n  - name: *n\n    from: {kind: DockerImage, name: a/c}\n  - name: !!float 2.5\n    from: {kind: DockerImage, name: a/d}\n');
    const findings = validate(text).findings.filter((finding) => finding.ruleId === 'yaml-implicit-type');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((finding) => finding.fix).map((finding) => finding.line)).toEqual([]);
  });

  it('fix a value that tags share through an anchor once, where it is written', () => {
    const text = stream('  tags:\n  - &tag # shared\n    name: a\n    importPolicy: {importMode: legacy}\n    from: &source {kind: dockerimage, name: a/b}\n  - <<: *tag\n    name: b\n    from: *source\n');
    const findings = validate(text).findings;
    expect(findings.map((finding) => `${finding.ruleId} ${finding.line}:${finding.column} ${finding.path}`)).toEqual([
      'import-mode 9:32 spec.tags[0].importPolicy.importMode',
      'tag-from-kind 10:26 spec.tags[0].from.kind',
    ]);
    const fixed = fixText(text);
    expect(fixed.output).toBe(text.replace('legacy', 'Legacy').replace('dockerimage', 'DockerImage'));
    expect(fixed.findings).toEqual([]);
    expect(fixText(fixed.output)).toMatchObject({ output: fixed.output, fixed: false });
  });

  it('apply overlapping fixes in later passes, as ESLint does', () => {
    const a: Finding = { ruleId: 'x', severity: 'error', messageId: 'm', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, path: '', documentIndex: 0, fix: { range: [0, 3], text: 'abc' } };
    const b: Finding = { ...a, fix: { range: [3, 4], text: 'D' } };
    const c: Finding = { ...a, fix: { range: [2, 5], text: 'Z' } };
    const once = applyFixes('012345', [c, b, a]);
    // a applies; b starts where a ends and c inside it: both wait for the next pass.
    expect(once.output).toBe('abc345');
    expect(once.remaining).toHaveLength(2);
  });
});

describe('suggestions', () => {
  it('remove status and a repeated tag as whole lines, comments elsewhere kept', () => {
    const text = stream('  tags:\n  - name: x # first\n    from: {kind: DockerImage, name: a/b}\n  - name: x\n    from: {kind: DockerImage, name: a/c}\n') + 'status:\n  dockerImageRepository: r\n';
    expect(withSuggestion(text, 'status-ignored')).toBe(text.replace('status:\n  dockerImageRepository: r\n', ''));
    expect(withSuggestion(text, 'duplicate-tag-name')).toBe(text.replace('  - name: x # first\n    from: {kind: DockerImage, name: a/b}\n', ''));
  });

  it('remove a JSON member with one comma, whether first, middle or last', () => {
    const json = (members: string) => `{"apiVersion": "image.openshift.io/v1", "kind": "ImageStream", "metadata": {"name": "a"}${members}}`;
    for (const [written, expected] of [
      [', "status": {"dockerImageRepository": "r"}, "spec": {}', ', "spec": {}'],
      [', "status": {"dockerImageRepository": "r"}', ''],
    ] as const) {
      const output = withSuggestion(json(written), 'status-ignored');
      expect(output).toBe(json(expected));
      expect(() => JSON.parse(output) as unknown).not.toThrow();
    }
  });

  it('rename a misspelt key and drop a tag from a repository', () => {
    const text = stream('  dockerImageRepository: quay.io/a/b:1\n', '  labls: {a: b}\n');
    expect(withSuggestion(text, 'unknown-field')).toBe(text.replace('labls', 'labels'));
    expect(withSuggestion(text, 'repository-reference')).toBe(text.replace('quay.io/a/b:1', 'quay.io/a/b'));
    expect(parseAllDocuments(withSuggestion(text, 'unknown-field'))[0]?.errors).toEqual([]);
  });
});
