// Where validate()'s time goes: reading alone (the dispatcher of yaml/read.ts, as validate() calls
// it) against the whole of validate() on the same texts, in one process. CPU time (process.cpuUsage)
// of the best of N rounds, so other load on the machine counts little; the first round warms up.
// usage: node tools/bench/phases.mjs DIR... [--rounds N] [--json]   → a small table (or one JSON line) on stdout
import { readFileSync } from 'node:fs';
import { DEFAULT_LIMITS, validate } from '@ocp-image/validator';
// Internal module, not an export of the package: the bench measures the reader by itself.
import { readDocuments } from '../../packages/validator/dist/yaml/read.js';
import { manifestFiles } from './files.mjs';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
if (json) argv.splice(argv.indexOf('--json'), 1);
const roundsAt = argv.indexOf('--rounds');
const rounds = roundsAt === -1 ? 8 : Number(argv.splice(roundsAt, 2)[1]);
const texts = manifestFiles(argv).map((file) => readFileSync(file, 'utf8'));

/** CPU milliseconds of the best round of `work` over every text. */
function bestCpuMs(work) {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = process.cpuUsage();
    for (const text of texts) work(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return Math.round(best);
}

let documents = 0;
for (const text of texts) documents += readDocuments(text, DEFAULT_LIMITS).documents.length;
const readMs = bestCpuMs((text) => readDocuments(text, DEFAULT_LIMITS));
const validateMs = bestCpuMs((text) => validate(text));
if (json) {
  console.log(JSON.stringify({ files: texts.length, documents, rounds, readMs, validateMs, restMs: validateMs - readMs }));
  process.exit(0);
}
console.log(`${texts.length} files, ${documents} documents, CPU ms of the best of ${rounds} rounds`);
console.log(`| phase | CPU ms | share of validate() |`);
console.log(`|---|---:|---:|`);
console.log(`| reading (yaml/read.ts) | ${readMs} | ${Math.round((100 * readMs) / validateMs)} % |`);
console.log(`| everything else (schemas, rules, locating findings) | ${validateMs - readMs} | ${Math.round((100 * (validateMs - readMs)) / validateMs)} % |`);
console.log(`| validate() | ${validateMs} | 100 % |`);
