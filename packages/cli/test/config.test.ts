import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, parseJsonOutput, runCli } from './helpers.js';

/** Valid with one warning (legacy-api-version): a Template object with the legacy `apiVersion: v1`. */
const legacy = 'apiVersion: template.openshift.io/v1\nkind: Template\nmetadata:\n  name: legacy\nobjects:\n- apiVersion: v1\n  kind: ImageStream\n  metadata:\n    name: legacy\n';

let root: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ directory: root, remove } = await makeTempDirectory());
});
afterEach(() => remove());

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
}

const json = (args: string[], cwd = root) => runCli(['validate', '--format', 'json', ...args], { cwd });
const severities = (stdout: string) => parseJsonOutput(stdout).flatMap((file) => file.messages.map((message) => `${message.ruleId}:${message.severity}`));

describe('config discovery', () => {
  it('finds ocp-image.config.{yaml,yml,json} in the working directory or above', async () => {
    await write({
      'a/ocp-image.config.yaml': 'rules:\n  legacy-api-version: error\n',
      'a/deeper/still/legacy.yaml': legacy,
      'b/ocp-image.config.yml': 'rules:\n  legacy-api-version: "off"\n',
      'b/legacy.yaml': legacy,
      'c/ocp-image.config.json': '{ "rules": { "legacy-api-version": "error" } }',
      'c/legacy.yaml': legacy,
      'd/legacy.yaml': legacy,
    });
    const [a, b, c, d] = await Promise.all([
      json(['legacy.yaml'], path.join(root, 'a', 'deeper', 'still')),
      json(['legacy.yaml'], path.join(root, 'b')),
      json(['legacy.yaml'], path.join(root, 'c')),
      json(['legacy.yaml'], path.join(root, 'd')),
    ]);
    expect([a.code, severities(a.stdout)]).toEqual([1, ['legacy-api-version:2']]);
    expect([b.code, severities(b.stdout)]).toEqual([0, []]);
    expect([c.code, severities(c.stdout)]).toEqual([1, ['legacy-api-version:2']]);
    expect([d.code, severities(d.stdout)]).toEqual([0, ['legacy-api-version:1']]);
  });

  it('the nearest config wins; --config replaces discovery', async () => {
    await write({
      'ocp-image.config.yaml': 'rules:\n  legacy-api-version: error\n',
      'team/ocp-image.config.yaml': 'rules:\n  legacy-api-version: "off"\n',
      'team/legacy.yaml': legacy,
      'strict.json': '{ "rules": { "legacy-api-version": "error" } }',
    });
    const [nearest, explicit] = await Promise.all([
      json(['legacy.yaml'], path.join(root, 'team')),
      json(['--config', '../strict.json', 'legacy.yaml'], path.join(root, 'team')),
    ]);
    expect(severities(nearest.stdout)).toEqual([]);
    expect(severities(explicit.stdout)).toEqual(['legacy-api-version:2']);
  });

  it('command-line flags override the config file', async () => {
    await write({ 'ocp-image.config.yaml': 'strict: true\nrules:\n  legacy-api-version: error\n', 'legacy.yaml': legacy });
    const result = await json(['--rule', 'legacy-api-version=warn', '--no-strict', 'legacy.yaml']);
    expect(result.code).toBe(0);
    expect(severities(result.stdout)).toEqual(['legacy-api-version:1']);
  });

  it('ignores in a config file are relative to the config file', async () => {
    await write({
      'ocp-image.config.yaml': 'ignores:\n  - generated/\n  - /apps/skip.yaml\n',
      'apps/keep.yaml': legacy,
      'apps/skip.yaml': legacy,
      'apps/generated/out.yaml': legacy,
    });
    const result = await json(['.'], path.join(root, 'apps'));
    expect(parseJsonOutput(result.stdout).map((file) => file.filePath)).toEqual(['keep.yaml']);
  });

  it('limits apply: a file over maxBytes is reported, not read', async () => {
    await write({ 'ocp-image.config.json': '{ "limits": { "maxBytes": 20 } }', 'legacy.yaml': legacy });
    const result = await json(['legacy.yaml']);
    expect(result.code).toBe(1);
    expect(parseJsonOutput(result.stdout)[0]?.messages).toEqual([
      expect.objectContaining({ ruleId: 'input-too-large', line: 1, column: 1, message: expect.stringContaining('20') }),
    ]);
  });

  it('limits the validator enforces reach it, in the main thread and in worker threads', async () => {
    // Five levels: the stream, spec, tags, a tag, its from.
    const nested = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata: {name: nested}\nspec: {tags: [{name: t, from: {kind: DockerImage, name: quay.io/a/b:1}}]}\n';
    await write({ 'ocp-image.config.yaml': 'limits:\n  maxDepth: 3\n', 'a.yaml': nested, 'b.yaml': nested });
    for (const jobs of ['1', '2']) {
      const result = await json(['--jobs', jobs, 'a.yaml', 'b.yaml']);
      expect(result.code, result.stderr).toBe(1);
      expect(severities(result.stdout)).toEqual(['input-too-large:2', 'input-too-large:2']);
    }
    // Without the config the same files are valid.
    await writeFile(path.join(root, 'ocp-image.config.yaml'), '');
    expect(severities((await json(['a.yaml', 'b.yaml'])).stdout)).toEqual([]);
  });

  it('two config files in one directory are ambiguous', async () => {
    await write({ 'ocp-image.config.yaml': '', 'ocp-image.config.json': '{}', 'legacy.yaml': legacy });
    const result = await json(['legacy.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Found more than one config file');
    expect(result.stderr).toContain('ocp-image.config.json, ocp-image.config.yaml');
  });

  it('an empty config file is fine', async () => {
    await write({ 'ocp-image.config.yml': '# nothing to change\n', 'legacy.yaml': legacy });
    expect((await json(['legacy.yaml'])).code).toBe(0);
  });
});

describe('invalid config files: exit 2, naming the file, line and column', () => {
  const cases: [string, string, string][] = [
    ['ocp-image.config.yaml', 'rules:\n  legacy-api-version: [error\n', 'ocp-image.config.yaml:3:1: '],
    ['ocp-image.config.yaml', 'rule:\n  legacy-api-version: error\n', 'ocp-image.config.yaml:1:1: unknown key "rule"; the config accepts strict, rules, ignores, gitignore, limits'],
    ['ocp-image.config.yaml', 'rules:\n  legacy-api-version: loud\n', 'ocp-image.config.yaml:2:23: "rules.legacy-api-version" must be off, warn or error'],
    ['ocp-image.config.yaml', 'rules:\n  yaml-sintax: error\n', 'ocp-image.config.yaml:2:3: unknown rule "yaml-sintax"; did you mean "yaml-syntax"?'],
    ['ocp-image.config.yaml', 'strict: yes\n', 'ocp-image.config.yaml:1:9: "strict" must be true or false'],
    ['ocp-image.config.yaml', 'ignores: vendor/\n', 'ocp-image.config.yaml:1:10: "ignores" must be a list'],
    ['ocp-image.config.yaml', 'ignores:\n  - "  "\n  - 3\n', 'ocp-image.config.yaml:2:5: an ignore pattern must not be empty\n  ocp-image.config.yaml:3:5: "ignores[1]" must be a string'],
    ['ocp-image.config.yaml', 'gitignore: "no"\n', 'ocp-image.config.yaml:1:12: "gitignore" must be true or false'],
    ['ocp-image.config.yaml', 'limits:\n  maxDepth: 2.5\n', 'ocp-image.config.yaml:2:13: "limits.maxDepth" must be an integer'],
    ['ocp-image.config.yaml', 'limits:\n  maxBytes: -1\n', 'ocp-image.config.yaml:2:13: "limits.maxBytes" must be an integer of at least 1'],
    ['ocp-image.config.yaml', 'limits:\n  maxDepth: 0\n', 'ocp-image.config.yaml:2:13: "limits.maxDepth" must be an integer of at least 1'],
    ['ocp-image.config.yaml', 'limits:\n  maxAliasCount: -1\n', 'ocp-image.config.yaml:2:18: "limits.maxAliasCount" must be an integer of at least 0'],
    ['ocp-image.config.yaml', 'limits:\n  maxFiles: 3\n', 'ocp-image.config.yaml:2:3: unknown limit "maxFiles"'],
    ['ocp-image.config.yaml', '- strict\n', 'ocp-image.config.yaml:1:1: the config must be a mapping'],
    ['ocp-image.config.yaml', 'strict: true\nstrict: false\n', 'ocp-image.config.yaml:2:1: '],
    ['ocp-image.config.json', '{\n  "rules": {\n    "legacy-api-version": "off",\n  }\n}\n', 'ocp-image.config.json:4:3: invalid JSON: Unexpected token RBrace found'],
    ['ocp-image.config.json', '{ "strict": true } // comment\n', "ocp-image.config.json:1:20: invalid JSON: Unexpected character '/' found"],
    ['ocp-image.config.json', '', 'ocp-image.config.json:1:1: invalid JSON: Unexpected end of input found'],
    ['ocp-image.config.json', '{ "rules": { "yaml-syntax": "off", "yaml-syntax": "warn" } }', 'ocp-image.config.json:1:36: Map keys must be unique'],
  ];

  it.each(cases)('%s: %j', async (name, content, expected) => {
    await write({ [name]: content, 'legacy.yaml': legacy });
    const result = await json(['legacy.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ocp-image: Invalid config file ocp-image\.config\.(yaml|json):\n {2}/);
    expect(result.stderr).toContain(`  ${expected}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports every problem of the file at once', async () => {
    await write({ 'ocp-image.config.yaml': 'strict: 1\nrules: []\nextra: true\n', 'legacy.yaml': legacy });
    const result = await json(['legacy.yaml']);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(4);
  });

  it('--config naming a missing file', async () => {
    const result = await json(['--config', 'missing.yaml', 'legacy.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ocp-image: Cannot read config file missing.yaml: it does not exist.\n');
  });
});

describe('ignore patterns: .gitignore semantics', () => {
  const files = (stdout: string) => parseJsonOutput(stdout).map((file) => file.filePath.split(path.sep).join('/'));

  it('! re-includes, a leading or inner / anchors, dir/ matches directories only, in the config and on the command line', async () => {
    await write({
      'ocp-image.config.yaml': 'ignores:\n  - "*.tpl.yaml"\n  - "!keep.tpl.yaml"\n  - /top.yaml\n  - out/\n',
      'top.yaml': legacy,
      'a/top.yaml': legacy,
      'a/x.tpl.yaml': legacy,
      'a/keep.tpl.yaml': legacy,
      'a/out/x.yaml': legacy,
      'a/out.yaml': legacy,
    });
    expect(files((await json(['.'])).stdout)).toEqual(['a/keep.tpl.yaml', 'a/out.yaml', 'a/top.yaml', 'ocp-image.config.yaml']);
    // The command line comes last: its ! re-includes what the config ignores.
    expect(files((await json(['--ignore-pattern', '!a/x.tpl.yaml', '--ignore-pattern', 'a/top.yaml', '.'])).stdout)).toEqual([
      'a/keep.tpl.yaml',
      'a/out.yaml',
      'a/x.tpl.yaml',
      'ocp-image.config.yaml',
    ]);
  });

  it("skips what the working directory's .gitignore ignores, unless --no-gitignore or the config's gitignore: false", async () => {
    await write({ '.gitignore': '# build output\nrendered/\n*.local.yaml\n!keep.local.yaml\n', 'app.yaml': legacy, 'rendered/all.yaml': legacy, 'my.local.yaml': legacy, 'keep.local.yaml': legacy });
    const honoured = ['app.yaml', 'keep.local.yaml'];
    const everything = ['app.yaml', 'keep.local.yaml', 'my.local.yaml', 'rendered/all.yaml'];
    expect(files((await json(['.'])).stdout)).toEqual(honoured);
    // Named files are skipped too, as pre-commit passes every staged file.
    expect(files((await json(['app.yaml', 'my.local.yaml'])).stdout)).toEqual(['app.yaml']);
    expect(files((await json(['--no-gitignore', '.'])).stdout)).toEqual(everything);
    await write({ 'ocp-image.config.yaml': 'gitignore: false\n' });
    expect(files((await json(['.'])).stdout)).toEqual([...everything, 'ocp-image.config.yaml'].sort());
    expect(files((await json(['--gitignore', '.'])).stdout)).toEqual([...honoured, 'ocp-image.config.yaml']);
  });

  it('a .gitignore that is not a regular file is a usage error, not a hang', async () => {
    await write({ 'app.yaml': legacy });
    execFileSync('mkfifo', [path.join(root, '.gitignore')]);
    const result = await json(['.']);
    expect([result.code, result.stderr]).toEqual([2, 'ocp-image: Cannot read .gitignore: it is not a regular file (a FIFO, socket or device) (--no-gitignore does without it).\n']);
    expect((await json(['--no-gitignore', '.'])).code).toBe(0);
  });
});
