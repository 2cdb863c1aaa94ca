// Bundles the compiled CLI (dist/) with the validator, the schemas and the libraries into
// dist/bundle/, for start-up time (bin/ocp-image.js runs it while it is current, else dist/main.js):
// - main.cjs: the whole CLI in one CommonJS file, so the launcher can compile it through node:vm
//   with V8's code cache (Node 20 offers no code cache for ES modules), which the launcher makes
//   on the first run on each machine: a cache fits only the V8 that made it;
// - build.json: main.cjs's hash, which names its code cache;
// - inputs.json: every file bundled, with size and time, so the launcher of a checkout can tell a
//   stale bundle (not packed: a packed bundle is current by construction);
// - worker.js and its chunks: the worker threads' entry (ESM; they start once per big run).
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const packageDirectory = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const bundleDirectory = path.join(packageDirectory, 'dist', 'bundle');

const worker = await build({
  cwd: packageDirectory,
  input: { worker: 'dist/worker.js' },
  platform: 'node',
  logLevel: 'warn',
  output: { dir: bundleDirectory, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true, cleanDir: true },
});

// Node modules a usual run never uses, each about 13 M instructions to load (2 ms): commander
// requires child_process for external subcommands, the SARIF formatter crypto. In the bundle they
// load on first use, through a proxy that stands in for the module.
const lazyBuiltins = ['node:child_process', 'node:crypto'];
const lazyBuiltinsPlugin = {
  name: 'lazy-builtins',
  renderChunk(code) {
    let lazy = code;
    for (const id of lazyBuiltins) {
      const call = `require(${JSON.stringify(id)})`;
      if (!lazy.includes(call)) throw new Error(`bundle: no ${call} left to make lazy; update lazyBuiltins`);
      lazy = lazy.replaceAll(call, `__lazyRequire(${JSON.stringify(id)})`);
    }
    // map: null keeps the source map (dev only, not packed); columns after the two calls shift.
    return { code: lazy, map: null };
  },
};

// `import.meta` has no CommonJS equivalent: the banner provides what the CLI uses of it.
const main = await build({
  cwd: packageDirectory,
  input: 'dist/main.js',
  platform: 'node',
  logLevel: 'warn',
  plugins: [lazyBuiltinsPlugin],
  transform: { define: { 'import.meta.url': '__bundleUrl', 'import.meta.resolve': '__bundleResolve' } },
  output: {
    file: path.join(bundleDirectory, 'main.cjs'),
    format: 'cjs',
    codeSplitting: false,
    // `import()` would need a module loader that a node:vm script lacks.
    dynamicImportInCjs: false,
    // ASCII only, so Node reads it as a one-byte string (a quicker read and scan than UTF-16).
    charset: 'ascii',
    comments: false,
    sourcemap: true,
    banner: [
      "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;",
      "const __bundleResolve = (specifier) => require('node:url').pathToFileURL(require.resolve(specifier)).href;",
      'const __lazyRequire = (id) => { let loaded; return new Proxy({}, { get: (_, key) => (loaded ??= require(id))[key] }); };',
    ].join('\n'),
  },
});

// Every file the bundle was made from, with its size and modification time, so the launcher can
// tell when any of them changed since (a rebuilt validator, regenerated schemas…).
const inputs = new Set();
for (const item of [...worker.output, ...main.output]) {
  if (item.type !== 'chunk') continue;
  for (const id of item.moduleIds) if (path.isAbsolute(id)) inputs.add(id);
}
const files = [];
for (const file of [...inputs].sort()) {
  const { size, mtimeMs } = await stat(file);
  files.push([path.relative(packageDirectory, file), size, mtimeMs]);
}
await writeFile(path.join(bundleDirectory, 'inputs.json'), `${JSON.stringify({ files })}\n`);
const id = createHash('sha256').update(await readFile(path.join(bundleDirectory, 'main.cjs'))).digest('hex').slice(0, 16);
await writeFile(path.join(bundleDirectory, 'build.json'), `${JSON.stringify({ id })}\n`);
console.log(`dist/bundle: main.cjs and the worker from ${files.length} modules`);
