import { describe, expect, it } from 'vitest';
import imageReference from '../src/rules/server/image-reference.js';
import repositoryReference from '../src/rules/server/repository-reference.js';
import tagFromKind from '../src/rules/server/tag-from-kind.js';
import tagFromName from '../src/rules/server/tag-from-name.js';
import tagScheduledImport from '../src/rules/server/tag-scheduled-import.js';
import referencePolicyType from '../src/rules/server/reference-policy-type.js';
import importMode from '../src/rules/server/import-mode.js';
import { paths, run } from './rules-harness.js';

const SHA = 'a'.repeat(64);

/** An ImageStream with one spec tag, plus the same tag as an ImageStreamTag and an ImageTag. */
function inEveryTagKind(tagYaml: string): { kind: string; yaml: string; prefix: string }[] {
  const indent = (text: string, spaces: number) => text.split('\n').map((line) => ' '.repeat(spaces) + line).join('\n');
  return [
    {
      kind: 'ImageStream',
      prefix: 'spec.tags[0]',
      yaml: `kind: ImageStream\nmetadata: {name: app}\nspec:\n  tags:\n  - name: latest\n${indent(tagYaml, 4)}`,
    },
    { kind: 'ImageStreamTag', prefix: 'tag', yaml: `kind: ImageStreamTag\nmetadata: {name: "app:latest"}\ntag:\n  name: latest\n${indent(tagYaml, 2)}` },
    { kind: 'ImageTag', prefix: 'spec', yaml: `kind: ImageTag\nmetadata: {name: "app:latest"}\nspec:\n  name: latest\n${indent(tagYaml, 2)}` },
  ];
}

describe('tag reference rules apply to ImageStream spec.tags[], ImageStreamTag tag and ImageTag spec', () => {
  it.each(inEveryTagKind('from: {kind: DockerImg, name: quay.io/org/app}'))('tag-from-kind in $kind', ({ yaml, prefix }) => {
    expect(run(tagFromKind, yaml)).toEqual([
      {
        path: `${prefix}.from.kind`,
        messageId: 'invalid',
        message: '"DockerImg" is not a valid from.kind for a tag: valid values are "DockerImage", "ImageStreamTag" or "ImageStreamImage". Did you mean "DockerImage"?',
      },
    ]);
  });

  it.each(inEveryTagKind('from: {name: quay.io/org/app}'))('a from without kind in $kind', ({ yaml, prefix }) => {
    expect(run(tagFromKind, yaml)).toMatchObject([{ path: `${prefix}.from.kind`, messageId: 'missing' }]);
  });

  it.each(inEveryTagKind('from: {kind: DockerImage}'))('tag-from-name in $kind', ({ yaml, prefix }) => {
    expect(run(tagFromName, yaml)).toMatchObject([{ path: `${prefix}.from.name`, messageId: 'required' }]);
  });

  it.each(inEveryTagKind('from: {kind: DockerImage, name: "Quay.io/Org/App:1"}'))('image-reference in $kind', ({ yaml, prefix }) => {
    expect(run(imageReference, yaml)).toEqual([
      {
        path: `${prefix}.from.name`,
        messageId: 'invalid',
        message:
          '"Quay.io/Org/App:1" is not a valid image reference: repository name must be lowercase (repository path components may only use lowercase letters). Did you mean "quay.io/org/app:1"?',
      },
    ]);
  });

  it.each(inEveryTagKind('from: {kind: ImageStreamTag, name: "ruby:2.7"}\nimportPolicy: {scheduled: true}'))(
    'tag-scheduled-import in $kind',
    ({ yaml, prefix }) => {
      expect(paths(tagScheduledImport, yaml)).toEqual([`${prefix}.importPolicy.scheduled`]);
    },
  );

  it.each(inEveryTagKind('referencePolicy: {type: local}'))('reference-policy-type in $kind', ({ yaml, prefix }) => {
    expect(run(referencePolicyType, yaml)).toMatchObject([{ path: `${prefix}.referencePolicy.type`, message: expect.stringContaining('Did you mean "Local"?') }]);
  });

  it.each(inEveryTagKind('importPolicy: {importMode: Preserve}'))('import-mode in $kind', ({ yaml, prefix }) => {
    expect(run(importMode, yaml)).toMatchObject([
      { path: `${prefix}.importPolicy.importMode`, message: expect.stringContaining('Did you mean "PreserveOriginal"?') },
    ]);
  });
});

describe('what the server accepts is not reported', () => {
  const valid = `
kind: ImageStream
metadata: {name: app}
spec:
  tags:
  - name: a
    from: {kind: DockerImage, name: "quay.io/org/app@sha256:${SHA}"}
    importPolicy: {scheduled: true, importMode: PreserveOriginal}
    referencePolicy: {type: Local}
  - name: b
    from: {kind: ImageStreamTag, name: "other:1.0"}
    referencePolicy: {type: ""}
    importPolicy: {importMode: ""}
  - name: c
    from: {kind: ImageStreamImage, name: "other@sha256:${SHA}"}
  - name: d
    importPolicy: {scheduled: true}
  - name: e
    from: {kind: DockerImage, name: "\${IMAGE}"}
`;
  it.each([imageReference, tagFromKind, tagFromName, tagScheduledImport, referencePolicyType, importMode])('$id', (rule) => {
    expect(run(rule, valid, { inTemplate: true })).toEqual([]);
  });
});

describe('rule details', () => {
  it('tag-from-kind: an empty kind is missing, a non-string kind is left to the schema', () => {
    expect(run(tagFromKind, 'kind: ImageTag\nspec: {from: {kind: ""}}')).toMatchObject([{ messageId: 'missing' }]);
    expect(run(tagFromKind, 'kind: ImageTag\nspec: {from: {kind: 5}}')).toEqual([]);
    expect(run(tagFromKind, 'kind: ImageTag\nspec: {from: {kind: Image}}')[0]?.message).not.toContain('Did you mean "Image"');
  });

  it('says when a missing key is written with other letter case (the server decodes keys case-sensitively)', () => {
    const [kind, name] = [tagFromKind, tagFromName].map((rule) => run(rule, 'kind: ImageTag\nspec: {from: {Kind: ImageStreamTag, Name: latest}}')[0]?.message);
    expect(kind).toBe(
      'Missing from.kind: a tag with from needs its kind, one of "DockerImage", "ImageStreamTag" or "ImageStreamImage". "Kind" is written, but keys are case-sensitive and the server ignores it: write "kind".',
    );
    expect(name).toContain('"Name" is written, but keys are case-sensitive');
  });

  it('tag-from-name: ImageStreamTag names have at most one ":" and ImageStreamImage names one "@"', () => {
    expect(run(tagFromName, 'kind: ImageTag\nspec: {from: {kind: ImageStreamTag, name: "a:b:c"}}')).toMatchObject([
      { messageId: 'tooManySeparators', message: 'from.name "a:b:c" must be "<tag>" or "<stream>:<tag>": it has more than one ":".' },
    ]);
    expect(paths(tagFromName, 'kind: ImageTag\nspec: {from: {kind: ImageStreamImage, name: "a@b@c"}}')).toEqual(['spec.from.name']);
    expect(paths(tagFromName, 'kind: ImageTag\nspec: {from: {kind: ImageStreamTag, name: "latest"}}')).toEqual([]);
  });

  it('tag-scheduled-import ignores tags without from and DockerImage tags, as the server does', () => {
    expect(run(tagScheduledImport, 'kind: ImageTag\nspec: {importPolicy: {scheduled: true}}')).toEqual([]);
    expect(run(tagScheduledImport, 'kind: ImageTag\nspec: {from: {kind: ImageStreamImage, name: x}, importPolicy: {scheduled: false}}')).toEqual([]);
  });

  it('image-reference: Image dockerImageReference is required; an ImageStreamMapping image gets one from the registry', () => {
    expect(run(imageReference, 'kind: Image\nmetadata: {name: x}')).toMatchObject([{ path: 'dockerImageReference', messageId: 'required' }]);
    expect(run(imageReference, 'kind: ImageStreamMapping\nmetadata: {name: x}\nimage: {metadata: {name: y}}')).toEqual([]);
    expect(paths(imageReference, 'kind: ImageStreamMapping\nmetadata: {name: x}\ndockerImageRepository: "a b"\nimage: {dockerImageReference: "http://x/y"}')).toEqual([
      'dockerImageRepository',
      'image.dockerImageReference',
    ]);
  });

  it('image-reference: ImageStreamImport sources of kind DockerImage, except the legacy "*"', () => {
    const isi = `
kind: ImageStreamImport
metadata: {name: app}
spec:
  images:
  - from: {kind: DockerImage, name: "*"}
  - from: {kind: DockerImage, name: "quay.io/org/app:"}
  - from: {kind: ImageStreamTag, name: "not a reference"}
  repository:
    from: {kind: DockerImage, name: "quay.io//org"}
`;
    expect(paths(imageReference, isi)).toEqual(['spec.images[1].from.name', 'spec.repository.from.name']);
  });

  it('repository-reference: no tag or digest in a repository to import', () => {
    expect(run(repositoryReference, 'kind: ImageStream\nspec: {dockerImageRepository: "quay.io/org/app:1"}')).toMatchObject([
      { messageId: 'streamTag', message: expect.stringContaining('Did you mean "quay.io/org/app"?') },
    ]);
    expect(run(repositoryReference, `kind: ImageStream\nspec: {dockerImageRepository: "quay.io/org/app:1@sha256:${SHA}"}`).map((entry) => entry.messageId)).toEqual([
      'streamTag',
      'streamId',
    ]);
    expect(run(repositoryReference, 'kind: ImageStreamImport\nspec: {repository: {from: {kind: DockerImage, name: "quay.io/org/app:1"}}}')).toMatchObject([
      { path: 'spec.repository.from.name', messageId: 'importTagOrId' },
    ]);
    // library-go treats a dotted name without "/" as a registry, so "registry.example.com:5000" has no tag
    expect(run(repositoryReference, 'kind: ImageStream\nspec: {dockerImageRepository: "registry.example.com:5000"}')).toEqual([]);
    expect(run(repositoryReference, 'kind: ImageStream\nspec: {dockerImageRepository: "quay.io/org/app"}')).toEqual([]);
  });

  it('import-mode: ImageStreamImport images and repository too', () => {
    const isi = 'kind: ImageStreamImport\nspec:\n  images: [{importPolicy: {importMode: legacy}}]\n  repository: {importPolicy: {importMode: X}}';
    expect(run(importMode, isi).map((entry) => [entry.path, entry.message.endsWith('Did you mean "Legacy"?')])).toEqual([
      ['spec.images[0].importPolicy.importMode', true],
      ['spec.repository.importPolicy.importMode', false],
    ]);
  });
});

describe('tag-from-name: references resolved on create', () => {
  const stream = (tags: string, namespace = '') =>
    `kind: ImageStream\nmetadata: {name: app${namespace ? `, namespace: ${namespace}` : ''}}\nspec:\n  tags:\n${tags}`;
  const tag = (name: string, kind: string, from: string, fromNamespace = '') =>
    `  - name: ${name}\n    from: {kind: ${kind}, name: "${from}"${fromNamespace ? `, namespace: ${fromNamespace}` : ''}}\n`;
  it.each([
    [tag('a', 'ImageStreamTag', ':b'), ['spec.tags[0].from.name']],
    [tag('a', 'ImageStreamImage', '@sha256:abc'), ['spec.tags[0].from.name']],
    [tag('a', 'ImageStreamTag', 'b'), []],
    [tag('a', 'ImageStreamTag', 'app:b'), []],
    [tag('a', 'ImageStreamImage', 'sha256:abc'), ['spec.tags[0].from.name']],
    [tag('a', 'ImageStreamImage', 'app@sha256:abc'), ['spec.tags[0].from.name']],
    [tag('a', 'ImageStreamImage', 'other@sha256:abc'), []],
    [tag('a', 'ImageStreamImage', 'app@'), []],
    [tag('a', 'ImageStreamImage', 'sha256:abc', 'elsewhere'), []],
    [tag('a', 'ImageStreamImage', 'sha256:abc') + tag('b', 'ImageStreamTag', 'other:latest'), []],
    [tag('a', 'ImageStreamImage', 'sha256:abc') + tag('b', 'DockerImage', 'quay.io/a/b:1'), ['spec.tags[0].from.name']],
  ])('%s', (tags, expected) => {
    expect(paths(tagFromName, stream(tags))).toEqual(expected);
  });
  it('judges the namespace of from against the stream\'s own', () => {
    expect(paths(tagFromName, stream(tag('a', 'ImageStreamImage', 'sha256:abc', 'team'), 'team'))).toEqual(['spec.tags[0].from.name']);
  });
  it('an ImageStreamTag may point at an image of an existing stream: only the empty stream part is certain', () => {
    const istag = (from: string) => `kind: ImageStreamTag\nmetadata: {name: "app:x"}\ntag: {from: {kind: ImageStreamImage, name: "${from}"}}`;
    expect(paths(tagFromName, istag('app@sha256:abc'))).toEqual([]);
    expect(paths(tagFromName, istag('@sha256:abc'))).toEqual(['tag.from.name']);
  });
});
