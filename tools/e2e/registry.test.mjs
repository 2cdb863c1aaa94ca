// End to end, as a user outside this repository meets ocp-image: every public package is
// published to a throwaway local registry (verdaccio, no uplinks), then a fresh project installs
// @ocp-image/cli, @ocp-image/eslint-plugin and eslint with the commands of README.md's install
// section, and runs the CLI, ESLint and a pre-commit hook on a good and a broken manifest — with
// this Node and with the Node majors CI also supports (node-binaries.mjs).
//
// Where packages come from: the project's .npmrc maps the @ocp-image scope to the local registry,
// so our packages can only come from what this test published; everything else (eslint, ajv, yaml…)
// comes from the npm registry npm is configured with, through npm's cache (--prefer-offline).
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinary, nodeMajors } from './node-binaries.mjs';
import { startRegistry } from './registry.mjs';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const rootManifest = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8'));
const publicPackages = rootManifest.workspaces
  .map((directory) => ({ directory: path.join(repositoryRoot, directory), manifest: JSON.parse(readFileSync(path.join(repositoryRoot, directory, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => !manifest.private);

const hasCommand = (command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;

/** The environment without npm's own variables, which would point npm back at this checkout. */
function cleanEnvironment(extra = {}) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && name !== 'INIT_CWD' && name !== 'NODE_OPTIONS' && name !== 'OCP_IMAGE_DEBUG') env[name] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

const execFileAsync = promisify(execFile);
/** Runs a command without blocking (the registry answers from another process meanwhile). */
async function run(command, args, { cwd, env }) {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 300_000 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { status: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

const goodManifest = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: app\n';
/**
 * A GitOps repository as users keep one: a Helm chart (its templates are Go templates, not YAML), a
 * kustomize base, a GitHub workflow and plain manifests, one of them with a misspelt field.
 */
const gitOpsRepository = {
  'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
  'charts/app/values.yaml': 'image:\n  repository: quay.io/example/app\n  tag: "1.0"\n',
  'charts/app/templates/imagestream.yaml':
    'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  tags:\n{{- range .Values.tags }}\n  - name: {{ . | quote }}\n{{- end }}\n',
  'kustomize/base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - imagestream.yaml\n',
  'kustomize/base/imagestream.yaml': goodManifest,
  '.github/workflows/ci.yml': 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
  'manifests/ruby.yaml':
    'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ruby\nspec:\n  tags:\n    - name: "3.3"\n      from:\n        kind: DockerImage\n        name: quay.io/example/ruby:3.3\n      referencePolcy:\n        type: Local\n',
};
const brokenManifest = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: [app\n';
// README.md's ESLint configuration.
const eslintConfig = "import ocpImage from '@ocp-image/eslint-plugin';\n\nexport default [\n  ...ocpImage.configs.recommended,\n];\n";

describe('published packages, installed from a registry', () => {
  let scratch;
  let registry;
  let project;
  let env;
  const published = new Map();

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'ocp-image-e2e-'));
    registry = await startRegistry(mkdirAndReturn(path.join(scratch, 'registry')));
    const publisherConfig = path.join(scratch, 'publisher.npmrc');
    writeFileSync(publisherConfig, `//${new URL(registry.url).host}/:_authToken=${registry.token}\n`);
    env = cleanEnvironment({ NODE_COMPILE_CACHE: path.join(scratch, 'compile-cache') });
    for (const { directory, manifest } of publicPackages) {
      // --registry on the command line: nothing can send these to the public registry.
      const result = await run('npm', ['publish', '--json', '--registry', registry.url, '--userconfig', publisherConfig], { cwd: directory, env });
      expect(result.status, `${manifest.name}: ${result.stderr}`).toBe(0);
      published.set(manifest.name, JSON.parse(result.stdout)[manifest.name]);
    }

    project = path.join(scratch, 'project');
    mkdirSync(path.join(project, 'deploy'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{ "name": "e2e-project", "private": true }\n');
    writeFileSync(path.join(project, '.npmrc'), `@ocp-image:registry=${registry.url}\n`);
    writeFileSync(path.join(project, 'deploy', 'stream.yaml'), goodManifest);
    writeFileSync(path.join(project, 'deploy', 'broken.yaml'), brokenManifest);
    writeFileSync(path.join(project, 'eslint.config.mjs'), eslintConfig);
    for (const [file, text] of Object.entries(gitOpsRepository)) {
      mkdirSync(path.dirname(path.join(project, 'repo', file)), { recursive: true });
      writeFileSync(path.join(project, 'repo', file), text);
    }
    const install = await run('npm', ['install', '--save-dev', '@ocp-image/cli', '@ocp-image/eslint-plugin', 'eslint', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, env });
    expect(install.status, install.stderr).toBe(0);
  }, 600_000);

  afterAll(async () => {
    await registry?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('publishes every public package with README and LICENSE, and nothing that does not run', () => {
    expect([...published.keys()].sort()).toEqual(['@ocp-image/cli', '@ocp-image/eslint-plugin', '@ocp-image/schemas', '@ocp-image/validator']);
    for (const [name, summary] of published) {
      const files = summary.files.map((file) => file.path);
      expect(files, name).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
      expect(files.filter((file) => /\.map$|\.tsbuildinfo$|\.cache$|inputs\.json$|^src\/|^test\//.test(file)), name).toEqual([]);
    }
  });

  it('installs our packages from the local registry only, and their files name no path of this machine', () => {
    const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8'));
    const ours = Object.entries(lock.packages).filter(([key]) => key.startsWith('node_modules/@ocp-image/'));
    expect(ours.map(([key]) => key).sort()).toEqual(['node_modules/@ocp-image/cli', 'node_modules/@ocp-image/eslint-plugin', 'node_modules/@ocp-image/schemas', 'node_modules/@ocp-image/validator']);
    // The very tarballs published here (the lockfile may leave out `resolved`: npm's omit-lockfile-registry-resolved).
    for (const [key, entry] of ours) expect(entry.integrity, key).toBe(published.get(key.slice('node_modules/'.length)).integrity);
    const machinePath = repositoryRoot.replace(/\/$/, '');
    for (const file of filesUnder(path.join(project, 'node_modules', '@ocp-image'))) {
      expect(readFileSync(file, 'latin1').includes(machinePath), file).toBe(false);
    }
  });

  it('runs the CLI: the broken file fails with its line and rule, the good one passes', async () => {
    const all = await run('npx', ['ocp-image', 'validate', 'deploy/'], { cwd: project, env });
    expect(all.status).toBe(1);
    expect(all.stdout).toContain(path.join('deploy', 'broken.yaml'));
    expect(all.stdout).toMatch(/4:\d+\s+error\s.*yaml-syntax/);
    expect(all.stdout).not.toContain('stream.yaml');
    const good = await run('npx', ['ocp-image', 'validate', 'deploy/stream.yaml'], { cwd: project, env });
    expect(good.status).toBe(0);
  });

  it('runs ESLint with the recommended config: the same finding', async () => {
    const result = await run('npx', ['eslint', 'deploy/'], { cwd: project, env });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(path.join('deploy', 'broken.yaml'));
    expect(result.stdout).toMatch(/4:\d+\s+error\s.*ocp-image\/yaml-syntax/);
    expect(result.stdout).not.toContain('stream.yaml');
  });

  it('in a GitOps repository: no Helm noise, an error for a misspelt field, and the same findings from eslint (recommended) and the CLI', async () => {
    const cli = await run('npx', ['ocp-image', 'validate', 'repo/', '--format', 'json'], { cwd: project, env });
    const eslint = await run('npx', ['eslint', 'repo/', '--format', 'json'], { cwd: project, env });
    expect([cli.status, eslint.status]).toEqual([1, 1]);
    // One notice for the chart's template, on stderr; nothing about it in the report.
    expect(cli.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ocp-image: skipped 1 file that is a template for another tool \(below a Helm chart's templates\//)]);
    const summarize = (files, ruleId) =>
      files
        .flatMap((file) => file.messages.map((message) => [path.relative(project, path.resolve(project, file.filePath)), ruleId(message.ruleId), message.line, message.column, message.severity]))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const fromCli = summarize(JSON.parse(cli.stdout), (ruleId) => ruleId);
    expect(fromCli).toEqual([[path.join('repo', 'manifests', 'ruby.yaml'), 'unknown-field', 11, 7, 2]]);
    expect(summarize(JSON.parse(eslint.stdout), (ruleId) => ruleId.replace(/^ocp-image\//, ''))).toEqual(fromCli);
  });

  it.skipIf(!hasCommand('pre-commit') || !hasCommand('git'))('runs as a pre-commit hook from the installed CLI (docs/pre-commit.md)', async () => {
    writeFileSync(
      path.join(project, '.pre-commit-config.yaml'),
      'repos:\n  - repo: local\n    hooks:\n      - id: ocp-image\n        name: ocp-image\n        entry: npx --no-install ocp-image validate\n        language: system\n        types_or: [yaml, json]\n        require_serial: true\n',
    );
    writeFileSync(path.join(project, '.gitignore'), 'node_modules/\n');
    const hookEnv = { ...env, PRE_COMMIT_HOME: path.join(scratch, 'pre-commit-home') };
    for (const args of [['init', '--quiet'], ['add', '.']]) expect((await run('git', args, { cwd: project, env: hookEnv })).status).toBe(0);
    const result = await run('pre-commit', ['run', '--all-files'], { cwd: project, env: hookEnv });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toMatch(/ocp-image\.+Failed/);
    expect(output).toContain('yaml-syntax');
    expect(result.status).toBe(1);
  });

  describe.each(nodeMajors)('on Node %i', (major) => {
    const { binary, problem } = nodeBinary(major);
    if (problem) console.warn(`SKIPPED: Node ${major}: ${problem}`);

    it.skipIf(!binary)('the CLI and ESLint report what they report on this Node', async () => {
      const cli = ['node_modules/@ocp-image/cli/bin/ocp-image.js', 'validate', 'deploy/', '--format', 'json'];
      const eslint = ['node_modules/eslint/bin/eslint.js', 'deploy/', '--format', 'json'];
      const [cliHere, cliThere, eslintHere, eslintThere] = await Promise.all([
        run(process.execPath, cli, { cwd: project, env }),
        run(binary, cli, { cwd: project, env }),
        run(process.execPath, eslint, { cwd: project, env }),
        run(binary, eslint, { cwd: project, env }),
      ]);
      expect(cliThere.stderr).toBe('');
      expect([cliThere.status, eslintThere.status]).toEqual([1, 1]);
      expect(JSON.parse(cliThere.stdout)).toEqual(JSON.parse(cliHere.stdout));
      expect(JSON.parse(eslintThere.stdout)).toEqual(JSON.parse(eslintHere.stdout));
      expect(JSON.parse(cliThere.stdout).flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual(['yaml-syntax']);
    });

    it.skipIf(!binary)('the CLI writes its code cache on the first run and starts from it on the next', () => expectCodeCacheMadeAndUsed(binary, `${major}`));
  });

  it('on this Node, the CLI writes its code cache on the first run and starts from it on the next', () => expectCodeCacheMadeAndUsed(process.execPath, 'this'));

  async function expectCodeCacheMadeAndUsed(node, name) {
    const cacheEnv = { ...env, OCP_IMAGE_DEBUG: '1', NODE_COMPILE_CACHE: path.join(scratch, `compile-cache-${name}`) };
    const cli = ['node_modules/@ocp-image/cli/bin/ocp-image.js', 'validate', 'deploy/stream.yaml'];
    expect((await run(node, cli, { cwd: project, env: cacheEnv })).stderr).toBe('ocp-image: running dist/bundle/ (code cache: none)\n');
    expect((await run(node, cli, { cwd: project, env: cacheEnv })).stderr).toBe('ocp-image: running dist/bundle/ (code cache: used)\n');
  }
});

function mkdirAndReturn(directory) {
  mkdirSync(directory, { recursive: true });
  return directory;
}

function* filesUnder(directory) {
  for (const entry of readdirSync(directory)) {
    const file = path.join(directory, entry);
    if (statSync(file).isDirectory()) yield* filesUnder(file);
    else yield file;
  }
}
