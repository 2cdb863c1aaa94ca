import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliPath, makeTempDirectory } from './helpers.js';

// bin/ocp-image.js picks dist/bundle/ only while every file the bundle was built from is
// unchanged, and compiles it with the code cache beside it; these tests give it a stand-in
// package whose two entries say which one ran.
let packageDirectory: string;
let remove: () => Promise<void>;

async function writeManifest(builtIn: string): Promise<void> {
  const { size, mtimeMs } = await stat(path.join(packageDirectory, 'input.js'));
  await writeFile(path.join(packageDirectory, 'dist', 'bundle', 'inputs.json'), JSON.stringify({ builtIn, files: [['input.js', size, mtimeMs]] }));
}

const bundleFile = () => path.join(packageDirectory, 'dist', 'bundle', 'main.cjs');

function launch(env: Record<string, string> = {}): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(packageDirectory, 'bin', 'ocp-image.js')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  return { stdout: result.stdout, stderr: result.stderr };
}

beforeEach(async () => {
  let directory: string;
  ({ directory, remove } = await makeTempDirectory());
  packageDirectory = path.join(directory, 'package');
  await mkdir(path.join(packageDirectory, 'bin'), { recursive: true });
  await mkdir(path.join(packageDirectory, 'dist', 'bundle'), { recursive: true });
  await copyFile(cliPath, path.join(packageDirectory, 'bin', 'ocp-image.js'));
  await writeFile(path.join(packageDirectory, 'dist', 'main.js'), `export async function main() { process.stdout.write('dist'); return 0; }\n`);
  await writeFile(bundleFile(), `exports.main = async function main() { process.stdout.write('bundle'); return 0; };\n`);
  await writeFile(path.join(packageDirectory, 'input.js'), 'export const input = 1;\n');
});
afterEach(() => remove());

describe('the launcher', () => {
  it('runs the bundle while its inputs are unchanged', async () => {
    await writeManifest(packageDirectory);
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: none)\n' });
  });

  it('falls back to dist/ once an input changed, and says why with OCP_IMAGE_DEBUG', async () => {
    await writeManifest(packageDirectory);
    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(packageDirectory, 'input.js'), later, later);
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'dist', stderr: 'ocp-image: running dist/ (input.js changed after the bundle was built)\n' });
  });

  it('trusts a bundle installed away from where it was built (packing resets file times)', async () => {
    await writeManifest(path.join(packageDirectory, '..', 'elsewhere'));
    await writeFile(path.join(packageDirectory, 'input.js'), 'export const input = 2; // changed\n');
    expect(launch().stdout).toBe('bundle');
  });

  it('compiles the bundle with the code cache its training run wrote, and anew when V8 rejects a cache', async () => {
    await writeManifest(packageDirectory);
    expect(launch({ OCP_IMAGE_DEBUG: '1', OCP_IMAGE_WRITE_CODE_CACHE: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: training)\n' });
    expect((await readFile(`${bundleFile()}.cache`)).length).toBeGreaterThan(0);
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: used)\n' });
    await writeFile(`${bundleFile()}.cache`, 'not a code cache');
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/ (code cache: rejected)\n' });
  });

  it('uses dist/ without a bundle, or when OCP_IMAGE_NO_BUNDLE is set', async () => {
    expect(launch().stdout).toBe('dist');
    await writeManifest(packageDirectory);
    expect(launch({ OCP_IMAGE_NO_BUNDLE: '1' }).stdout).toBe('dist');
  });
});

describe('the built CLI', () => {
  it('starts from its bundle with the code cache the build made', (context) => {
    const result = spawnSync(process.execPath, [cliPath, '--version'], { encoding: 'utf8', env: { ...process.env, OCP_IMAGE_DEBUG: '1' } });
    // Only `tsc -b` since the last full build: the launcher rightly runs dist/, and there is no cache to check.
    if (result.stderr.startsWith('ocp-image: running dist/ (')) context.skip(`the bundle is stale: ${result.stderr.trim()}`);
    expect(result.stderr).toBe('ocp-image: running dist/bundle/ (code cache: used)\n');
  });
});
