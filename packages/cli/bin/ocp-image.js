#!/usr/bin/env node
// Starts the CLI from dist/bundle (one file instead of ~200 modules: a much faster start) when the
// bundle is current, else from the compiled modules in dist/. See scripts/bundle.mjs.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDirectory = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Why the bundle must not be used, or undefined when it can be. */
function bundleProblem() {
  if (process.env.OCP_IMAGE_NO_BUNDLE) return 'OCP_IMAGE_NO_BUNDLE is set';
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(packageDirectory, 'dist', 'bundle', 'inputs.json'), 'utf8'));
  } catch {
    return 'there is no bundle (npm run build makes one)';
  }
  // Where it was built (a checkout), any input rebuilt since makes it stale. An installed copy
  // (npm pack, pre-commit) was bundled right before packing, and packing resets file times.
  if (manifest.builtIn !== packageDirectory) return undefined;
  for (const [file, size, mtimeMs] of manifest.files) {
    let stats;
    try {
      stats = statSync(path.join(packageDirectory, file));
    } catch {
      return `${file} is gone`;
    }
    if (stats.size !== size || stats.mtimeMs !== mtimeMs) return `${file} changed after the bundle was built`;
  }
  return undefined;
}

const problem = bundleProblem();
if (process.env.OCP_IMAGE_DEBUG) process.stderr.write(`ocp-image: running ${problem ? `dist/ (${problem})` : 'dist/bundle/'}\n`);
const { main } = await import(problem ? '../dist/main.js' : '../dist/bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
