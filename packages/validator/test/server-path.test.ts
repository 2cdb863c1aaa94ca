/**
 * The path the API server reports (src/server-path.ts): field.Path as openshift-apiserver's
 * validation.go and apimachinery's ObjectMeta validation build it, after the v1 → internal conversion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { serverPathOf } from '../src/server-path.js';
import type { Finding, ManifestObject } from '../src/types.js';
import { validate } from '../src/validate.js';

const findingsOf = (text: string, ruleId?: string): Finding[] => validate(text).findings.filter((finding) => ruleId === undefined || finding.ruleId === ruleId);

const stream = (tags: string): string => `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: app
spec:
  tags:
${tags}`;

describe('ImageStream spec.tags: a map keyed by tag name on the server', () => {
  it('names the tag, not the index, and the message says so', () => {
    const [finding] = findingsOf(
      stream(`  - name: latest
    from: {kind: DockerImage, name: quay.io/org/app:1}
  - name: v1.0
    from: {kind: Docker, name: quay.io/org/app:1.0}
`),
      'tag-from-kind',
    );
    expect(finding?.path).toBe('spec.tags[1].from.kind');
    expect(finding?.serverPath).toBe('spec.tags[v1.0].from.kind');
    expect(finding?.message).toMatch(/ The API server reports it at spec\.tags\[v1\.0\]\.from\.kind\.$/);
  });

  it('a tag without a name is the key "" (field.Path renders it as [])', () => {
    const [finding] = findingsOf(stream('  - from: {kind: ImageStreamTag, name: other:1}\n    importPolicy: {scheduled: true}\n'), 'tag-scheduled-import');
    expect(finding?.serverPath).toBe('spec.tags[].importPolicy.scheduled');
  });

  it('a tag name a Template parameter fills in has no certain key', () => {
    const template = `apiVersion: template.openshift.io/v1
kind: Template
metadata: {name: t}
parameters: [{name: TAG}]
objects:
- apiVersion: image.openshift.io/v1
  kind: ImageStream
  metadata: {name: app}
  spec:
    tags:
    - name: \${TAG}
      from: {kind: Docker, name: quay.io/org/app:1}
`;
    const [finding] = findingsOf(template, 'tag-from-kind');
    expect(finding?.path).toBe('objects[0].spec.tags[0].from.kind');
    expect(finding?.serverPath).toBeUndefined();
    expect(finding?.message).not.toContain('The API server reports');
  });

  it('an entry that a later one of the same name replaces is never validated: no server path', () => {
    const object: ManifestObject = {
      apiVersion: 'image.openshift.io/v1',
      kind: 'ImageStream',
      value: { spec: { tags: [{ name: 'a' }, { name: 'a' }] } },
      documentIndex: 0,
      pathPrefix: [],
      inTemplate: false,
    };
    expect(serverPathOf(object, ['spec', 'tags', 0, 'from', 'kind'])).toBeUndefined();
    expect(serverPathOf(object, ['spec', 'tags', 1, 'from', 'kind'])).toBe('spec.tags[a].from.kind');
  });
});

describe('fields validated as a whole', () => {
  it('label and annotation keys and values are reported at the map', () => {
    const text = `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: app
  labels: {"app.kubernetes.io/name": "Ruby on Rails"}
  annotations: {"bad key": x}
`;
    const found = findingsOf(text).map((finding) => [finding.path, finding.serverPath]);
    expect(found).toEqual([
      ['metadata.labels["app.kubernetes.io/name"]', 'metadata.labels'],
      ['metadata.annotations["bad key"]', 'metadata.annotations'],
    ]);
  });

  it('signature conditions at conditions, a manifest size at size (the internal name)', () => {
    const object: ManifestObject = { apiVersion: 'image.openshift.io/v1', kind: 'Image', value: {}, documentIndex: 0, pathPrefix: [], inTemplate: false };
    expect(serverPathOf(object, ['signatures', 1, 'conditions', 0, 'type'])).toBe('signatures[1].conditions');
    expect(serverPathOf(object, ['dockerImageManifests', 2, 'manifestSize'])).toBe('dockerImageManifests[2].size');
    expect(serverPathOf(object, ['signatures', 0, 'metadata', 'finalizers', 3])).toBe('signatures[0].metadata.finalizers');
    expect(serverPathOf({ ...object, kind: 'ImageStreamTag' }, ['conditions', 0, 'type'])).toBe('conditions[0].type');
  });
});

describe('objects inside Lists and Templates are validated on their own', () => {
  it('paths are relative to the object', () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: image.openshift.io/v1
  kind: ImageStream
  metadata: {name: Bad_Name}
`;
    const [finding] = findingsOf(list, 'imagestream-name');
    expect(finding?.path).toBe('items[0].metadata.name');
    expect(finding?.serverPath).toBe('metadata.name');
    expect(finding?.message).toMatch(/ The API server reports it at metadata\.name\.$/);
  });

  it('a top-level object at the same path gets no note', () => {
    const [finding] = findingsOf('apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata: {name: Bad_Name}\n', 'imagestream-name');
    expect(finding?.serverPath).toBe('metadata.name');
    expect(finding?.message).not.toContain('The API server reports');
  });
});

describe('which findings have one', () => {
  it('not the rules of other categories, nor a rejection that is not a field error at the path', () => {
    const text = stream(`  - name: latest
    from: {kind: ImageStreamTag, name: ":x"}
  - name: "1.10"
    from: {kind: ImageStreamTag}
    referencePolicy: {type: 5}
`);
    const found = findingsOf(text).map((finding) => [finding.ruleId, finding.serverPath]);
    expect(found).toEqual([
      ['tag-from-name', 'spec.tags[latest].from.name'],
      ['tag-from-name', 'spec.tags[1.10].from.name'],
      ['yaml-implicit-type', undefined],
    ]);
    // REST Create answers Bad Request for a name without ":<tag>": no field error.
    const [badName] = findingsOf('apiVersion: image.openshift.io/v1\nkind: ImageStreamTag\nmetadata:\n  name: app\ntag: {}\n', 'imagestreamtag-name');
    expect(badName).toBeDefined();
    expect(badName?.serverPath).toBeUndefined();
  });

  it("the stream strategy's findings on an ImageStreamTag or ImageTag: at the stream's spec.tags[<tag>]", () => {
    const tagObject = (kind: string, name: string, field: string) =>
      `apiVersion: image.openshift.io/v1\nkind: ${kind}\nmetadata:\n  name: ${JSON.stringify(name)}\n${field}:\n  from: {kind: ImageStreamTag, name: ":x"}\n`;
    const pathOf = (text: string) => findingsOf(text, 'tag-from-name').map((finding) => finding.serverPath);
    expect(pathOf(tagObject('ImageStreamTag', 'app:v1', 'tag'))).toEqual(['spec.tags[v1].from.name']);
    // SplitImageStreamTag: an empty tag is "latest"; ImageTag's spec.name is filled from it.
    expect(pathOf(tagObject('ImageTag', 'app:', 'spec'))).toEqual(['spec.tags[latest].from.name']);
    // Without ":<tag>" the REST handler fails first: no path is certain.
    expect(pathOf(tagObject('ImageStreamTag', 'app', 'tag'))).toEqual([undefined]);
  });

  it('tag names that are not one printable line stay out of the message', () => {
    const [finding] = findingsOf(stream('  - name: "a\\u001b[31mb"\n    from: {kind: Docker, name: quay.io/org/app:1}\n'), 'tag-from-kind');
    expect(finding?.serverPath).toBe('spec.tags[a\u001b[31mb].from.kind');
    expect(finding?.message).not.toContain('The API server reports');
  });
});

describe('the registry', () => {
  const fixturesRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

  it('names only message ids of the rule in noServerPath, and only on server rules', () => {
    for (const rule of rules) {
      const excluded = rule.flags?.noServerPath;
      if (excluded === undefined) continue;
      expect(rule.category, rule.id).toBe('server');
      if (excluded !== true) for (const messageId of excluded) expect(Object.keys(rule.messages), rule.id).toContain(messageId);
    }
  });

  it('every server rule with server paths has a fixture that records one', () => {
    const recorded = new Set<string>();
    for (const directory of readdirSync(fixturesRoot, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const name of readdirSync(path.join(fixturesRoot, directory.name)).filter((file) => file.endsWith('.errors.json'))) {
        const findings = JSON.parse(readFileSync(path.join(fixturesRoot, directory.name, name), 'utf8')) as Finding[];
        for (const finding of findings) if (finding.serverPath !== undefined) recorded.add(finding.ruleId);
      }
    }
    const expected = rules.filter((rule) => rule.category === 'server' && rule.flags?.noServerPath !== true).map((rule) => rule.id);
    expect(expected.filter((id) => !recorded.has(id))).toEqual([]);
  });
});
