// The validator library with all rules over the same files, single thread, in one process.
// usage: node tools/bench/library.mjs DIR...   → one JSON line (ms: time after start-up)
import { readFileSync } from 'node:fs';
import { validate } from '@ocp-image/validator';
import { manifestFiles } from './files.mjs';

const files = manifestFiles(process.argv.slice(2));
const start = performance.now();
let objects = 0;
let findings = 0;
for (const file of files) {
  const result = validate(readFileSync(file, 'utf8'), { filePath: file });
  objects += result.objects.length;
  findings += result.findings.length;
}
console.log(JSON.stringify({ files: files.length, objects, findings, ms: Math.round(performance.now() - start) }));
