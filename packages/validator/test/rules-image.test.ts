import { describe, expect, it } from 'vitest';
import imageMetadataVersion from '../src/rules/server/image-metadata-version.js';
import imageManifestDigest from '../src/rules/server/image-manifest-digest.js';
import imageManifestMediaType from '../src/rules/server/image-manifest-media-type.js';
import imageManifestPlatform from '../src/rules/server/image-manifest-platform.js';
import imageManifestSize from '../src/rules/server/image-manifest-size.js';
import signatureName from '../src/rules/server/signature-name.js';
import signatureMetadata from '../src/rules/server/signature-metadata.js';
import signatureRequiredFields from '../src/rules/server/signature-required-fields.js';
import signatureConditions from '../src/rules/server/signature-conditions.js';
import signatureUnknownState from '../src/rules/server/signature-unknown-state.js';
import { paths, run } from './rules-harness.js';

const SHA = `sha256:${'b'.repeat(64)}`;

const manifestList = (entries: string) => `
kind: Image
metadata: {name: "${SHA}"}
dockerImageReference: quay.io/org/app@${SHA}
dockerImageManifests:
${entries}`;

describe('dockerImageManifests entries', () => {
  const good = `- {digest: "${SHA}", mediaType: application/vnd.oci.image.manifest.v1+json, manifestSize: 100, architecture: amd64, os: linux}`;
  it.each([imageManifestDigest, imageManifestMediaType, imageManifestPlatform, imageManifestSize])('$id accepts a good entry', (rule) => {
    expect(run(rule, manifestList(good))).toEqual([]);
  });

  const bad = `- {digest: "sha256:123", mediaType: "application", manifestSize: -1, architecture: "", os: ""}
- {}`;
  it('reports each broken field at its path', () => {
    expect(paths(imageManifestDigest, manifestList(bad))).toEqual(['dockerImageManifests[0].digest', 'dockerImageManifests[1].digest']);
    expect(paths(imageManifestMediaType, manifestList(bad))).toEqual(['dockerImageManifests[0].mediaType', 'dockerImageManifests[1].mediaType']);
    expect(paths(imageManifestPlatform, manifestList(bad))).toEqual([
      'dockerImageManifests[0].architecture',
      'dockerImageManifests[0].os',
      'dockerImageManifests[1].architecture',
      'dockerImageManifests[1].os',
    ]);
    expect(run(imageManifestSize, manifestList(bad))).toMatchObject([
      { path: 'dockerImageManifests[0].manifestSize', message: 'The manifest size cannot be negative: -1 is not a size in bytes.' },
    ]);
  });

  it('applies to the image of an ImageStreamMapping', () => {
    const mapping = `kind: ImageStreamMapping\nimage:\n  dockerImageManifests:\n  - {digest: x}`;
    expect(paths(imageManifestDigest, mapping)).toEqual(['image.dockerImageManifests[0].digest']);
  });
});

const imageWithSignature = (signature: string) => `
kind: Image
metadata: {name: "${SHA}"}
dockerImageReference: quay.io/org/app@${SHA}
signatures:
- ${signature}`;

describe('signature rules', () => {
  it('signature-name: <imageName>@<signatureName>, with the Image name as the suggestion', () => {
    expect(run(signatureName, imageWithSignature('{metadata: {name: sig1}}'))).toEqual([
      {
        path: 'signatures[0].metadata.name',
        messageId: 'format',
        message: `The signature name "sig1" must be of format <imageName>@<signatureName>: it has no "@". Did you mean "${SHA}@sig1"?`,
      },
    ]);
    expect(run(signatureName, 'kind: ImageSignature\nmetadata: {name: "a@b@c"}')[0]?.message).toContain('it has 2 "@"s');
    expect(run(signatureName, 'kind: ImageSignature\nmetadata: {name: "@b"}')[0]?.message).toContain('image name before "@" is empty');
    expect(run(signatureName, 'kind: ImageSignature\nmetadata: {name: "a@"}')[0]?.message).toContain('signature name after "@" is empty');
    expect(run(signatureName, 'kind: ImageSignature\nmetadata: {name: "a@b"}')).toEqual([]);
  });

  it('signature-metadata: no labels or annotations, except the managed-signature annotation the Image strategy strips', () => {
    expect(paths(signatureMetadata, 'kind: ImageSignature\nmetadata: {name: a@b, labels: {x: y}, annotations: {x: y}}')).toEqual([
      'metadata.labels',
      'metadata.annotations',
    ]);
    const managed = '{metadata: {name: a@b, annotations: {"image.openshift.io/managed-signature": "true"}}}';
    expect(run(signatureMetadata, imageWithSignature(managed))).toEqual([]);
    expect(paths(signatureMetadata, 'kind: ImageSignature\nmetadata: {name: a@b, annotations: {"image.openshift.io/managed-signature": "true"}}')).toEqual([
      'metadata.annotations',
    ]);
    expect(run(signatureMetadata, 'kind: ImageSignature\nmetadata: {name: a@b, labels: {}}')).toEqual([]);
  });

  it('signature-required-fields: type and content', () => {
    expect(paths(signatureRequiredFields, 'kind: ImageSignature\nmetadata: {name: a@b}\ntype: ""')).toEqual(['type', 'content']);
    expect(paths(signatureRequiredFields, imageWithSignature('{type: atomic, content: aGk=}'))).toEqual([]);
  });

  it('signature-conditions: Trusted and ForImage come as a pair in an Image', () => {
    const conditions = (list: string) => imageWithSignature(`{metadata: {name: a@b}, type: atomic, content: aGk=, conditions: ${list}}`);
    expect(run(signatureConditions, conditions('[{type: Trusted, status: "True"}, {type: ForImage, status: "True"}]'))).toEqual([]);
    expect(run(signatureConditions, conditions('[{type: Trusted, status: "True"}]'))).toMatchObject([
      { path: 'signatures[0].conditions', messageId: 'missingForImage' },
    ]);
    expect(run(signatureConditions, conditions('[{type: ForImage, status: "True"}]'))).toMatchObject([{ messageId: 'missingTrusted' }]);
    expect(run(signatureConditions, conditions('[{type: Complete, status: "True"}, {type: ForImage}, {type: Trusted}]'))).toMatchObject([
      { path: 'signatures[0].conditions[0].type', messageId: 'unknownType' },
    ]);
    // after a ForImage condition the server does not fail on other types
    expect(run(signatureConditions, conditions('[{type: ForImage}, {type: Complete}, {type: Trusted}]'))).toEqual([]);
    // a standalone ImageSignature's conditions are cleared before validation
    expect(run(signatureConditions, 'kind: ImageSignature\nconditions: [{type: Trusted}]')).toEqual([]);
  });

  it('signature-unknown-state: status fields need a Trusted condition that is True or False', () => {
    const fields = 'imageIdentity: x, signedClaims: {a: b}, issuedBy: {}, issuedTo: {publicKeyID: "1"}';
    const signature = (conditions: string) => imageWithSignature(`{metadata: {name: a@b}, type: atomic, content: aGk=, ${fields}${conditions}}`);
    expect(paths(signatureUnknownState, signature(''))).toEqual([
      'signatures[0].imageIdentity',
      'signatures[0].signedClaims',
      'signatures[0].issuedBy',
      'signatures[0].issuedTo',
    ]);
    expect(paths(signatureUnknownState, signature(', conditions: [{type: Trusted, status: Unknown}, {type: ForImage}]'))).toHaveLength(4);
    expect(paths(signatureUnknownState, signature(', conditions: [{type: Trusted, status: "False"}, {type: ForImage}]'))).toEqual([]);
    expect(paths(signatureUnknownState, 'kind: ImageSignature\nimageIdentity: x')).toEqual([]);
    expect(paths(signatureUnknownState, imageWithSignature('{imageIdentity: "", signedClaims: {}}'))).toEqual([]);
  });
});

describe('image-metadata-version', () => {
  const image = (version: string, metadata: string) =>
    `kind: Image\nmetadata: {name: x}\ndockerImageReference: a/b:1\ndockerImageMetadataVersion: "${version}"\n${metadata}`;
  it.each([
    ['1.0', 'dockerImageMetadata: {}', []],
    ['pre012', 'dockerImageMetadata: {}', []],
    ['', 'dockerImageMetadata: {}', []],
    ['1.1', 'dockerImageMetadata: {}', ['dockerImageMetadataVersion']],
    ['v1', 'dockerImageMetadata: {Architecture: amd64}', ['dockerImageMetadataVersion']],
    ['1.1', 'dockerImageMetadata: null', []],
    ['1.1', '', []],
  ])('version %j with %j', (version, metadata, expected) => {
    expect(paths(imageMetadataVersion, image(version, metadata))).toEqual(expected);
  });
});
