import { defineRule } from '../define.js';
import { signatureSites } from '../utils/signatures.js';
import { caseHint, has, SIGNATURE_KINDS } from './support.js';
import { string } from '../utils/object.js';

export default defineRule({
  id: 'signature-required-fields',
  category: 'server',
  severity: 'error',
  description: 'An image signature needs a non-empty type and content.',
  source: 'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageSignature (type and content Required)',
  kinds: SIGNATURE_KINDS,
  messages: {
    type: 'Missing type: give the kind of signature blob, e.g. "atomic".{{hint}}',
    content: 'Missing content: give the signature bytes, base64-encoded.{{hint}}',
  },
  check({ object, report }) {
    for (const { signature, path } of signatureSites(object)) {
      for (const field of ['type', 'content'] as const) {
        if (!has(signature, field) || string(signature, field) === '') report({ path: [...path, field], messageId: field, data: { hint: caseHint(signature, field) } });
      }
    }
  },
});
