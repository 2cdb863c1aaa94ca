import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDirectory } from './helpers.js';

// End-to-end proof that another repository can use ours as a pre-commit hook: pre-commit clones
// this repository, installs it with its node language (npm install, npm pack, npm install -g)
// and runs `ocp-image validate` on the staged YAML and JSON files. Needs git, pre-commit and the
// npm registry (or npm's cache). The target repository's config pins the hook by a release tag,
// made in a clone as docs/release.md makes it. The hook installs into a fresh store every time,
// so there is a single run: about 30-90 s on 2 cores with a warm npm cache, more with a cold one.
// It uses what is committed: uncommitted changes are not part of the clone.

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const hasCommand = (command: string) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
const available = hasCommand('pre-commit') && hasCommand('git');
if (!available) {
  console.warn('SKIPPED: the pre-commit integration test needs `pre-commit` and `git` on PATH (apt-get install pre-commit).');
}

/** The environment without npm's own variables, which would point npm back at this checkout. */
function cleanEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && name !== 'INIT_CWD' && name !== 'NODE_OPTIONS') env[name] = value;
  }
  return { ...env, ...extra };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 540_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!available)('pre-commit hook', () => {
  let root: string;
  let remove: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  let clone: string;
  let target: string;

  beforeAll(async () => {
    ({ directory: root, remove } = await makeTempDirectory());
    env = cleanEnvironment({ PRE_COMMIT_HOME: path.join(root, 'pre-commit-home'), NO_COLOR: '1' });
    clone = path.join(root, 'ocp-image');
    target = path.join(root, 'target');
    expect(run('git', ['clone', '--quiet', repositoryRoot, clone], root, env).status).toBe(0);
    const { version } = JSON.parse(await readFile(path.join(clone, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string };
    expect(run('git', ['tag', `v${version}`], clone, env).status).toBe(0);
    await mkdir(path.join(target, 'deploy'), { recursive: true });
    await writeFile(path.join(target, 'deploy', 'stream.yaml'), 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: app\n');
    await writeFile(path.join(target, 'deploy', 'broken.yaml'), 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: [app\n');
    await writeFile(path.join(target, 'deploy', 'list.json'), '{"apiVersion": "v1", "kind": "List", "items": []}\n');
    await writeFile(path.join(target, 'notes.txt'), 'name: [not checked because it is not YAML\n');
    // docs/pre-commit.md's configuration, with this clone for the repository's URL.
    await writeFile(path.join(target, '.pre-commit-config.yaml'), `repos:\n  - repo: ${clone}\n    rev: v${version}\n    hooks:\n      - id: ocp-image\n`);
    // A Helm chart: its template is passed to the hook like any staged YAML file, and skipped.
    await mkdir(path.join(target, 'charts', 'app', 'templates'), { recursive: true });
    await writeFile(path.join(target, 'charts', 'app', 'Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 0.1.0\n');
    await writeFile(path.join(target, 'charts', 'app', 'templates', 'stream.yaml'), 'kind: ImageStream\nmetadata:\n  name: {{ .Release.Name }}\n');
    for (const args of [['init', '--quiet'], ['add', '.']]) expect(run('git', args, target, env).status).toBe(0);
  }, 120_000);
  afterAll(() => remove());

  it('installs with `language: node` at a release tag, checks the YAML and JSON files and fails on the broken one', () => {
    const result = run('pre-commit', ['run', 'ocp-image', '--all-files', '--verbose'], target, env);
    expect(result.output).toMatch(/ocp-image\.+Failed/);
    expect(result.output).toMatch(/- exit code: 1\b/);
    expect(result.output).toContain(path.join('deploy', 'broken.yaml'));
    expect(result.output).toContain('yaml-syntax');
    expect(result.output).not.toContain(path.join('deploy', 'stream.yaml'));
    expect(result.output).toContain('✖ 1 problem (1 error, 0 warnings)');
    // stream.yaml, broken.yaml, list.json, .pre-commit-config.yaml and Chart.yaml; notes.txt is not
    // passed to the hook, the chart's template is passed and skipped with a notice.
    expect(result.output).toContain('Checked 5 files');
    expect(result.output).toContain('ocp-image: skipped 1 file that is a template for another tool');
    expect(result.output).not.toContain(path.join('charts', 'app', 'templates'));
    expect(result.output).not.toContain('notes.txt');
    expect(result.status).toBe(1);
  }, 600_000);
});
