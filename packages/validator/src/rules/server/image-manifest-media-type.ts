import { defineRule } from '../define.js';
import { isRfc6838MediaType } from '../../reference/index.js';
import { has } from './support.js';
import { manifestEntries } from '../utils/images.js';
import { IMAGE_KINDS } from '../utils/images.js';
import { quote } from '../utils/message.js';
import { isTemplateValue } from '../utils/object.js';

export default defineRule({
  id: 'image-manifest-media-type',
  category: 'server',
  severity: 'error',
  description: 'The mediaType of each manifest in a manifest list must be an RFC 6838 media type (type/subtype).',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageManifests (imageMediaTypeRegexp, "media type does not conform to RFC6838")',
  kinds: IMAGE_KINDS,
  messages: {
    invalid:
      'The media type {{value}} does not conform to RFC 6838: write type/subtype, e.g. "application/vnd.oci.image.manifest.v1+json".',
  },
  check({ object, report }) {
    for (const { manifest, path } of manifestEntries(object)) {
      const mediaType = manifest['mediaType'];
      if (has(manifest, 'mediaType') && typeof mediaType !== 'string') continue;
      const text = typeof mediaType === 'string' ? mediaType : '';
      if (isTemplateValue(object, text) || isRfc6838MediaType(text)) continue;
      report({ path: [...path, 'mediaType'], messageId: 'invalid', data: { value: quote(text) } });
    }
  },
});
