import { defineRule } from '../define.js';
import { readConditions } from './support.js';
import { signatureSites } from '../utils/signatures.js';
import { array, isEmptyValue, string } from '../utils/object.js';

const STATUS_FIELDS = ['imageIdentity', 'signedClaims', 'issuedBy', 'issuedTo'] as const;

export default defineRule({
  id: 'signature-unknown-state',
  category: 'server',
  severity: 'error',
  description:
    'The imageIdentity, signedClaims, issuedBy and issuedTo of an Image\'s signature must be unset unless a Trusted condition says True or False.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageSignature ("must be unset for unknown signature state")',
  kinds: ['Image'],
  messages: {
    unset:
      '{{field}} must be unset for unknown signature state: without a "Trusted" condition whose status is True or False the server rejects it. Remove {{field}}, or add the Trusted and ForImage conditions.',
  },
  check({ object, report }) {
    // A standalone ImageSignature has these cleared on create instead (server-populated-field).
    for (const { signature, path, embedded } of signatureSites(object)) {
      if (!embedded) continue;
      const reading = readConditions(array(signature, 'conditions') ?? []);
      // Where the conditions make the server fail, signature-conditions reports it; nothing after is reached.
      if (reading.failsAt !== undefined) continue;
      if (reading.trusted !== undefined && string(reading.trusted, 'status') !== 'Unknown') continue;
      for (const field of STATUS_FIELDS) {
        const value = signature[field];
        const isSet = field === 'issuedBy' || field === 'issuedTo' ? value !== undefined && value !== null : !isEmptyValue(value);
        if (isSet) report({ path: [...path, field], messageId: 'unset', data: { field } });
      }
    }
  },
});
