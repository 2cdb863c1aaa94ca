import { describe, expect, it } from 'vitest';
import metadataName from '../src/rules/server/metadata-name.js';
import metadataNamespace from '../src/rules/server/metadata-namespace.js';
import metadataLabels from '../src/rules/server/metadata-labels.js';
import metadataAnnotations from '../src/rules/server/metadata-annotations.js';
import metadataFields from '../src/rules/server/metadata-fields.js';
import imagestreamName from '../src/rules/server/imagestream-name.js';
import { dns1123LabelProblems, labelValueProblems, pathSegmentProblems, qualifiedNameProblems } from '../src/rules/server/kubernetes-names.js';
import { utf8Length } from '../src/utf8.js';
import { paths, run } from './rules-harness.js';

const stream = (metadata: string) => `
apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
${metadata}
`;

describe('Kubernetes name checks', () => {
  it.each([
    ['app', true],
    ['a-1', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['App', false],
    ['-a', false],
    ['a-', false],
    ['a.b', false],
    ['', false],
  ])('DNS-1123 label %j valid=%s', (text, valid) => {
    expect(dns1123LabelProblems(text).length === 0).toBe(valid);
  });

  it.each([
    ['app', true],
    ['App.Name_1-x', true],
    ['app.kubernetes.io/name', true],
    ['example.com/MyName', true],
    ['/name', false],
    ['Example.com/name', false],
    ['a/b/c', false],
    ['example.com/', false],
    ['-name', false],
    ['name.', false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    [`${'a'.repeat(253)}/x`, true],
    [`${'a.'.repeat(127)}a/x`, false],
  ])('qualified name %j valid=%s', (text, valid) => {
    expect(qualifiedNameProblems(text).length === 0).toBe(valid);
  });

  it.each([
    ['', true],
    ['v1.2_3-x', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['my app', false],
    ['_x', false],
  ])('label value %j valid=%s', (text, valid) => {
    expect(labelValueProblems(text).length === 0).toBe(valid);
  });

  it('path segment names', () => {
    expect(pathSegmentProblems('.')).toEqual(["may not be '.'"]);
    expect(pathSegmentProblems('..')).toEqual(["may not be '..'"]);
    expect(pathSegmentProblems('a/b%c')).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(pathSegmentProblems('.', true)).toEqual([]);
    expect(pathSegmentProblems('ruby:2.7')).toEqual([]);
  });

  it('counts UTF-8 bytes like Go len()', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });
});

describe('metadata-name', () => {
  it('requires a name unless generateName is given, which oc apply refuses', () => {
    expect(run(metadataName, stream('  namespace: demo'))).toMatchObject([{ path: 'metadata.name', messageId: 'required' }]);
    expect(run(metadataName, stream('  generateName: app-'))).toMatchObject([{ path: 'metadata.generateName', messageId: 'generateNameWithApply' }]);
    expect(run(metadataName, stream('  generateName: app-\n  name: app'))).toEqual([]);
    expect(run(metadataName, 'kind: ImageStream')).toMatchObject([{ path: 'metadata.name' }]);
    expect(run(metadataName, stream('  name: ""'))).toMatchObject([{ messageId: 'required' }]);
  });

  it('rejects "." and "..", "/" and "%", with a fix', () => {
    expect(run(metadataName, stream('  name: ".."'))[0]?.message).toBe(`The name ".." may not be '..'.`);
    expect(run(metadataName, stream('  name: team/app'))[0]?.message).toBe(
      `The name "team/app" may not contain '/'. Did you mean "team-app"?`,
    );
    expect(run(metadataName, stream('  generateName: "a%"')).map((finding) => finding.messageId)).toEqual(['invalidGenerateName', 'generateNameWithApply']);
  });

  it('checks the metadata of signatures inside an Image and of an ImageStreamMapping image', () => {
    const image = `
kind: Image
metadata: {name: "sha256:abc"}
signatures:
  - metadata: {name: "sha256:abc@sig/1"}
  - type: atomic
`;
    expect(paths(metadataName, image)).toEqual(['signatures[0].metadata.name', 'signatures[1].metadata.name']);
    expect(paths(metadataName, 'kind: ImageStreamMapping\nmetadata: {name: app}\nimage: {dockerImageReference: x}')).toEqual([
      'image.metadata.name',
    ]);
  });

  it('leaves template parameters and non-strings alone', () => {
    expect(run(metadataName, stream('  name: ${NAME}/x'), { inTemplate: true })).toEqual([]);
    expect(run(metadataName, stream('  name: ${NAME}/x'))).toHaveLength(1);
    expect(run(metadataName, stream('  name: 1.10'))).toEqual([]);
  });
});

describe('metadata-namespace', () => {
  it('wants a DNS-1123 label and suggests one', () => {
    expect(run(metadataNamespace, stream('  name: a\n  namespace: My_Project'))[0]?.message).toContain('Did you mean "my-project"?');
    expect(run(metadataNamespace, stream('  name: a\n  namespace: my-project'))).toEqual([]);
    expect(run(metadataNamespace, stream(`  name: a\n  namespace: ${'a'.repeat(64)}`))[0]?.message).toContain('no more than 63');
  });

  it('leaves cluster-scoped objects to the lint rule but rejects namespaces on embedded objects', () => {
    expect(run(metadataNamespace, 'kind: Image\nmetadata: {name: x, namespace: Bad_NS}')).toEqual([]);
    expect(run(metadataNamespace, 'kind: Image\nmetadata: {name: x}\nsignatures: [{metadata: {name: "x@y", namespace: demo}}]')).toMatchObject([
      { path: 'signatures[0].metadata.namespace', messageId: 'notAllowed' },
    ]);
    expect(paths(metadataNamespace, 'kind: ImageStreamMapping\nmetadata: {name: s}\nimage: {metadata: {name: x, namespace: demo}}')).toEqual([
      'image.metadata.namespace',
    ]);
  });
});

describe('metadata-labels and metadata-annotations', () => {
  it('checks label keys and values', () => {
    const found = run(metadataLabels, stream('  name: a\n  labels:\n    "app.kubernetes.io/name": my app\n    "a/b/c": x\n    ok: "yes"'));
    expect(found.map((entry) => [entry.path, entry.messageId])).toEqual([
      ['metadata.labels["app.kubernetes.io/name"]', 'invalidValue'],
      ['metadata.labels["a/b/c"]', 'invalidKey'],
    ]);
    expect(found[0]?.message).toContain('Did you mean "my-app"?');
  });

  it('lowercases annotation keys before checking them, and limits their total size', () => {
    expect(run(metadataAnnotations, stream('  name: a\n  annotations:\n    Example.COM/Note: x'))).toEqual([]);
    expect(paths(metadataAnnotations, stream('  name: a\n  annotations:\n    "bad key": x'))).toEqual(['metadata.annotations["bad key"]']);
    const big = 'x'.repeat(256 * 1024);
    expect(run(metadataAnnotations, stream(`  name: a\n  annotations:\n    k: ${big}`))).toMatchObject([
      { path: 'metadata.annotations', messageId: 'tooLarge' },
    ]);
    expect(run(metadataAnnotations, stream(`  name: a\n  annotations:\n    k: ${big.slice(1)}`))).toEqual([]);
  });
});

describe('imagestream-name', () => {
  it.each([
    ['ruby', []],
    ['my-app.v2_x', []],
    ['My-App', ['metadata.name']],
    ['a--b', ['metadata.name']],
    ['a__b', ['metadata.name']],
    ['-a', ['metadata.name']],
    // path-segment problems are metadata-name's alone, as the server reports only those
    ['a/b', []],
  ])('%j', (name, expected) => {
    expect(paths(imagestreamName, stream(`  name: "${name}"`))).toEqual(expected);
  });

  it('suggests a valid name', () => {
    expect(run(imagestreamName, stream('  name: My_App'))[0]?.message).toContain('Did you mean "my_app"?');
  });

  it('limits namespace/name to 255 characters on ImageStreams only', () => {
    expect(run(imagestreamName, stream(`  name: ${'a'.repeat(200)}\n  namespace: ${'b'.repeat(55)}`))).toMatchObject([
      { messageId: 'tooLong' },
    ]);
    expect(run(imagestreamName, stream(`  name: ${'a'.repeat(200)}\n  namespace: ${'b'.repeat(54)}`))).toEqual([]);
    expect(paths(imagestreamName, `kind: ImageStreamImport\nmetadata: {name: Bad}`)).toEqual(['metadata.name']);
  });

  it('checks generateName with the same pattern, as the server does', () => {
    expect(run(imagestreamName, stream('  generateName: app-'))).toMatchObject([{ messageId: 'generateNamePattern' }]);
  });
});

describe('metadata-fields', () => {
  const image = (metadata: string) =>
    `kind: Image\nmetadata: {name: x, ${metadata}}\ndockerImageReference: a/b:1\nsignatures:\n- metadata: {name: "x@s", generation: -1}\n  type: t\n  content: YQ==\n`;
  it('rejects a negative generation on the object and on embedded signatures, but not on an ImageStream', () => {
    expect(paths(metadataFields, image('generation: -1'))).toEqual(['metadata.generation', 'signatures[0].metadata.generation']);
    expect(paths(metadataFields, image('generation: 0'))).toEqual(['signatures[0].metadata.generation']);
    expect(paths(metadataFields, 'kind: ImageStream\nmetadata: {name: x, generation: -5}')).toEqual([]);
  });
  it.each([
    [['example.com/a', 'kubernetes'], []],
    [['Bad Name'], ['metadata.finalizers[0]']],
    [['a/b/c'], ['metadata.finalizers[0]']],
    [['orphan', 'foregroundDeletion'], ['metadata.finalizers']],
  ])('finalizers %j', (finalizers, expected) => {
    expect(paths(metadataFields, `kind: ImageStream\nmetadata: {name: x, finalizers: ${JSON.stringify(finalizers)}}`)).toEqual(expected);
  });
  it.each([
    ['v1', []],
    ['apps/v1', []],
    ['/v1', []],
    ['apps/', ['metadata.ownerReferences[0].apiVersion']],
    ['a/b/c', ['metadata.ownerReferences[0].apiVersion']],
    ['', ['metadata.ownerReferences[0].apiVersion']],
  ])('owner apiVersion %j', (apiVersion, expected) => {
    const text = `kind: ImageStream\nmetadata:\n  name: x\n  ownerReferences:\n  - {apiVersion: "${apiVersion}", kind: K, name: n, uid: u}`;
    expect(paths(metadataFields, text)).toEqual(expected);
  });
  it('allows one controller owner reference', () => {
    const owners = (second: boolean) =>
      `kind: ImageStream\nmetadata:\n  name: x\n  ownerReferences:\n  - {apiVersion: v1, kind: K, name: a, uid: u, controller: true}\n  - {apiVersion: v1, kind: K, name: b, uid: u, controller: ${second}}`;
    expect(paths(metadataFields, owners(false))).toEqual([]);
    expect(run(metadataFields, owners(true))).toMatchObject([{ path: 'metadata.ownerReferences[1].controller', messageId: 'ownerController' }]);
  });
});
