import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, makeTempDirectory } from './helpers.js';

/**
 * Every fenced block of README.md and docs/*.md is executed: shell commands run, config files are
 * loaded by the CLI's own loader, ESLint configs run with the real eslint, CI and hook configs are
 * parsed and their ocp-image commands run, manifests are validated. A block that cannot run says
 * why in an HTML comment on the line before it (`<!-- not-run: reason -->`). Blocks without a
 * language (sample output, glob lists) are neither commands nor configs. (docs/rules pages run their
 * examples in the validator's rules-docs test; docs/api is generated reference without commands.)
 * Everything runs in a scratch project that has this repository's packages installed.
 */

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const eslintPath = path.join(repositoryRoot, 'node_modules/.bin/eslint');

interface Block {
  file: string;
  line: number;
  language: string;
  text: string;
  notRun?: string;
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(path.join(repositoryRoot, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^```(\w*)\s*$/.exec(lines[index] ?? '');
    if (!fence) continue;
    const end = lines.findIndex((line, at) => at > index && line.startsWith('```'));
    const notRun = /^<!-- not-run: (.+) -->$/.exec(lines[index - 1] ?? '')?.[1];
    blocks.push({ file, line: index + 1, language: fence[1] ?? '', text: lines.slice(index + 1, end).join('\n'), ...(notRun ? { notRun } : {}) });
    index = end;
  }
  return blocks;
}

const documents = ['README.md', ...readdirSync(path.join(repositoryRoot, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const blocks = documents.flatMap(blocksOf);

let project: string;
let removeProject: () => Promise<void>;
const stream = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: app\nspec:\n  lookupPolicy:\n    local: true\n';

beforeAll(async () => {
  ({ directory: project, remove: removeProject } = await makeTempDirectory());
  await cp(path.join(repositoryRoot, 'examples'), path.join(project, 'examples'), { recursive: true });
  await mkdir(path.join(project, 'deploy'));
  await writeFile(path.join(project, 'deploy/stream.yaml'), stream);
  // The files the decode examples name.
  const example = await readFile(path.join(repositoryRoot, 'examples/imagestream-ruby.yaml'));
  for (const name of ['manifests.yaml', 'a.yaml']) await writeFile(path.join(project, name), example);
  await cp(path.join(repositoryRoot, 'examples/list.json'), path.join(project, 'b.json'));
  // This repository's packages, installed as a user's project has them; `npx X` runs node_modules/.bin/X.
  await mkdir(path.join(project, 'node_modules/@ocp-image'), { recursive: true });
  for (const name of ['cli', 'eslint-plugin', 'schemas', 'validator']) {
    await symlink(path.join(repositoryRoot, 'packages', name), path.join(project, 'node_modules/@ocp-image', name), 'dir');
  }
  await mkdir(path.join(project, 'node_modules/.bin'));
  await writeFile(path.join(project, 'node_modules/.bin/ocp-image'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  await writeFile(path.join(project, 'node_modules/.bin/eslint'), `#!/bin/sh\nexec "${eslintPath}" "$@"\n`);
  for (const name of ['ocp-image', 'eslint']) await chmod(path.join(project, 'node_modules/.bin', name), 0o755);
});
afterAll(() => removeProject());

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A shell command in the scratch project, with its tools on PATH (`npx X` is X from node_modules/.bin). */
function shell(command: string, input?: string, cwd = project): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.join(project, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const result = spawnSync('sh', ['-c', command.replace(/\bnpx (?:--no-install )?(ocp-image|eslint)\b/g, '$1')], { cwd, env, input, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Ran as documented: 0 (no problems) or 1 (problems found), never a usage error or a crash. */
function expectRan(run: Run, what: string): void {
  expect(run.stderr, what).not.toMatch(/\n\s+at |Error \[|could not find plugin|Cannot find/i);
  expect([0, 1], `${what}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toContain(run.status);
}

/** The commands of a shell block, comments and blank lines left out. */
function commandsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

const runnable = /^(?:npx (?:--no-install )?)?(?:ocp-image|eslint)\b/;

function runShellBlock(block: Block): void {
  for (const command of commandsOf(block.text)) {
    // Each part of a pipeline or chain is one of our commands; anything else must be marked not-run.
    for (const part of command.split(/\s*(?:&&|\|\||\|)\s*/)) {
      expect(part, `${block.file}:${block.line}: "${part}" cannot run here; mark the block <!-- not-run: reason -->`).toMatch(runnable);
    }
    const run = shell(command);
    expectRan(run, `${block.file}:${block.line}: ${command}`);
    if (/ > (\S+)$/.test(command)) JSON.parse(readFileSync(path.join(project, / > (\S+)$/.exec(command)![1]!), 'utf8'));
  }
}

/** The ocp-image commands a CI config runs, `npm ci` left out: the scratch project is installed already. */
function ciCommands(value: unknown): string[] {
  if (typeof value === 'string') return [];
  if (Array.isArray(value)) return value.flatMap(ciCommands);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own: string[] = [];
  if (typeof record.run === 'string' && record.run !== 'npm ci') own.push(record.run);
  if (Array.isArray(record.script)) own.push(record.script.filter((line) => line !== 'npm ci').join('\n'));
  return [...own, ...Object.values(record).flatMap(ciCommands)];
}

async function runYamlBlock(block: Block): Promise<void> {
  const where = `${block.file}:${block.line}`;
  const firstLine = block.text.split('\n')[0] ?? '';
  if (firstLine === '# ocp-image.config.yaml') {
    // Loaded by the CLI's loader: a config it refuses is a usage error (exit 2) naming the problem.
    const directory = path.join(project, `config-${block.line}`);
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, 'ocp-image.config.yaml'), block.text);
    await cp(path.join(project, 'deploy'), path.join(directory, 'deploy'), { recursive: true });
    expectRan(shell('ocp-image validate deploy/', undefined, directory), where);
    return;
  }
  const value = parseYaml(block.text) as unknown;
  if (/^# \.github\/workflows\/|^# \.gitlab-ci\.yml/.test(firstLine)) {
    const commands = ciCommands(value);
    expect(commands.length, where).toBeGreaterThan(0);
    for (const command of commands) expectRan(shell(command.replace(/\$\{\{[^}]*\}\}/g, '')), `${where}: ${command}`);
    return;
  }
  const hooks = (Array.isArray(value) ? value : ((value as { repos?: { hooks: unknown[] }[] }).repos ?? []).flatMap((repo) => repo.hooks)) as {
    id?: string;
    args?: string[];
    entry?: string;
  }[];
  if (hooks.length > 0 && hooks.every((hook) => typeof hook.id === 'string')) {
    // A pre-commit config: our hook by its id (or a local hook with its entry), its args passed to the command.
    const published = parseYaml(readFileSync(path.join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string }[];
    for (const hook of hooks) {
      const entry = hook.entry ?? published.find((candidate) => candidate.id === hook.id)?.entry;
      expect(entry, `${where}: hook ${hook.id}`).toMatch(runnable);
      expectRan(shell(`${entry} ${(hook.args ?? []).join(' ')} deploy/stream.yaml`), `${where}: hook ${hook.id}`);
    }
    return;
  }
  // A manifest or a part of one: validated as it stands.
  expectRan(shell('ocp-image validate -', block.text), where);
}

async function runJavaScriptBlock(block: Block): Promise<void> {
  // An ESLint config: eslint.config.mjs of the scratch project, run by the real eslint.
  const directory = path.join(project, `eslint-${block.file.replace(/\W/g, '-')}-${block.line}`);
  await mkdir(directory);
  await symlink(path.join(project, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  await cp(path.join(project, 'deploy'), path.join(directory, 'deploy'), { recursive: true });
  await cp(path.join(project, 'examples'), path.join(directory, 'examples'), { recursive: true });
  await writeFile(path.join(directory, 'eslint.config.mjs'), block.text);
  await writeFile(path.join(directory, 'index.js'), 'export const answer = 42;\n');
  const run = shell('npx eslint .', undefined, directory);
  expectRan(run, `${block.file}:${block.line}`);
  // The config lints the manifests (a config that silently matched nothing would prove nothing).
  const listed = shell('npx eslint --format json .', undefined, directory);
  const results = JSON.parse(listed.stdout) as { filePath: string }[];
  expect(results.some((result) => result.filePath.endsWith('.yaml')), `${block.file}:${block.line} lints no manifest`).toBe(true);
}

function runJsonBlock(block: Block): void {
  const where = `${block.file}:${block.line}`;
  const value = JSON.parse(block.text) as Record<string, unknown>;
  const lintStaged = value['lint-staged'] as Record<string, string> | undefined;
  if (lintStaged) {
    // lint-staged appends the staged files' names.
    for (const command of Object.values(lintStaged)) expectRan(shell(`${command} deploy/stream.yaml`), where);
  }
  const schemas = value['yaml.schemas'] as Record<string, string[]> | undefined;
  for (const schemaPath of Object.keys(schemas ?? {})) JSON.parse(readFileSync(path.join(project, schemaPath), 'utf8'));
}

describe('every command and config in README.md and docs/', () => {
  it('finds the blocks', () => {
    expect(blocks.length).toBeGreaterThan(30);
    for (const block of blocks) expect(block.notRun === undefined || block.notRun.length > 10, `${block.file}:${block.line}: say why it cannot run`).toBe(true);
  });

  for (const block of blocks) {
    const title = `${block.file}:${block.line} (${block.language || 'text'})${block.notRun ? ` — not run: ${block.notRun}` : ''}`;
    if (block.notRun || block.language === '') {
      it.skip(title, () => {});
      continue;
    }
    it(
      title,
      async () => {
        switch (block.language) {
          case 'sh':
            runShellBlock(block);
            break;
          case 'yaml':
            await runYamlBlock(block);
            break;
          case 'js':
            await runJavaScriptBlock(block);
            break;
          case 'json':
            runJsonBlock(block);
            break;
          default:
            throw new Error(`${block.file}:${block.line}: no runner for \`${block.language}\` blocks; mark it <!-- not-run: reason -->`);
        }
      },
      120_000,
    );
  }
});
