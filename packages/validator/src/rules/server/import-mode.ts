import type { ManifestObject, PathSegment } from '../../types.js';
import { defineRule } from '../define.js';
import { tagReferences } from './support.js';
import { caseFix, closestValue, didYouMean, quote } from '../utils/message.js';
import { array, isRecord, isTemplateValue, record, string } from '../utils/object.js';

const IMPORT_MODES = ['Legacy', 'PreserveOriginal'] as const;

/** Every TagImportPolicy the server passes to ValidateImportPolicy. */
function importPolicies(object: ManifestObject): { policy: Record<string, unknown>; path: PathSegment[] }[] {
  const policies: { policy: Record<string, unknown>; path: PathSegment[] }[] = [];
  const add = (owner: unknown, path: PathSegment[]) => {
    const policy = record(owner, 'importPolicy');
    if (policy) policies.push({ policy, path: [...path, 'importPolicy'] });
  };
  for (const { tag, path } of tagReferences(object)) add(tag, path);
  if (object.kind === 'ImageStreamImport') {
    const spec = record(object.value, 'spec');
    (array(spec, 'images') ?? []).forEach((image, index) => {
      if (isRecord(image)) add(image, ['spec', 'images', index]);
    });
    add(record(spec, 'repository'), ['spec', 'repository']);
  }
  return policies;
}

export default defineRule({
  id: 'import-mode',
  category: 'server',
  severity: 'error',
  description: "The importPolicy.importMode must be '', Legacy or PreserveOriginal.",
  source:
    "openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImportPolicy (\"invalid import mode, valid modes are '', 'Legacy', 'PreserveOriginal'\"), for tags and ImageStreamImport images and repository",
  kinds: ['ImageStream', 'ImageStreamTag', 'ImageTag', 'ImageStreamImport'],
  fixable: 'code',
  messages: {
    invalid: "Invalid import mode {{value}}: valid modes are '', 'Legacy', 'PreserveOriginal'.{{hint}}",
  },
  check({ object, report }) {
    for (const { policy, path } of importPolicies(object)) {
      const mode = string(policy, 'importMode');
      if (!mode || isTemplateValue(object, mode) || (IMPORT_MODES as readonly string[]).includes(mode)) continue;
      report({
        path: [...path, 'importMode'],
        messageId: 'invalid',
        data: { value: quote(mode), hint: didYouMean(closestValue(mode, IMPORT_MODES)) },
        ...caseFix(mode, IMPORT_MODES, [...path, 'importMode']),
      });
    }
  },
});
