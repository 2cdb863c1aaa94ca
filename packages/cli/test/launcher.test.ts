import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, copyFile, mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliPath, makeTempDirectory } from './helpers.js';

// bin/ocp-image.js picks dist/bundle/ only while every file the bundle was built from is
// unchanged (where it was built), and compiles it with the code cache its first run wrote; these
// tests give it a stand-in package whose two entries say which one ran.
let packageDirectory: string;
let compileCache: string;
let remove: () => Promise<void>;

/** What the bundle script writes: the bundle's id, and in a checkout its inputs. */
async function writeBuildFiles({ packed = false } = {}): Promise<void> {
  await writeFile(path.join(packageDirectory, 'dist', 'bundle', 'build.json'), JSON.stringify({ id: 'test0123' }));
  if (packed) return;
  const { size, mtimeMs } = await stat(path.join(packageDirectory, 'input.js'));
  await writeFile(path.join(packageDirectory, 'dist', 'bundle', 'inputs.json'), JSON.stringify({ files: [['input.js', size, mtimeMs]] }));
}

const bundleFile = () => path.join(packageDirectory, 'dist', 'bundle', 'main.cjs');
const cacheFile = () => path.join(compileCache, 'ocp-image', `test0123-${process.version}-${process.arch}.cache`);

function launch(env: Record<string, string> = {}): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(packageDirectory, 'bin', 'ocp-image.js')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NODE_COMPILE_CACHE: compileCache, ...env },
  });
  return { stdout: result.stdout, stderr: result.stderr };
}

beforeEach(async () => {
  let directory: string;
  ({ directory, remove } = await makeTempDirectory());
  packageDirectory = path.join(directory, 'package');
  compileCache = path.join(directory, 'compile-cache');
  await mkdir(path.join(packageDirectory, 'bin'), { recursive: true });
  await mkdir(path.join(packageDirectory, 'dist', 'bundle'), { recursive: true });
  await copyFile(cliPath, path.join(packageDirectory, 'bin', 'ocp-image.js'));
  await copyFile(path.join(path.dirname(cliPath), 'package.json'), path.join(packageDirectory, 'bin', 'package.json'));
  await writeFile(path.join(packageDirectory, 'dist', 'main.js'), `export async function main() { process.stdout.write('dist'); return 0; }\n`);
  await writeFile(bundleFile(), `exports.main = async function main() { process.stdout.write('bundle'); return 0; };\n`);
  await writeFile(path.join(packageDirectory, 'input.js'), 'export const input = 1;\n');
});
afterEach(() => remove());

describe('the launcher', () => {
  it('runs the bundle while its inputs are unchanged', async () => {
    await writeBuildFiles();
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: none)\n' });
  });

  it('falls back to dist/ once an input changed, and says why with OCP_IMAGE_DEBUG', async () => {
    await writeBuildFiles();
    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(packageDirectory, 'input.js'), later, later);
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'dist', stderr: 'ocp-image: running dist/ (input.js changed after the bundle was built)\n' });
  });

  it('trusts a packed bundle, which has no inputs.json (packing resets file times)', async () => {
    await writeBuildFiles({ packed: true });
    await writeFile(path.join(packageDirectory, 'input.js'), 'export const input = 2; // changed\n');
    expect(launch().stdout).toBe('bundle');
  });

  it('writes the code cache on the first run, compiles from it on the next, and replaces one V8 rejects', async () => {
    await writeBuildFiles();
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: none)\n' });
    expect((await readFile(cacheFile())).length).toBeGreaterThan(0);
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: used)\n' });
    await writeFile(cacheFile(), 'not a code cache');
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: rejected)\n' });
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: used)\n' });
  });

  it('replaces a cache far smaller than the bundle (made by a run that compiled little) with the next one', async () => {
    await writeFile(bundleFile(), `${await readFile(bundleFile(), 'utf8')}/*${' '.repeat(100_000)}*/\n`);
    await writeBuildFiles();
    expect(launch({ OCP_IMAGE_DEBUG: '1' }).stderr).toBe('ocp-image: running dist/bundle/ (code cache: none)\n');
    const written = await stat(cacheFile());
    await utimes(cacheFile(), new Date(0), new Date(0));
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: partial)\n' });
    expect((await stat(cacheFile())).mtimeMs).toBeGreaterThan(0);
    expect((await stat(cacheFile())).size).toBe(written.size);
  });

  it('neither reads nor writes a code cache with NODE_DISABLE_COMPILE_CACHE', async () => {
    await writeBuildFiles();
    expect(launch({ OCP_IMAGE_DEBUG: '1', NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: off)\n' });
    expect(existsSync(cacheFile())).toBe(false);
  });

  it.skipIf(!process.getuid || process.getuid() !== 0)('ignores a cache another user wrote (the directory may be shared)', async () => {
    await writeBuildFiles();
    expect(launch().stdout).toBe('bundle');
    await chown(cacheFile(), 65534, 65534);
    expect(launch({ OCP_IMAGE_DEBUG: '1' }).stderr).toBe('ocp-image: running dist/bundle/ (code cache: none)\n');
  });

  it('uses dist/ without a bundle, or when OCP_IMAGE_NO_BUNDLE is set', async () => {
    expect(launch().stdout).toBe('dist');
    await writeBuildFiles();
    expect(launch({ OCP_IMAGE_NO_BUNDLE: '1' }).stdout).toBe('dist');
  });
});

describe('the built CLI', () => {
  it('starts from its bundle, with a code cache from the second run on', (context) => {
    const env = { ...process.env, OCP_IMAGE_DEBUG: '1', NODE_COMPILE_CACHE: compileCache };
    const example = fileURLToPath(new URL('../../../examples/imagestream-nodejs.yaml', import.meta.url));
    const first = spawnSync(process.execPath, [cliPath, 'validate', example], { encoding: 'utf8', env });
    // Only `tsc -b` since the last full build: the launcher rightly runs dist/, and there is no cache to check.
    if (first.stderr.startsWith('ocp-image: running dist/ (')) context.skip(`the bundle is stale: ${first.stderr.trim()}`);
    expect(first.stderr).toBe('ocp-image: running dist/bundle/ (code cache: none)\n');
    const second = spawnSync(process.execPath, [cliPath, 'validate', example], { encoding: 'utf8', env });
    expect(second.stderr).toBe('ocp-image: running dist/bundle/ (code cache: used)\n');
  });
});
