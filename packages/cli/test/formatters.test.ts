import path from 'node:path';
import type { Finding } from '@ocp-image/validator';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { format as compact } from '../src/formatters/compact.js';
import { format as github } from '../src/formatters/github.js';
import { format as junit } from '../src/formatters/junit.js';
import { format as sarif } from '../src/formatters/sarif.js';
import { format as stylish, wrap } from '../src/formatters/stylish.js';
import type { FileResult } from '../src/results.js';

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'tag-from-kind',
    severity: 'error',
    messageId: 'invalid',
    message: 'DockerImg is not a valid from.kind',
    line: 9,
    column: 15,
    endLine: 9,
    endColumn: 24,
    path: 'spec.tags[0].from.kind',
    documentIndex: 0,
    kind: 'ImageStream',
    name: 'nodejs',
    ...overrides,
  };
}

const cwd = path.resolve('/work/repo');
const context = { cwd, color: false };

describe('github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    const results: FileResult[] = [
      {
        filePath: 'deploy/a,b:c%.yaml',
        findings: [finding({ message: '100% wrong\r\nsecond line', ruleId: 'odd:rule,id', severity: 'warning' })],
        objects: [],
        skipped: {},
      },
    ];
    const [command] = github(results).split('\n');
    expect(command).toBe('::warning file=deploy/a%2Cb%3Ac%25.yaml,line=9,endLine=9,col=15,endColumn=24,title=odd%3Arule%2Cid::100%25 wrong%0D%0Asecond line');
  });
});

describe('junit', () => {
  const results: FileResult[] = [
    {
      filePath: 'templates/app & "db".yaml',
      findings: [
        finding({ documentIndex: 0, objectPath: 'objects[1]', path: 'objects[1].spec.tags[0].from.kind', message: 'bad <kind> & "quotes"\nsecond line \u0007bell' }),
        finding({ documentIndex: 0, objectPath: 'objects[1]', path: 'objects[1].metadata.name', ruleId: 'image-stream-name', message: 'second error' }),
        finding({ documentIndex: 0, objectPath: 'objects[0]', path: 'objects[0].apiVersion', ruleId: 'legacy-api-version', severity: 'warning', message: 'legacy' }),
        finding({ documentIndex: 0, objectPath: '', path: 'parameters[0].value', ruleId: 'yaml-implicit-type', message: 'about the template itself', kind: 'Template', name: 'app' }),
        // Same kind and name as objects[1], but the validator says it is about objects[2].
        finding({ documentIndex: 0, objectPath: 'objects[2]', path: 'objects[2].spec', ruleId: 'status-ignored', severity: 'warning', message: 'the twin' }),
        finding({ documentIndex: 1, path: '', ruleId: 'yaml-syntax', message: 'broken document', kind: undefined, name: undefined }),
      ],
      objects: [
        { kind: 'ImageStream', name: 'base', documentIndex: 0, path: 'objects[0]' },
        { kind: 'ImageStream', name: 'app', documentIndex: 0, path: 'objects[1]' },
        { kind: 'ImageStream', name: 'app', documentIndex: 0, path: 'objects[2]' },
      ],
      skipped: {},
    },
  ];
  const xml = junit(results);

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xml).toContain('name="templates/app &amp; &quot;db&quot;.yaml"');
    expect(xml).toContain('bad &lt;kind&gt; &amp; &quot;quotes&quot;');
    expect(xml).not.toContain('\u0007');
    // Attribute values are kept on one line.
    expect(xml).toContain('message="bad &lt;kind&gt; &amp; &quot;quotes&quot; second line \uFFFDbell (and 1 more)"');
  });

  it('groups findings by the object the validator says they are about (objectPath); the rest belong to the file', () => {
    const cases = [...xml.matchAll(/<testcase [^>]*name="([^"]+)"/g)].map((match) => match[1]);
    expect(cases).toEqual(['ImageStream/base (document 1, objects[0])', 'ImageStream/app (document 1, objects[1])', 'ImageStream/app (document 1, objects[2])', '(file)']);
    expect(xml).toContain('<system-out>9:15 warning status-ignored objects[2].spec: the twin</system-out>');
    expect(xml).toMatch(/<testsuite name="[^"]+" tests="4" failures="2" errors="0" skipped="0">/);
    expect(xml).toContain('<system-out>9:15 warning legacy-api-version objects[0].apiVersion: legacy</system-out>');
    expect(xml).toContain('9:15 error image-stream-name objects[1].metadata.name: second error');
  });
});

describe('sarif', () => {
  it('percent-encodes relative URIs and uses absolute file URIs outside the working directory', () => {
    const results: FileResult[] = [
      { filePath: 'with space/ünï.yaml', findings: [finding({})], objects: [], skipped: {} },
      { filePath: path.join('..', 'elsewhere.yaml'), findings: [finding({})], objects: [], skipped: {} },
    ];
    const log = JSON.parse(sarif(results, context)) as Log;
    const uris = log.runs[0]!.results!.map((result) => result.locations![0]!.physicalLocation!.artifactLocation);
    expect(uris).toEqual([
      { uri: 'with%20space/%C3%BCn%C3%AF.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///work/elsewhere.yaml' },
    ]);
  });

  it('fingerprints ignore line numbers but tell apart repeated findings', () => {
    const at = (line: number) => [{ filePath: 'a.yaml', findings: [finding({ line, endLine: line }), finding({ line: line + 1, endLine: line + 1 })], objects: [], skipped: {} }];
    const fingerprints = (line: number) =>
      (JSON.parse(sarif(at(line), context)) as Log).runs[0]!.results!.map((result) => result.partialFingerprints!['ocpImageFinding/v1']);
    expect(fingerprints(3)).toEqual(fingerprints(30));
    const [first, second] = fingerprints(3);
    expect(first).not.toBe(second);
  });

  it('describes a rule missing from the registry rather than writing an invalid log', () => {
    const log = JSON.parse(sarif([{ filePath: 'a.yaml', findings: [finding({ ruleId: 'not-registered' })], objects: [], skipped: {} }], context)) as Log;
    const [run] = log.runs;
    const result = run!.results![0]!;
    expect(run!.tool.driver.rules![result.ruleIndex!]!.id).toBe('not-registered');
  });
});

describe('stylish and compact', () => {
  const results: FileResult[] = [
    {
      filePath: 'a.yaml',
      findings: [finding({ line: 9, column: 15 }), finding({ line: 120, column: 3, severity: 'warning', ruleId: 'legacy-api-version', message: 'short' })],
      objects: [{ kind: 'ImageStream', name: 'nodejs', documentIndex: 0, path: '' }],
      skipped: { Service: 2 },
    },
    { filePath: 'clean.yaml', findings: [], objects: [], skipped: {} },
  ];

  it('stylish aligns line:column, severity and message columns like ESLint', () => {
    expect(stylish(results, context)).toBe(
      [
        '',
        'a.yaml',
        '    9:15  error    DockerImg is not a valid from.kind  tag-from-kind',
        '  120:3   warning  short                               legacy-api-version',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        'Checked 2 files: 1 image object (1 ImageStream); skipped 2 objects of other kinds (2 Service) and 1',
        'file without Kubernetes objects.',
        '',
      ].join('\n'),
    );
  });

  it('stylish fits 100 columns: long messages wrap in their column, the rule id beside the first line', () => {
    const long = 'The image stream name "Frontend-Service" must match "[a-z0-9]+(?:[._-][a-z0-9]+)*": lowercase letters and digits, separated by single ".", "_" or "-".';
    const output = stylish(
      [{ filePath: 'b.yaml', findings: [finding({ line: 7, column: 9, message: long, ruleId: 'imagestream-name' }), finding({ line: 12, column: 3, message: 'short' })], objects: [], skipped: {} }],
      context,
    );
    expect(output.split('\n').slice(0, 6)).toEqual([
      '',
      'b.yaml',
      '   7:9  error  The image stream name "Frontend-Service" must match                  imagestream-name',
      '               "[a-z0-9]+(?:[._-][a-z0-9]+)*": lowercase letters and digits,',
      '               separated by single ".", "_" or "-".',
      '  12:3  error  short                                                                tag-from-kind',
    ]);
    for (const line of output.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('wrap breaks at spaces, and cuts only a word longer than the width', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('see quay.io/org/very-long-repository-name:tag now', 10)).toEqual(['see', 'quay.io/or', 'g/very-lon', 'g-reposito', 'ry-name:ta', 'g now']);
    expect(wrap('first\nsecond', 40)).toEqual(['first', 'second']);
  });

  it('compact writes ESLint compact lines', () => {
    expect(compact(results)).toBe(
      [
        'a.yaml: line 9, col 15, Error - DockerImg is not a valid from.kind (tag-from-kind)',
        'a.yaml: line 120, col 3, Warning - short (legacy-api-version)',
        '',
        '2 problems',
        '',
      ].join('\n'),
    );
  });
});
