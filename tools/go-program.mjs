// A Go program of tools/ run from Node (the go-yaml oracle, go-yaml's own events): built on demand
// by its build.sh from Debian's Go packages (nothing downloaded), then sent many texts per process,
// each as a frame (an optional mode byte, a 4-byte big-endian length, the bytes); it answers one
// line per text.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Texts per process: bounds the memory of one batch, amortises the start (~5 ms). */
const batchSize = 5000;

/**
 * `directory`: the program's folder (build.sh, its `sources`, bin/`name`); `label`: how messages name it.
 * Returns `availability()` — `{ available: true }` or `{ available: false, reason }`, building the
 * program when it is missing or older than a source — and `lines(texts, mode)`.
 */
export function goProgram({ directory, name, sources, label }) {
  const binary = join(directory, 'bin', name);
  const sourcePaths = [...sources, 'build.sh'].map((source) => join(directory, source));
  let status;

  function build() {
    if (existsSync(binary)) {
      const built = statSync(binary).mtimeMs;
      if (sourcePaths.every((source) => statSync(source).mtimeMs <= built)) return { available: true };
    }
    const result = spawnSync('bash', [join(directory, 'build.sh')], { encoding: 'utf8' });
    if (result.status === 0) return { available: true };
    const output = `${result.error?.message ?? ''}${result.stderr ?? ''}${result.stdout ?? ''}`.trim();
    return { available: false, reason: `${label} could not be built (tools/${basename(directory)}/build.sh): ${output}` };
  }

  function runBatch(texts, mode) {
    const frames = [];
    for (const text of texts) {
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
      const header = Buffer.alloc(mode === undefined ? 4 : 5);
      if (mode !== undefined) header[0] = mode.charCodeAt(0);
      header.writeUInt32BE(bytes.length, mode === undefined ? 0 : 1);
      frames.push(header, bytes);
    }
    const result = spawnSync(binary, { input: Buffer.concat(frames), maxBuffer: 1 << 30, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${label} failed (status ${result.status}): ${result.error?.message ?? result.stderr}`);
    const lines = result.stdout.split('\n');
    lines.pop();
    if (lines.length !== texts.length) throw new Error(`${label} answered ${lines.length} of ${texts.length} texts`);
    return lines;
  }

  return {
    availability() {
      status ??= build();
      return status;
    },
    /** One answer line per text (a string is sent as UTF-8, bytes as they are); `mode` is the frame's first byte, if the program takes one. */
    lines(texts, mode) {
      const current = this.availability();
      if (!current.available) throw new Error(current.reason);
      const lines = [];
      for (let start = 0; start < texts.length; start += batchSize) lines.push(...runBatch(texts.slice(start, start + batchSize), mode));
      return lines;
    },
  };
}
