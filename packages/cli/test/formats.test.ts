import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import AjvDraft04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, projectFixture, runCli, sharedDirectory, type RunResult } from './helpers.js';

// Golden files live in test/fixtures/golden; after an intended change of output (a new rule, a
// reworded message), review and rewrite them with `npx vitest run -u` in packages/cli.
const formats = ['stylish', 'json', 'sarif', 'junit', 'github', 'compact'] as const;
const golden = (name: string) => path.join('fixtures', 'golden', name);
const fixtureUri = pathToFileURL(`${projectFixture}${path.sep}`).href;

// One run per format over the whole fixture project, shared by every test below.
const runs = new Map<string, RunResult>();
beforeAll(async () => {
  const outputs = await Promise.all([
    ...formats.map((format) => runCli(['validate', '--jobs', '1', '--format', format, '.'])),
    runCli(['validate', '--jobs', '2', '--format', 'json', '.']),
    runCli(['validate', '--jobs', '2', '--format', 'stylish', '.']),
    runCli(['validate', '--jobs', '1', '--color', '.']),
    runCli(['validate', '--jobs', '2', '--format', 'json', '.'], { env: { OCP_IMAGE_NO_BUNDLE: '1' } }),
  ]);
  formats.forEach((format, index) => runs.set(format, outputs[index]!));
  runs.set('json --jobs 2', outputs[formats.length]!);
  runs.set('stylish --jobs 2', outputs[formats.length + 1]!);
  runs.set('stylish --color', outputs[formats.length + 2]!);
  runs.set('json without the bundle', outputs[formats.length + 3]!);
});

function run(name: string): RunResult {
  const result = runs.get(name);
  if (!result) throw new Error(`no run ${name}`);
  return result;
}

describe('every format on the fixture project', () => {
  it.each(formats)('%s: exits 1 (the project has errors) and writes nothing to stderr', (format) => {
    expect(run(format).stderr).toBe('');
    expect(run(format).code).toBe(1);
  });

  it('stylish matches its golden output', async () => {
    await expect(run('stylish').stdout).toMatchFileSnapshot(golden('stylish.txt'));
  });
  it('json matches its golden output', async () => {
    await expect(JSON.stringify(JSON.parse(run('json').stdout), null, 2)).toMatchFileSnapshot(golden('json.json'));
  });
  it('sarif matches its golden output', async () => {
    // The rule table follows the registry and is checked on its own below; the golden keeps the rest.
    const log = JSON.parse(run('sarif').stdout.replaceAll(fixtureUri, 'file:///FIXTURE/')) as Log;
    log.runs[0]!.tool.driver.rules = [];
    await expect(`${JSON.stringify(log, null, 2)}\n`).toMatchFileSnapshot(golden('sarif.json'));
  });
  it('junit matches its golden output', async () => {
    await expect(run('junit').stdout).toMatchFileSnapshot(golden('junit.xml'));
  });
  it('github matches its golden output', async () => {
    await expect(run('github').stdout).toMatchFileSnapshot(golden('github.txt'));
  });
  it('compact matches its golden output', async () => {
    await expect(run('compact').stdout).toMatchFileSnapshot(golden('compact.txt'));
  });

  it('--jobs 2 writes byte-identical output to --jobs 1', () => {
    expect(run('json --jobs 2').stdout).toBe(run('json').stdout);
    expect(run('stylish --jobs 2').stdout).toBe(run('stylish').stdout);
  });

  it('the bundled and the unbundled CLI write the same output', () => {
    expect(run('json without the bundle').stdout).toBe(run('json').stdout);
  });

  it('stylish without a terminal has no colours; --color adds them and changes nothing else', () => {
    const plain = run('stylish').stdout;
    const colored = run('stylish --color').stdout;
    expect(plain).not.toContain('\u001b[');
    expect(colored).toContain('\u001b[31merror');
    expect(stripVTControlCharacters(colored)).toBe(plain);
  });
});

describe('stylish', () => {
  it('lists files in sorted order, skips non-manifest files, and sums up what it checked', () => {
    const output = run('stylish').stdout;
    expect(output.indexOf('broken.yaml')).toBeLessThan(output.indexOf('legacy.yaml'));
    expect(output).not.toContain('notes.txt');
    expect(output).toMatch(/^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)$/m);
    expect(output).toMatch(/^Checked 7 files: 7 image objects \(6 ImageStream, 1 ImageStreamTag\); skipped 1 object of other kinds\n\(1 Deployment\) and 1 file without Kubernetes objects\.$/m);
    for (const line of output.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
  });
});

describe('json', () => {
  it('follows the contract: every key on every message, severity 1 or 2, counts per file', () => {
    const results = parseJsonOutput(run('json').stdout);
    expect(results.map((result) => result.filePath)).toEqual([
      'broken.yaml',
      'empty.yaml',
      'imagestreams.yaml',
      'legacy.yaml',
      path.join('nested', 'list.json'),
      'with space.yaml',
      'ünïcødé.yml',
    ]);
    const keys = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'path', 'serverPath', 'documentIndex', 'kind', 'name', 'messageId'];
    // As in ESLint, only when they apply.
    const optionalKeys = ['fatal', 'fix', 'suggestions'];
    for (const result of results) {
      expect(Object.keys(result)).toEqual(['filePath', 'messages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']);
      expect(result.errorCount).toBe(result.messages.filter((message) => message.severity === 2).length);
      expect(result.warningCount).toBe(result.messages.filter((message) => message.severity === 1).length);
      for (const message of result.messages) {
        expect(Object.keys(message).filter((key) => !optionalKeys.includes(key))).toEqual(keys);
        expect([1, 2]).toContain(message.severity);
        expect(message.line).toBeGreaterThanOrEqual(1);
        expect(message.column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('reports YAML syntax errors with ruleId yaml-syntax at their line', () => {
    const broken = parseJsonOutput(run('json').stdout).find((result) => result.filePath === 'broken.yaml');
    expect(broken?.messages[0]).toMatchObject({ ruleId: 'yaml-syntax', severity: 2, kind: null, name: null, fatal: true });
    expect(broken?.messages[0]?.line).toBeGreaterThanOrEqual(4);
  });

  it('reports warnings with severity 1 and the object they are about', () => {
    const legacy = parseJsonOutput(run('json').stdout).find((result) => result.filePath === 'legacy.yaml');
    expect(legacy?.messages).toContainEqual(expect.objectContaining({ ruleId: 'legacy-api-version', severity: 1, kind: 'ImageStream', name: 'legacy' }));
  });
});

describe('sarif', () => {
  const schemaPath = path.join(sharedDirectory, 'reference', 'sarif-schema-2.1.0.json');
  const schemaPresent = existsSync(schemaPath);
  if (!schemaPresent) console.warn(`SKIPPED: SARIF schema validation needs ${schemaPath} (../shared is absent).`);

  it.skipIf(!schemaPresent)('validates against the official SARIF 2.1.0 schema', () => {
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    const valid = validate(JSON.parse(run('sarif').stdout));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has one run with the whole rule registry, relative URIs, 1-based regions and fingerprints', () => {
    const log = JSON.parse(run('sarif').stdout) as Log;
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    const rules = sarifRun!.tool.driver.rules ?? [];
    const ruleIds = rules.map((rule) => rule.id);
    expect(ruleIds).toEqual(expect.arrayContaining(['yaml-syntax', 'legacy-api-version', 'file-read', 'file-encoding']));
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text).toBeTruthy();
    }
    expect(sarifRun!.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(fixtureUri);
    const results = sarifRun!.results ?? [];
    expect(results.length).toBeGreaterThan(0);
    const fingerprints = new Set<string>();
    for (const result of results) {
      expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      const location = result.locations![0]!.physicalLocation!;
      expect(location.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(location.artifactLocation!.uri).not.toMatch(/^(\/|file:)/);
      const region = location.region!;
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine!);
      const fingerprint = result.partialFingerprints?.['ocpImageFinding/v1'];
      expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
      fingerprints.add(fingerprint!);
    }
    expect(fingerprints.size).toBe(results.length);
  });
});

describe('junit', () => {
  it('has a test suite per file and a test case per image object', () => {
    const xml = run('junit').stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ocp-image"')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(7);
    expect(xml).toContain('name="ImageStream/a (document 1, items[0])"');
    expect(xml).toMatch(/<testcase classname="broken.yaml" name="\(file\)" file="broken.yaml">\s*<failure message="[^"]+" type="yaml-syntax">\d+:\d+ error yaml-syntax /);
  });
});

describe('github', () => {
  it('writes one workflow command per problem and a plain summary line', () => {
    const lines = run('github').stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^ocp-image: ✖ \d+ problems? .* in 7 files$/);
    const commands = lines.slice(0, -1);
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=[a-z0-9-]+::.+$/);
    expect(commands).toContainEqual(expect.stringMatching(/^::warning file=legacy.yaml,.*title=legacy-api-version::/));
  });
});
