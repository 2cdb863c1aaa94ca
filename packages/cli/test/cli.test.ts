import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, makeTempDirectory, parseJsonOutput, runCli } from './helpers.js';

const validStream = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ok\nspec:\n  lookupPolicy:\n    local: true\n';
/** A Template holding an ImageStream with the legacy `apiVersion: v1`: valid, with one warning (legacy-api-version). */
const legacyStream = 'apiVersion: template.openshift.io/v1\nkind: Template\nmetadata:\n  name: legacy\nobjects:\n- apiVersion: v1\n  kind: ImageStream\n  metadata:\n    name: legacy\n';
const brokenYaml = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: [broken\n';
const unknownField = `${validStream}  colour: blue\n`;
const deprecatedRepository = `${validStream}  dockerImageRepository: quay.io/org/ok\n`;

let workspace: string;
let removeWorkspace: () => Promise<void>;
beforeAll(async () => {
  ({ directory: workspace, remove: removeWorkspace } = await makeTempDirectory());
  await writeFile(path.join(workspace, 'valid.yaml'), validStream);
  await writeFile(path.join(workspace, 'legacy.yaml'), legacyStream);
  await writeFile(path.join(workspace, 'broken.yaml'), brokenYaml);
  await writeFile(path.join(workspace, 'unknown-field.yaml'), unknownField);
  await writeFile(path.join(workspace, 'deprecated.yaml'), deprecatedRepository);
});
afterAll(() => removeWorkspace());

const inWorkspace = (args: string[], env?: Record<string, string | undefined>) => runCli(args, { cwd: workspace, ...(env ? { env } : {}) });

describe('--version and --help', () => {
  it('prints the version of the package', async () => {
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(cliPath), '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    }
  });

  it('lists the commands, and each command its options', async () => {
    const [main, validate] = await Promise.all([runCli(['--help']), runCli(['validate', '--help'])]);
    expect(main.code).toBe(0);
    for (const command of ['validate', 'explain', 'schema', 'rules']) expect(main.stdout).toContain(command);
    expect(validate.code).toBe(0);
    for (const option of ['--strict', '--rule', '--config', '--format', '--output-file', '--max-warnings', '--quiet', '--jobs', '--color', '--no-color', '--ignore-pattern', '--stdin-filename']) {
      expect(validate.stdout).toContain(option);
    }
    expect(validate.stdout).toContain('Exit codes: 0');
  });
});

describe('exit codes', () => {
  it('0 when there are no problems', async () => {
    const result = await inWorkspace(['validate', 'valid.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ No problems');
  });

  it('1 when there are errors', async () => {
    expect((await inWorkspace(['validate', 'broken.yaml'])).code).toBe(1);
  });

  it('0 with warnings only, 1 once they exceed --max-warnings, with a message on stderr', async () => {
    const [unlimited, withinLimit, overLimit] = await Promise.all([
      inWorkspace(['validate', 'legacy.yaml']),
      inWorkspace(['validate', '--max-warnings', '1', 'legacy.yaml']),
      inWorkspace(['validate', '--max-warnings', '0', 'legacy.yaml']),
    ]);
    expect(unlimited.code).toBe(0);
    expect(unlimited.stdout).toContain('legacy-api-version');
    expect(withinLimit.code).toBe(0);
    expect(overLimit.code).toBe(1);
    expect(overLimit.stderr).toBe('ocp-image found too many warnings (1; maximum: 0).\n');
  });

  it('2, never 1, for every kind of broken invocation, with one clear line and no stack trace', async () => {
    const invocations = [
      ['validate', '--format', 'xml', 'valid.yaml'],
      ['validate', '--jobs', '0', 'valid.yaml'],
      ['validate', '--jobs', 'many', 'valid.yaml'],
      ['validate', '--max-warnings', '-2', 'valid.yaml'],
      ['validate', '--max-warnings', '1.5', 'valid.yaml'],
      ['validate', '--rule', 'legacy-api-version', 'valid.yaml'],
      ['validate', '--rule', 'legacy-api-version=loud', 'valid.yaml'],
      ['validate', '--rule', 'legacy-api-versoin=off', 'valid.yaml'],
      ['validate', '--frmat', 'json', 'valid.yaml'],
      ['validate', 'missing.yaml'],
      ['validate', 'missing/**/*.yaml'],
      ['validate', '--stdin-filename', 'x.yaml', 'valid.yaml'],
      ['validate', '-', '-'],
      ['validate', '--config', 'no-such-config.json', 'valid.yaml'],
      ['validate', '--ignore-pattern', ' ', 'valid.yaml'],
      ['validate', '--cache-strategy', 'mtime', 'valid.yaml'],
      ['explain'],
      ['schema', 'ImageStreem'],
    ];
    const results = await Promise.all(invocations.map((args) => inWorkspace(args)));
    results.forEach((result, index) => {
      const context = invocations[index]!.join(' ');
      expect(result.code, context).toBe(2);
      expect(result.stderr, context).toMatch(/^ocp-image: \S/);
      expect(result.stderr, context).not.toMatch(/\n\s+at /);
      expect(result.stdout, context).toBe('');
    });
    const byArgs = (fragment: string) => results[invocations.findIndex((args) => args.join(' ').includes(fragment))]!.stderr;
    expect(byArgs('xml')).toContain('Allowed choices are stylish, json, sarif, junit, github, compact');
    expect(byArgs('legacy-api-versoin')).toContain('unknown rule "legacy-api-versoin"; did you mean "legacy-api-version"?');
    expect(byArgs('--frmat')).toContain('(Did you mean --format?)');
    expect(byArgs('missing.yaml')).toContain('No such file or directory: "missing.yaml"');
    expect(byArgs('missing/**')).toContain('No .yaml, .yml or .json files matching the pattern "missing/**/*.yaml" were found.');
    expect(byArgs('ImageStreem')).toContain('did you mean "ImageStream"?');
    expect(byArgs('mtime')).toContain('Allowed choices are metadata, content');
  });

  it('--no-error-on-unmatched-pattern turns a pattern that matches nothing into an empty run', async () => {
    const result = await inWorkspace(['validate', '--no-error-on-unmatched-pattern', 'missing.yaml', 'valid.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Checked 1 file');
  });
});

describe('options', () => {
  it('--quiet reports errors only, so warnings no longer count against --max-warnings', async () => {
    const result = await inWorkspace(['validate', '--quiet', '--max-warnings', '0', '--format', 'json', 'legacy.yaml', 'broken.yaml']);
    expect(result.code).toBe(1);
    const messages = parseJsonOutput(result.stdout).flatMap((file) => file.messages);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => message.severity === 2)).toBe(true);
    const quietWarningsOnly = await inWorkspace(['validate', '--quiet', '--max-warnings', '0', 'legacy.yaml']);
    expect(quietWarningsOnly.code).toBe(0);
  });

  it('--rule changes a severity or turns a rule off', async () => {
    const [asError, off, syntaxAsWarning] = await Promise.all([
      inWorkspace(['validate', '--format', 'json', '--rule', 'legacy-api-version=error', 'legacy.yaml']),
      inWorkspace(['validate', '--format', 'json', '--rule', 'legacy-api-version=off', 'legacy.yaml']),
      inWorkspace(['validate', '--format', 'json', '--rule', 'yaml-syntax=warn', 'broken.yaml']),
    ]);
    expect(asError.code).toBe(1);
    expect(parseJsonOutput(asError.stdout)[0]?.messages[0]).toMatchObject({ ruleId: 'legacy-api-version', severity: 2 });
    expect(off.code).toBe(0);
    expect(parseJsonOutput(off.stdout)[0]?.messages).toEqual([]);
    expect(syntaxAsWarning.code).toBe(0);
    expect(parseJsonOutput(syntaxAsWarning.stdout)[0]?.messages[0]).toMatchObject({ ruleId: 'yaml-syntax', severity: 1 });
  });

  it('unknown fields are errors, as `oc apply` rejects them; --rule lowers them', async () => {
    const [plain, lowered] = await Promise.all([
      inWorkspace(['validate', '--format', 'json', 'unknown-field.yaml']),
      inWorkspace(['validate', '--format', 'json', '--rule', 'unknown-field=warn', 'unknown-field.yaml']),
    ]);
    expect(plain.code).toBe(1);
    expect(parseJsonOutput(plain.stdout)[0]?.messages).toContainEqual(expect.objectContaining({ ruleId: 'unknown-field', severity: 2, path: 'spec.colour' }));
    expect(lowered.code).toBe(0);
    expect(parseJsonOutput(lowered.stdout)[0]?.messages).toContainEqual(expect.objectContaining({ ruleId: 'unknown-field', severity: 1 }));
  });

  it('--strict makes the warnings of rules outside the lint category errors; --no-strict keeps them warnings', async () => {
    const [plain, strict, notStrict] = await Promise.all([
      inWorkspace(['validate', '--format', 'json', 'deprecated.yaml']),
      inWorkspace(['validate', '--format', 'json', '--strict', 'deprecated.yaml']),
      inWorkspace(['validate', '--format', 'json', '--no-strict', 'deprecated.yaml']),
    ]);
    expect(plain.code).toBe(0);
    expect(notStrict.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(parseJsonOutput(strict.stdout)[0]?.messages).toContainEqual(
      expect.objectContaining({ ruleId: 'deprecated-docker-image-repository', severity: 2, path: 'spec.dockerImageRepository' }),
    );
  });

  it('--output-file writes the report (creating directories) and leaves stdout empty', async () => {
    const result = await inWorkspace(['validate', '--format', 'json', '--output-file', 'reports/ocp-image.json', 'legacy.yaml'], { FORCE_COLOR: '1' });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const report = parseJsonOutput(await readFile(path.join(workspace, 'reports', 'ocp-image.json'), 'utf8'));
    expect(report[0]?.messages[0]?.ruleId).toBe('legacy-api-version');
    const stylishToFile = await inWorkspace(['validate', '--output-file', 'reports/stylish.txt', 'legacy.yaml'], { FORCE_COLOR: '1' });
    expect(stylishToFile.code).toBe(0);
    expect(await readFile(path.join(workspace, 'reports', 'stylish.txt'), 'utf8')).not.toContain('\u001b[');
  });

  it('--output-file that cannot be written is a usage error', async () => {
    await mkdir(path.join(workspace, 'a-directory'), { recursive: true });
    const result = await inWorkspace(['validate', '--output-file', 'a-directory', 'valid.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ocp-image: Cannot write --output-file a-directory: /);
  });

  it('colours follow --color/--no-color, then NO_COLOR, then FORCE_COLOR', async () => {
    const runs = await Promise.all([
      inWorkspace(['validate', 'legacy.yaml']),
      inWorkspace(['validate', 'legacy.yaml'], { FORCE_COLOR: '1' }),
      inWorkspace(['validate', 'legacy.yaml'], { FORCE_COLOR: '1', NO_COLOR: '1' }),
      inWorkspace(['validate', '--color', 'legacy.yaml'], { NO_COLOR: '1' }),
      inWorkspace(['validate', '--no-color', 'legacy.yaml'], { FORCE_COLOR: '1' }),
      inWorkspace(['validate', 'legacy.yaml'], { FORCE_COLOR: '0' }),
    ]);
    expect(runs.map((result) => result.stdout.includes('\u001b['))).toEqual([false, true, false, true, false, false]);
  });
});

describe('the default command', () => {
  it('treats a first argument that is not a command as a path to validate', async () => {
    const [explicit, implicit] = await Promise.all([inWorkspace(['validate', 'legacy.yaml']), inWorkspace(['legacy.yaml'])]);
    expect(implicit).toEqual(explicit);
  });

  it('says "did you mean" for a mistyped command that is no existing path, and validates a path that exists', async () => {
    const [valdate, rule, unknown, glob] = await Promise.all([
      inWorkspace(['valdate', 'valid.yaml']),
      inWorkspace(['rule']),
      inWorkspace(['nothing-like-a-command', 'valid.yaml']),
      inWorkspace(['valdate*']),
    ]);
    expect([valdate.code, valdate.stdout]).toEqual([2, '']);
    expect(valdate.stderr).toBe('ocp-image: Unknown command valdate; did you mean validate? (a file of that name does not exist either)\n(ocp-image --help shows the usage)\n');
    expect(rule.stderr).toContain('Unknown command rule; did you mean rules?');
    // Far from every command: a path that does not exist; a glob pattern is never a command.
    expect([unknown.code, unknown.stderr]).toEqual([2, 'ocp-image: No such file or directory: "nothing-like-a-command".\n']);
    expect([glob.code, glob.stderr]).toEqual([2, 'ocp-image: No .yaml, .yml or .json files matching the pattern "valdate*" were found.\n']);

    const { directory, remove } = await makeTempDirectory();
    try {
      await writeFile(path.join(directory, 'valdate'), legacyStream);
      const file = await runCli(['valdate'], { cwd: directory });
      expect([file.code, file.stderr]).toEqual([0, '']);
      expect(file.stdout).toContain('Checked 1 file');
    } finally {
      await remove();
    }
  });

  it('validates the working directory when given no paths', async () => {
    const { directory, remove } = await makeTempDirectory();
    try {
      await writeFile(path.join(directory, 'one.yaml'), validStream);
      await writeFile(path.join(directory, 'two.yml'), legacyStream);
      const [bare, validate] = await Promise.all([runCli([], { cwd: directory }), runCli(['validate'], { cwd: directory })]);
      expect(bare.code).toBe(0);
      expect(bare.stdout).toContain('Checked 2 files');
      expect(validate).toEqual(bare);
    } finally {
      await remove();
    }
  });
});

describe('standard input', () => {
  it('reads "-" and names it <stdin>, or what --stdin-filename says', async () => {
    const [anonymous, named] = await Promise.all([
      runCli(['validate', '--format', 'json', '-'], { cwd: workspace, input: legacyStream }),
      runCli(['validate', '--format', 'json', '-', '--stdin-filename', 'deploy/stream.yaml'], { cwd: workspace, input: brokenYaml }),
    ]);
    expect(anonymous.code).toBe(0);
    expect(parseJsonOutput(anonymous.stdout)[0]).toMatchObject({ filePath: '<stdin>', warningCount: 1 });
    expect(named.code).toBe(1);
    expect(parseJsonOutput(named.stdout)[0]).toMatchObject({ filePath: path.join('deploy', 'stream.yaml'), errorCount: 1 });
  });

  it('mixes standard input with files, in command-line order', async () => {
    const result = await runCli(['validate', '--format', 'json', 'valid.yaml', '-', 'legacy.yaml'], { cwd: workspace, input: brokenYaml });
    expect(parseJsonOutput(result.stdout).map((file) => file.filePath)).toEqual(['valid.yaml', '<stdin>', 'legacy.yaml']);
    expect(result.code).toBe(1);
  });
});
