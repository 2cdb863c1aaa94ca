import { describe, expect, it } from 'vitest';
import imageManifestListLayers from '../src/rules/docs/image-manifest-list-layers.js';
import imageManifestListConfig from '../src/rules/docs/image-manifest-list-config.js';
import imageManifestMediaTypeKnown from '../src/rules/docs/image-manifest-media-type-known.js';
import deprecatedDockerImageRepository from '../src/rules/docs/deprecated-docker-image-repository.js';
import signatureConditionStatus from '../src/rules/docs/signature-condition-status.js';
import statusIgnored from '../src/rules/lint/status-ignored.js';
import serverPopulatedField from '../src/rules/lint/server-populated-field.js';
import clusterScopedNamespace from '../src/rules/lint/cluster-scoped-namespace.js';
import duplicateTagName from '../src/rules/lint/duplicate-tag-name.js';
import { paths, run } from './rules-harness.js';

describe('docs rules', () => {
  const image = (fields: string) => `kind: Image\nmetadata: {name: x}\n${fields}`;

  it('image-manifest-list-layers: a manifest list has no layers', () => {
    expect(paths(imageManifestListLayers, image('dockerImageManifests: [{digest: a}]\ndockerImageLayers: [{name: l}]'))).toEqual(['dockerImageLayers']);
    expect(paths(imageManifestListLayers, image('dockerImageManifests: [{digest: a}]\ndockerImageLayers: []'))).toEqual([]);
    expect(paths(imageManifestListLayers, image('dockerImageLayers: [{name: l}]'))).toEqual([]);
    expect(paths(imageManifestListLayers, 'kind: ImageStreamMapping\nimage: {dockerImageManifests: [{}], dockerImageLayers: [{}]}')).toEqual([
      'image.dockerImageLayers',
    ]);
  });

  it('image-manifest-list-config: a manifest list has no config', () => {
    expect(paths(imageManifestListConfig, image('dockerImageManifests: [{digest: a}]\ndockerImageConfig: "{}"'))).toEqual(['dockerImageConfig']);
    expect(paths(imageManifestListConfig, image('dockerImageConfig: "{}"'))).toEqual([]);
  });

  it('image-manifest-media-type-known: the media types the reference lists', () => {
    const entry = (mediaType: string) => image(`dockerImageManifests: [{mediaType: "${mediaType}"}]`);
    expect(run(imageManifestMediaTypeKnown, entry('application/vnd.docker.distribution.manifest.v2+json'))).toEqual([]);
    expect(run(imageManifestMediaTypeKnown, entry('application/vnd.oci.image.manifest.v1+jsn'))).toMatchObject([
      { path: 'dockerImageManifests[0].mediaType', message: expect.stringContaining('Did you mean "application/vnd.oci.image.manifest.v1+json"?') },
    ]);
    // a malformed media type is the server rule's
    expect(run(imageManifestMediaTypeKnown, entry('not a media type'))).toEqual([]);
  });

  it('deprecated-docker-image-repository', () => {
    expect(run(deprecatedDockerImageRepository, 'kind: ImageStream\nspec: {dockerImageRepository: quay.io/org/app}')).toMatchObject([
      { path: 'spec.dockerImageRepository', message: expect.stringContaining('name: "quay.io/org/app:<tag>"') },
    ]);
    expect(run(deprecatedDockerImageRepository, 'kind: ImageStream\nspec: {dockerImageRepository: ""}')).toEqual([]);
  });

  it('signature-condition-status: True, False or Unknown', () => {
    const signed = (status: string) => image(`signatures: [{conditions: [{type: Trusted, status: ${status}}]}]`);
    expect(run(signatureConditionStatus, signed('"true"'))).toMatchObject([
      { path: 'signatures[0].conditions[0].status', message: expect.stringContaining('Did you mean "True"?') },
    ]);
    expect(run(signatureConditionStatus, signed('"False"'))).toEqual([]);
  });
});

describe('lint rules', () => {
  it('status-ignored: only a status that says something', () => {
    expect(paths(statusIgnored, 'kind: ImageStream\nstatus: {dockerImageRepository: x}')).toEqual(['status']);
    expect(paths(statusIgnored, 'kind: ImageStream\nstatus: {}')).toEqual([]);
    expect(paths(statusIgnored, 'kind: ImageStream\nstatus: {dockerImageRepository: "", tags: []}')).toEqual([]);
    expect(paths(statusIgnored, 'kind: ImageTag\nstatus: {tag: x}')).toEqual(['status']);
  });

  it('server-populated-field: per kind', () => {
    expect(paths(serverPopulatedField, 'kind: ImageStreamTag\nimage: {metadata: {name: x}}\ngeneration: 3\nlookupPolicy: {local: true}\nconditions: []')).toEqual([
      'image',
      'generation',
      'lookupPolicy',
    ]);
    expect(paths(serverPopulatedField, 'kind: ImageStreamMapping\nimage: {signatures: [{type: x}]}')).toEqual(['image.signatures']);
    expect(run(serverPopulatedField, 'kind: ImageSignature\nimageIdentity: x\ncreated: "2024-01-01T00:00:00Z"')).toMatchObject([
      { path: 'imageIdentity', message: expect.stringContaining('imageIdentity is ignored when the ImageSignature is created') },
      { path: 'created' },
    ]);
    expect(paths(serverPopulatedField, 'kind: ImageTag\nspec: {name: x}')).toEqual([]);
  });

  it('cluster-scoped-namespace', () => {
    expect(paths(clusterScopedNamespace, 'kind: Image\nmetadata: {name: x, namespace: demo}')).toEqual(['metadata.namespace']);
    expect(paths(clusterScopedNamespace, 'kind: ImageSignature\nmetadata: {name: x@y}')).toEqual([]);
  });

  it('duplicate-tag-name: reports the entries that are dropped', () => {
    const stream = 'kind: ImageStream\nspec:\n  tags:\n  - name: a\n  - name: b\n  - name: a\n  - name: a\n  - {}';
    expect(run(duplicateTagName, stream).map((entry) => [entry.path, entry.message])).toEqual([
      ['spec.tags[0].name', 'The tag "a" is defined again at spec.tags[3]; the server keeps only that last definition and silently drops this one. Remove or rename one of them.'],
      ['spec.tags[2].name', 'The tag "a" is defined again at spec.tags[3]; the server keeps only that last definition and silently drops this one. Remove or rename one of them.'],
    ]);
  });
});
