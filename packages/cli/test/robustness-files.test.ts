/**
 * Hostile and broken files on disk, as a pull request can bring them (or a CI machine has them):
 * FIFOs and devices, symbolic link loops and links out of the checked tree, empty files, huge
 * files, file names with line breaks. Each gets a clear per-file message or a documented skip,
 * nothing hangs, and the other files' results are still reported. (files.test.ts covers
 * encodings, BOMs, binary files, paths with spaces and unicode, and an unreadable link.)
 */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDirectory, parseJsonOutput, runCli, type JsonResult } from './helpers.js';

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
    'tree/blank.yml': '  \n\n# only a comment\n---\n...\n',
    'tree/sub/bad.yaml': stream('Bad_Name'),
    'named/ok.yaml': stream('named'),
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  await writeFile(path.join(outside, 'secret.yaml'), stream('Outside_Secret'));
  // A loop back to the tree's root, and links that leave the tree.
  await symlink('..', path.join(root, 'tree/sub/loop'));
  await symlink(outside, path.join(root, 'tree/sub/outside'));
  await symlink(path.join(outside, 'secret.yaml'), path.join(root, 'tree/linked-secret.yaml'));
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

describe('walking a directory', () => {
  it(
    'does not follow symbolic links: a loop ends, nothing outside the tree is read, each file is checked once',
    async () => {
      for (const jobs of ['1', '2']) {
        const { code, results } = await json(['--jobs', jobs, 'tree']);
        expect(paths(results)).toEqual(['tree/blank.yml', 'tree/empty.yaml', 'tree/ok.yaml', 'tree/sub/bad.yaml']);
        expect(JSON.stringify(results)).not.toContain('Outside_Secret');
        expect(code).toBe(1);
      }
    },
    HANG_GUARD,
  );

  it('glob patterns do not follow symbolic links either', async () => {
    const { results } = await json(['tree/**/*.yaml']);
    expect(paths(results)).toEqual(['tree/empty.yaml', 'tree/ok.yaml', 'tree/sub/bad.yaml']);
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

  // Root reads files whatever their permission bits, so the case cannot be made there.
  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)('a file without read permission gets a per-file message (skipped when running as root: permissions do not stop root)', async () => {
    const locked = path.join(root, 'locked.yaml');
    await writeFile(locked, stream('locked'));
    await chmod(locked, 0o000);
    const { results } = await json(['locked.yaml', 'named/ok.yaml']);
    expect(results[0]?.messages).toEqual([expect.objectContaining({ ruleId: 'file-read', message: expect.stringContaining('permission denied') })]);
    expect(results[1]?.messages).toEqual([]);
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
