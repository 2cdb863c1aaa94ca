import { defineRule } from '../define.js';
import { manifestEntries } from '../utils/images.js';
import { caseHint, has } from './support.js';
import { IMAGE_KINDS } from '../utils/images.js';
import { string } from '../utils/object.js';

export default defineRule({
  id: 'image-manifest-platform',
  category: 'server',
  severity: 'error',
  description: 'Each manifest in a manifest list needs architecture and os.',
  source: 'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageManifests (architecture and os Required)',
  kinds: IMAGE_KINDS,
  messages: {
    architecture: 'Each manifest of a manifest list needs its architecture, e.g. "amd64" or "arm64".{{hint}}',
    os: 'Each manifest of a manifest list needs its os, e.g. "linux".{{hint}}',
  },
  check({ object, report }) {
    for (const { manifest, path } of manifestEntries(object)) {
      for (const field of ['architecture', 'os'] as const) {
        if (!has(manifest, field) || string(manifest, field) === '') report({ path: [...path, field], messageId: field, data: { hint: caseHint(manifest, field) } });
      }
    }
  },
});
