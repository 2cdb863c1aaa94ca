import { splitImageStreamTag } from '../../server-view.js';
import { defineRule } from '../define.js';
import { caseHint, has } from './support.js';
import { quote } from '../utils/message.js';
import { isTemplateValue, record, string } from '../utils/object.js';

export default defineRule({
  id: 'imagetag-spec',
  category: 'server',
  severity: 'error',
  description: 'An ImageTag needs spec, and spec.name (filled from metadata.name when empty) must equal the tag part of metadata.name (<stream>:<tag>).',
  source:
    'openshift/openshift-apiserver pkg/image/apiserver/registry/imagetag/strategy.go PrepareForCreate (an empty spec.name becomes the tag of metadata.name); pkg/image/apis/image/validation/validation.go: ValidateImageTag ("spec is a required field during creation", "must match image tag name")',
  kinds: ['ImageTag'],
  messages: {
    required: 'spec is a required field during creation: describe the tag in spec (name, from …).{{hint}}',
    mismatch: 'spec.name {{value}} must match image tag name {{tag}} (the part of metadata.name after ":"); write {{tag}}.',
    nameWithoutTag: 'spec.name cannot match the image tag name: metadata.name {{name}} has no ":<tag>"; name the ImageTag <stream>:<tag>.',
  },
  check({ object, report }) {
    const spec = record(object.value, 'spec');
    if (!spec) {
      if (!has(object.value, 'spec')) report({ path: ['spec'], messageId: 'required', data: { hint: caseHint(object.value, 'spec') } });
      return;
    }
    const name = string(record(object.value, 'metadata'), 'name');
    const writtenName = string(spec, 'name') ?? (has(spec, 'name') ? undefined : '');
    if (!name || writtenName === undefined || isTemplateValue(object, name) || isTemplateValue(object, writtenName)) return;
    const { tag, ok } = splitImageStreamTag(name);
    // PrepareForCreate fills an empty spec.name with the tag part of metadata.name.
    const specName = writtenName === '' ? tag : writtenName;
    if (!ok) {
      report({ path: ['spec', 'name'], messageId: 'nameWithoutTag', data: { name: quote(name) } });
    } else if (specName !== tag) {
      report({ path: ['spec', 'name'], messageId: 'mismatch', data: { value: quote(specName), tag: quote(tag) } });
    }
  },
});
