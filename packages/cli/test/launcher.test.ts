import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliPath, makeTempDirectory } from './helpers.js';

// bin/ocp-image.js picks dist/bundle/ only while every file the bundle was built from is
// unchanged; these tests give it a stand-in package whose two entries say which one ran.
let packageDirectory: string;
let remove: () => Promise<void>;

async function writeManifest(builtIn: string): Promise<void> {
  const { size, mtimeMs } = await stat(path.join(packageDirectory, 'input.js'));
  await writeFile(path.join(packageDirectory, 'dist', 'bundle', 'inputs.json'), JSON.stringify({ builtIn, files: [['input.js', size, mtimeMs]] }));
}

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
  const entry = (name: string) => `export async function main() { process.stdout.write('${name}'); return 0; }\n`;
  await writeFile(path.join(packageDirectory, 'dist', 'main.js'), entry('dist'));
  await writeFile(path.join(packageDirectory, 'dist', 'bundle', 'main.js'), entry('bundle'));
  await writeFile(path.join(packageDirectory, 'input.js'), 'export const input = 1;\n');
});
afterEach(() => remove());

describe('the launcher', () => {
  it('runs the bundle while its inputs are unchanged', async () => {
    await writeManifest(packageDirectory);
    expect(launch({ OCP_IMAGE_DEBUG: '1' })).toEqual({ stdout: 'bundle', stderr: 'ocp-image: running dist/bundle/\n' });
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

  it('uses dist/ without a bundle, or when OCP_IMAGE_NO_BUNDLE is set', async () => {
    expect(launch().stdout).toBe('dist');
    await writeManifest(packageDirectory);
    expect(launch({ OCP_IMAGE_NO_BUNDLE: '1' }).stdout).toBe('dist');
  });
});
