import { defineRule } from '../define.js';
import { caseHint, has } from './support.js';
import { string } from '../utils/object.js';

export default defineRule({
  id: 'imagestreammapping-tag',
  category: 'server',
  severity: 'error',
  description: 'An ImageStreamMapping needs the tag the image is mapped to.',
  source: 'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamMapping (tag Required)',
  kinds: ['ImageStreamMapping'],
  messages: {
    required: 'Missing tag: give the tag of the image stream this image is mapped to, e.g. "latest".{{hint}}',
  },
  check({ object, report }) {
    if (string(object.value, 'tag') === '' || !has(object.value, 'tag')) report({ path: ['tag'], messageId: 'required', data: { hint: caseHint(object.value, 'tag') } });
  },
});
