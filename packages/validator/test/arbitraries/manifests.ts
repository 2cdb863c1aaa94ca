/**
 * Valid image.openshift.io/v1 objects of every kind, built from the generated model
 * (`@ocp-image/schemas` model.json: fields, types, required) and the server rules
 * (../shared/reference/server-rules.md): names, references and combinations the API server accepts.
 * Fields the server ignores or fills in (status, ImageStreamTag image, signature verification
 * results…) are left out, so a generated manifest should draw no error at all.
 */
import fc from 'fast-check';
import { NOT_CREATABLE_KINDS } from '../../src/rules/client/kind-not-creatable.js';
import {
  annotations,
  architecture,
  base64Content,
  dnsLabel,
  hexDigest,
  imageReference,
  labels,
  lowerAlphanumeric,
  mediaType,
  operatingSystem,
  repository,
  streamName,
  tagName,
  timestamp,
} from './values.js';

export const API_VERSION = 'image.openshift.io/v1';

export type Manifest = Record<string, unknown>;

function metadata(name: fc.Arbitrary<string>, options: { namespaced: boolean; labelled?: boolean }) {
  const labelled = options.labelled ?? true;
  return fc.record(
    {
      name,
      ...(options.namespaced ? { namespace: dnsLabel } : {}),
      ...(labelled ? { labels, annotations } : {}),
      creationTimestamp: fc.constant(null),
    },
    { requiredKeys: ['name'] },
  );
}

const importMode = fc.constantFrom('', 'Legacy', 'PreserveOriginal');
const referencePolicy = fc.record({ type: fc.constantFrom('Source', 'Local', '') }, { requiredKeys: [] });

const streamTag = fc.tuple(streamName, tagName).map(([stream, tag]) => `${stream}:${tag}`);

const dockerImageFrom = fc.record({ kind: fc.constant('DockerImage'), name: imageReference });
const streamTagFrom = fc.record(
  { kind: fc.constant('ImageStreamTag'), name: fc.oneof(tagName, streamTag), namespace: dnsLabel },
  { requiredKeys: ['kind', 'name'] },
);
const streamImageFrom = fc.record(
  // A bare id names an image of the stream being created, which has none yet (tag-from-name): always name the stream.
  { kind: fc.constant('ImageStreamImage'), name: fc.tuple(streamName, hexDigest).map(([stream, digest]) => `${stream}@${digest}`), namespace: dnsLabel },
  { requiredKeys: ['kind', 'name'] },
);

/** A TagReference (ImageStream spec.tags[], ImageStreamTag tag, ImageTag spec) with the given name. */
function tagReference(name: string) {
  return fc.oneof(dockerImageFrom, streamTagFrom, streamImageFrom).chain((from) =>
    fc.record(
      {
        name: fc.constant(name),
        annotations,
        from: fc.constant(from),
        importPolicy: fc.record(
          {
            insecure: fc.boolean(),
            // Only tags pointing at a registry may be scheduled for background import.
            scheduled: from.kind === 'DockerImage' ? fc.boolean() : fc.constant(false),
            importMode,
          },
          { requiredKeys: [] },
        ),
        referencePolicy,
        reference: fc.boolean(),
      },
      { requiredKeys: ['name'] },
    ),
  );
}

const tagReferences = fc.uniqueArray(tagName, { maxLength: 4 }).chain((names) => fc.tuple(...names.map(tagReference)).map((tags) => [...tags]));

const imageStream = fc.record(
  {
    apiVersion: fc.constant(API_VERSION),
    kind: fc.constant('ImageStream'),
    metadata: metadata(streamName, { namespaced: true }),
    spec: fc.record({ lookupPolicy: fc.record({ local: fc.boolean() }), tags: tagReferences }, { requiredKeys: [] }),
  },
  { requiredKeys: ['apiVersion', 'kind', 'metadata'] },
);

const imageStreamTag = fc.tuple(streamName, tagName).chain(([stream, tag]) =>
  fc.record(
    {
      apiVersion: fc.constant(API_VERSION),
      kind: fc.constant('ImageStreamTag'),
      metadata: metadata(fc.constant(`${stream}:${tag}`), { namespaced: true }),
      tag: tagReference(tag).map(({ annotations: _dropped, ...rest }) => rest),
    },
    { requiredKeys: ['apiVersion', 'kind', 'metadata'] },
  ),
);

const imageTag = fc.tuple(streamName, tagName).chain(([stream, tag]) =>
  fc.record({
    apiVersion: fc.constant(API_VERSION),
    kind: fc.constant('ImageTag'),
    metadata: metadata(fc.constant(`${stream}:${tag}`), { namespaced: true }),
    spec: tagReference(tag),
  }),
);

const tagImportPolicy = fc.record({ insecure: fc.boolean(), scheduled: fc.boolean(), importMode }, { requiredKeys: [] });

const imageImportSpec = fc.record(
  {
    from: fc.record({ kind: fc.constant('DockerImage'), name: imageReference }),
    to: fc.record({ name: tagName }),
    importPolicy: tagImportPolicy,
    referencePolicy,
    includeManifest: fc.boolean(),
  },
  { requiredKeys: ['from'] },
);

const repositoryImportSpec = fc.record(
  { from: fc.record({ kind: fc.constant('DockerImage'), name: repository }), importPolicy: tagImportPolicy, referencePolicy, includeManifest: fc.boolean() },
  { requiredKeys: ['from'] },
);

const imageStreamImport = fc.record({
  apiVersion: fc.constant(API_VERSION),
  kind: fc.constant('ImageStreamImport'),
  metadata: metadata(streamName, { namespaced: true }),
  spec: fc.oneof(
    fc.record({ import: fc.boolean(), images: fc.array(imageImportSpec, { minLength: 1, maxLength: 3 }) }, { requiredKeys: ['images'] }),
    fc.record({ import: fc.boolean(), repository: repositoryImportSpec, images: fc.array(imageImportSpec, { maxLength: 2 }) }, { requiredKeys: ['repository'] }),
  ),
});

const imageLayers = fc.array(fc.record({ name: hexDigest, size: fc.nat(), mediaType }), { minLength: 1, maxLength: 4 });

const imageManifests = fc.array(
  fc.record(
    {
      digest: hexDigest,
      mediaType: fc.constantFrom('application/vnd.docker.distribution.manifest.v2+json', 'application/vnd.oci.image.manifest.v1+json'),
      architecture,
      os: operatingSystem,
      variant: fc.constantFrom('v7', 'v8'),
      manifestSize: fc.nat(),
    },
    { requiredKeys: ['digest', 'mediaType', 'architecture', 'os'] },
  ),
  { minLength: 1, maxLength: 3 },
);

const dockerImageMetadata = fc.record(
  { kind: fc.constant('DockerImage'), apiVersion: fc.constant('1.0'), Id: hexDigest, Created: timestamp, Architecture: architecture, Size: fc.nat() },
  { requiredKeys: ['kind', 'apiVersion'] },
);

/** An Image (or the `image` of an ImageStreamImage or ImageStreamMapping): single-manifest with layers, or a manifest list. */
function image(options: { embedded: boolean }) {
  const layered = fc.record(
    {
      dockerImageLayers: imageLayers,
      dockerImageManifestMediaType: fc.constantFrom('application/vnd.docker.distribution.manifest.v2+json', 'application/vnd.oci.image.manifest.v1+json'),
      dockerImageConfig: fc.constant('{"architecture":"amd64","os":"linux"}'),
    },
    { requiredKeys: ['dockerImageLayers'] },
  );
  const manifestList = fc.record(
    {
      dockerImageManifests: imageManifests,
      dockerImageManifestMediaType: fc.constantFrom('application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.oci.image.index.v1+json'),
    },
    { requiredKeys: ['dockerImageManifests'] },
  );
  return fc.tuple(hexDigest, fc.oneof(layered, manifestList)).chain(([name, content]) =>
    fc.record(
      {
        ...(options.embedded ? {} : { apiVersion: fc.constant(API_VERSION), kind: fc.constant('Image') }),
        metadata: metadata(fc.constant(name), { namespaced: false }),
        dockerImageReference: imageReference,
        dockerImageMetadataVersion: fc.constant('1.0'),
        dockerImageMetadata,
        content: fc.constant(content),
      },
      { requiredKeys: [...(options.embedded ? [] : (['apiVersion', 'kind'] as const)), 'metadata', 'dockerImageReference', 'content'] },
    ).map(({ content: parts, ...rest }) => ({ ...rest, ...(parts as Manifest) })),
  );
}

const imageSignature = fc.tuple(hexDigest, lowerAlphanumeric).chain(([imageName, signatureName]) =>
  fc.record({
    apiVersion: fc.constant(API_VERSION),
    kind: fc.constant('ImageSignature'),
    metadata: metadata(fc.constant(`${imageName}@${signatureName}`), { namespaced: false, labelled: false }),
    type: fc.constant('atomic'),
    content: base64Content,
  }),
);

const imageStreamMapping = fc.record({
  apiVersion: fc.constant(API_VERSION),
  kind: fc.constant('ImageStreamMapping'),
  metadata: fc.record({ name: streamName, namespace: dnsLabel }),
  tag: tagName,
  image: image({ embedded: true }),
});

const imageStreamImage = fc.tuple(streamName, hexDigest).chain(([stream, digest]) =>
  fc.record(
    {
      apiVersion: fc.constant(API_VERSION),
      kind: fc.constant('ImageStreamImage'),
      metadata: metadata(fc.constant(`${stream}@${digest}`), { namespaced: true }),
      image: image({ embedded: true }),
    },
    { requiredKeys: ['apiVersion', 'kind', 'metadata'] },
  ),
);

const imageStreamLayers = fc.record(
  {
    apiVersion: fc.constant(API_VERSION),
    kind: fc.constant('ImageStreamLayers'),
    metadata: metadata(streamName, { namespaced: true }),
    blobs: fc.dictionary(hexDigest, fc.record({ size: fc.nat(), mediaType }), { maxKeys: 3, noNullPrototype: true }),
    images: fc.dictionary(
      hexDigest,
      fc.record({ layers: fc.array(hexDigest, { maxLength: 3 }), config: hexDigest, imageMissing: fc.boolean() }, { requiredKeys: [] }),
      { maxKeys: 2, noNullPrototype: true },
    ),
  },
  { requiredKeys: ['apiVersion', 'kind', 'metadata'] },
);

const secretList = fc.record({
  apiVersion: fc.constant(API_VERSION),
  kind: fc.constant('SecretList'),
  items: fc.array(
    fc.record({
      apiVersion: fc.constant('v1'),
      kind: fc.constant('Secret'),
      metadata: fc.record({ name: dnsLabel }),
      type: fc.constant('kubernetes.io/dockerconfigjson'),
      data: fc.record({ '.dockerconfigjson': base64Content }),
    }),
    { maxLength: 2 },
  ),
});

/** One arbitrary per kind of `@ocp-image/schemas` imageKinds (a test checks the two lists agree). */
export const manifestsByKind: Readonly<Record<string, fc.Arbitrary<Manifest>>> = {
  Image: image({ embedded: false }),
  ImageSignature: imageSignature,
  ImageStream: imageStream,
  ImageStreamImage: imageStreamImage,
  ImageStreamImport: imageStreamImport,
  ImageStreamLayers: imageStreamLayers,
  ImageStreamMapping: imageStreamMapping,
  ImageStreamTag: imageStreamTag,
  ImageTag: imageTag,
  SecretList: secretList,
};

export const validManifest: fc.Arbitrary<Manifest> = fc.oneof(...Object.values(manifestsByKind));

/** The kinds a manifest can create (ImageStreamImage, ImageStreamLayers and SecretList are only read from the API). */
export const creatableManifest: fc.Arbitrary<Manifest> = fc.oneof(
  ...Object.entries(manifestsByKind)
    .filter(([kind]) => !(NOT_CREATABLE_KINDS as readonly string[]).includes(kind))
    .map(([, arbitrary]) => arbitrary),
);

/** One of the kinds only read from the API. */
export const readOnlyManifest: fc.Arbitrary<Manifest> = fc.oneof(...NOT_CREATABLE_KINDS.map((kind) => manifestsByKind[kind] as fc.Arbitrary<Manifest>));
