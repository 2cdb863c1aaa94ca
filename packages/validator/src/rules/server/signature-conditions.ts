import { defineRule } from '../define.js';
import { readConditions } from './support.js';
import { signatureSites } from '../utils/signatures.js';
import { quote } from '../utils/message.js';
import { array, isRecord, string } from '../utils/object.js';

export default defineRule({
  id: 'signature-conditions',
  category: 'server',
  severity: 'error',
  description: 'The conditions of an Image\'s signature come as a Trusted and ForImage pair, and only of those two types.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageSignature (\'missing "ForImage" condition type\', \'missing "Trusted" condition type\'); a condition of another type, or a Trusted one older than the Trusted one kept, before any ForImage condition dereferences a nil pointer there (Go precedence: `a && b || c`)',
  kinds: ['Image'],
  // A nil pointer dereference is an internal error, not a field error.
  flags: { noServerPath: ['unknownType', 'olderTrusted'] },
  messages: {
    missingForImage: 'Missing "ForImage" condition type: a Trusted condition needs a ForImage condition beside it.',
    missingTrusted: 'Missing "Trusted" condition type: a ForImage condition needs a Trusted condition beside it.',
    unknownType:
      'The condition type {{value}} is neither "Trusted" nor "ForImage": the server fails with an internal error on it. Use Trusted or ForImage.',
    olderTrusted:
      'This Trusted condition has an earlier lastProbeTime than the Trusted condition before it, and no ForImage condition comes before it: the server fails with an internal error on it. Keep one Trusted condition, or put the ForImage condition first.',
  },
  check({ object, report }) {
    // A standalone ImageSignature's conditions are cleared on create (server-populated-field).
    for (const { signature, path, embedded } of signatureSites(object)) {
      if (!embedded) continue;
      const conditions = array(signature, 'conditions');
      if (!conditions) continue;
      const reading = readConditions(conditions);
      if (reading.failsAt !== undefined) {
        const failing = conditions[reading.failsAt];
        const type = isRecord(failing) ? (string(failing, 'type') ?? '') : '';
        const at = [...path, 'conditions', reading.failsAt, 'type'];
        if (type === 'Trusted') report({ path: at, messageId: 'olderTrusted' });
        else report({ path: at, messageId: 'unknownType', data: { value: quote(type) } });
        continue;
      }
      if (reading.trusted && !reading.hasForImage) report({ path: [...path, 'conditions'], messageId: 'missingForImage' });
      if (reading.hasForImage && !reading.trusted) report({ path: [...path, 'conditions'], messageId: 'missingTrusted' });
    }
  },
});
