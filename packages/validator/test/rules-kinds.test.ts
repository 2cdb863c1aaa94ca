import { describe, expect, it } from 'vitest';
import imagestreamtagName from '../src/rules/server/imagestreamtag-name.js';
import imagestreamtagAnnotations from '../src/rules/server/imagestreamtag-annotations.js';
import imagetagSpec from '../src/rules/server/imagetag-spec.js';
import imagestreamimportSpec from '../src/rules/server/imagestreamimport-spec.js';
import importFromKind from '../src/rules/server/import-from-kind.js';
import imagestreammappingTag from '../src/rules/server/imagestreammapping-tag.js';
import { paths, run } from './rules-harness.js';

describe('imagestreamtag-name', () => {
  it.each([
    ['ImageStreamTag', 'ruby:2.7', []],
    // Create takes "ruby:" as ruby:latest, but the Get that oc apply runs first answers Bad Request
    ['ImageStreamTag', 'ruby:', ['metadata.name']],
    ['ImageTag', 'ruby:2.7:slim', ['metadata.name']],
    ['ImageStreamTag', 'ruby', ['metadata.name']],
    ['ImageStreamTag', 'Ruby:2.7', ['metadata.name']],
    ['ImageStreamTag', ':2.7', ['metadata.name']],
    ['ImageTag', 'Ruby:2.7', ['metadata.name']],
    // an ImageTag without ":" is reported at spec.name by imagetag-spec, as the server does
    ['ImageTag', 'ruby', []],
  ])('%s %j', (kind, name, expected) => {
    expect(paths(imagestreamtagName, `kind: ${kind}\nmetadata: {name: "${name}"}`)).toEqual(expected);
  });

  it('suggests a name', () => {
    expect(run(imagestreamtagName, 'kind: ImageStreamTag\nmetadata: {name: ruby}')[0]?.message).toBe(
      'The ImageStreamTag name "ruby" must be of the form <stream_name>:<tag>. Did you mean "ruby:latest"?',
    );
    expect(run(imagestreamtagName, 'kind: ImageStreamTag\nmetadata: {name: "My-Ruby:2.7"}')[0]?.message).toContain('Did you mean "my-ruby:2.7"?');
  });
});

describe('imagestreamtag-annotations', () => {
  const istag = (metadataAnnotations: string, tagAnnotations: string) =>
    `kind: ImageStreamTag\nmetadata:\n  name: "a:b"\n${metadataAnnotations}\ntag:\n  name: b\n${tagAnnotations}`;
  it('accepts absent and null tag annotations', () => {
    expect(run(imagestreamtagAnnotations, istag('', ''))).toEqual([]);
    expect(run(imagestreamtagAnnotations, istag('', '  annotations: null'))).toEqual([]);
    expect(run(imagestreamtagAnnotations, istag('  annotations: {a: "1"}', ''))).toEqual([]);
  });
  it('tag annotations equal as written (an empty map equals none) still fail with oc apply, which adds last-applied-configuration', () => {
    for (const [metadata, tag] of [
      ['', '  annotations: {}'],
      ['  annotations: {a: "1"}', '  annotations: {a: "1"}'],
    ] as const) {
      expect(run(imagestreamtagAnnotations, istag(metadata, tag))).toMatchObject([
        { path: 'tag.annotations', messageId: 'applyAdds', message: expect.stringContaining('`oc create` and `oc apply --server-side` accept it') },
      ]);
    }
  });
  it('rejects different ones and says how they differ', () => {
    expect(run(imagestreamtagAnnotations, istag('', '  annotations: {a: "1"}'))).toMatchObject([
      { path: 'tag.annotations', message: expect.stringContaining('"a" is not in metadata.annotations') },
    ]);
    expect(run(imagestreamtagAnnotations, istag('  annotations: {a: "1"}', '  annotations: {a: "2"}'))[0]?.message).toContain(
      '"a" has a different value',
    );
    expect(run(imagestreamtagAnnotations, istag('  annotations: {a: "1", b: "2"}', '  annotations: {a: "1"}'))[0]?.message).toContain(
      'metadata.annotations has "b"',
    );
  });
});

describe('imagetag-spec', () => {
  it('requires spec', () => {
    expect(run(imagetagSpec, 'kind: ImageTag\nmetadata: {name: "a:b"}')).toMatchObject([{ path: 'spec', messageId: 'required' }]);
    expect(run(imagetagSpec, 'kind: ImageTag\nmetadata: {name: "a:b"}\nspec: null')).toMatchObject([{ messageId: 'required' }]);
  });
  it.each([
    ['a:b', 'b', []],
    ['a:', 'latest', []],
    ['a:b', 'c', ['spec.name']],
    ['a:b', '', []],
    ['a', 'a', ['spec.name']],
    ['a', '', ['spec.name']],
  ])('name %j with spec.name %j', (name, specName, expected) => {
    expect(paths(imagetagSpec, `kind: ImageTag\nmetadata: {name: "${name}"}\nspec: {name: "${specName}"}`)).toEqual(expected);
  });
  it('an absent or empty spec.name is filled from metadata.name before validation (PrepareForCreate)', () => {
    expect(run(imagetagSpec, 'kind: ImageTag\nmetadata: {name: "a:b"}\nspec: {from: {kind: DockerImage, name: x}}')).toEqual([]);
    expect(run(imagetagSpec, 'kind: ImageTag\nmetadata: {name: "a"}\nspec: {from: {kind: DockerImage, name: x}}')).toMatchObject([
      { messageId: 'nameWithoutTag' },
    ]);
  });
});

describe('imagestreamimport-spec and import-from-kind', () => {
  it('needs at least one image or a repository', () => {
    expect(paths(imagestreamimportSpec, 'kind: ImageStreamImport\nspec: {import: true}')).toEqual(['spec.images']);
    expect(paths(imagestreamimportSpec, 'kind: ImageStreamImport\nspec: {images: []}')).toEqual(['spec.images']);
    expect(paths(imagestreamimportSpec, 'kind: ImageStreamImport')).toEqual([]);
    expect(paths(imagestreamimportSpec, 'kind: ImageStreamImport\nspec: {repository: {from: {kind: DockerImage, name: quay.io/x}}}')).toEqual([]);
  });

  it('checks to.name and from.name of DockerImage sources only', () => {
    const isi = `
kind: ImageStreamImport
spec:
  images:
  - from: {kind: DockerImage, name: quay.io/x:1}
    to: {}
  - from: {kind: DockerImage}
  - from: {kind: DockerImage, name: quay.io/x:1}
    to: {name: one}
  - from: {kind: ImageStreamTag}
    to: {}
  repository:
    from: {kind: DockerImage, name: ""}
`;
    expect(paths(imagestreamimportSpec, isi)).toEqual(['spec.images[0].to.name', 'spec.images[1].from.name', 'spec.repository.from.name']);
  });

  it('import-from-kind: only DockerImage', () => {
    const isi = `
kind: ImageStreamImport
spec:
  images:
  - from: {kind: dockerimage, name: x}
  - from: {name: x}
  - {}
  - from: {kind: DockerImage, name: x}
  repository:
    from: {kind: ImageStreamTag, name: x}
`;
    expect(run(importFromKind, isi).map((entry) => [entry.path, entry.messageId])).toEqual([
      ['spec.images[0].from.kind', 'unsupported'],
      ['spec.images[1].from.kind', 'missing'],
      ['spec.repository.from.kind', 'unsupported'],
    ]);
    expect(run(importFromKind, isi)[0]?.message).toContain('Did you mean "DockerImage"?');
  });
});

describe('imagestreammapping-tag', () => {
  it('requires a non-empty tag', () => {
    expect(paths(imagestreammappingTag, 'kind: ImageStreamMapping\nmetadata: {name: a}')).toEqual(['tag']);
    expect(paths(imagestreammappingTag, 'kind: ImageStreamMapping\ntag: ""')).toEqual(['tag']);
    expect(paths(imagestreammappingTag, 'kind: ImageStreamMapping\ntag: latest')).toEqual([]);
  });
});

describe('imagestreamtag-name: the stream it creates', () => {
  const istag = (stream: number, namespace?: number) =>
    `kind: ImageStreamTag\nmetadata:\n  name: ${'a'.repeat(stream)}:t\n${namespace === undefined ? '' : `  namespace: ${'n'.repeat(namespace)}\n`}`;
  it.each([
    [200, 54, []],
    [200, 55, ['metadata.name']],
    [253, undefined, []],
    [254, undefined, ['metadata.name']],
  ])('stream of %i characters in a namespace of %s', (stream, namespace, expected) => {
    expect(paths(imagestreamtagName, istag(stream, namespace))).toEqual(expected);
  });
});
