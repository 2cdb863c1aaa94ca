import { defineRule } from '../define.js';
import { isEmptyValue, isRecord } from '../utils/object.js';

/** True when nothing in the value carries information (`status: {}`, `dockerImageRepository: ""` …). */
function isBlank(value: unknown, depth = 0): boolean {
  if (isEmptyValue(value)) return true;
  if (depth > 8) return false;
  if (Array.isArray(value)) return value.every((item) => isBlank(item, depth + 1));
  if (isRecord(value)) return Object.values(value).every((item) => isBlank(item, depth + 1));
  return false;
}

export default defineRule({
  id: 'status-ignored',
  category: 'lint',
  severity: 'warning',
  description: 'A status written in a manifest is thrown away by the server on create.',
  source:
    'openshift/openshift-apiserver pkg/image/apiserver/registry/imagestream/strategy.go PrepareForCreate (stream.Status is replaced); ImageTag status is cleared on create and its updates may not change it; an ImageStreamImport status is the server\'s result',
  kinds: ['ImageStream', 'ImageTag', 'ImageStreamImport'],
  hasSuggestions: true,
  messages: {
    ignored:
      'status is written by the server and ignored on create; remove it from the manifest (it is usually left over from `oc get -o yaml`).',
    remove: 'Remove status.',
  },
  check({ object, report }) {
    if (Object.hasOwn(object.value, 'status') && !isBlank(object.value['status'])) report({ path: ['status'], messageId: 'ignored', suggest: [{ messageId: 'remove', edit: { type: 'remove', path: ['status'] } }] });
  },
});
