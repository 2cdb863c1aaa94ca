import { defineRule } from '../define.js';
import { quote } from '../utils/message.js';
import { array, isRecord, record, string } from '../utils/object.js';

export default defineRule({
  id: 'duplicate-tag-name',
  category: 'lint',
  severity: 'warning',
  description: 'Two spec.tags entries with the same name: the server keeps only the last one.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/v1/conversion.go: spec.tags is converted into a map keyed by tag name, so an earlier entry with the same name is silently replaced',
  kinds: ['ImageStream'],
  hasSuggestions: true,
  messages: {
    duplicate: 'The tag {{name}} is defined again at spec.tags[{{later}}]; the server keeps only that last definition and silently drops this one. Remove or rename one of them.',
    remove: 'Remove this definition of the tag (spec.tags[{{index}}]).',
  },
  check({ object, report }) {
    const tags = array(record(object.value, 'spec'), 'tags') ?? [];
    const lastIndexByName = new Map<string, number>();
    tags.forEach((tag, index) => {
      const name = isRecord(tag) ? string(tag, 'name') : undefined;
      if (name) lastIndexByName.set(name, index);
    });
    tags.forEach((tag, index) => {
      const name = isRecord(tag) ? string(tag, 'name') : undefined;
      const later = name === undefined ? undefined : lastIndexByName.get(name);
      if (name !== undefined && later !== undefined && later !== index) {
        report({
          path: ['spec', 'tags', index, 'name'],
          messageId: 'duplicate',
          data: { name: quote(name), later },
          suggest: [{ messageId: 'remove', data: { index }, edit: { type: 'remove', path: ['spec', 'tags', index] } }],
        });
      }
    });
  },
});
