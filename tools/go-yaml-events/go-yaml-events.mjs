// go-yaml v2's own tokens and events from Node: builds the Go program on demand (build.sh) and
// reads many texts per process, for the differential tests of the port in src/yaml/go.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const binary = join(here, 'bin', 'go-yaml-events');
const sources = ['main.go', 'export.go.in', 'build.sh'].map((name) => join(here, name));
/** Texts per process: bounds the memory of one batch. */
const batchSize = 5000;

let availability;

/** Builds the program when it is missing or older than its source: `{ available }` or `{ available: false, reason }`. */
export function goYamlAvailability() {
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
  return { available: false, reason: `go-yaml-events could not be built (tools/go-yaml-events/build.sh): ${output}` };
}

/** Per text, go-yaml's tokens (yaml_parser_scan), the last one `{ error }` if it fails. */
export function goYamlTokens(texts) {
  return run('t', texts);
}

/** Per text, go-yaml's events (yaml_parser_parse), the last one `{ error }` if it fails. */
export function goYamlEvents(texts) {
  return run('e', texts);
}

function run(mode, texts) {
  const status = goYamlAvailability();
  if (!status.available) throw new Error(status.reason);
  const answers = [];
  for (let start = 0; start < texts.length; start += batchSize) answers.push(...runBatch(mode, texts.slice(start, start + batchSize)));
  return answers;
}

function runBatch(mode, texts) {
  const frames = [];
  for (const text of texts) {
    const bytes = Buffer.from(text, 'utf8');
    const header = Buffer.alloc(5);
    header[0] = mode.charCodeAt(0);
    header.writeUInt32BE(bytes.length, 1);
    frames.push(header, bytes);
  }
  const result = spawnSync(binary, { input: Buffer.concat(frames), maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`go-yaml-events failed (status ${result.status}): ${result.error?.message ?? result.stderr}`);
  const lines = result.stdout.split('\n');
  lines.pop();
  if (lines.length !== texts.length) throw new Error(`go-yaml-events answered ${lines.length} of ${texts.length} texts`);
  return lines.map((line) => JSON.parse(line));
}
