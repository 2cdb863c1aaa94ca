#!/usr/bin/env node
// Starts the CLI from dist/bundle/ (one file instead of ~200 modules, compiled from V8's code cache:
// a much faster start) when the bundle is current, else from the compiled modules in dist/.
// See scripts/bundle.mjs. CommonJS (bin/package.json): an ES module entry would start Node's ES
// module loader, which the bundle does not need (about 20 M instructions, 3 ms, on Node 20).
const { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const packageDirectory = path.resolve(__dirname, '..');
const bundleDirectory = path.join(packageDirectory, 'dist', 'bundle');

/** The bundle's build id (a hash of main.cjs), or why the bundle must not be used. */
function findBundle() {
  if (process.env.OCP_IMAGE_NO_BUNDLE) return { problem: 'OCP_IMAGE_NO_BUNDLE is set' };
  let id;
  try {
    ({ id } = JSON.parse(readFileSync(path.join(bundleDirectory, 'build.json'), 'utf8')));
  } catch {
    return { problem: 'there is no bundle (npm run build makes one)' };
  }
  // inputs.json exists only where the bundle was built (a checkout; it is not packed): there, any
  // input rebuilt since makes the bundle stale. A packed copy was bundled right before packing.
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(path.join(bundleDirectory, 'inputs.json'), 'utf8'));
  } catch {
    return { id };
  }
  for (const [file, size, mtimeMs] of inputs.files) {
    let stats;
    try {
      stats = statSync(path.join(packageDirectory, file));
    } catch {
      return { problem: `${file} is gone` };
    }
    if (stats.size !== size || stats.mtimeMs !== mtimeMs) return { problem: `${file} changed after the bundle was built` };
  }
  return { id };
}

/**
 * Where this bundle's code cache lives for this Node: in Node's own compile-cache directory
 * (NODE_COMPILE_CACHE, else <tmpdir>/node-compile-cache), whose switch NODE_DISABLE_COMPILE_CACHE
 * turns it off too. V8 checks only the source's length, so the name carries the bundle's hash.
 */
function codeCacheFile(id) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const directory = path.join(process.env.NODE_COMPILE_CACHE || path.join(tmpdir(), 'node-compile-cache'), 'ocp-image');
  return path.join(directory, `${id}-${process.version}-${process.arch}.cache`);
}

/** The cache's bytes when this user wrote them (the directory may be shared), else undefined. */
function readCodeCache(file) {
  let descriptor;
  try {
    descriptor = openSync(file, 'r');
    if (process.getuid && fstatSync(descriptor).uid !== process.getuid()) return undefined;
    return readFileSync(descriptor);
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Writes the cache whole or not at all: concurrent runs read either no file or a complete one. */
function writeCodeCache(file, data) {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // A read-only or full disk: the next run compiles the source again.
  }
}

/**
 * Loads dist/bundle/main.cjs as Node loads CommonJS, but compiled with V8's code cache (V8 checks
 * that it fits this Node and its flags, and compiles anew when not). A run without a usable cache
 * writes one when it exits, so the cache holds every function that run compiled, not only the top
 * level. A cache under half the bundle's size comes from a run that did little (`--version`
 * costs 90 M instructions more in the next validation than a full cache does): the next run
 * replaces it with its own.
 */
function loadBundle(id) {
  const file = path.join(bundleDirectory, 'main.cjs');
  const cacheFile = codeCacheFile(id);
  const cachedData = cacheFile && readCodeCache(cacheFile);
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, bundleDirectory);
  const cache =
    cacheFile === undefined ? 'off' : cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : cachedData.length < source.length / 2 ? 'partial' : 'used';
  if (cache !== 'off' && cache !== 'used') process.once('exit', () => writeCodeCache(cacheFile, script.createCachedData()));
  return { main: module.exports.main, cache };
}

async function start() {
  const { id, problem } = findBundle();
  const { main, cache } = problem ? await import('../dist/main.js') : loadBundle(id);
  if (process.env.OCP_IMAGE_DEBUG) {
    process.stderr.write(`ocp-image: running ${problem ? `dist/ (${problem})` : `dist/bundle/ (code cache: ${cache})`}\n`);
  }
  process.exitCode = await main(process.argv.slice(2));
}

start();
