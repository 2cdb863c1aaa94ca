import { defineRule } from '../define.js';
import { caseHint, has, listOf, TAG_REFERENCE_KINDS, tagReferences } from './support.js';
import { caseFix, closestValue, didYouMean, quote } from '../utils/message.js';
import { isTemplateValue, record, string } from '../utils/object.js';

export const TAG_FROM_KINDS = ['DockerImage', 'ImageStreamTag', 'ImageStreamImage'] as const;

export default defineRule({
  id: 'tag-from-kind',
  category: 'server',
  severity: 'error',
  description: 'A tag\'s from.kind must be DockerImage, ImageStreamTag or ImageStreamImage.',
  source:
    "openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamTagReference (\"valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'\"), for ImageStream spec.tags[], ImageStreamTag tag and ImageTag spec",
  kinds: TAG_REFERENCE_KINDS,
  fixable: 'code',
  messages: {
    missing: `Missing from.kind: a tag with from needs its kind, one of ${listOf(TAG_FROM_KINDS)}.{{hint}}`,
    invalid: `{{value}} is not a valid from.kind for a tag: valid values are ${listOf(TAG_FROM_KINDS)}.{{hint}}`,
  },
  check({ object, report }) {
    for (const { tag, path } of tagReferences(object)) {
      const from = record(tag, 'from');
      if (!from) continue;
      const kind = string(from, 'kind');
      if (kind === undefined) {
        // A non-string kind is a type error (schema); an absent or empty one is this rule's.
        if (!has(from, 'kind')) report({ path: [...path, 'from', 'kind'], messageId: 'missing', data: { hint: caseHint(from, 'kind') } });
        continue;
      }
      if (kind === '') {
        report({ path: [...path, 'from', 'kind'], messageId: 'missing', data: { hint: '' } });
      } else if (!(TAG_FROM_KINDS as readonly string[]).includes(kind) && !isTemplateValue(object, kind)) {
        report({
          path: [...path, 'from', 'kind'],
          messageId: 'invalid',
          data: { value: quote(kind), hint: didYouMean(closestValue(kind, TAG_FROM_KINDS)) },
          ...caseFix(kind, TAG_FROM_KINDS, [...path, 'from', 'kind']),
        });
      }
    }
  },
});
