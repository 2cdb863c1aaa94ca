import { defineRule } from '../define.js';
import { signatureSites } from '../utils/signatures.js';
import { quote } from '../utils/message.js';
import { array, isRecord, string } from '../utils/object.js';

export default defineRule({
  id: 'signature-conditions',
  category: 'server',
  severity: 'error',
  description: 'The conditions of an Image\'s signature come as a Trusted and ForImage pair, and only of those two types.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageSignature (\'missing "ForImage" condition type\', \'missing "Trusted" condition type\'); a condition of another type before any ForImage condition dereferences a nil pointer there',
  kinds: ['Image'],
  messages: {
    missingForImage: 'Missing "ForImage" condition type: a Trusted condition needs a ForImage condition beside it.',
    missingTrusted: 'Missing "Trusted" condition type: a ForImage condition needs a Trusted condition beside it.',
    unknownType:
      'The condition type {{value}} is neither "Trusted" nor "ForImage": the server fails with an internal error on it. Use Trusted or ForImage.',
  },
  check({ object, report }) {
    // A standalone ImageSignature's conditions are cleared on create (server-populated-field).
    for (const { signature, path, embedded } of signatureSites(object)) {
      if (!embedded) continue;
      const conditions = array(signature, 'conditions');
      if (!conditions) continue;
      let trusted = false;
      let forImage = false;
      conditions.forEach((condition, index) => {
        if (!isRecord(condition)) return;
        const type = string(condition, 'type') ?? '';
        if (type === 'Trusted') trusted = true;
        else if (type === 'ForImage') forImage = true;
        else if (!forImage) report({ path: [...path, 'conditions', index, 'type'], messageId: 'unknownType', data: { value: quote(type) } });
      });
      if (trusted && !forImage) report({ path: [...path, 'conditions'], messageId: 'missingForImage' });
      if (forImage && !trusted) report({ path: [...path, 'conditions'], messageId: 'missingTrusted' });
    }
  },
});
