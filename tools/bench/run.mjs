// `npm run bench`: throughput, cold start, memory and ESLint overhead, each against its floor,
// measured side by side in one run. Writes bench-results/latest.json and latest.md, prints a table.
// usage: node tools/bench/run.mjs [--quick] [--runs N] [--cold-start] [--node PATH]
//   --quick       small inputs (the largest is 200 files × 10) and single runs: checks that everything works
//   --runs N      repetitions of every measurement (default 5; 3 for the 20,000-document input, 21 for cold start)
//   --cold-start  only the cold start (wall time and instructions), printed, not written to bench-results/
//   --node PATH   the Node binary every measured process runs on (default: the one running this script)
//
// Every measurement is a whole process. Commands compared with each other run interleaved, round
// by round, so that load from other processes falls on all of them alike; the medians are reported
// with their spread. Wall time, CPU time (user + system) and peak RSS come from GNU time when it is
// installed (/usr/bin/time), else only wall time is measured.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestFiles } from './files.mjs';
import { writeSyntheticManifests } from './inputs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsFlag = args.indexOf('--runs');
const runsOverride = runsFlag >= 0 ? Number(args[runsFlag + 1]) : undefined;
if (runsOverride !== undefined && !(Number.isInteger(runsOverride) && runsOverride > 0)) {
  console.error('bench: --runs expects a positive integer');
  process.exit(2);
}
const runsFor = (defaultRuns) => runsOverride ?? (quick ? 1 : defaultRuns);
const coldStartOnly = args.includes('--cold-start');
const nodeFlag = args.indexOf('--node');
const nodeBinary = nodeFlag >= 0 ? resolve(args[nodeFlag + 1]) : process.execPath;

const resultsDirectory = join(root, 'bench-results');
const inputsDirectory = join(resultsDirectory, 'inputs');
const outputsDirectory = join(resultsDirectory, 'outputs');
const timingFile = join(resultsDirectory, 'time.txt');
const cli = join(root, 'packages/cli/bin/ocp-image.js');
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
const shared = resolve(root, '../shared');
const corpus = join(shared, 'corpus/real');
const referenceFloor = join(shared, 'tools/floor-ajv.mjs');
const fastFloor = join(shared, 'tools/floor-fast.mjs');
const openapi = join(shared, 'reference/openapi-image-v1.json');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// The inputs live in bench-results/, which the repository's .gitignore lists (the CLI skips those).
const keepIgnored = '--no-gitignore';

const sizes = [
  { name: '1×1', files: 1, docsPerFile: 1, runs: 5 },
  { name: '200×5', files: 200, docsPerFile: 5, runs: 5 },
  quick ? { name: '200×10', files: 200, docsPerFile: 10, runs: 5 } : { name: '2000×10', files: 2000, docsPerFile: 10, runs: 3 },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `node args` once: wall time (ms), CPU time (ms) and peak RSS (MB) of the whole process.
 * Exit code 1 is accepted where the command reports problems in its input that way.
 */
function measure(nodeArgs, { acceptExitOne = false, shell, env } = {}) {
  const program = shell ? ['/bin/sh', '-c', ...shell] : [nodeBinary, ...nodeArgs];
  const command = gnuTime ? [gnuTime, '-o', timingFile, '-f', '%U %S %M', ...program] : program;
  const start = process.hrtime.bigint();
  const child = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && !(acceptExitOne && child.status === 1)) {
    throw new Error(`${program.join(' ')} exited ${child.status ?? child.signal}:\n${child.stderr.slice(0, 2000)}`);
  }
  const sample = { wallMs, cpuMs: null, rssMb: null, stdout: child.stdout };
  if (gnuTime) {
    const [user, system, kilobytes] = readFileSync(timingFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    sample.cpuMs = (user + system) * 1000;
    sample.rssMb = kilobytes / 1024;
  }
  return sample;
}

/**
 * Measures each case `runs` times, interleaved round by round. Returns per case the medians, the
 * spread of the wall times ((max − min) / median) and the last stdout.
 */
function compare(cases, runs) {
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < runs; round++) {
    for (const [name, { args: nodeArgs, acceptExitOne, shell, env }] of Object.entries(cases)) samples[name].push(measure(nodeArgs, { acceptExitOne, shell, env }));
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => {
      const walls = list.map((sample) => sample.wallMs);
      const wallMs = median(walls);
      return [
        name,
        {
          wallMs: Math.round(wallMs),
          cpuMs: gnuTime ? Math.round(median(list.map((sample) => sample.cpuMs))) : null,
          peakRssMb: gnuTime ? Math.round(Math.max(...list.map((sample) => sample.rssMb))) : null,
          spread: +((Math.max(...walls) - Math.min(...walls)) / wallMs).toFixed(2),
          runs: list.length,
          stdout: list.at(-1).stdout,
        },
      ];
    }),
  );
}

function cpuModel() {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model;
  }
}

/** Which CLI build runs: the launcher prefers dist/bundle/ but falls back to dist/ when it is stale. */
function cliBuild() {
  const child = spawnSync(nodeBinary, [cli, '--version'], { cwd: root, encoding: 'utf8', env: { ...process.env, OCP_IMAGE_DEBUG: '1' } });
  if (child.status !== 0) throw new Error(`the CLI does not start (npm run build first?):\n${child.stderr}`);
  return /running (.+)/.exec(child.stderr)?.[1] ?? 'unknown';
}

/**
 * `sh -c` arguments that run the CLI with `--jobs 1` on each half of the input's files at once
 * (hard links in two directories) and wait for both. GNU time then reports their summed CPU time
 * and the larger peak RSS.
 */
function pairCommand(input) {
  const files = manifestFiles([input.directory]);
  const halves = [files.slice(0, files.length / 2), files.slice(files.length / 2)].map((half, index) => {
    const directory = join(inputsDirectory, `${input.name}-half${index + 1}`);
    mkdirSync(directory, { recursive: true });
    for (const file of half) linkSync(file, join(directory, file.slice(input.directory.length + 1)));
    return directory;
  });
  const script = `for half in "$2" "$3"; do "$0" "$1" validate "$half" ${keepIgnored} --jobs 1 --format json --output-file "$half.json" & done; wait`;
  return [script, process.execPath, cli, ...halves];
}

const round = (value, digits = 2) => (value === null || value === undefined ? null : +value.toFixed(digits));
const cell = (value) => (value === null || value === undefined ? '–' : String(value));
const docsPerSecond = (documents, ms) => Math.round(documents / (ms / 1000));

// ---------------------------------------------------------------------------------------------

const build = cliBuild();
if (!build.startsWith('dist/bundle')) console.log(`bench: warning — the CLI runs ${build}; its start-up is slower than the bundle's`);
if (!gnuTime) console.log('bench: /usr/bin/time is absent — CPU time and peak RSS are not measured');

rmSync(inputsDirectory, { recursive: true, force: true });
rmSync(outputsDirectory, { recursive: true, force: true });
mkdirSync(outputsDirectory, { recursive: true });
const inputs = (coldStartOnly ? sizes.slice(0, 1) : sizes).map((size) => {
  const directory = join(inputsDirectory, size.name);
  const { documents, faulty } = writeSyntheticManifests(directory, size.files, size.docsPerFile, 42);
  return { ...size, directory, documents, faulty };
});
if (!coldStartOnly && existsSync(corpus)) inputs.push({ name: 'real corpus', directory: corpus, documents: null, faulty: null, runs: 5 });
else if (!coldStartOnly) console.log('bench: ../shared/corpus/real is absent; the real-corpus row is skipped');
const hasReferenceFloor = existsSync(referenceFloor) && existsSync(openapi);
if (!hasReferenceFloor) console.log('bench: ../shared/tools/floor-ajv.mjs is absent; the reference floor is not measured');
const hasFastFloor = existsSync(fastFloor) && existsSync(openapi);
if (!hasFastFloor) console.log('bench: ../shared/tools/floor-fast.mjs is absent; the fast floor and the targets against it are not measured');

const results = {
  date: new Date().toISOString(),
  machine: { cpuModel: cpuModel(), cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), os: `${process.platform} ${release()}` },
  node: spawnSync(nodeBinary, ['--version'], { encoding: 'utf8' }).stdout.trim(),
  cliBuild: build,
  quick,
  loadAverageBefore: loadavg().map((value) => round(value)),
  rows: [],
};

for (const input of coldStartOnly ? [] : inputs) {
  const safeName = input.name.replace(/[^\w]+/g, '-');
  const validateArgs = (jobs) => [cli, 'validate', input.directory, keepIgnored, '--jobs', String(jobs), '--format', 'json', '--output-file', join(outputsDirectory, `${safeName}-jobs${jobs}.json`)];
  const cases = {
    floor: { args: ['tools/bench/floor.mjs', input.directory] },
    library: { args: ['tools/bench/library.mjs', input.directory] },
    jobs1: { args: validateArgs(1), acceptExitOne: true },
    jobs2: { args: validateArgs(2), acceptExitOne: true },
  };
  if (hasReferenceFloor) cases.reference = { args: [referenceFloor, openapi, input.directory] };
  // js-yaml 4 + compiled ajv, no rules, no positions: what a Node validator costs if reading YAML is
  // nearly free. Synthetic inputs only: js-yaml 4 stops at the first file of the real corpus it cannot read.
  if (hasFastFloor && input.documents !== null) cases.fastFloor = { args: [fastFloor, openapi, input.directory] };
  // The most two cores give this work here: two independent `--jobs 1` processes, each on half of
  // the files, at the same time. Their shared caches, memory bandwidth and background GC threads
  // bound `--jobs 2` too, so its speed-up is judged against this ceiling as well.
  if (input === inputs[2]) cases.pair = { shell: pairCommand(input), acceptExitOne: true };
  // The same run from the compiled modules in dist/ instead of the bundle: does bundling cost
  // anything in a long run (an earlier measurement saw 10–20 %)?
  if (input === inputs[2]) cases.jobs1Dist = { args: validateArgs(1), acceptExitOne: true, env: { OCP_IMAGE_NO_BUNDLE: '1' } };
  const runs = runsFor(input.runs);
  process.stdout.write(`bench: ${input.name} (${runs} run${runs > 1 ? 's' : ''})… `);
  const measured = compare(cases, runs);
  const floorOutput = JSON.parse(measured.floor.stdout);
  const libraryOutput = JSON.parse(measured.library.stdout);
  const documents = input.documents ?? floorOutput.documents;
  const jobs1Output = readFileSync(cases.jobs1.args.at(-1));
  const jobs2Output = readFileSync(cases.jobs2.args.at(-1));
  const row = {
    input: input.name,
    files: floorOutput.files,
    documents,
    faulty: input.faulty,
    findings: libraryOutput.findings,
    jobsOutputsIdentical: jobs1Output.equals(jobs2Output),
  };
  for (const [name, value] of Object.entries(measured)) row[name] = { ...value, stdout: undefined };
  row.floor.inProcessMs = floorOutput.ms;
  row.library.inProcessMs = libraryOutput.ms;
  if (row.reference) row.reference.inProcessMs = JSON.parse(measured.reference.stdout).ms;
  if (row.fastFloor) {
    // Its own time, without start-up and ajv compiling: the CLI's whole-process time is held to it
    // (a conservative ratio), the library's in-process time likewise.
    row.fastFloor.inProcessMs = JSON.parse(measured.fastFloor.stdout).ms;
    row.fastFloorDocsPerSecond = docsPerSecond(documents, row.fastFloor.inProcessMs);
    row.jobs1VsFastFloor = round(row.fastFloor.inProcessMs / row.jobs1.wallMs);
    row.libraryVsFastFloor = round(row.fastFloor.inProcessMs / row.library.inProcessMs);
  }
  row.floorDocsPerSecond = docsPerSecond(documents, row.floor.wallMs);
  row.jobs1DocsPerSecond = docsPerSecond(documents, row.jobs1.wallMs);
  row.jobs2DocsPerSecond = docsPerSecond(documents, row.jobs2.wallMs);
  row.jobs1VsFloor = round(row.floor.wallMs / row.jobs1.wallMs);
  row.jobs1VsFloorCpu = gnuTime ? round(row.floor.cpuMs / row.jobs1.cpuMs) : null;
  row.jobs2VsJobs1 = round(row.jobs1.wallMs / row.jobs2.wallMs);
  // How many cores each run actually got (CPU time / wall time), and the speed-up --jobs 2 would reach on
  // two otherwise idle cores given the work it does: its CPU time spread evenly over both, against
  // --jobs 1's wall time (which is less than its CPU time: V8 compiles and collects on the other core).
  row.jobs1CoresUsed = gnuTime ? round(row.jobs1.cpuMs / row.jobs1.wallMs) : null;
  row.jobs2CoresUsed = gnuTime ? round(row.jobs2.cpuMs / row.jobs2.wallMs) : null;
  row.jobs2VsJobs1IdleBound = gnuTime ? round((2 * row.jobs1.wallMs) / row.jobs2.cpuMs) : null;
  // On two cores, no way of splitting the files can beat --jobs 1's own CPU time spread evenly over
  // both (the same files cost at least that much CPU, and a second isolate only adds): --jobs 1
  // already keeps the second core partly busy with V8's compiling and collecting.
  row.jobs2VsJobs1AnySplitBound = gnuTime && cpus().length === 2 ? round((2 * row.jobs1.wallMs) / row.jobs1.cpuMs) : null;
  if (row.jobs1Dist) row.jobs1DistVsBundle = round(row.jobs1Dist.wallMs / row.jobs1.wallMs);
  if (row.pair) {
    row.pairVsJobs1 = round(row.jobs1.wallMs / row.pair.wallMs);
    row.jobs2VsPair = round(row.pair.wallMs / row.jobs2.wallMs);
    // What a second process (or isolate) costs besides its share of the files: its start, its JIT
    // warm-up and compilation, its heap.
    row.secondProcessCpuMs = gnuTime ? row.pair.cpuMs - row.jobs1.cpuMs : null;
  }
  results.rows.push(row);
  console.log(`jobs1 ${row.jobs1.wallMs} ms, floor ${row.floor.wallMs} ms`);
}

{
  const runs = runsOverride ?? (quick ? 5 : 21);
  process.stdout.write(`bench: cold start (${runs} runs)… `);
  const oneFile = join(inputs[0].directory, 'm00000.yaml');
  const cases = { node: { args: ['-e', '0'] }, floor: { args: ['tools/bench/floor.mjs', oneFile] }, cli: { args: [cli, 'validate', oneFile, keepIgnored], acceptExitOne: true } };
  // The first run on a machine writes the CLI's code cache (bin/ocp-image.js); later runs use it.
  measure(cases.cli.args, { acceptExitOne: true });
  const measured = compare(cases, runs);
  results.coldStart = {
    file: `${inputs[0].name} (${statSync(oneFile).size} bytes)`,
    nodeMs: measured.node.wallMs,
    floorMs: measured.floor.wallMs,
    cliMs: measured.cli.wallMs,
    aboveNodeMs: measured.cli.wallMs - measured.node.wallMs,
    floorAboveNodeMs: measured.floor.wallMs - measured.node.wallMs,
    nodeCpuMs: measured.node.cpuMs,
    cliCpuMs: measured.cli.cpuMs,
    aboveNodeCpuMs: gnuTime ? measured.cli.cpuMs - measured.node.cpuMs : null,
    spread: { node: measured.node.spread, floor: measured.floor.spread, cli: measured.cli.spread },
    runs,
  };
  console.log(`${results.coldStart.aboveNodeMs} ms above node`);
  // Instructions executed do not depend on what else the machine runs: a firm comparison where
  // wall times are noisy. Valgrind runs everything about 50 times slower, so only here and not --quick.
  if (!quick && existsSync('/usr/bin/valgrind')) {
    process.stdout.write('bench: cold start instructions (valgrind)… ');
    const instructions = (nodeArgs) => {
      const child = spawnSync('/usr/bin/valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', nodeBinary, ...nodeArgs], { cwd: root, encoding: 'utf8' });
      const match = /I\s+refs:\s+([\d,]+)/.exec(child.stderr);
      return match ? Math.round(Number(match[1].replaceAll(',', '')) / 1e6) : null;
    };
    const counts = Object.fromEntries(Object.entries(cases).map(([name, { args: nodeArgs }]) => [name, instructions(nodeArgs)]));
    results.coldStart.millionInstructions = counts;
    console.log(`node ${counts.node} M, floor ${counts.floor} M, CLI ${counts.cli} M`);
  }
  if (coldStartOnly) {
    const { coldStart } = results;
    console.log(`Node ${results.node}, CLI from ${build}: CLI ${coldStart.cliMs} ms, node -e 0 ${coldStart.nodeMs} ms → ${coldStart.aboveNodeMs} ms above node (target ≤ 60; spread CLI ±${Math.round(coldStart.spread.cli * 50)}%)`);
    process.exit(0);
  }
}

{
  const eslintInput = inputs[1];
  const runs = runsFor(5);
  process.stdout.write(`bench: eslint on ${eslintInput.name} (${runs} run${runs > 1 ? 's' : ''})… `);
  const eslint = (config) => ({ args: [eslintBin, '--no-config-lookup', '--config', `tools/bench/${config}`, eslintInput.directory], acceptExitOne: true });
  const measured = compare({ ymlOnly: eslint('eslint-yml.config.mjs'), ocpImage: eslint('eslint-ocp-image.config.mjs') }, runs);
  results.eslint = {
    input: eslintInput.name,
    ymlOnlyMs: measured.ymlOnly.wallMs,
    ocpImageMs: measured.ocpImage.wallMs,
    ratio: round(measured.ocpImage.wallMs / measured.ymlOnly.wallMs),
    ymlOnlyCpuMs: measured.ymlOnly.cpuMs,
    ocpImageCpuMs: measured.ocpImage.cpuMs,
    cpuRatio: gnuTime ? round(measured.ocpImage.cpuMs / measured.ymlOnly.cpuMs) : null,
    spread: { ymlOnly: measured.ymlOnly.spread, ocpImage: measured.ocpImage.spread },
    runs,
  };
  console.log(`${results.eslint.ratio}×`);
}
{
  // A first --cache run (no cache file) and a rerun over the same unchanged files, interleaved.
  const runs = runsFor(5);
  const directory = join(inputsDirectory, 'cache-500×10');
  const { documents } = writeSyntheticManifests(directory, 500, 10, 7);
  const cacheFile = join(resultsDirectory, 'bench.ocp-image-cache');
  process.stdout.write(`bench: --cache on ${documents} documents (${runs} run${runs > 1 ? 's' : ''})… `);
  const validateArgs = (output) => [cli, 'validate', directory, keepIgnored, '--cache', '--cache-location', cacheFile, '--format', 'json', '--output-file', join(outputsDirectory, output)];
  const first = ['rm -f "$0" && exec "$@"', cacheFile, process.execPath, ...validateArgs('cache-first.json')];
  const measured = compare({ first: { shell: first, acceptExitOne: true }, rerun: { args: validateArgs('cache-rerun.json'), acceptExitOne: true } }, runs);
  rmSync(cacheFile, { force: true });
  results.cache = {
    documents,
    firstMs: measured.first.wallMs,
    rerunMs: measured.rerun.wallMs,
    ratio: round(measured.rerun.wallMs / measured.first.wallMs),
    outputsIdentical: readFileSync(join(outputsDirectory, 'cache-first.json')).equals(readFileSync(join(outputsDirectory, 'cache-rerun.json'))),
    spread: { first: measured.first.spread, rerun: measured.rerun.spread },
    runs,
  };
  console.log(`${results.cache.ratio}×`);
}
if (!coldStartOnly) {
  // Reading against the rest of validate() (schemas, rules, locating), CPU time in one process.
  const input = inputs[1];
  process.stdout.write(`bench: reading against the rest of validate() on ${input.name}… `);
  const child = spawnSync(nodeBinary, ['tools/bench/phases.mjs', input.directory, '--json', '--rounds', quick ? '2' : '8'], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`tools/bench/phases.mjs exited ${child.status ?? child.signal}:\n${child.stderr.slice(0, 2000)}`);
  results.phases = { input: input.name, ...JSON.parse(child.stdout) };
  console.log(`reading ${results.phases.readMs} ms, the rest ${results.phases.restMs} ms`);
}
results.loadAverageAfter = loadavg().map((value) => round(value));
// Someone rebuilding a package during the run makes the launcher fall back to the slower dist/.
results.cliBuildAfter = cliBuild();

// ---------------------------------------------------------------------------------------------

const largest = results.rows.find((row) => row.input === inputs[2].name);
const medium = results.rows.find((row) => row.input === inputs[1].name);
const targets = [
  {
    name: `CLI --jobs 1 ≥ 0.35× fast-floor throughput (${largest.input})`,
    value: largest.fastFloor ? `${largest.jobs1VsFastFloor}× (whole CLI process against the fast floor's in-process time)` : '– (no ../shared/tools/floor-fast.mjs)',
    met: largest.fastFloor ? largest.jobs1VsFastFloor >= 0.35 : null,
  },
  {
    name: `library ≥ 0.5× fast-floor throughput (${largest.input})`,
    value: largest.fastFloor ? `${largest.libraryVsFastFloor}× (in-process times)` : '–',
    met: largest.fastFloor ? largest.libraryVsFastFloor >= 0.5 : null,
  },
  { name: `CLI --jobs 1 ≥ 0.7× floor throughput (${largest.input})`, value: `${largest.jobs1VsFloor}× (CPU time: ${largest.jobs1VsFloorCpu ?? '–'}×)`, met: largest.jobs1VsFloor >= 0.7 },
  {
    name: `--jobs 2 ≥ 1.7× --jobs 1 (${largest.input})`,
    value: `${largest.jobs2VsJobs1}× on ${cell(largest.jobs2CoresUsed)} cores used; two independent --jobs 1 processes on the halves reach ${cell(largest.pairVsJobs1)}× here (--jobs 2 = ${cell(largest.jobs2VsPair)}× of that); no split over these 2 cores can pass ${cell(largest.jobs2VsJobs1AnySplitBound)}× (--jobs 1 uses ${cell(largest.jobs1CoresUsed)} cores)`,
    met: largest.jobs2VsJobs1 >= 1.7,
  },
  { name: 'one-file cold start ≤ 60 ms above node -e 0', value: `${results.coldStart.aboveNodeMs} ms (CPU time: ${results.coldStart.aboveNodeCpuMs ?? '–'} ms)`, met: results.coldStart.aboveNodeMs <= 60 },
  {
    name: `--cache rerun over ${results.cache.documents} unchanged documents ≤ 0.15× the first run`,
    value: `${results.cache.ratio}× (${results.cache.rerunMs} / ${results.cache.firstMs} ms; outputs identical: ${results.cache.outputsIdentical ? 'yes' : 'NO'})`,
    met: results.cache.ratio <= 0.15 && results.cache.outputsIdentical,
  },
  {
    name: `schemas, rules and locating cost no more than reading (${results.phases.input}, CPU of the best of ${results.phases.rounds} rounds)`,
    value: `${results.phases.restMs} ms against ${results.phases.readMs} ms reading (validate() ${results.phases.validateMs} ms)`,
    met: results.phases.restMs <= results.phases.readMs,
  },
  { name: 'ESLint + ocp-image ≤ 1.5× ESLint + eslint-plugin-yml', value: `${results.eslint.ratio}× (CPU time: ${results.eslint.cpuRatio ?? '–'}×)`, met: results.eslint.ratio <= 1.5 },
  {
    name: `peak RSS ≤ 200 MB (${largest.input}, --jobs 1 / --jobs 2)`,
    value: `${largest.jobs1.peakRssMb ?? '–'} / ${largest.jobs2.peakRssMb ?? '–'} MB (${medium.input}: ${medium.jobs1.peakRssMb ?? '–'} / ${medium.jobs2.peakRssMb ?? '–'} MB)`,
    met: gnuTime ? Math.max(largest.jobs1.peakRssMb, largest.jobs2.peakRssMb) <= 200 : null,
  },
];
results.targets = targets;

mkdirSync(resultsDirectory, { recursive: true });
writeFileSync(join(resultsDirectory, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

const lines = [];
const { machine } = results;
lines.push(`ocp-image benchmark, ${results.date.slice(0, 10)} — ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${results.node}${quick ? ' (quick)' : ''}`);
lines.push(
  `load average before ${results.loadAverageBefore.join(' ')}, after ${results.loadAverageAfter.join(' ')}; CLI from ${results.cliBuild}${results.cliBuildAfter === results.cliBuild ? '' : ` at the start, ${results.cliBuildAfter} at the end`}`,
);
lines.push('');
lines.push('Throughput: wall time of the whole process, median (spread = (max − min) / median); CPU = user + system time.');
lines.push('');
lines.push('| input | docs | runs | fast floor ms (in-process) | jobs 1 / fast floor | library / fast floor (in-process) | reference floor-ajv ms | floor ms | library ms | CLI --jobs 1 ms | CLI --jobs 2 ms | floor doc/s | jobs 1 doc/s | jobs 2 doc/s | jobs 1 / floor (CPU) | jobs 2 / jobs 1 (cores used; idle-machine bound) | peak RSS jobs 1 / 2 MB |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of results.rows) {
  const wall = (name) => (row[name] ? `${row[name].wallMs} ±${Math.round(row[name].spread * 50)}%` : '–');
  lines.push(
    `| ${row.input} | ${row.documents} | ${row.floor.runs} | ${row.fastFloor ? `${row.fastFloor.wallMs} (${row.fastFloor.inProcessMs})` : '–'} | ${cell(row.jobs1VsFastFloor)} | ${cell(row.libraryVsFastFloor)} | ${row.reference ? `${row.reference.wallMs} (${row.reference.inProcessMs} in-process)` : '–'} | ${wall('floor')} | ${wall('library')} | ${wall('jobs1')} | ${wall('jobs2')} | ${row.floorDocsPerSecond} | ${row.jobs1DocsPerSecond} | ${row.jobs2DocsPerSecond} | ${row.jobs1VsFloor} (${cell(row.jobs1VsFloorCpu)}) | ${row.jobs2VsJobs1} (${cell(row.jobs2CoresUsed)}; ${cell(row.jobs2VsJobs1IdleBound)}) | ${cell(row.jobs1.peakRssMb)} / ${cell(row.jobs2.peakRssMb)} |`,
  );
}
lines.push('');
const { coldStart, eslint } = results;
lines.push(
  `Cold start, one file ${coldStart.file}, ${coldStart.runs} runs: CLI ${coldStart.cliMs} ms, node -e 0 ${coldStart.nodeMs} ms → ${coldStart.aboveNodeMs} ms above node (CPU: ${cell(coldStart.cliCpuMs)} vs ${cell(coldStart.nodeCpuMs)} ms → ${cell(coldStart.aboveNodeCpuMs)} ms); the floor script on the same file: ${coldStart.floorMs} ms, ${coldStart.floorAboveNodeMs} ms above node.`,
);
if (coldStart.millionInstructions) {
  const { node, floor, cli: cliCount } = coldStart.millionInstructions;
  lines.push(`Instructions executed (valgrind, all threads): node -e 0 ${node} M, floor ${floor} M (+${floor - node} M), CLI ${cliCount} M (+${cliCount - node} M).`);
}
lines.push(`ESLint on ${eslint.input} (${eslint.runs} runs): ocp-image recommended ${eslint.ocpImageMs} ms vs eslint-plugin-yml recommended alone ${eslint.ymlOnlyMs} ms → ${eslint.ratio}× (CPU: ${cell(eslint.cpuRatio)}×).`);
if (largest.pair) {
  lines.push(
    `Parallel ceiling, ${largest.input}: two --jobs 1 processes on half of the files each, at once: ${largest.pair.wallMs} ms ±${Math.round(largest.pair.spread * 50)}% (CPU ${cell(largest.pair.cpuMs)} ms) → ${largest.pairVsJobs1}× --jobs 1; --jobs 2 reaches ${largest.jobs2VsPair}× of that. The second process costs ${cell(largest.secondProcessCpuMs)} ms CPU besides its half of the files (start, JIT warm-up and compilation).`,
  );
}
if (largest.jobs1Dist) {
  lines.push(
    `Bundle against dist/, ${largest.input}, --jobs 1: from dist/ (OCP_IMAGE_NO_BUNDLE=1) ${largest.jobs1Dist.wallMs} ms ±${Math.round(largest.jobs1Dist.spread * 50)}% (CPU ${cell(largest.jobs1Dist.cpuMs)} ms), from the bundle ${largest.jobs1.wallMs} ms (CPU ${cell(largest.jobs1.cpuMs)} ms) → dist/ takes ${largest.jobs1DistVsBundle}× the bundle's time.`,
  );
}
lines.push(`--jobs 1 and --jobs 2 outputs byte-identical: ${results.rows.every((row) => row.jobsOutputsIdentical) ? 'yes' : `NO (${results.rows.filter((row) => !row.jobsOutputsIdentical).map((row) => row.input).join(', ')})`}.`);
lines.push('');
lines.push('| target | measured | met |');
lines.push('|---|---|---|');
for (const target of targets) lines.push(`| ${target.name} | ${target.value} | ${target.met === null ? '–' : target.met ? 'yes' : 'no'} |`);
const noisy = results.rows.some((row) => ['floor', 'jobs1', 'jobs2'].some((name) => row[name].spread > 0.2)) || coldStart.spread.cli > 0.2;
if (noisy) lines.push('', 'Note: some measurements spread by more than 20 %: the machine was busy; repeat for firmer numbers.');
const report = lines.join('\n');
writeFileSync(join(resultsDirectory, 'latest.md'), `${report}\n`);
rmSync(timingFile, { force: true });
console.log(`\n${report}\n\nresults: bench-results/latest.json, bench-results/latest.md`);
