import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Linter } from 'eslint';
import js from '@eslint/js';
import { rules as registry, validate } from '@ocp-image/validator';
import plugin from '../src/index.js';
import { describeFinding, describeMessage, lint, repoRoot } from './support.js';

const configNames = ['recommended', 'strict', 'all'] as const;

/** A config's settings of the plugin's rules (it also turns off a JavaScript rule, see the test for it). */
function ruleSettings(name: (typeof configNames)[number]): Record<string, unknown> {
  const [yaml, json] = plugin.configs[name];
  expect(yaml?.rules).toEqual(json?.rules);
  return Object.fromEntries(Object.entries(yaml?.rules ?? {}).filter(([id]) => id.startsWith('ocp-image/')));
}

describe('rules generated from the registry', () => {
  it('has one ESLint rule per registry rule, under the same id', () => {
    expect(registry.length).toBeGreaterThan(0);
    expect(Object.keys(plugin.rules).sort()).toEqual(registry.map((rule) => rule.id).sort());
  });

  it.each(registry.map((rule) => [rule.id, rule] as const))('%s carries the registry metadata', (id, rule) => {
    const meta = plugin.rules[id]?.meta;
    expect(meta?.docs?.description).toBe(rule.description);
    expect(meta?.docs?.url).toBe(`https://github.com/ocp-image/ocp-image/blob/main/docs/rules/${id}.md`);
    // A server rule's messages end with room for the note on the path the API server reports.
    const noteRoom = rule.category === 'server' ? '{{serverPathNote}}' : '';
    expect(meta?.messages).toEqual(Object.fromEntries(Object.entries(rule.messages).map(([messageId, text]) => [messageId, `${text}${noteRoom}`])));
    expect(meta?.type).toBe(rule.category === 'lint' ? 'suggestion' : 'problem');
  });

  it('links every rule to the page the CLI links to', () => {
    const cliBin = path.join(repoRoot, 'packages/cli/bin/ocp-image.js');
    const run = spawnSync(process.execPath, [cliBin, 'rules'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const cliUrls = run.stdout.match(/https:\/\/\S+\.md/g) ?? [];
    // The CLI also lists its own file-level rules, documented in docs/cli.md.
    const pluginUrls = Object.values(plugin.rules).map((rule) => rule.meta?.docs?.url);
    expect(pluginUrls.length).toBe(registry.length);
    expect(cliUrls).toEqual(expect.arrayContaining(pluginUrls));
  }, 60_000);

  it('names the plugin and its namespace', () => {
    expect(plugin.meta).toMatchObject({ name: '@ocp-image/eslint-plugin', namespace: 'ocp-image' });
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("reports the validator's message text, the API server's path included", () => {
    const text = `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: app
  labels: {team: "a b"}
spec:
  tags:
  - name: latest
    from: {kind: Docker, name: quay.io/org/app:1}
    referencePolicy: {type: local}
`;
    const findings = validate(text, { filePath: 'stream.yaml' }).findings;
    expect(findings.filter((finding) => finding.message.includes('The API server reports it at spec.tags[latest].')).length).toBe(2);
    const messages = lint(text, 'stream.yaml');
    expect(messages.map((message) => [message.ruleId, message.message])).toEqual(findings.map((finding) => [`ocp-image/${finding.ruleId}`, finding.message]));
  });
});

describe('configs built from registry metadata', () => {
  it.each(configNames)('%s: YAML and JSON manifests, each with its language', (name) => {
    const configs = plugin.configs[name];
    expect(configs.map((config) => [config.files, config.language])).toEqual([
      [['**/*.yaml', '**/*.yml'], 'ocp-image/yaml'],
      [['**/*.json'], 'ocp-image/json'],
    ]);
    for (const config of configs) expect(config.plugins?.['ocp-image']).toBe(plugin);
  });

  it('leaves JSONC configs and lock files alone, but lints other JSON', () => {
    const jsonc = '{\n  // a comment\n  "compilerOptions": { "strict": true },\n}\n';
    for (const filename of ['tsconfig.json', 'packages/app/tsconfig.build.json', '.vscode/settings.json', '.eslintrc.json', 'package-lock.json']) {
      expect(lint(jsonc, filename, plugin.configs.recommended as Linter.Config[]).some((message) => message.fatal), filename).toBe(false);
    }
    expect(lint(jsonc, 'deploy/stream.json', plugin.configs.recommended as Linter.Config[])).toMatchObject([{ fatal: true, line: 2 }]);
  });

  it('recommended: every rule at the severity `ocp-image validate` gives it, warnings included', () => {
    const settings = ruleSettings('recommended');
    const optIn = registry.filter((rule) => rule.flags?.optIn);
    expect(optIn.map((rule) => rule.id)).toEqual(['unused-disable-directive']);
    expect(settings).toEqual(
      Object.fromEntries(registry.filter((rule) => !rule.flags?.optIn).map((rule) => [`ocp-image/${rule.id}`, rule.severity === 'error' ? 'error' : 'warn'])),
    );
    expect(settings['ocp-image/unknown-field']).toBe('error');
    expect(settings['ocp-image/legacy-api-version']).toBe('warn');
  });

  it('strict: like `ocp-image validate --strict`, every rule outside lint as an error, lint rules at their default', () => {
    const settings = ruleSettings('strict');
    for (const rule of registry) {
      const expected = rule.flags?.optIn ? undefined : rule.category !== 'lint' || rule.severity === 'error' ? 'error' : 'warn';
      expect(settings[`ocp-image/${rule.id}`], rule.id).toBe(expected);
    }
    expect(settings['ocp-image/deprecated-docker-image-repository']).toBe('error');
    expect(settings['ocp-image/legacy-api-version']).toBe('warn');
  });

  it('all: every rule at its default severity, except the opt-in ones (unused directives)', () => {
    expect(ruleSettings('all')).toEqual(ruleSettings('recommended'));
  });

  it('reports unused ocp-image-disable comments only where the opt-in rule is turned on', () => {
    const text = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: a # ocp-image-disable-line metadata-name\n';
    const all = plugin.configs.all as Linter.Config[];
    expect(lint(text, 'stream.yaml', all)).toEqual([]);
    const messages = lint(text, 'stream.yaml', [...all, { rules: { 'ocp-image/unused-disable-directive': 'error' } }]);
    expect(messages.map((message) => [message.ruleId, message.line, message.message])).toEqual([
      ['ocp-image/unused-disable-directive', 4, "Unused ocp-image-disable-line directive (no problems were reported from 'metadata-name')."],
    ]);
  });
});

describe('beside a JavaScript config', () => {
  it('lints manifests after js.configs.recommended given without files, and JavaScript still gets its rules', () => {
    const config = [js.configs.recommended, ...(plugin.configs.recommended as Linter.Config[])] as Linter.Config[];
    const legacyStream = 'apiVersion: v1\nkind: ImageStream\nmetadata:\n  name: app\n';
    // Its rules that need a JavaScript scope or comments failed here: "sourceCode.getAllComments is not a function".
    expect(lint(legacyStream, 'stream.yaml', config).map((message) => message.ruleId)).toEqual(['ocp-image/api-version-mapping']);
    expect(lint('{"apiVersion": "v1", "kind": "ImageStream", "metadata": {"name": "app"}}', 'stream.json', config).map((message) => message.ruleId)).toEqual([
      'ocp-image/api-version-mapping',
    ]);
    expect(lint('undefinedName;\n', 'app.js', config).map((message) => message.ruleId)).toEqual(['no-undef']);
  });
});

describe('rule options and languages', () => {
  const imageStream = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: app\n';

  it('accepts the CLI limits as options and validates with them', () => {
    const config: Linter.Config[] = [
      ...(plugin.configs.recommended as Linter.Config[]),
      { rules: { 'ocp-image/input-too-large': ['error', { limits: { maxDepth: 1 } }] } },
    ];
    const messages = lint(imageStream, 'stream.yaml', config);
    const tooDeep = validate(imageStream, { config: { limits: { maxDepth: 1 } } }).findings;
    expect(tooDeep.map((finding) => finding.ruleId)).toEqual(['input-too-large']);
    expect(messages.map(describeMessage)).toEqual(tooDeep.map(describeFinding));
    expect(lint(imageStream, 'stream.yaml', plugin.configs.recommended as Linter.Config[])).toEqual([]);
  });

  it('rejects options the CLI config does not have', () => {
    const config: Linter.Config[] = [
      ...(plugin.configs.recommended as Linter.Config[]),
      { rules: { 'ocp-image/unknown-field': ['error', { strict: true }] } },
    ];
    expect(() => lint(imageStream, 'stream.yaml', config)).toThrow(/ocp-image\/unknown-field/);
    const unknownLimit: Linter.Config[] = [
      ...(plugin.configs.recommended as Linter.Config[]),
      { rules: { 'ocp-image/input-too-large': ['error', { limits: { maxFiles: 3 } }] } },
    ];
    expect(() => lint(imageStream, 'stream.yaml', unknownLimit)).toThrow(/maxFiles/);
    // The limits' bounds are the validator's own (limits.ts): 0 aliases is a policy, 0 levels is not.
    const withLimits = (limits: Record<string, number>): Linter.Config[] => [
      ...(plugin.configs.recommended as Linter.Config[]),
      { rules: { 'ocp-image/input-too-large': ['error', { limits }] } },
    ];
    expect(() => lint(imageStream, 'stream.yaml', withLimits({ maxDepth: 0 }))).toThrow(/Value 0 should be >= 1/);
    expect(lint(`${imageStream}  labels: &l {a: b}\n  annotations: *l\n`, 'stream.yaml', withLimits({ maxAliasCount: 0 })).map((message) => message.ruleId)).toEqual([
      'ocp-image/input-too-large',
    ]);
  });

  it('refuses to run its rules on JavaScript', () => {
    const config: Linter.Config[] = [{ plugins: { 'ocp-image': plugin }, rules: { 'ocp-image/yaml-syntax': 'error' } }];
    expect(() => lint('const a = 1;', 'file.js', config)).toThrow(/ocp-image\/yaml-syntax/);
  });
});
