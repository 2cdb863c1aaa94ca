// The go-yaml v2 oracle from Node: builds tools/oracle/main.go on demand (Debian's Go packages,
// see build.sh) and decodes many texts per process, each as `oc apply -f` would (see main.go).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const binary = join(here, 'bin', 'oracle');
const sources = ['main.go', 'build.sh'].map((name) => join(here, name));
/** Texts per oracle process: bounds the memory of one batch, amortises the start (~5 ms). */
const batchSize = 5000;

let availability;

/**
 * Builds the oracle when it is missing or older than its source. Returns `{ available: true }`
 * or `{ available: false, reason }` (e.g. `go` or the Debian packages are not installed).
 */
export function oracleAvailability() {
  availability ??= build();
  return availability;
}

function build() {
  if (existsSync(binary)) {
    const built = statSync(binary).mtimeMs;
    if (sources.every((source) => statSync(source).mtimeMs <= built)) return { available: true };
  }
  const result = spawnSync('bash', [join(here, 'build.sh')], { encoding: 'utf8' });
  if (result.status === 0) return { available: true };
  const output = `${result.error?.message ?? ''}${result.stderr ?? ''}${result.stdout ?? ''}`.trim();
  return { available: false, reason: `the go-yaml oracle could not be built (tools/oracle/build.sh): ${output}` };
}

/** Decodes each text (a string is sent as UTF-8; bytes as they are) as `oc apply -f` would. */
export function decodeWithOracle(texts) {
  return oracleLines(texts).map(parseOracleLine);
}

/** The same, each answer as the oracle's JSON text: numbers exactly as encoding/json writes what oc sends. */
export function oracleLines(texts) {
  const status = oracleAvailability();
  if (!status.available) throw new Error(status.reason);
  const lines = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    lines.push(...runBatch(texts.slice(start, start + batchSize)));
  }
  return lines;
}

function runBatch(texts) {
  const frames = [];
  for (const text of texts) {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(bytes.length);
    frames.push(header, bytes);
  }
  const result = spawnSync(binary, { input: Buffer.concat(frames), maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`the go-yaml oracle failed (status ${result.status}): ${result.error?.message ?? result.stderr}`);
  }
  const lines = result.stdout.split('\n');
  lines.pop();
  if (lines.length !== texts.length) throw new Error(`the go-yaml oracle answered ${lines.length} of ${texts.length} texts`);
  return lines;
}

const exactIntegerKey = '__oracle_exact_integer__';

/**
 * JSON.parse, but an integer beyond Number's exact range becomes a BigInt, as `decode` gives it
 * (oc sends int64 values exactly): such integers are wrapped before parsing and unwrapped after.
 */
export function parseOracleLine(line) {
  const wrapped = line.replace(/"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g, (token) =>
    token.startsWith('"') ? token : `{"${exactIntegerKey}":"${token}"}`,
  );
  return JSON.parse(wrapped, (_key, value) => {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, exactIntegerKey)) return value;
    const number = Number(value[exactIntegerKey]);
    return Number.isSafeInteger(number) ? number : BigInt(value[exactIntegerKey]);
  });
}
