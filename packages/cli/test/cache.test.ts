import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, parseJsonOutput, runCli } from './helpers.js';

const legacy = (name: string) => `apiVersion: v1\nkind: ImageStream\nmetadata:\n  name: ${name}\n`;
const badTag = (name: string) =>
  `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ${name}\nspec:\n  tags:\n    - name: latest\n      from: { kind: DockerImg, name: quay.io/a/b:1 }\n`;

let root: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ directory: root, remove } = await makeTempDirectory());
  await mkdir(path.join(root, 'deploy'));
  // Enough files for --jobs 2 to use two workers; a mix of warnings, errors and clean files.
  for (let index = 0; index < 12; index++) {
    const name = `s${String(index).padStart(2, '0')}`;
    await writeFile(path.join(root, 'deploy', `${name}.yaml`), index % 3 === 0 ? badTag(name) : index % 3 === 1 ? legacy(name) : legacy(name).replace('v1', 'image.openshift.io/v1'));
  }
});
afterEach(() => remove());

const run = (args: string[]) => runCli(['validate', 'deploy', ...args], { cwd: root });
const cacheFile = () => path.join(root, '.ocp-image-cache');
const readCache = async () => JSON.parse(await readFile(cacheFile(), 'utf8')) as { key: string; files: Record<string, { findings: { message: string }[] }> };

/** Rewrites the cached message of one file: a run that prints it took the result from the cache. */
async function markCachedResult(fileName: string): Promise<void> {
  const cache = await readCache();
  const entry = cache.files[path.join(root, 'deploy', fileName)];
  if (!entry?.findings[0]) throw new Error(`no cached finding for ${fileName}`);
  entry.findings[0].message = 'FROM THE CACHE';
  await writeFile(cacheFile(), JSON.stringify(cache));
}

describe('--cache', () => {
  it('gives the output of a run without it, for any --jobs and format, and reuses the results of unchanged files', async () => {
    for (const format of ['json', 'stylish']) {
      const plain = await run(['--format', format, '--jobs', '1']);
      expect(plain.code).toBe(1);
      for (const jobs of ['1', '2']) {
        const first = await run(['--cache', '--format', format, '--jobs', jobs]);
        const again = await run(['--cache', '--format', format, '--jobs', jobs === '1' ? '2' : '1']);
        expect([first.code, first.stdout, first.stderr]).toEqual([plain.code, plain.stdout, '']);
        expect([again.code, again.stdout, again.stderr]).toEqual([plain.code, plain.stdout, '']);
      }
    }
    await markCachedResult('s00.yaml');
    expect((await run(['--cache'])).stdout).toContain('FROM THE CACHE');
    // Without --cache the file is neither read nor written.
    expect((await run([])).stdout).not.toContain('FROM THE CACHE');
  });

  it('checks a file again when it changed, and only that file', async () => {
    await run(['--cache']);
    await markCachedResult('s00.yaml');
    await markCachedResult('s03.yaml');
    await writeFile(path.join(root, 'deploy', 's03.yaml'), legacy('s03'));
    const { stdout } = await run(['--cache', '--format', 'json']);
    const messages = Object.fromEntries(parseJsonOutput(stdout).map((file) => [path.basename(file.filePath), file.messages.map((message) => message.message)]));
    expect(messages['s00.yaml']).toEqual(['FROM THE CACHE']);
    expect(messages['s03.yaml']).toEqual([expect.stringContaining('legacy')]);
  });

  it.each([
    ['--rule', ['--rule', 'tag-from-kind=off']],
    ['--strict', ['--strict']],
    ['limits', ['--config', 'limits.json']],
  ])('is not used when %s changes what a file gives', async (_what, args) => {
    await writeFile(path.join(root, 'limits.json'), '{ "limits": { "maxDepth": 2 } }');
    await run(['--cache']);
    await markCachedResult('s00.yaml');
    const changed = await run(['--cache', ...args]);
    expect(changed.stdout).not.toContain('FROM THE CACHE');
    expect(changed.stdout).toBe((await run(args)).stdout);
  });

  it('--cache-strategy content reuses a file whose time changed but not its content; metadata does not', async () => {
    await run(['--cache', '--cache-strategy', 'content']);
    await markCachedResult('s00.yaml');
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(root, 'deploy', 's00.yaml'), later, later);
    expect((await run(['--cache', '--cache-strategy', 'content'])).stdout).toContain('FROM THE CACHE');
    expect((await run(['--cache', '--cache-strategy', 'metadata'])).stdout).not.toContain('FROM THE CACHE');
  });

  it('is neither read nor written when fixing', async () => {
    await run(['--cache']);
    await markCachedResult('s01.yaml');
    const before = await readFile(cacheFile(), 'utf8');
    const dryRun = await run(['--cache', '--fix-dry-run', '--format', 'json']);
    expect(dryRun.stdout).not.toContain('FROM THE CACHE');
    expect(dryRun.stdout).toBe((await run(['--fix-dry-run', '--format', 'json'])).stdout);
    expect(dryRun.stdout).toContain('"output"');
    const fixed = await run(['--cache', '--fix']);
    expect(fixed.stdout).not.toContain('FROM THE CACHE');
    expect(await readFile(cacheFile(), 'utf8')).toBe(before);
    // The fixed files changed, so the next --cache run checks them again.
    expect((await run(['--cache'])).stdout).toBe((await run([])).stdout);
  });

  it('--cache-location names the file, or a directory to put it in', async () => {
    const plain = await run([]);
    const inFile = await run(['--cache', '--cache-location', 'cache/results.json']);
    const inDirectory = await run(['--cache', '--cache-location', 'cache-dir/']);
    expect([inFile.stdout, inDirectory.stdout]).toEqual([plain.stdout, plain.stdout]);
    expect((await readFile(path.join(root, 'cache/results.json'), 'utf8')).startsWith('{"ocpImageCache":1,')).toBe(true);
    expect(await readdir(path.join(root, 'cache-dir'))).toEqual([expect.stringMatching(/^\.ocp-image-cache_[0-9a-f]{12}$/)]);
    expect(await readdir(root)).not.toContain('.ocp-image-cache');
  });
});

describe('a cache file is never trusted blindly', () => {
  it('a damaged cache file is reported, ignored and rebuilt', async () => {
    const plain = await run([]);
    for (const damaged of ['{"ocpImageCache":1,"key":"abc","files":', '{"ocpImageCache":1,"key":"abc","files":[]}', '{"ocpImageCache":99}']) {
      await writeFile(cacheFile(), damaged);
      const result = await run(['--cache']);
      expect([result.code, result.stdout]).toEqual([plain.code, plain.stdout]);
      expect(result.stderr).toBe('ocp-image: the cache file .ocp-image-cache is damaged or from another version; it is rebuilt.\n');
      expect(Object.keys((await readCache()).files)).toHaveLength(12);
    }
  });

  it('an entry of the wrong shape is not used', async () => {
    await run(['--cache']);
    const cache = await readCache();
    const entry = cache.files[path.join(root, 'deploy', 's00.yaml')] as unknown as { findings: Record<string, unknown>[] };
    entry.findings[0] = { ...entry.findings[0], message: 'FROM THE CACHE', severity: 'fatal' };
    await writeFile(cacheFile(), JSON.stringify(cache));
    const result = await run(['--cache']);
    expect(result.stdout).not.toContain('FROM THE CACHE');
    expect(result.stdout).toBe((await run([])).stdout);
  });

  it('a file that is not an ocp-image cache is left alone and no cache is used', async () => {
    const foreign = '{ "name": "my-app", "version": "1.0.0" }\n';
    await writeFile(path.join(root, 'package.json'), foreign);
    const result = await run(['--cache', '--cache-location', 'package.json']);
    expect(result.stdout).toBe((await run([])).stdout);
    expect(result.stderr).toBe('ocp-image: package.json is not an ocp-image cache file; it is left alone and no cache is used (choose another --cache-location).\n');
    expect(await readFile(path.join(root, 'package.json'), 'utf8')).toBe(foreign);
  });

  it('a FIFO or a link to a device as the cache file is not read: no hang, no cache', async () => {
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    await symlink('/dev/zero', cacheFile());
    const plain = await run([]);
    for (const location of ['pipe', '.ocp-image-cache']) {
      const result = await run(['--cache', '--cache-location', location]);
      expect([result.code, result.stdout]).toEqual([plain.code, plain.stdout]);
      expect(result.stderr).toBe(`ocp-image: the cache file ${location} cannot be read (it is not a regular file (a FIFO, socket or device)); no cache is used.\n`);
    }
  });
});
