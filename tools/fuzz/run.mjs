// `npm run fuzz`: the validator's property tests at scale — at least 100,000 generated cases
// (valid, mutated and hostile manifests; a YAML round trip; library vs CLI agreement; twice as
// many YAML/JSON streams decoded by go-yaml itself, tools/oracle) plus the
// checks that are too slow for `npm test`: memory bounds, the ReDoS check of the generator's
// patterns and more adversarial strings. Prints the seed; rerun with it to
// reproduce a failure (fast-check also prints the path of the failing case).
//
// usage: node tools/fuzz/run.mjs [--runs N] [--seed S]
//   --runs N  cases to generate (default 100000)
//   --seed S  an integer seed (default: a random one)
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function option(name) {
  const index = process.argv.indexOf(name);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  if (value === undefined || !/^-?\d+$/.test(value)) {
    console.error(`fuzz: ${name} expects an integer`);
    process.exit(2);
  }
  return Number(value);
}

const runs = option('--runs') ?? 100_000;
const seed = option('--seed') ?? randomInt(2 ** 31 - 1);
if (runs < 1) {
  console.error('fuzz: --runs must be at least 1');
  process.exit(2);
}

console.log(`fuzz: ${runs} cases, seed ${seed} (reproduce: npm run fuzz -- --runs ${runs} --seed ${seed})`);

// The agreement and memory tests run the built packages, as users do.
const build = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/validator', 'packages/cli'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 2);

const started = Date.now();
const vitest = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    'validator',
    'packages/validator/test/property-manifests.test.ts',
    'packages/validator/test/property-cli.test.ts',
    'packages/validator/test/robustness-limits.test.ts',
    'packages/validator/test/robustness-redos.test.ts',
    'packages/validator/test/oracle.test.ts',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, OCP_IMAGE_FUZZ_RUNS: String(runs), OCP_IMAGE_FUZZ_SEED: String(seed) } },
);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`fuzz: ${vitest.status === 0 ? 'passed' : 'FAILED'} — ${runs} cases, seed ${seed}, ${minutes} min`);
process.exit(vitest.status ?? 2);
