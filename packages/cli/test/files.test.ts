import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDirectory, parseJsonOutput, runCli, type JsonResult } from './helpers.js';

const stream = (name: string) => `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ${name}\n`;
/** Valid with one warning (legacy-api-version at 6:15): a Template object with the legacy `apiVersion: v1`. */
const legacy = (name: string) => `apiVersion: template.openshift.io/v1\nkind: Template\nmetadata:\n  name: ${name}\nobjects:\n- apiVersion: v1\n  kind: ImageStream\n  metadata:\n    name: ${name}\n`;
/** One finding on line 1 (api-version-mapping at 1:13): an ImageStream with the legacy `apiVersion: v1`. */
const unmappable = (name: string) => `apiVersion: v1\nkind: ImageStream\nmetadata:\n  name: ${name}\n`;

let root: string;
let remove: () => Promise<void>;

/** A small repository layout, written once for every test here. */
beforeAll(async () => {
  ({ directory: root, remove } = await makeTempDirectory());
  const files: Record<string, string | Buffer> = {
    'deploy/app.yaml': stream('app'),
    'deploy/b.yml': stream('b'),
    'deploy/c.json': JSON.stringify({ apiVersion: 'image.openshift.io/v1', kind: 'ImageStream', metadata: { name: 'c' } }),
    'deploy/UPPER.YAML': stream('upper'),
    'deploy/readme.md': '# not a manifest: [',
    'deploy/.hidden/d.yaml': stream('d'),
    'deploy/generated/e.yaml': stream('e'),
    'deploy/node_modules/pkg/f.yaml': '{{ not yaml',
    'deploy/.git/g.yaml': '{{ not yaml',
    'deploy/template.yaml.tpl': 'kind: [not yaml',
    'jsonc/app.json': JSON.stringify({ apiVersion: 'image.openshift.io/v1', kind: 'ImageStream', metadata: { name: 'app' } }),
    'jsonc/tsconfig.json': '{\n  // JSONC: a comment\n  "compilerOptions": { "strict": true, },\n}\n',
    'jsonc/packages/a/tsconfig.build.json': '{ /* comment */ "extends": "../../tsconfig.json" }\n',
    'jsonc/jsconfig.json': '{\n  // comment\n}\n',
    'jsonc/.vscode/settings.json': '{\n  // comment\n  "editor.tabSize": 2,\n}\n',
    'jsonc/.vscode/tasks.yaml': stream('tasks'),
    'jsonc/.devcontainer/devcontainer.json': '{ // comment\n}\n',
    'jsonc/.eslintrc.json': '{\n  "root": true,\n  // ESLint reads comments here\n  "extends": ["eslint:recommended"]\n}\n',
    'jsonc/package-lock.json': '{ "name": "x", "lockfileVersion": 3, "packages": {} }\n',
    'paths/with space.yaml': legacy('spaced'),
    'paths/ünïcødé/管理.yml': legacy('unicode'),
    'paths/[brackets].yaml': stream('brackets'),
    'encodings/bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(unmappable('bom'))]),
    'encodings/latin1.yaml': Buffer.from('apiVersion: v1\nkind: ImageStream\nmetadata:\n  name: caf\xe9\n', 'latin1'),
    'encodings/utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(stream('wide'), 'utf16le')]),
    'encodings/utf16be.yaml': Buffer.from(`\uFEFF${unmappable('wide-\u{1F600}')}`, 'utf16le').swap16(),
    'encodings/bom-latin1.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('apiVersion: v1\nkind: ImageStream\nmetadata:\n  name: caf\xe9\n', 'latin1')]),
    'encodings/binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'encodings/nul.yaml': Buffer.from('kind: ImageStream\nmetadata:\n  name: a\u0000b\n'),
    'encodings/fine.yaml': unmappable('fine'),
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  // A symbolic link to itself cannot be read, even by root (EACCES tests would not be).
  await symlink('loop.yaml', path.join(root, 'encodings', 'loop.yaml'));
});
afterAll(() => remove());

async function json(args: string[]): Promise<{ code: number | null; results: JsonResult[]; stderr: string }> {
  const result = await runCli(['validate', '--format', 'json', '--jobs', '1', ...args], { cwd: root });
  return { code: result.code, results: result.stdout ? parseJsonOutput(result.stdout) : [], stderr: result.stderr };
}

const filePaths = (results: JsonResult[]) => results.map((result) => result.filePath.split(path.sep).join('/'));

describe('finding files', () => {
  it('walks directories for .yaml, .yml and .json (any case), with dot-directories, but not node_modules or .git', async () => {
    const { code, results } = await json(['deploy']);
    expect(code).toBe(0);
    expect(filePaths(results)).toEqual([
      'deploy/.hidden/d.yaml',
      'deploy/UPPER.YAML',
      'deploy/app.yaml',
      'deploy/b.yml',
      'deploy/c.json',
      'deploy/generated/e.yaml',
    ]);
  });

  it('leaves out JSON files that are never manifests (JSONC configs, package-lock.json), as the ESLint configs do, named ones too', async () => {
    const walked = await json(['jsonc']);
    expect(walked.code).toBe(0);
    expect(filePaths(walked.results)).toEqual(['jsonc/.vscode/tasks.yaml', 'jsonc/app.json']);
    const globbed = await json(['jsonc/**/*.json']);
    expect(filePaths(globbed.results)).toEqual(['jsonc/app.json']);
    // pre-commit and lint-staged pass them by name: skipped silently, as ignored files are.
    const named = await json(['jsonc/tsconfig.json', 'jsonc/.vscode/settings.json', 'jsonc/app.json']);
    expect(named.code).toBe(0);
    expect(filePaths(named.results)).toEqual(['jsonc/app.json']);
    // An --ignore-pattern that re-includes one checks it.
    const included = await json(['--ignore-pattern', '!tsconfig.json', 'jsonc/tsconfig.json']);
    expect(included.code).toBe(1);
    expect(included.results[0]?.messages[0]?.ruleId).toBe('yaml-syntax');
  });

  it('expands glob patterns to manifest files, sorted, and checks a file given twice once', async () => {
    const { results } = await json(['deploy/*.y*ml', 'deploy/app.yaml', 'deploy/**/e.yaml']);
    expect(filePaths(results)).toEqual(['deploy/app.yaml', 'deploy/b.yml', 'deploy/generated/e.yaml']);
  });

  it('checks a file named explicitly whatever its extension', async () => {
    const { code, results } = await json(['deploy/template.yaml.tpl']);
    expect(filePaths(results)).toEqual(['deploy/template.yaml.tpl']);
    expect(code).toBe(1);
    expect(results[0]?.messages[0]?.ruleId).toBe('yaml-syntax');
  });

  it('takes paths with spaces, unicode and glob characters literally when they exist', async () => {
    const { results } = await json(['paths/with space.yaml', 'paths/ünïcødé/管理.yml', 'paths/[brackets].yaml']);
    expect(filePaths(results)).toEqual(['paths/with space.yaml', 'paths/ünïcødé/管理.yml', 'paths/[brackets].yaml']);
    expect(results.map((result) => result.warningCount)).toEqual([1, 1, 0]);
    const walked = await json(['paths']);
    expect(filePaths(walked.results)).toEqual(['paths/[brackets].yaml', 'paths/with space.yaml', 'paths/ünïcødé/管理.yml']);
  });

  it('--ignore-pattern skips files and directories, .gitignore style, named files included', async () => {
    const [byDirectory, byName, anchored, named] = await Promise.all([
      json(['--ignore-pattern', 'generated/', 'deploy']),
      json(['--ignore-pattern', '*.json', '--ignore-pattern', 'UPPER.YAML', 'deploy']),
      json(['--ignore-pattern', '/deploy/.hidden', 'deploy']),
      json(['--ignore-pattern', 'deploy/app.yaml', 'deploy/app.yaml', 'deploy/b.yml']),
    ]);
    expect(filePaths(byDirectory.results)).not.toContain('deploy/generated/e.yaml');
    expect(filePaths(byDirectory.results)).toHaveLength(5);
    expect(filePaths(byName.results)).toEqual(['deploy/.hidden/d.yaml', 'deploy/app.yaml', 'deploy/b.yml', 'deploy/generated/e.yaml']);
    expect(filePaths(anchored.results)).not.toContain('deploy/.hidden/d.yaml');
    expect(filePaths(named.results)).toEqual(['deploy/b.yml']);
    expect(named.code).toBe(0);
  });

  it('a directory whose files are all ignored is a usage error', async () => {
    const { code, stderr } = await json(['--ignore-pattern', 'deploy/', 'deploy']);
    expect(code).toBe(2);
    expect(stderr).toContain('All files matching the directory "deploy" are ignored');
  });
});

describe('files that cannot be read as text', () => {
  let run: { code: number | null; results: JsonResult[] };
  beforeAll(async () => {
    // A directory walk reports links without reading them (file-symlink-skipped), so the
    // unreadable link is named explicitly too: it is then read, in the place the walk gave it.
    run = await json(['encodings', 'encodings/loop.yaml']);
  });
  const messagesOf = (name: string) => run.results.find((result) => result.filePath === path.join('encodings', name))?.messages ?? [];

  it('are each reported as a finding of that file, and the other files are still checked', () => {
    expect(run.code).toBe(1);
    expect(filePaths(run.results)).toEqual([
      'encodings/binary.yaml',
      'encodings/bom-latin1.yaml',
      'encodings/bom.yaml',
      'encodings/fine.yaml',
      'encodings/latin1.yaml',
      'encodings/loop.yaml',
      'encodings/nul.yaml',
      'encodings/utf16.yaml',
      'encodings/utf16be.yaml',
    ]);
    expect(messagesOf('fine.yaml')).toEqual([expect.objectContaining({ ruleId: 'api-version-mapping', line: 1 })]);
  });

  it('binary: file-encoding at the first NUL byte', () => {
    // The PNG signature holds two line breaks before its first NUL.
    expect(messagesOf('binary.yaml')).toEqual([expect.objectContaining({ ruleId: 'file-encoding', severity: 2, line: 3, column: 1 })]);
    expect(messagesOf('nul.yaml')).toEqual([expect.objectContaining({ ruleId: 'file-encoding', line: 3, column: 10 })]);
    expect(messagesOf('nul.yaml')[0]?.message).toBe('Binary file: NUL byte at 3:10; a manifest must be UTF-8 or UTF-16 text.');
  });

  it('UTF-16 with a byte order mark is read as oc reads it, positions in the text an editor shows', () => {
    expect(messagesOf('utf16.yaml')).toEqual([]);
    // An astral character is two UTF-16 code units, as in every other position.
    expect(messagesOf('utf16be.yaml')).toEqual([
      expect.objectContaining({ ruleId: 'api-version-mapping', line: 1, column: 13 }),
      expect.objectContaining({ ruleId: 'imagestream-name', line: 4, column: 9, endColumn: 16 }),
    ]);
  });

  it('bytes that are not UTF-8 become U+FFFD, as oc reads them, and the manifest is validated', () => {
    const messages = messagesOf('latin1.yaml');
    expect(messages.map((message) => message.ruleId)).not.toContain('file-encoding');
    expect(messages).toContainEqual(expect.objectContaining({ line: 4, column: 9, message: expect.stringContaining('caf\uFFFD') }));
  });

  it('after a UTF-8 byte order mark, bytes that are not UTF-8 are an error at the first of them (go-yaml rejects them)', () => {
    expect(messagesOf('bom-latin1.yaml')).toEqual([
      expect.objectContaining({
        ruleId: 'file-encoding',
        line: 4,
        column: 12,
        message:
          'Invalid UTF-8 in document 0 (counted from 0): after a UTF-8 byte order mark oc passes the bytes on unchecked, and go-yaml stops at them ("incomplete UTF-8 octet sequence"); save the file as UTF-8.',
      }),
    ]);
  });

  it('unreadable: file-read with the reason', () => {
    expect(messagesOf('loop.yaml')).toEqual([expect.objectContaining({ ruleId: 'file-read', severity: 2, line: 1, column: 1 })]);
    expect(messagesOf('loop.yaml')[0]?.message).toMatch(/^Cannot read the file: .*ELOOP/);
  });

  it('a UTF-8 byte order mark is dropped and positions stay those an editor shows', () => {
    expect(messagesOf('bom.yaml')).toEqual([expect.objectContaining({ ruleId: 'api-version-mapping', line: 1, column: 13 })]);
    expect(messagesOf('fine.yaml')[0]?.column).toBe(13);
  });

  it('their rules can be turned off like any other', async () => {
    const { code, results } = await json(['--rule', 'file-encoding=off', '--rule', 'file-read=warn', 'encodings/binary.yaml', 'encodings/loop.yaml']);
    expect(code).toBe(0);
    expect(results.map((result) => result.messages.map((message) => `${message.ruleId}:${message.severity}`))).toEqual([[], ['file-read:1']]);
  });
});
