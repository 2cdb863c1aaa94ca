import { defineRule } from '../define.js';
import { isRfc6838MediaType } from '../../reference/index.js';
import { manifestEntries } from '../utils/images.js';
import { IMAGE_KINDS } from '../utils/images.js';
import { closestValue, didYouMean, quote } from '../utils/message.js';
import { isTemplateValue, string } from '../utils/object.js';

const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.v1+json',
] as const;

export default defineRule({
  id: 'image-manifest-media-type-known',
  category: 'docs',
  severity: 'warning',
  description: 'The mediaType of each manifest in a manifest list is one of the manifest media types the reference lists.',
  source:
    'OpenShift Container Platform 4.17 Image APIs reference, Image .dockerImageManifests[].mediaType: "MediaType defines the type of the manifest, possible values are application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json or application/vnd.docker.distribution.manifest.v1+json."',
  kinds: IMAGE_KINDS,
  messages: {
    unknown:
      'The media type {{value}} is not one of the manifest media types the API reference lists (application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.v1+json).{{hint}}',
  },
  check({ object, report }) {
    for (const { manifest, path } of manifestEntries(object)) {
      const mediaType = string(manifest, 'mediaType');
      // Malformed media types are image-manifest-media-type's (the server rejects them).
      if (!mediaType || isTemplateValue(object, mediaType) || !isRfc6838MediaType(mediaType)) continue;
      const trimmed = mediaType.trim();
      if ((MANIFEST_MEDIA_TYPES as readonly string[]).includes(trimmed)) continue;
      report({
        path: [...path, 'mediaType'],
        messageId: 'unknown',
        data: { value: quote(mediaType), hint: didYouMean(closestValue(trimmed, MANIFEST_MEDIA_TYPES)) },
      });
    }
  },
});
