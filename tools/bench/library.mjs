// The validator library with all rules over the same files, single thread, in one process.
// usage: node tools/bench/library.mjs DIR...   → one JSON line
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@ocp-image/validator';

const files = [];
const walk = (path) => {
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry));
  else if (/\.(ya?ml|json)$/.test(path)) files.push(path);
};
process.argv.slice(2).forEach(walk);

let objects = 0;
let findings = 0;
for (const file of files) {
  const result = validate(readFileSync(file, 'utf8'), { filePath: file });
  objects += result.objects.length;
  findings += result.findings.length;
}
console.log(JSON.stringify({ files: files.length, objects, findings }));
