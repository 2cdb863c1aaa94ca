import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DOCS_OUT, SCHEMAS_OUT, generate, repositoryRoot } from './generate.js';
import { compareText } from './model.js';

const USAGE = `Usage: npm run generate [-- --check]

Reads the vendored API reference documents (packages/generator/seeds) and writes
${SCHEMAS_OUT}/ and ${DOCS_OUT}/.

  --check   write nothing; exit 1 and list the files that differ from what would be generated
  --help    show this help`;

export interface FileDifference {
  file: string;
  state: 'missing' | 'different' | 'stale';
}

async function listFiles(root: string, relativeDirectory: string): Promise<string[]> {
  const absolute = path.join(root, relativeDirectory);
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Compares generated content with the files under `root`; stale = a file no longer generated. */
export async function compareWithDisk(files: Map<string, string>, root: string): Promise<FileDifference[]> {
  const differences: FileDifference[] = [];
  for (const [file, content] of [...files].sort(([a], [b]) => compareText(a, b))) {
    const onDisk = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (onDisk === undefined) differences.push({ file, state: 'missing' });
    else if (onDisk !== content) differences.push({ file, state: 'different' });
  }
  for (const directory of [SCHEMAS_OUT, DOCS_OUT]) {
    for (const file of await listFiles(root, directory)) if (!files.has(file)) differences.push({ file, state: 'stale' });
  }
  return differences;
}

/**
 * The `generate` command. Returns the exit code: 0 on success, 1 when `--check` finds
 * differences, 2 on bad arguments or a generation error.
 */
export async function runGenerateCommand(
  argv: string[],
  io: { root?: string; log?: (line: string) => void; error?: (line: string) => void } = {},
): Promise<number> {
  const log = io.log ?? ((line: string) => console.log(line));
  const error = io.error ?? ((line: string) => console.error(line));
  const root = io.root ?? repositoryRoot;
  let options;
  try {
    options = parseArgs({ args: argv, options: { check: { type: 'boolean' }, help: { type: 'boolean' } }, strict: true }).values;
  } catch (problem) {
    error(`generate: ${(problem as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    log(USAGE);
    return 0;
  }

  const started = performance.now();
  let result;
  try {
    result = await generate();
  } catch (problem) {
    error(`generate: ${(problem as Error).message}`);
    return 2;
  }
  const { model, report, files } = result;
  const summary = `${model.kinds.length} kinds, ${model.types.length} types, ${files.size} files, ${report.deviations.length} schema deviations, ${report.conflicts.length} conflicts`;

  if (options.check) {
    const differences = await compareWithDisk(files, root);
    if (differences.length > 0) {
      error(`generate --check: ${differences.length} generated file(s) differ from the committed ones:`);
      for (const { file, state } of differences) error(`  ${state.padEnd(9)} ${file}`);
      error('Run `npm run generate` and commit the result.');
      return 1;
    }
    log(`generate --check: up to date (${summary})`);
    return 0;
  }

  for (const directory of [SCHEMAS_OUT, DOCS_OUT]) {
    for (const file of await listFiles(root, directory)) if (!files.has(file)) await rm(path.join(root, file));
  }
  for (const [file, content] of files) {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current !== content) await writeFile(target, content);
  }
  log(`generate: wrote ${summary} in ${Math.round(performance.now() - started)} ms`);
  return 0;
}
