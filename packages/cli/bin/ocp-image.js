#!/usr/bin/env node
// Starts the CLI from dist/bundle/ (one file instead of ~200 modules, compiled from V8's code cache:
// a much faster start) when the bundle is current, else from the compiled modules in dist/.
// See scripts/bundle.mjs.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const packageDirectory = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const bundleDirectory = path.join(packageDirectory, 'dist', 'bundle');

/** Why the bundle must not be used, or undefined when it can be. */
function bundleProblem() {
  if (process.env.OCP_IMAGE_NO_BUNDLE) return 'OCP_IMAGE_NO_BUNDLE is set';
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(bundleDirectory, 'inputs.json'), 'utf8'));
  } catch {
    return 'there is no bundle (npm run build makes one)';
  }
  // Where it was built (a checkout), any input rebuilt since makes it stale. An installed copy
  // (npm pack, pre-commit) was bundled right before packing, and packing resets file times.
  if (!existsSync(path.join(bundleDirectory, 'main.cjs'))) return 'there is no bundle (npm run build makes one)';
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

/**
 * Loads dist/bundle/main.cjs as Node loads CommonJS, but compiled with the code cache the build
 * made beside it (V8 checks that the cache fits this Node and its flags, and compiles anew when
 * not). The build writes both, so a cache never outlives its bundle. With
 * OCP_IMAGE_WRITE_CODE_CACHE=1 (the build's training run) it writes the cache on exit instead.
 */
function loadBundle() {
  const file = path.join(bundleDirectory, 'main.cjs');
  const cacheFile = `${file}.cache`;
  const training = process.env.OCP_IMAGE_WRITE_CODE_CACHE === '1';
  let cachedData;
  if (!training) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache (its training run failed): compile the source.
    }
  }
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, bundleDirectory);
  // Written after the run, so the cache holds every function the run compiled, not only the top level.
  if (training) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  const cache = training ? 'training' : cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { main: module.exports.main, cache };
}

const problem = bundleProblem();
const { main, cache } = problem ? await import('../dist/main.js') : loadBundle();
if (process.env.OCP_IMAGE_DEBUG) {
  process.stderr.write(`ocp-image: running ${problem ? `dist/ (${problem})` : `dist/bundle/ (code cache: ${cache})`}\n`);
}
process.exitCode = await main(process.argv.slice(2));
