import { defineRule } from '../define.js';
import { TAG_REFERENCE_KINDS, tagReferences } from './support.js';
import { record, string } from '../utils/object.js';

export default defineRule({
  id: 'tag-scheduled-import',
  category: 'server',
  severity: 'error',
  description: 'Only tags whose from.kind is DockerImage may set importPolicy.scheduled.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamTagReference ("only tags pointing to Docker repositories may be scheduled for background import")',
  kinds: TAG_REFERENCE_KINDS,
  messages: {
    notDockerImage:
      'Only tags pointing to Docker repositories may be scheduled for background import, and this one points to an {{kind}}: remove importPolicy.scheduled, or point from at a DockerImage.',
  },
  check({ object, report }) {
    for (const { tag, path } of tagReferences(object)) {
      const kind = string(record(tag, 'from'), 'kind');
      if (kind !== 'ImageStreamTag' && kind !== 'ImageStreamImage') continue;
      if (record(tag, 'importPolicy')?.['scheduled'] === true) {
        report({ path: [...path, 'importPolicy', 'scheduled'], messageId: 'notDockerImage', data: { kind } });
      }
    }
  },
});
