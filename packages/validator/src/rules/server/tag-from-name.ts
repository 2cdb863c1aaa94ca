import { defineRule } from '../define.js';
import { TAG_REFERENCE_KINDS, caseHint, has, isTemplateValue, quote, record, string, tagReferences } from './support.js';

const EXPECTED_NAMES: Readonly<Record<string, string>> = {
  DockerImage: 'a pull spec such as "quay.io/org/app:1.0"',
  ImageStreamTag: '"<tag>" or "<stream>:<tag>"',
  ImageStreamImage: '"<id>" or "<stream>@<id>"',
};

export default defineRule({
  id: 'tag-from-name',
  category: 'server',
  severity: 'error',
  description:
    'A tag\'s from.name is required when from is set; for ImageStreamTag it is <tag> or <stream>:<tag>, for ImageStreamImage <id> or <stream>@<id>.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamTagReference (from.name Required); pkg/image/apiserver/registry/imagestream/strategy.go: parseFromReference ("must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>")',
  kinds: TAG_REFERENCE_KINDS,
  messages: {
    required: 'Missing from.name: a tag with from needs the name of its source, {{expected}}.{{hint}}',
    tooManySeparators: 'from.name {{value}} must be {{expected}}: it has more than one "{{separator}}".',
  },
  check({ object, report }) {
    for (const { tag, path } of tagReferences(object)) {
      const from = record(tag, 'from');
      if (!from) continue;
      const kind = string(from, 'kind') ?? '';
      const expected = EXPECTED_NAMES[kind] ?? 'the name of the image to tag';
      const name = string(from, 'name');
      if (name === undefined ? !has(from, 'name') : name === '') {
        report({ path: [...path, 'from', 'name'], messageId: 'required', data: { expected, hint: caseHint(from, 'name') } });
        continue;
      }
      if (name === undefined || isTemplateValue(object, name)) continue;
      const separator = kind === 'ImageStreamTag' ? ':' : kind === 'ImageStreamImage' ? '@' : undefined;
      if (separator !== undefined && name.split(separator).length > 2) {
        report({ path: [...path, 'from', 'name'], messageId: 'tooManySeparators', data: { value: quote(name), expected, separator } });
      }
    }
  },
});
