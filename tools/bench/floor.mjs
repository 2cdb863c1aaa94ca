// The floor: read + `yaml` parseAllDocuments + the precompiled schema validators, single thread,
// no rules and no position mapping. Anything ocp-image does on top of this is its own cost.
// usage: node tools/bench/floor.mjs DIR...   → one JSON line (ms: time after start-up)
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { validators } from '@ocp-image/schemas/validators/standard';
import { manifestFiles } from './files.mjs';

const files = manifestFiles(process.argv.slice(2));
const start = performance.now();
let documents = 0;
let invalid = 0;
for (const file of files) {
  for (const document of YAML.parseAllDocuments(readFileSync(file, 'utf8'))) {
    const object = document.toJS();
    if (!object || typeof object !== 'object') continue;
    documents++;
    const validate = validators[object.kind];
    if (validate && !validate(object)) invalid++;
  }
}
console.log(JSON.stringify({ files: files.length, documents, invalid, ms: Math.round(performance.now() - start) }));
