// The floor: read + `yaml` parseAllDocuments + the precompiled schema validators, single thread,
// no rules and no position mapping. Anything ocp-image does on top of this is its own cost.
// usage: node tools/bench/floor.mjs DIR...   → one JSON line
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { validators } from '@ocp-image/schemas/validators/standard';

const files = [];
const walk = (path) => {
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry));
  else if (/\.(ya?ml|json)$/.test(path)) files.push(path);
};
process.argv.slice(2).forEach(walk);

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
console.log(JSON.stringify({ files: files.length, documents, invalid }));
