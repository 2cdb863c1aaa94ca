import { defineRule } from '../define.js';
import { LABEL_VALUE_MAX_LENGTH, labelValueProblems, qualifiedNameProblems, sanitizeLabelValue } from './kubernetes-names.js';
import { CREATABLE_KINDS, metadataSites } from './support.js';
import { didYouMean, quote } from '../utils/message.js';
import { isTemplateValue, record } from '../utils/object.js';

export default defineRule({
  id: 'metadata-labels',
  category: 'server',
  severity: 'error',
  description: 'Label keys must be qualified names ([prefix/]name), and label values at most 63 characters of [A-Za-z0-9-_.].',
  source: 'k8s.io/apimachinery pkg/apis/meta/v1/validation ValidateLabels (IsQualifiedName, IsValidLabelValue), part of ValidateObjectMeta',
  kinds: CREATABLE_KINDS,
  messages: {
    invalidKey: 'The label key {{key}} is invalid: {{reason}}.',
    invalidValue: 'The label value {{value}} is invalid: {{reason}}.{{hint}}',
  },
  check({ object, report }) {
    for (const site of metadataSites(object)) {
      const labels = record(site.metadata, 'labels');
      if (!labels) continue;
      for (const [key, value] of Object.entries(labels)) {
        const path = [...site.path, 'labels', key];
        if (!isTemplateValue(object, key)) {
          const keyProblems = qualifiedNameProblems(key);
          if (keyProblems.length > 0) report({ path, messageId: 'invalidKey', data: { key: quote(key), reason: keyProblems.join('; ') } });
        }
        // Non-string values are type errors, reported by the schema and yaml-implicit-type rules.
        if (typeof value !== 'string' || isTemplateValue(object, value)) continue;
        const valueProblems = labelValueProblems(value);
        if (valueProblems.length > 0) {
          report({
            path,
            messageId: 'invalidValue',
            data: { value: quote(value), reason: valueProblems.join('; '), hint: didYouMean(sanitizeLabelValue(value, LABEL_VALUE_MAX_LENGTH)) },
          });
        }
      }
    }
  },
});
