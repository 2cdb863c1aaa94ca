import { defineRule } from '../define.js';
import { IMAGE_KINDS, images } from '../utils/images.js';
import { array, isEmptyValue } from '../utils/object.js';

export default defineRule({
  id: 'image-manifest-list-layers',
  category: 'docs',
  severity: 'error',
  description: 'An Image that is a manifest list (dockerImageManifests) must not also have dockerImageLayers.',
  source:
    'OpenShift Container Platform 4.17 Image APIs reference, Image .dockerImageManifests: "DockerImageManifests holds information about sub-manifests when the image represents a manifest list. When this field is present, no DockerImageLayers should be specified." Enforced by openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go validateImage ("dockerImageLayers should not be set when dockerImageManifests is set"), after pkg/image/apiserver/registry/image/strategy.go PrepareForCreate fills dockerImageManifests from a manifest list in dockerImageManifest',
  kinds: IMAGE_KINDS,
  messages: {
    exclusive:
      'dockerImageLayers should not be set when dockerImageManifests is set: a manifest list has no layers of its own (each sub-manifest has them). Remove dockerImageLayers.',
    fromManifest:
      'dockerImageManifest holds a manifest list, from which the server fills dockerImageManifests on create, and then rejects dockerImageLayers ("dockerImageLayers should not be set when dockerImageManifests is set"). Remove dockerImageLayers.',
  },
  check({ object, report }) {
    for (const { image, path } of images(object)) {
      if (!Array.isArray(image['dockerImageLayers']) || image['dockerImageLayers'].length === 0) continue;
      if (!isEmptyValue(image['dockerImageManifests'])) report({ path: [...path, 'dockerImageLayers'], messageId: 'exclusive' });
      else if (holdsManifestList(image)) report({ path: [...path, 'dockerImageLayers'], messageId: 'fromManifest' });
    }
  },
});

/** Media types docker/distribution's UnmarshalManifest decodes as a manifest list (manifestlist package). */
const MANIFEST_LIST_MEDIA_TYPES = new Set(['application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.oci.image.index.v1+json']);

/**
 * True when the Image strategy's PrepareForCreate would fill dockerImageManifests from the raw
 * dockerImageManifest: distribution.UnmarshalManifest by dockerImageManifestMediaType gives a
 * manifest list with sub-manifests.
 */
function holdsManifestList(image: Record<string, unknown>): boolean {
  const manifest = image['dockerImageManifest'];
  const mediaType = image['dockerImageManifestMediaType'];
  if (typeof manifest !== 'string' || typeof mediaType !== 'string' || !MANIFEST_LIST_MEDIA_TYPES.has(mediaType.split(';')[0]?.trim() ?? '')) return false;
  try {
    const parsed: unknown = JSON.parse(manifest);
    return (array(parsed, 'manifests')?.length ?? 0) > 0;
  } catch {
    // PrepareForCreate only logs a manifest it cannot parse.
    return false;
  }
}
