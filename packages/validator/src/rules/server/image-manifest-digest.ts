import { defineRule } from '../define.js';
import { containsOciDigest } from '../../reference/index.js';
import { has } from './support.js';
import { manifestEntries } from '../utils/images.js';
import { IMAGE_KINDS } from '../utils/images.js';
import { quote } from '../utils/message.js';
import { isTemplateValue } from '../utils/object.js';

export default defineRule({
  id: 'image-manifest-digest',
  category: 'server',
  severity: 'error',
  description: 'The digest of each manifest in a manifest list must be an OCI digest, <algorithm>:<at least 32 hex digits>.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageManifests (imageDigestRegexp, "digest does not conform with OCI image specification")',
  kinds: IMAGE_KINDS,
  messages: {
    invalid:
      'The digest {{value}} does not conform with the OCI image specification: write <algorithm>:<hex digits>, e.g. "sha256:" followed by 64 hex digits.',
  },
  check({ object, report }) {
    for (const { manifest, path } of manifestEntries(object)) {
      const digest = manifest['digest'];
      if (has(manifest, 'digest') && typeof digest !== 'string') continue;
      const text = typeof digest === 'string' ? digest : '';
      if (isTemplateValue(object, text) || containsOciDigest(text)) continue;
      report({ path: [...path, 'digest'], messageId: 'invalid', data: { value: quote(text) } });
    }
  },
});
