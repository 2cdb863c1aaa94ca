import { defineRule } from '../define.js';
import { signatureSites } from '../utils/signatures.js';
import { caseFix, closestValue, didYouMean, quote } from '../utils/message.js';
import { array, isRecord, isTemplateValue, string } from '../utils/object.js';

const CONDITION_STATUSES = ['True', 'False', 'Unknown'] as const;

export default defineRule({
  id: 'signature-condition-status',
  category: 'docs',
  severity: 'warning',
  description: 'The status of an Image signature\'s condition is True, False or Unknown.',
  source: 'OpenShift Container Platform 4.17 Image APIs reference, Image .signatures[].conditions[].status: "Status of the condition, one of True, False, Unknown."',
  kinds: ['Image'],
  fixable: 'code',
  messages: {
    invalid: 'The condition status {{value}} is not one of "True", "False", "Unknown".{{hint}}',
  },
  check({ object, report }) {
    for (const { signature, path, embedded } of signatureSites(object)) {
      if (!embedded) continue;
      (array(signature, 'conditions') ?? []).forEach((condition, index) => {
        if (!isRecord(condition)) return;
        const status = string(condition, 'status');
        if (status === undefined || isTemplateValue(object, status) || (CONDITION_STATUSES as readonly string[]).includes(status)) return;
        report({
          path: [...path, 'conditions', index, 'status'],
          messageId: 'invalid',
          data: { value: quote(status), hint: didYouMean(closestValue(status, CONDITION_STATUSES)) },
          ...caseFix(status, CONDITION_STATUSES, [...path, 'conditions', index, 'status']),
        });
      });
    }
  },
});
