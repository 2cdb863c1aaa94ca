// Deterministic synthetic image.openshift.io/v1 manifests for the benchmark: ImageStreams with
// 1–40 tags, ImageStreamImports, Images with 10–30 layers and metadata, ImageStreamTags; about
// 10 % of documents carry one realistic mistake. Same seed → byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, and stable across Node versions (Math.random is not seedable). */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const registries = ['quay.io', 'registry.redhat.io', 'docker.io', 'image-registry.openshift-image-registry.svc:5000'];

function digest(random) {
  let hex = '';
  for (let i = 0; i < 64; i++) hex += '0123456789abcdef'[random.int(0, 15)];
  return `sha256:${hex}`;
}

/** Each mistake is one a person really makes; the validator must report every one of them. */
const imageStreamMistakes = [
  (doc) => doc.replace('kind: DockerImage', 'kind: DockerImages'),
  (doc) => doc.replace('type: Source', 'type: source'),
  (doc) => doc.replace(/- name: "([0-9]+)\.([0-9]+)"/, '- name: $1.10'),
  (doc) => doc.replace('    from:\n', '    form:\n'),
  (doc) => doc.replace(/(name: [a-z.:0-9-]+\/org)/, '$1/App'),
  (doc) => doc.replace('importMode: PreserveOriginal', 'importMode: Preserve'),
];

function imageStream(random, index, faulty) {
  let tags = '';
  const tagCount = random.int(1, 40);
  for (let t = 0; t < tagCount; t++) {
    const fromKind = random.pick(['DockerImage', 'DockerImage', 'ImageStreamTag']);
    const fromName =
      fromKind === 'DockerImage'
        ? `${random.pick(registries)}/org${index % 50}/app${index}:${t}.${random.int(0, 9)}`
        : `base${index}:${t}`;
    tags += `  - name: "${t}.${random.int(0, 20)}"
    annotations:
      description: Build ${t} of app ${index}
      tags: builder,app${index}
    from:
      kind: ${fromKind}
      name: ${fromName}
    referencePolicy:
      type: ${random.pick(['Source', 'Local'])}
`;
    if (fromKind === 'DockerImage' && random.chance(0.3)) {
      tags += '    importPolicy:\n      scheduled: true\n      importMode: PreserveOriginal\n';
    }
  }
  const doc = `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: app${index}
  namespace: team${index % 20}
  labels:
    app.kubernetes.io/name: app${index}
    app.kubernetes.io/part-of: shop
  annotations:
    openshift.io/display-name: App ${index}
spec:
  lookupPolicy:
    local: ${random.chance(0.5)}
  tags:
${tags}`;
  return faulty ? random.pick(imageStreamMistakes)(doc) : doc;
}

function image(random, index, faulty) {
  let layers = '';
  const layerCount = random.int(10, 30);
  for (let l = 0; l < layerCount; l++) {
    layers += `- name: ${digest(random)}
  size: ${random.int(1000, 90_000_000)}
  mediaType: application/vnd.docker.image.rootfs.diff.tar.gzip
`;
  }
  let doc = `apiVersion: image.openshift.io/v1
kind: Image
metadata:
  name: ${digest(random)}
dockerImageReference: ${random.pick(registries)}/org/app${index}@${digest(random)}
dockerImageManifestMediaType: application/vnd.docker.distribution.manifest.v2+json
dockerImageMetadata:
  kind: DockerImage
  apiVersion: "1.0"
  Architecture: amd64
  Size: ${random.int(1e6, 1e9)}
  Config:
    Env: ["PATH=/usr/bin", "APP=${index}"]
    Labels: {version: "${index}.0", release: "${index}"}
dockerImageLayers:
${layers}`;
  if (faulty) {
    // A manifest list must not also carry layers.
    doc += `dockerImageManifests:
- digest: ${digest(random)}
  mediaType: application/vnd.oci.image.manifest.v1+json
  manifestSize: 1234
  architecture: amd64
  os: linux
`;
  }
  return doc;
}

function imageStreamImport(random, index, faulty) {
  return `apiVersion: image.openshift.io/v1
kind: ImageStreamImport
metadata:
  name: app${index}
  namespace: team${index % 20}
spec:
  import: true
  images:
  - from:
      kind: ${faulty ? 'ImageStreamTag' : 'DockerImage'}
      name: ${random.pick(registries)}/org/app${index}:latest
    to:
      name: latest
    importPolicy:
      importMode: Legacy
    referencePolicy:
      type: Local
`;
}

function imageStreamTag(random, index, faulty) {
  return `apiVersion: image.openshift.io/v1
kind: ImageStreamTag
metadata:
  name: ${faulty ? `app${index}` : `app${index}:v${random.int(1, 9)}`}
  namespace: team${index % 20}
tag:
  from:
    kind: DockerImage
    name: ${random.pick(registries)}/org/app${index}:${random.int(1, 9)}.${random.int(0, 9)}
  referencePolicy:
    type: Source
`;
}

/**
 * Writes `files` files of `docsPerFile` documents each under `directory`.
 * @returns the number of documents written and how many were made faulty.
 */
export function writeSyntheticManifests(directory, files, docsPerFile, seed = 1) {
  const random = createRandom(seed);
  mkdirSync(directory, { recursive: true });
  let index = 0;
  let faultyCount = 0;
  for (let f = 0; f < files; f++) {
    const docs = [];
    for (let d = 0; d < docsPerFile; d++) {
      const faulty = random.chance(0.1);
      if (faulty) faultyCount++;
      const r = random.next();
      const make = r < 0.6 ? imageStream : r < 0.75 ? image : r < 0.88 ? imageStreamImport : imageStreamTag;
      docs.push(make(random, index++, faulty));
    }
    writeFileSync(join(directory, `m${String(f).padStart(5, '0')}.yaml`), docs.join('---\n'));
  }
  return { documents: index, faulty: faultyCount };
}
