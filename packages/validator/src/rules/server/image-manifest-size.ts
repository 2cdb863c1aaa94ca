import { defineRule } from '../define.js';
import { manifestEntries } from '../utils/images.js';
import { IMAGE_KINDS } from '../utils/images.js';

export default defineRule({
  id: 'image-manifest-size',
  category: 'server',
  severity: 'error',
  description: 'The manifestSize of a manifest in a manifest list cannot be negative.',
  source: 'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageManifests ("manifest size cannot be negative")',
  kinds: IMAGE_KINDS,
  messages: {
    negative: 'The manifest size cannot be negative: {{value}} is not a size in bytes.',
  },
  check({ object, report }) {
    for (const { manifest, path } of manifestEntries(object)) {
      const size = manifest['manifestSize'];
      if (typeof size === 'number' && size < 0) report({ path: [...path, 'manifestSize'], messageId: 'negative', data: { value: size } });
    }
  },
});
