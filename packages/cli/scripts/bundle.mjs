// Bundles the compiled CLI (dist/) with the validator, the schemas and the libraries into
// dist/bundle/: one file to load instead of ~200 modules, which is most of a one-file run's start-up
// time. Formatters, commands and worker support stay separate chunks, loaded on first use.
// bin/ocp-image.js runs the bundle only while it is current (see there), else dist/main.js.
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const packageDirectory = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const bundleDirectory = path.join(packageDirectory, 'dist', 'bundle');

const { output } = await build({
  cwd: packageDirectory,
  input: { main: 'dist/main.js', worker: 'dist/worker.js' },
  platform: 'node',
  logLevel: 'warn',
  output: {
    dir: bundleDirectory,
    format: 'esm',
    entryFileNames: '[name].js',
    // Flat, so `new URL('./worker.js', import.meta.url)` in any chunk finds the worker entry.
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
    cleanDir: true,
  },
});

// Every file the bundle was made from, with its size and modification time, so the launcher can
// tell when any of them changed since (a rebuilt validator, regenerated schemas…).
const inputs = new Set();
for (const item of output) {
  if (item.type !== 'chunk') continue;
  for (const id of item.moduleIds) if (path.isAbsolute(id)) inputs.add(id);
}
const files = [];
for (const file of [...inputs].sort()) {
  const { size, mtimeMs } = await stat(file);
  files.push([path.relative(packageDirectory, file), size, mtimeMs]);
}
await writeFile(path.join(bundleDirectory, 'inputs.json'), `${JSON.stringify({ builtIn: packageDirectory, files })}\n`);
console.log(`dist/bundle: ${output.length} files from ${files.length} modules`);
