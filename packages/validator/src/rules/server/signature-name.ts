import { defineRule } from '../define.js';
import { SIGNATURE_KINDS } from './support.js';
import { signatureSites } from '../utils/signatures.js';
import { didYouMean, quote } from '../utils/message.js';
import { isTemplateValue, record, string } from '../utils/object.js';

export default defineRule({
  id: 'signature-name',
  category: 'server',
  severity: 'error',
  description: 'An image signature is named <imageName>@<signatureName>: exactly one "@", both parts non-empty.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: validateImageSignature / splitImageSignatureName ("name must be of format <imageName>@<signatureName>")',
  kinds: SIGNATURE_KINDS,
  messages: {
    format: 'The signature name {{value}} must be of format <imageName>@<signatureName>: {{reason}}.{{hint}}',
  },
  check({ object, report }) {
    const imageName = object.kind === 'Image' ? string(record(object.value, 'metadata'), 'name') : undefined;
    for (const { signature, path } of signatureSites(object)) {
      const name = string(record(signature, 'metadata'), 'name');
      // A missing name is metadata-name's to report.
      if (!name || isTemplateValue(object, name)) continue;
      const parts = name.split('@');
      let reason: string | undefined;
      if (parts.length === 1) reason = 'it has no "@"';
      else if (parts.length > 2) reason = `it has ${parts.length - 1} "@"s`;
      else if (parts[0] === '') reason = 'the image name before "@" is empty';
      else if (parts[1] === '') reason = 'the signature name after "@" is empty';
      if (reason === undefined) continue;
      const hint = parts.length === 1 && imageName ? didYouMean(`${imageName}@${name}`) : '';
      report({ path: [...path, 'metadata', 'name'], messageId: 'format', data: { value: quote(name), reason, hint } });
    }
  },
});
