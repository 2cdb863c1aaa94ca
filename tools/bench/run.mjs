// `npm run bench`: throughput, cold start, memory and ESLint overhead, each against its floor,
// measured side by side in one run. Writes bench-results/latest.json and prints a table.
// usage: node tools/bench/run.mjs [--quick] [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticManifests } from './inputs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const quick = process.argv.includes('--quick');
const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : quick ? 3 : 5;
const work = join(root, 'bench-results', 'inputs');
const cli = join(root, 'packages/cli/bin/ocp-image.js');
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
const corpus = resolve(root, '../shared/corpus/real');

const sizes = [
  { name: '1×1', files: 1, docsPerFile: 1 },
  { name: '200×5', files: 200, docsPerFile: 5 },
  { name: '2000×10', files: quick ? 200 : 2000, docsPerFile: 10 },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of a whole process in ms; the process must succeed or report findings (exit 1). */
function timeProcess(args, { allowExitOne = true } = {}) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && !(allowExitOne && child.status === 1)) {
    throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
  }
  return { ms, stdout: child.stdout };
}

function medianMs(args, count = runs) {
  timeProcess(args); // warm the file system cache
  return median(Array.from({ length: count }, () => timeProcess(args).ms));
}

/** Peak resident set size in MB through GNU time, which reads the child's rusage. */
function peakRssMb(args) {
  if (!existsSync('/usr/bin/time')) return null;
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const kilobytes = Number(child.stderr.trim().split('\n').pop());
  return Number.isFinite(kilobytes) ? Math.round(kilobytes / 1024) : null;
}

rmSync(work, { recursive: true, force: true });
const inputs = sizes.map((size) => {
  const directory = join(work, size.name);
  const { documents, faulty } = writeSyntheticManifests(directory, size.files, size.docsPerFile, 42);
  return { ...size, directory, documents, faulty };
});
if (existsSync(corpus)) inputs.push({ name: 'real corpus', directory: corpus, documents: null, faulty: null });
else console.log('bench: ../shared/corpus/real is absent; the real-corpus row is skipped');

const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), runs, quick, rows: [] };

for (const input of inputs) {
  const floorRun = timeProcess(['tools/bench/floor.mjs', input.directory]);
  const documents = input.documents ?? JSON.parse(floorRun.stdout).documents;
  const row = { input: input.name, documents, faulty: input.faulty };
  const docsPerSecond = (ms) => Math.round(documents / (ms / 1000));
  row.floorMs = medianMs(['tools/bench/floor.mjs', input.directory]);
  row.libraryMs = medianMs(['tools/bench/library.mjs', input.directory]);
  row.jobs1Ms = medianMs([cli, 'validate', input.directory, '--jobs', '1', '--format', 'json', '--output-file', '/dev/null']);
  row.jobs2Ms = medianMs([cli, 'validate', input.directory, '--jobs', '2', '--format', 'json', '--output-file', '/dev/null']);
  row.floorDocsPerSecond = docsPerSecond(row.floorMs);
  row.jobs1DocsPerSecond = docsPerSecond(row.jobs1Ms);
  row.jobs1VsFloor = +(row.floorMs / row.jobs1Ms).toFixed(2);
  row.jobs2VsJobs1 = +(row.jobs1Ms / row.jobs2Ms).toFixed(2);
  results.rows.push(row);
}

const oneFile = inputs[0].directory;
const nodeBaselineMs = medianMs(['-e', '0'], runs * 3);
const coldStartMs = medianMs([cli, 'validate', oneFile], runs * 3);
results.coldStart = { nodeBaselineMs: Math.round(nodeBaselineMs), cliMs: Math.round(coldStartMs), aboveNodeMs: Math.round(coldStartMs - nodeBaselineMs) };

const eslintInput = inputs[1].directory;
const eslintOursMs = medianMs([eslintBin, '--no-config-lookup', '-c', 'tools/bench/eslint-ocp-image.config.mjs', eslintInput]);
const eslintYmlMs = medianMs([eslintBin, '--no-config-lookup', '-c', 'tools/bench/eslint-yml.config.mjs', eslintInput]);
results.eslint = { input: inputs[1].name, ocpImageMs: Math.round(eslintOursMs), ymlOnlyMs: Math.round(eslintYmlMs), ratio: +(eslintOursMs / eslintYmlMs).toFixed(2) };

const largest = inputs[2].directory;
results.peakRssMb = {
  [inputs[1].name]: peakRssMb([cli, 'validate', inputs[1].directory, '--jobs', '1', '--format', 'json', '--output-file', '/dev/null']),
  [inputs[2].name]: peakRssMb([cli, 'validate', largest, '--jobs', '1', '--format', 'json', '--output-file', '/dev/null']),
  [`${inputs[2].name} --jobs 2`]: peakRssMb([cli, 'validate', largest, '--jobs', '2', '--format', 'json', '--output-file', '/dev/null']),
};

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

const pad = (value, width) => String(value ?? '–').padStart(width);
console.log(`\nocp-image benchmark — ${results.cpuModel}, ${results.cpus} cores, Node ${results.node}, median of ${runs}${quick ? ' (quick)' : ''}`);
console.log(`${'input'.padEnd(12)}${pad('docs', 8)}${pad('floor ms', 10)}${pad('library', 9)}${pad('jobs1', 9)}${pad('jobs2', 9)}${pad('floor doc/s', 12)}${pad('jobs1 doc/s', 12)}${pad('j1/floor', 9)}${pad('j2/j1', 7)}`);
for (const row of results.rows) {
  console.log(
    `${row.input.padEnd(12)}${pad(row.documents, 8)}${pad(Math.round(row.floorMs), 10)}${pad(Math.round(row.libraryMs), 9)}${pad(Math.round(row.jobs1Ms), 9)}${pad(Math.round(row.jobs2Ms), 9)}${pad(row.floorDocsPerSecond, 12)}${pad(row.jobs1DocsPerSecond, 12)}${pad(row.jobs1VsFloor, 9)}${pad(row.jobs2VsJobs1, 7)}`,
  );
}
console.log(`cold start (1 file): ${results.coldStart.cliMs} ms, node -e 0: ${results.coldStart.nodeBaselineMs} ms → ${results.coldStart.aboveNodeMs} ms above node (target ≤ 80)`);
console.log(`eslint on ${results.eslint.input}: ocp-image recommended ${results.eslint.ocpImageMs} ms vs eslint-plugin-yml alone ${results.eslint.ymlOnlyMs} ms → ${results.eslint.ratio}× (target ≤ 1.5)`);
console.log(`peak RSS (MB): ${Object.entries(results.peakRssMb).map(([name, mb]) => `${name}: ${mb}`).join(', ')} (target ≤ 250)`);
console.log('results: bench-results/latest.json');
