import { defineRule } from '../define.js';
import { IMAGE_KINDS, images } from '../utils/images.js';
import { isEmptyValue } from '../utils/object.js';

export default defineRule({
  id: 'image-manifest-list-config',
  category: 'docs',
  severity: 'warning',
  description: 'An Image that is a manifest list (dockerImageManifests) has no dockerImageConfig.',
  source:
    'OpenShift Container Platform 4.17 Image APIs reference, Image .dockerImageConfig: "DockerImageConfig is a JSON blob that the runtime uses to set up the container. This is a part of manifest schema v2. Will not be set when the image represents a manifest list."',
  kinds: IMAGE_KINDS,
  messages: {
    configOnList:
      'dockerImageConfig is set on a manifest list (dockerImageManifests is set), which has no config of its own; remove dockerImageConfig or dockerImageManifests.',
  },
  check({ object, report }) {
    for (const { image, path } of images(object)) {
      if (Array.isArray(image['dockerImageManifests']) && image['dockerImageManifests'].length > 0 && !isEmptyValue(image['dockerImageConfig'])) {
        report({ path: [...path, 'dockerImageConfig'], messageId: 'configOnList' });
      }
    }
  },
});
