import { defineRule } from '../define.js';
import { caseFix, TAG_REFERENCE_KINDS, closestValue, didYouMean, isTemplateValue, quote, record, string, tagReferences } from './support.js';

const REFERENCE_POLICY_TYPES = ['Source', 'Local'] as const;

export default defineRule({
  id: 'reference-policy-type',
  category: 'server',
  severity: 'error',
  description: 'A tag\'s referencePolicy.type must be Source or Local (empty or absent means Source).',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamTagReference (\'valid values are "Source", "Local"\'), after SetDefaults_TagReferencePolicy in pkg/image/apis/image/v1/defaults.go turns "" into Source',
  kinds: TAG_REFERENCE_KINDS,
  fixable: 'code',
  messages: {
    invalid: 'The referencePolicy.type {{value}} is not valid: valid values are "Source", "Local" (leave it out for Source).{{hint}}',
  },
  check({ object, report }) {
    for (const { tag, path } of tagReferences(object)) {
      const type = string(record(tag, 'referencePolicy'), 'type');
      if (!type || isTemplateValue(object, type) || (REFERENCE_POLICY_TYPES as readonly string[]).includes(type)) continue;
      report({
        path: [...path, 'referencePolicy', 'type'],
        messageId: 'invalid',
        data: { value: quote(type), hint: didYouMean(closestValue(type, REFERENCE_POLICY_TYPES)) },
        ...caseFix(type, REFERENCE_POLICY_TYPES, [...path, 'referencePolicy', 'type']),
      });
    }
  },
});
