/**
 * Hostile and broken files on disk, as a pull request can bring them (or a CI machine has them):
 * FIFOs and devices, symbolic link loops, dangling links and links out of the checked tree, empty
 * files, huge files, file names with line breaks. Each gets a clear per-file message or a documented skip,
 * nothing hangs, and the other files' results are still reported. (files.test.ts covers
 * encodings, BOMs, binary files, paths with spaces and unicode, and an unreadable link.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, makeTempDirectory, parseJsonOutput, runCli, type JsonResult } from './helpers.js';

const stream = (name: string) => `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ${name}\n`;
const HANG_GUARD = 60_000;

let root: string;
let outside: string;
let remove: () => Promise<void>;
let removeOutside: () => Promise<void>;

beforeAll(async () => {
  ({ directory: root, remove } = await makeTempDirectory());
  ({ directory: outside, remove: removeOutside } = await makeTempDirectory());
  const files: Record<string, string> = {
    'tree/ok.yaml': stream('ok'),
    'tree/empty.yaml': '',
    // Blank lines and comments only (a `...` here would end a document before content, which oc rejects).
    'tree/blank.yml': '  \n\n# only a comment\n---\n# another\n',
    'tree/sub/bad.yaml': stream('Bad_Name'),
    'named/ok.yaml': stream('named'),
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  await writeFile(path.join(outside, 'secret.yaml'), stream('Outside_Secret'));
  // A loop back to the tree's root, and links that leave the tree: to a directory of manifests,
  // to a manifest, to a system file named like a manifest.
  await symlink('..', path.join(root, 'tree/sub/loop'));
  await symlink(outside, path.join(root, 'tree/sub/outside'));
  await symlink(outside, path.join(root, 'tree/shared'));
  await symlink(path.join(outside, 'secret.yaml'), path.join(root, 'tree/linked-secret.yaml'));
  await symlink('/etc/passwd', path.join(root, 'tree/x.yaml'));
  // Links that cannot be resolved: dangling, a cycle of two, a name too long for the system.
  await symlink('missing.yaml', path.join(root, 'tree/gone.yaml'));
  await symlink('spin-b', path.join(root, 'tree/spin-a'));
  await symlink('spin-a', path.join(root, 'tree/spin-b'));
  await symlink('y'.repeat(300), path.join(root, 'tree/long.yaml'));
  // Not reported: a link to a file that is no manifest, and links where walks never go.
  await symlink('ok.yaml', path.join(root, 'tree/README'));
  await mkdir(path.join(root, 'tree/node_modules'));
  await symlink(outside, path.join(root, 'tree/node_modules/outside'));
  await symlink(path.join(outside, 'secret.yaml'), path.join(root, 'tree/node_modules/secret.yaml'));
  execFileSync('mkfifo', [path.join(root, 'tree/pipe.yaml'), path.join(root, 'named/pipe.yaml')]);
});

afterAll(async () => {
  await remove();
  await removeOutside();
});

async function json(args: string[]): Promise<{ code: number | null; results: JsonResult[]; stdout: string; stderr: string }> {
  const result = await runCli(['validate', '--format', 'json', ...args], { cwd: root });
  return { code: result.code, results: result.stdout ? parseJsonOutput(result.stdout) : [], stdout: result.stdout, stderr: result.stderr };
}

const paths = (results: readonly JsonResult[]) => results.map((result) => result.filePath.split(path.sep).join('/'));
const findingsByPath = (results: readonly JsonResult[]) =>
  Object.fromEntries(results.map((result) => [result.filePath.split(path.sep).join('/'), result.messages]));

describe('walking a directory', () => {
  /** The `file-symlink-skipped` finding the json format gives, at 1:1 of the link. */
  const skippedLink = (messageId: 'dangling' | 'file' | 'unresolvable' | 'loop' | 'directory', message: string) => ({
    ruleId: 'file-symlink-skipped',
    severity: 1,
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    path: '',
    serverPath: null,
    documentIndex: 0,
    kind: null,
    name: null,
    messageId,
  });
  const notFollowed = 'not followed in a directory or glob (a link can lead out of the tree)';
  // A function: `outside` is known only once beforeAll has run.
  const expectedLinks = (): Record<string, ReturnType<typeof skippedLink>> => ({
    'tree/gone.yaml': skippedLink('dangling', 'Dangling symbolic link: its target "missing.yaml" does not exist; nothing was checked.'),
    'tree/linked-secret.yaml': skippedLink(
      'file',
      `Symbolic link to ${JSON.stringify(path.join(outside, 'secret.yaml'))}, ${notFollowed}: the file was not checked; name the link on the command line to check it.`,
    ),
    'tree/long.yaml': skippedLink(
      'unresolvable',
      // Messages shorten quoted input to 100 characters (messageQuoted).
      `Symbolic link to "${'y'.repeat(100)}…" that cannot be resolved: a name in the path is too long (ENAMETOOLONG); nothing was checked.`,
    ),
    'tree/spin-a': skippedLink('loop', 'Symbolic link loop: "spin-b" leads back to the link itself or to a directory that holds it; not followed.'),
    'tree/spin-b': skippedLink('loop', 'Symbolic link loop: "spin-a" leads back to the link itself or to a directory that holds it; not followed.'),
    'tree/sub/loop': skippedLink('loop', 'Symbolic link loop: ".." leads back to the link itself or to a directory that holds it; not followed.'),
    'tree/shared': skippedLink(
      'directory',
      `Symbolic link to the directory ${JSON.stringify(outside)}, not followed in a directory or glob (a link can loop or lead out of the tree): the manifests there were not checked; name the directory on the command line to check them.`,
    ),
    'tree/sub/outside': skippedLink(
      'directory',
      `Symbolic link to the directory ${JSON.stringify(outside)}, not followed in a directory or glob (a link can loop or lead out of the tree): the manifests there were not checked; name the directory on the command line to check them.`,
    ),
    'tree/x.yaml': skippedLink(
      'file',
      `Symbolic link to "/etc/passwd", ${notFollowed}: the file was not checked; name the link on the command line to check it.`,
    ),
  });
  it(
    'does not follow symbolic links but reports each one at 1:1, in sorted place, and still reports every other file',
    async () => {
      const runs = await Promise.all(['1', '2'].map((jobs) => json(['--jobs', jobs, 'tree'])));
      const [one, two] = runs;
      expect(two?.stdout).toBe(one?.stdout);
      const { code, results, stdout } = one ?? { code: null, results: [], stdout: '' };
      expect(paths(results)).toEqual([
        'tree/blank.yml',
        'tree/empty.yaml',
        'tree/gone.yaml',
        'tree/linked-secret.yaml',
        'tree/long.yaml',
        'tree/ok.yaml',
        'tree/shared',
        'tree/spin-a',
        'tree/spin-b',
        'tree/sub/bad.yaml',
        'tree/sub/loop',
        'tree/sub/outside',
        'tree/x.yaml',
      ]);
      const findings = findingsByPath(results);
      for (const [linkPath, finding] of Object.entries(expectedLinks())) expect(findings[linkPath], linkPath).toEqual([finding]);
      for (const file of ['tree/blank.yml', 'tree/empty.yaml', 'tree/ok.yaml']) expect(findings[file], file).toEqual([]);
      expect(findings['tree/sub/bad.yaml']?.map((message) => [message.ruleId, message.line, message.column])).toEqual([['imagestream-name', 4, 9]]);
      // Nothing behind a link was read: not the secret, not /etc/passwd.
      expect(stdout).not.toContain('Outside_Secret');
      expect(stdout).not.toMatch(/root:|x:0:0/);
      expect(code).toBe(1);

      const stylish = await Promise.all(['1', '2'].map((jobs) => runCli(['validate', '--no-color', '--jobs', jobs, 'tree'], { cwd: root })));
      expect(stylish[1]?.stdout).toBe(stylish[0]?.stdout);
      expect(stylish[0]?.stdout).toContain('✖ 10 problems (1 error, 9 warnings)');
      // Links are not counted as files without objects: what is behind them is unknown.
      expect(stylish[0]?.stdout).toContain('Checked 13 files: 2 image objects (2 ImageStream); skipped 2 files without Kubernetes objects.');
    },
    HANG_GUARD,
  );

  it('a glob reports only the links it would have selected: by name, or directories it would have entered', async () => {
    const deep = await json(['tree/**/*.yaml']);
    expect(paths(deep.results)).toEqual([
      'tree/empty.yaml',
      'tree/gone.yaml',
      'tree/linked-secret.yaml',
      'tree/long.yaml',
      'tree/ok.yaml',
      'tree/shared',
      'tree/sub/bad.yaml',
      'tree/sub/loop',
      'tree/sub/outside',
      'tree/x.yaml',
    ]);
    const findings = findingsByPath(deep.results);
    for (const linkPath of ['tree/gone.yaml', 'tree/shared', 'tree/sub/loop', 'tree/sub/outside', 'tree/x.yaml']) expect(findings[linkPath], linkPath).toEqual([expectedLinks()[linkPath]]);
    expect(deep.stdout).not.toContain('Outside_Secret');

    // One level of manifests: no directory is entered, so no link to one is met.
    const shallow = await json(['tree/*.yaml']);
    expect(paths(shallow.results)).toEqual(['tree/empty.yaml', 'tree/gone.yaml', 'tree/linked-secret.yaml', 'tree/long.yaml', 'tree/ok.yaml', 'tree/x.yaml']);
  });

  it('ignore patterns apply to links as to files', async () => {
    const { code, results } = await json(['--ignore-pattern', 'sub/', '--ignore-pattern', '*.yaml', 'tree']);
    expect(paths(results)).toEqual(['tree/blank.yml', 'tree/shared', 'tree/spin-a', 'tree/spin-b']);
    expect(code).toBe(0);
  });

  it('with its rule off, links are skipped silently; at error they fail the run', async () => {
    const off = await json(['--rule', 'file-symlink-skipped=off', 'tree']);
    expect(paths(off.results)).toEqual(['tree/blank.yml', 'tree/empty.yaml', 'tree/ok.yaml', 'tree/sub/bad.yaml']);
    const error = await json(['--rule', 'file-symlink-skipped=error', 'tree/*.yaml']);
    expect(error.results.flatMap((result) => result.messages.map((message) => message.severity))).toEqual([2, 2, 2, 2]);
    expect(error.code).toBe(1);
  });

  it('a link a walk meets is read when it is also named explicitly, once, in the walk\'s place', async () => {
    const { results } = await json(['tree', 'tree/linked-secret.yaml']);
    expect(paths(results)).toHaveLength(13);
    expect(findingsByPath(results)['tree/linked-secret.yaml']?.map((message) => message.ruleId)).toEqual(['imagestream-name']);
  });

  it('empty and comment-only files have no findings and count as files without objects', async () => {
    const { results } = await json(['tree/empty.yaml', 'tree/blank.yml']);
    expect(results.map((result) => result.messages)).toEqual([[], []]);
    const stylish = await runCli(['validate', 'tree/empty.yaml', 'tree/blank.yml'], { cwd: root });
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('2 files without Kubernetes objects');
  });
});

describe('files named on the command line', () => {
  it(
    'a FIFO gets a per-file message instead of blocking the run, and the other files are still checked',
    async () => {
      const { code, results } = await json(['named/pipe.yaml', 'named/ok.yaml']);
      expect(paths(results)).toEqual(['named/pipe.yaml', 'named/ok.yaml']);
      expect(results[0]?.messages).toEqual([expect.objectContaining({ ruleId: 'file-read', severity: 2, line: 1, column: 1 })]);
      expect(results[0]?.messages[0]?.message).toMatch(/^Cannot read the file: .*not a regular file/);
      expect(results[1]?.messages).toEqual([]);
      expect(code).toBe(1);
    },
    HANG_GUARD,
  );

  it(
    'a device that never ends (/dev/zero) gets a per-file message instead of exhausting memory',
    async () => {
      const { results } = await json(['/dev/zero', 'named/ok.yaml']);
      expect(results[0]?.messages.map((message) => message.ruleId)).toEqual(['file-read']);
      expect(results[1]?.messages).toEqual([]);
    },
    HANG_GUARD,
  );

  it('a symbolic link named explicitly is read (the user chose it)', async () => {
    const { results } = await json(['tree/linked-secret.yaml']);
    expect(results[0]?.messages.map((message) => message.ruleId)).toEqual(['imagestream-name']);
  });

  it('a 50 MB file is refused from its size, without being read', async () => {
    const huge = path.join(root, 'huge.yaml');
    await truncate(huge, 50 * 1024 * 1024).catch(async () => {
      await writeFile(huge, '');
      await truncate(huge, 50 * 1024 * 1024);
    });
    const { results } = await json(['huge.yaml', 'named/ok.yaml']);
    expect(results[0]?.messages).toEqual([expect.objectContaining({ ruleId: 'input-too-large', line: 1, column: 1 })]);
    expect(results[1]?.messages).toEqual([]);
  });
});

describe('permissions', () => {
  // Root reads and lists everything whatever the permission bits, so as root the CLI runs as the
  // unprivileged `nobody`, which must be able to reach the CLI (a checkout under a private
  // directory is not): the case is skipped, visibly, only when that fails.
  const nobody = { uid: 65534, gid: 65534 };
  const isRoot = process.getuid?.() === 0;
  const user = isRoot ? nobody : undefined;
  const nobodyReachesCli = !isRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(cliPath)}, 4)`], nobody).status === 0;
  let locked: string;
  let removeLocked: () => Promise<void>;

  beforeAll(async () => {
    ({ directory: locked, remove: removeLocked } = await makeTempDirectory());
    await chmod(locked, 0o755);
    for (const name of ['ok.yaml', 'locked.yaml', 'private/inside.yaml', 'unsearchable/inside.yaml']) {
      await mkdir(path.dirname(path.join(locked, name)), { recursive: true });
      await writeFile(path.join(locked, name), stream('readable'));
    }
    await chmod(path.join(locked, 'locked.yaml'), 0o000);
    await chmod(path.join(locked, 'private'), 0o000);
    // Listed, but its files cannot be opened.
    await chmod(path.join(locked, 'unsearchable'), 0o644);
  });

  afterAll(async () => {
    for (const name of ['private', 'unsearchable']) await chmod(path.join(locked, name), 0o755);
    await removeLocked();
  });

  async function jsonAs(args: string[]) {
    const result = await runCli(['validate', '--format', 'json', ...args], { cwd: locked, ...(user ? { user } : {}) });
    return { code: result.code, results: result.stdout ? parseJsonOutput(result.stdout) : [], stderr: result.stderr };
  }
  const denied = (what: 'file' | 'directory') => ({
    ruleId: 'file-read',
    severity: 2,
    line: 1,
    column: 1,
    message: what === 'file' ? 'Cannot read the file: permission denied (EACCES).' : 'Cannot read the directory: permission denied (EACCES); the files in it were not checked.',
  });

  it.skipIf(!nobodyReachesCli)(
    `a file without read permission gets a per-file message, and the other files are still checked${nobodyReachesCli ? '' : ' (skipped: run as root, and the user nobody cannot reach the CLI)'}`,
    async () => {
      const { code, results } = await jsonAs(['locked.yaml', 'ok.yaml']);
      expect(paths(results)).toEqual(['locked.yaml', 'ok.yaml']);
      expect(results[0]?.messages).toEqual([expect.objectContaining(denied('file'))]);
      expect(results[1]?.messages).toEqual([]);
      expect(code).toBe(1);
    },
  );

  it.skipIf(!nobodyReachesCli)(
    `a directory a walk or glob cannot list, or whose files cannot be opened, is reported in its sorted place${nobodyReachesCli ? '' : ' (skipped: run as root, and the user nobody cannot reach the CLI)'}`,
    async () => {
      for (const operand of ['.', '**/*.yaml']) {
        const { code, results } = await jsonAs([operand]);
        expect(paths(results), operand).toEqual(['locked.yaml', 'ok.yaml', 'private', 'unsearchable/inside.yaml']);
        const findings = findingsByPath(results);
        expect(findings['private'], operand).toEqual([expect.objectContaining(denied('directory'))]);
        expect(findings['unsearchable/inside.yaml'], operand).toEqual([expect.objectContaining(denied('file'))]);
        expect(findings['ok.yaml'], operand).toEqual([]);
        expect(code).toBe(1);
      }
      // A directory named on the command line that cannot be listed is reported the same way, in
      // worker threads too.
      const named = await jsonAs(['--jobs', '2', 'private', 'ok.yaml']);
      expect(paths(named.results)).toEqual(['private', 'ok.yaml']);
      expect(named.results[0]?.messages).toEqual([expect.objectContaining(denied('directory'))]);
    },
  );

  it.skipIf(!nobodyReachesCli)('a working directory that can be entered but not listed is reported as "."', async () => {
    const blind = path.join(locked, 'blind');
    await mkdir(blind);
    await writeFile(path.join(blind, 'inside.yaml'), stream('readable'));
    await chmod(blind, 0o311);
    try {
      const result = await runCli(['validate', '--format', 'json'], { cwd: blind, ...(user ? { user } : {}) });
      const results = parseJsonOutput(result.stdout);
      expect(paths(results)).toEqual(['.']);
      expect(results[0]?.messages).toEqual([expect.objectContaining(denied('directory'))]);
    } finally {
      await chmod(blind, 0o755);
      await rm(blind, { recursive: true });
    }
  });

  it.skipIf(!nobodyReachesCli)('with file-read off, a directory that cannot be listed is left out, not reported as an empty file', async () => {
    const { code, results } = await jsonAs(['--rule', 'file-read=off', '.']);
    expect(paths(results)).toEqual(['locked.yaml', 'ok.yaml', 'unsearchable/inside.yaml']);
    expect(code).toBe(0);
  });
});

describe('config files a pull request can add', () => {
  it(
    'a FIFO, a device or a huge file as the config is a clear usage error, not a hang or an exhausted heap',
    async () => {
      const huge = path.join(root, 'huge-config.yaml');
      await writeFile(huge, `ignores: [${'a,'.repeat(4 * 1024 * 1024)}]\n`);
      const runs = await Promise.all([
        runCli(['validate', '--config', 'named/pipe.yaml', 'named/ok.yaml'], { cwd: root }),
        runCli(['validate', '--config', '/dev/zero', 'named/ok.yaml'], { cwd: root }),
        runCli(['validate', '--config', 'huge-config.yaml', 'named/ok.yaml'], { cwd: root }),
      ]);
      for (const run of runs) {
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/config file .*(not a regular file|larger than)/);
        expect(run.stderr).not.toContain('internal error');
      }
    },
    HANG_GUARD,
  );
});

describe('file names that try to forge output lines', () => {
  const forged = 'forged\n::error file=README.md,line=1::injected\r\u001b[2Kname.yaml';

  it('text formats print the name with its control characters escaped; JSON keeps it exact', async () => {
    const directory = path.join(root, 'names');
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, forged), stream('Bad_Name'));
    const run = (format: string) => runCli(['validate', '--format', format, '--no-color', 'names'], { cwd: root });
    const [stylish, compact, github, asJson] = await Promise.all([run('stylish'), run('compact'), run('github'), run('json')]);
    for (const output of [stylish.stdout, compact.stdout, github.stdout]) {
      // The only workflow command is ocp-image's own annotation, with the name escaped as GitHub specifies.
      for (const line of output.split('\n')) expect(line.startsWith('::') && !line.startsWith('::error file=names/forged%0A%3A%3Aerror')).toBe(false);
      expect(output).not.toContain('\r');
    }
    for (const output of [stylish.stdout, compact.stdout]) expect(output).not.toContain('\u001b');
    expect(stylish.stdout).toContain('names/forged\\n::error file=README.md,line=1::injected\\r\\u001b[2Kname.yaml');
    expect(parseJsonOutput(asJson.stdout).map((result) => result.filePath)).toEqual([path.join('names', forged)]);
  });
});

describe('hostile command-line values end quickly', () => {
  it(
    '100,000-character --rule, --ignore-pattern and explain arguments',
    async () => {
      const [rule, ignore, explain] = await Promise.all([
        runCli(['validate', '--rule', `${'a'.repeat(100_000)}=off`, 'named/ok.yaml'], { cwd: root }),
        runCli(['validate', '--ignore-pattern', `${'/'.repeat(100_000)}x/`, 'named/ok.yaml'], { cwd: root }),
        runCli(['explain', `ImageStream${'.spec'.repeat(20_000)}`], { cwd: root }),
      ]);
      expect(rule.code).toBe(2);
      expect(rule.stderr).toContain('unknown rule');
      expect([0, 2]).toContain(ignore.code);
      expect(explain.code).toBe(2);
      for (const result of [rule, ignore, explain]) expect(result.stderr).not.toContain('internal error');
    },
    HANG_GUARD,
  );
});
