import { defineRule } from '../define.js';
import { MANAGED_SIGNATURE_ANNOTATION, SIGNATURE_KINDS } from './support.js';
import { signatureSites } from '../utils/signatures.js';
import { record } from '../utils/object.js';

export default defineRule({
  id: 'signature-metadata',
  category: 'server',
  severity: 'error',
  description: 'Image signatures cannot have labels or annotations.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageSignature ("signature labels cannot be set", "signature annotations cannot be set"); the Image strategy first strips the image.openshift.io/managed-signature annotation',
  kinds: SIGNATURE_KINDS,
  messages: {
    labels: 'Signature labels cannot be set: remove metadata.labels.',
    annotations: 'Signature annotations cannot be set: remove metadata.annotations.',
  },
  check({ object, report }) {
    for (const { signature, path, embedded } of signatureSites(object)) {
      const metadata = record(signature, 'metadata');
      const labels = record(metadata, 'labels');
      if (labels && Object.keys(labels).length > 0) report({ path: [...path, 'metadata', 'labels'], messageId: 'labels' });
      const annotations = record(metadata, 'annotations');
      const keys = Object.keys(annotations ?? {}).filter((key) => !(embedded && key === MANAGED_SIGNATURE_ANNOTATION));
      if (keys.length > 0) report({ path: [...path, 'metadata', 'annotations'], messageId: 'annotations' });
    }
  },
});
