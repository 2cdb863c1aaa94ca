// Bundles the compiled CLI (dist/) with the validator, the schemas and the libraries into
// dist/bundle/, for start-up time (bin/ocp-image.js runs it while it is current, else dist/main.js):
// - main.cjs: the whole CLI in one CommonJS file, so the launcher can compile it through node:vm
//   with V8's code cache (Node 20 offers no code cache for ES modules);
// - main.cjs.cache: that cache, made by one training run of the CLI right after bundling, so it
//   holds the bytecode of every function a run uses and a one-file run compiles almost nothing;
// - worker.js and its chunks: the worker threads' entry (ESM; they start once per big run).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const packageDirectory = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const bundleDirectory = path.join(packageDirectory, 'dist', 'bundle');
// A one-file run with findings: what a pre-commit hook does, and where start-up matters most.
const trainingInput = path.resolve(packageDirectory, '..', '..', 'examples', 'imagestream-nodejs.yaml');

const worker = await build({
  cwd: packageDirectory,
  input: { worker: 'dist/worker.js' },
  platform: 'node',
  logLevel: 'warn',
  output: { dir: bundleDirectory, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true, cleanDir: true },
});

// `import.meta` has no CommonJS equivalent: the banner provides what the CLI uses of it.
const main = await build({
  cwd: packageDirectory,
  input: 'dist/main.js',
  platform: 'node',
  logLevel: 'warn',
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
await writeFile(path.join(bundleDirectory, 'inputs.json'), `${JSON.stringify({ builtIn: packageDirectory, files })}\n`);

// The training run: the launcher writes the code cache when it exits (see bin/ocp-image.js).
if (existsSync(trainingInput)) {
  const launcher = path.join(packageDirectory, 'bin', 'ocp-image.js');
  const run = spawnSync(process.execPath, [launcher, 'validate', trainingInput, '--jobs', '1'], {
    env: { ...process.env, OCP_IMAGE_WRITE_CODE_CACHE: '1', OCP_IMAGE_NO_BUNDLE: '' },
    encoding: 'utf8',
  });
  const cache = path.join(bundleDirectory, 'main.cjs.cache');
  if (run.status === null || run.status > 1 || !existsSync(cache)) {
    console.error(`dist/bundle: the training run failed, so there is no code cache (start-up is slower):\n${run.stderr}`);
  } else {
    console.log(`dist/bundle: code cache of ${Math.round(statSync(cache).size / 1024)} KB`);
  }
}
console.log(`dist/bundle: main.cjs and the worker from ${files.length} modules`);
