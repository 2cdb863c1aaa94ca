import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import json from '@eslint/json';
import yml from 'eslint-plugin-yml';
import { validate } from '@ocp-image/validator';
import plugin from '../src/index.js';
import { compareWithValidator, describeFinding, describeMessage, lint } from './support.js';

const legacyStream = `apiVersion: v1
kind: ImageStream
metadata:
  name: app
`;

function ruleIds(messages: readonly Linter.LintMessage[]): (string | null)[] {
  return messages.map((message) => message.ruleId);
}

describe('YAML: a real language, so ESLint comments work', () => {
  it('honours # eslint rule-id: off configuration comments', () => {
    expect(ruleIds(lint(`# eslint ocp-image/api-version-mapping: off\n${legacyStream}`, 'stream.yaml'))).toEqual([]);
    // A malformed one is reported where it stands, and changes nothing.
    expect(lint(`# eslint ocp-image/api-version-mapping: [loud]\n${legacyStream}`, 'stream.yaml')).toMatchObject([
      { ruleId: null, fatal: true, line: 1 },
      { ruleId: 'ocp-image/api-version-mapping', line: 2 },
    ]);
  });

  it('reports a finding at the validator position', () => {
    const messages = lint(legacyStream, 'stream.yaml');
    const findings = validate(legacyStream).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(messages.map(describeMessage)).toEqual(findings.map(describeFinding));
    expect(messages[0]).toMatchObject({ ruleId: 'ocp-image/api-version-mapping', message: findings[0]?.message, severity: 2 });
  });

  it('honours # eslint-disable-next-line ocp-image/<rule>', () => {
    const text = `# eslint-disable-next-line ocp-image/api-version-mapping\n${legacyStream}`;
    expect(lint(text, 'stream.yaml')).toEqual([]);
  });

  it('honours # eslint-disable … # eslint-enable blocks and only for the rule named', () => {
    const block = `# eslint-disable ocp-image/api-version-mapping\n${legacyStream}# eslint-enable ocp-image/api-version-mapping\n`;
    expect(lint(block, 'stream.yaml')).toEqual([]);
    const otherRule = `# eslint-disable-next-line ocp-image/unknown-field\n${legacyStream}`;
    expect(ruleIds(lint(otherRule, 'stream.yaml'))).toContain('ocp-image/api-version-mapping');
  });

  it('finds directives on the right line in a CRLF file, and only in comments (not in a block scalar)', () => {
    const crlf = `# eslint-disable-next-line ocp-image/api-version-mapping\r\n${legacyStream.replaceAll('\n', '\r\n')}`;
    expect(lint(crlf, 'stream.yaml')).toEqual([]);
    const inScalar = `${legacyStream}  annotations:\n    note: |\n      # eslint-disable ocp-image/api-version-mapping\n`;
    expect(ruleIds(lint(inScalar, 'stream.yaml'))).toEqual(['ocp-image/api-version-mapping']);
    // On another line it disables nothing, and ESLint says so where the comment stands (the last line, no line break).
    const lastLine = `${legacyStream.trimEnd()} # eslint-disable-line ocp-image/api-version-mapping`;
    expect(lint(lastLine, 'stream.yaml')).toMatchObject([
      { ruleId: 'ocp-image/api-version-mapping', line: 1 },
      { ruleId: null, line: 4, column: 13, message: expect.stringContaining('Unused eslint-disable directive') },
    ]);
    const onApiVersion = legacyStream.replace('apiVersion: v1', 'apiVersion: v1 # eslint-disable-line ocp-image/api-version-mapping');
    expect(lint(onApiVersion, 'stream.yaml')).toEqual([]);
  });

  it('reads directive comments within the input limits: a hostile file with one ends in a finding, not a crash', () => {
    for (const body of [`${'- '.repeat(10_000)}x\n`, `${'['.repeat(10_000)}x${']'.repeat(10_000)}\n`, `kind: List\nitems:\n${'  - {a: 1}\n'.repeat(600_000)}`]) {
      const messages = lint(`# eslint-disable-next-line ocp-image/unknown-field\n${body}`, 'hostile.yaml');
      expect(messages.map((message) => message.message.match(/ocp-image\/[a-z-]+/)?.[0] ?? message.ruleId)).toContain('ocp-image/input-too-large');
    }
  }, 60_000);

  it("honours the validator's own # ocp-image-disable-next-line comment, as the CLI does", () => {
    const text = `# ocp-image-disable-next-line api-version-mapping\n${legacyStream}`;
    expect(validate(text).findings).toEqual([]);
    expect(lint(text, 'stream.yaml')).toEqual([]);
  });

  it('keeps positions in a file that starts with a byte-order mark', () => {
    const messages = lint(`\uFEFF${legacyStream}`, 'stream.yaml');
    expect(messages.map(describeMessage)).toEqual(validate(legacyStream).findings.map(describeFinding));
  });

  it('honours the disable comment as docs/editor.md shows it', () => {
    const text = `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: python
spec:
  tags:
  - name: latest
    from:
      # eslint-disable-next-line ocp-image/tag-from-kind
      kind: ImageStream
      name: "3.12"
`;
    expect(lint(text, 'stream.yaml', plugin.configs.recommended as Linter.Config[])).toEqual([]);
    const undisabled = text.replace('# eslint-disable-next-line', '# see');
    expect(lint(undisabled, 'stream.yaml', plugin.configs.recommended as Linter.Config[])).toMatchObject([
      { ruleId: 'ocp-image/tag-from-kind', line: 10, severity: 2 },
    ]);
  });

  it("runs alongside eslint-plugin-yml's recommended config placed after it, on yml's language", () => {
    const text = `${legacyStream}  labels:\n    team:\n`;
    const reported = ruleIds(lint(text, 'stream.yaml', [...(plugin.configs.all as Linter.Config[]), ...(yml.configs.recommended as Linter.Config[])]));
    expect(reported).toContain('ocp-image/api-version-mapping');
    expect(reported).toContain('yml/no-empty-mapping-value');
  });

  it("has eslint-plugin-yml's language read YAML 1.1, as oc does, so that --fix keeps the quotes a string needs", () => {
    const text = `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: app
  annotations:
    enabled: "on"
    legacy: yes
`;
    const config = [...(plugin.configs.recommended as Linter.Config[]), ...(yml.configs.standard as Linter.Config[])];
    // Read as YAML 1.2, yml/plain-scalar took "on" for a plain string and unquoted it, while yaml-implicit-type quoted yes: a loop.
    const { output, messages } = new Linter({ configType: 'flat' }).verifyAndFix(text, config, 'stream.yaml');
    expect(output).toBe(text.replace('legacy: yes', 'legacy: "yes"'));
    expect(messages).toEqual([]);
  });

  it('tells eslint-plugin-yml rules on its own language, which has no YAML syntax tree, what to do instead of letting them skip the file', () => {
    const config = [...(yml.configs.recommended as Linter.Config[]), ...(plugin.configs.all as Linter.Config[])];
    expect(() => lint(legacyStream, 'stream.yaml', config)).toThrow(/ocp-image\/yaml builds no YAML syntax tree.*language "yml\/yaml"/);
  });

  it("reports the same positions on eslint-plugin-yml's own yml/yaml language", () => {
    const config: Linter.Config[] = [
      ...yml.configs.base,
      { files: ['**/*.yaml'], plugins: { 'ocp-image': plugin }, rules: { 'ocp-image/api-version-mapping': 'warn' } },
    ] as Linter.Config[];
    const messages = lint(legacyStream, 'stream.yaml', config);
    expect(messages.map(describeMessage)).toEqual(validate(legacyStream).findings.map(describeFinding));
  });
});

describe('YAML syntax errors are fatal parsing errors at the validator positions', () => {
  const broken = `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata: {name: app
spec:
  tags: [a: b: c]
`;

  it('reports every syntax finding of the validator as a fatal error, with line, column and rule id', () => {
    const messages = lint(broken, 'broken.yaml');
    const syntax = validate(broken).findings.filter((finding) => finding.ruleId === 'yaml-syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(messages).toHaveLength(syntax.length);
    messages.forEach((message, index) => {
      const finding = syntax[index];
      expect(message).toMatchObject({ fatal: true, ruleId: null, severity: 2, line: finding?.line, column: finding?.column });
      expect(message.message).toBe(`Parsing error: ${finding?.message} (ocp-image/yaml-syntax)`);
    });
    expect(compareWithValidator(broken, 'broken.yaml', messages).differences).toEqual([]);
  });

  it('does not report yaml-syntax a second time as a rule message', () => {
    expect(ruleIds(lint(broken, 'broken.yaml')).every((ruleId) => ruleId === null)).toBe(true);
  });

  it('reports duplicate keys, which oc reads (the last value wins), as a yaml-duplicate-key rule warning, not a parse error', () => {
    const text = `${legacyStream}  name: again\n`;
    const duplicate = validate(text).findings.filter((finding) => finding.ruleId === 'yaml-duplicate-key');
    expect(duplicate).toHaveLength(1);
    const messages = lint(text, 'stream.yaml');
    expect(messages.filter((message) => message.ruleId === 'ocp-image/yaml-duplicate-key')).toMatchObject([
      { severity: 1, line: duplicate[0]?.line, column: duplicate[0]?.column },
    ]);
    expect(messages.some((message) => message.fatal)).toBe(false);
    expect(compareWithValidator(text, 'stream.yaml', messages).differences).toEqual([]);
  });
});

describe('JSON manifests', () => {
  const legacyJson = JSON.stringify({ apiVersion: 'v1', kind: 'ImageStream', metadata: { name: 'app' } }, null, 2);

  it('are linted with the JSON language at the validator positions', () => {
    const messages = lint(legacyJson, 'stream.json');
    const findings = validate(legacyJson).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(messages.map(describeMessage)).toEqual(findings.map(describeFinding));
  });

  it('report duplicate keys as a rule message: the JSON parser accepts them', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "ImageStream",\n  "kind": "ImageStream",\n  "metadata": {"name": "app"}\n}\n';
    const messages = lint(text, 'stream.json');
    expect(ruleIds(messages)).toContain('ocp-image/yaml-duplicate-key');
    expect(compareWithValidator(text, 'stream.json', messages).differences).toEqual([]);
  });

  it('report a syntax error as a fatal error at the validator position', () => {
    const text = '{\n  "apiVersion": "image.openshift.io/v1",\n  "kind": "ImageStream",,\n}\n';
    const messages = lint(text, 'stream.json');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => message.fatal)).toBe(true);
    expect(compareWithValidator(text, 'stream.json', messages).differences).toEqual([]);
  });

  it("report the same positions on @eslint/json's own json/json language", () => {
    const config = [
      { files: ['**/*.json'], plugins: { json, 'ocp-image': plugin }, language: 'json/json', rules: { 'ocp-image/api-version-mapping': 'warn' } },
    ] as Linter.Config[];
    const messages = lint(legacyJson, 'stream.json', config);
    expect(messages.map(describeMessage)).toEqual(validate(legacyJson).findings.map(describeFinding));
  });

  it("keep @eslint/json's own check of language options", () => {
    const config = [...(plugin.configs.all as Linter.Config[]), { files: ['**/*.json'], languageOptions: { allowTrailingCommas: true } }];
    expect(() => lint(legacyJson, 'stream.json', config)).toThrow('allowTrailingCommas option is only available in JSONC');
  });
});
