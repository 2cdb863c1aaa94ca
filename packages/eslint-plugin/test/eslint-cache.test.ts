import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { packageRoot, repoRoot } from './support.js';

// `eslint --cache` keys its cache on the config, in which a plugin stands as `namespace:name@version`
// from its meta: a new version of the plugin must make ESLint lint every file again.
const eslintBin = path.join(repoRoot, 'node_modules/.bin/eslint');
const project = mkdtempSync(path.join(os.tmpdir(), 'ocp-image-eslint-cache-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const examples = ['imagestream-nodejs.yaml', 'list.json'];
for (const name of examples) copyFileSync(path.join(repoRoot, 'examples', name), path.join(project, name));
// The built plugin, as users get it; PLUGIN_VERSION stands for a newer release of it.
writeFileSync(
  path.join(project, 'eslint.config.mjs'),
  `import ocpImage from ${JSON.stringify(pathToFileURL(path.join(packageRoot, 'dist/index.js')).href)};
const version = process.env.PLUGIN_VERSION ?? ocpImage.meta.version;
const plugin = { ...ocpImage, meta: { ...ocpImage.meta, version } };
export default ocpImage.configs.recommended.map((config) => ({ ...config, plugins: { ...config.plugins, 'ocp-image': plugin } }));
`,
);

function eslint(env: Record<string, string> = {}) {
  const run = spawnSync(eslintBin, ['--cache', '--cache-location', '.eslintcache', '--format', 'json', '.'], {
    cwd: project,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DEBUG: 'eslint:eslint-helpers,eslint:lint-result-cache', ...env },
  });
  if (run.error) throw run.error;
  const skipped = examples.filter((name) => run.stderr.includes(`Skipping file since it hasn't changed: ${path.join(project, name)}`));
  return { status: run.status, results: JSON.parse(run.stdout) as { filePath: string; messages: unknown[] }[], skipped };
}

describe('eslint --cache', () => {
  it("the plugin's meta names the package and its version", () => {
    const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toMatchObject({ name: manifest.name, version: manifest.version });
  });

  it('reuses results of unchanged files, and lints them again when the plugin version changes', () => {
    const first = eslint();
    expect(first.status).toBe(1);
    expect(first.skipped).toEqual([]);
    expect(first.results.flatMap((result) => result.messages).length).toBeGreaterThan(0);
    expect(readFileSync(path.join(project, '.eslintcache'), 'utf8')).toContain('hashOfConfig');

    const again = eslint();
    expect(again.skipped).toEqual(examples);
    expect([again.status, again.results]).toEqual([first.status, first.results]);

    const upgraded = eslint({ PLUGIN_VERSION: `${plugin.meta.version}-next` });
    expect(upgraded.skipped).toEqual([]);
    expect([upgraded.status, upgraded.results]).toEqual([first.status, first.results]);
  }, 120_000);
});
