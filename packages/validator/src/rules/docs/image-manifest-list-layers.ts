import { defineRule } from '../define.js';
import { IMAGE_KINDS, images, isEmptyValue } from '../server/support.js';

export default defineRule({
  id: 'image-manifest-list-layers',
  category: 'docs',
  severity: 'error',
  description: 'An Image that is a manifest list (dockerImageManifests) must not also have dockerImageLayers.',
  source:
    'OpenShift Container Platform 4.17 Image APIs reference, Image .dockerImageManifests: "DockerImageManifests holds information about sub-manifests when the image represents a manifest list. When this field is present, no DockerImageLayers should be specified." Enforced by openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go validateImage ("dockerImageLayers should not be set when dockerImageManifests is set")',
  kinds: IMAGE_KINDS,
  messages: {
    exclusive:
      'dockerImageLayers should not be set when dockerImageManifests is set: a manifest list has no layers of its own (each sub-manifest has them). Remove dockerImageLayers.',
  },
  check({ object, report }) {
    for (const { image, path } of images(object)) {
      if (!isEmptyValue(image['dockerImageManifests']) && Array.isArray(image['dockerImageLayers']) && image['dockerImageLayers'].length > 0) {
        report({ path: [...path, 'dockerImageLayers'], messageId: 'exclusive' });
      }
    }
  },
});
