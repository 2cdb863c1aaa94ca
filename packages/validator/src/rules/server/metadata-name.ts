import { defineRule } from '../define.js';
import { pathSegmentProblems } from './kubernetes-names.js';
import { caseHint, CREATABLE_KINDS, metadataSites } from './support.js';
import { didYouMean, quote } from '../utils/message.js';
import { isRecord, isTemplateValue, string } from '../utils/object.js';

const OWNER_NAMES = {
  object: 'The object',
  'embedded-image': 'The image',
  'embedded-signature': 'The signature',
} as const;

export default defineRule({
  id: 'metadata-name',
  category: 'server',
  severity: 'error',
  description: 'Every object needs metadata.name, a valid path segment (not "." or "..", no "/" or "%").',
  source:
    'k8s.io/kubernetes pkg/apis/core/validation ValidateObjectMeta with path.ValidatePathSegmentName, called by every validator in openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go; k8s.io/kubectl pkg/cmd/apply/apply.go applyOneObject ("cannot use generate name with apply")',
  kinds: CREATABLE_KINDS,
  // kubectl's apply fails before any request.
  flags: { noServerPath: ['generateNameWithApply'] },
  messages: {
    required: '{{owner}} has no metadata.name (and no metadata.generateName); the server requires a name.{{hint}}',
    invalid: 'The name {{value}} {{reason}}.{{hint}}',
    invalidGenerateName: 'The generateName {{value}} {{reason}}.{{hint}}',
    generateNameWithApply:
      'The object has generateName {{value}} but no name: `oc apply` refuses it ("cannot use generate name with apply"), as it must know the name to apply to. Give it a metadata.name, or create it with `oc create`, where the server generates the name.',
  },
  check({ object, report }) {
    for (const site of metadataSites(object)) {
      const name = string(site.metadata, 'name');
      const generateName = string(site.metadata, 'generateName');
      const rawName = isRecord(site.metadata) ? site.metadata['name'] : undefined;
      const nameless = rawName === undefined || rawName === null || rawName === '';
      if (nameless && !generateName) {
        report({ path: [...site.path, 'name'], messageId: 'required', data: { owner: OWNER_NAMES[site.owner], hint: caseHint(site.metadata, 'name') } });
      }
      if (name && !isTemplateValue(object, name)) {
        const problems = pathSegmentProblems(name);
        if (problems.length > 0) {
          const fixed = name === '.' || name === '..' ? undefined : name.replace(/[/%]/g, '-');
          report({
            path: [...site.path, 'name'],
            messageId: 'invalid',
            data: { value: quote(name), reason: problems.join(' and '), hint: didYouMean(fixed) },
          });
        }
      }
      if (generateName && !isTemplateValue(object, generateName)) {
        const problems = pathSegmentProblems(generateName, true);
        if (problems.length > 0) {
          report({
            path: [...site.path, 'generateName'],
            messageId: 'invalidGenerateName',
            data: { value: quote(generateName), reason: problems.join(' and '), hint: didYouMean(generateName.replace(/[/%]/g, '-')) },
          });
        }
      }
      // oc apply sends each object by name; a Template's objects are as often created by `oc new-app` or `oc process | oc create`.
      if (nameless && generateName && site.owner === 'object' && !object.inTemplate) {
        report({ path: [...site.path, 'generateName'], messageId: 'generateNameWithApply', data: { value: quote(generateName) } });
      }
    }
  },
});
