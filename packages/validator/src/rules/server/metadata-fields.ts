import { defineRule } from '../define.js';
import { qualifiedNameProblems } from './kubernetes-names.js';
import { CREATABLE_KINDS, metadataSites } from './support.js';
import { quote } from '../utils/message.js';
import { array, isRecord, isTemplateValue, string } from '../utils/object.js';

const ORPHAN_FINALIZER = 'orphan';
const FOREGROUND_FINALIZER = 'foregroundDeletion';
const OWNER_REQUIRED_FIELDS = ['apiVersion', 'kind', 'name', 'uid'] as const;

/** schema.ParseGroupVersion accepts "", "version" and "group/version"; an owner needs a version. */
function ownerApiVersionProblem(apiVersion: string): boolean {
  const parts = apiVersion.split('/');
  return parts.length > 2 || parts[parts.length - 1] === '';
}

export default defineRule({
  id: 'metadata-fields',
  category: 'server',
  severity: 'error',
  description:
    'The rest of ObjectMeta as apimachinery validates it: generation not negative, finalizers qualified names (not both orphan and foregroundDeletion), ownerReferences without empty fields and with at most one controller.',
  source:
    'k8s.io/apimachinery pkg/api/validation/objectmeta.go: ValidateObjectMetaAccessor → ValidateNonnegativeField (generation), ValidateFinalizers (IsQualifiedName; orphan and foregroundDeletion exclusive), ValidateOwnerReferences; openshift-apiserver pkg/image/apiserver/registry/imagestream/strategy.go PrepareForCreate sets an ImageStream\'s generation to 1 first',
  kinds: CREATABLE_KINDS,
  messages: {
    negativeGeneration: 'metadata.generation {{value}} must be greater than or equal to 0; leave it out (the server sets it).',
    finalizerName: 'The finalizer {{value}} is not a valid name: {{reason}}.',
    finalizerConflict: 'The finalizers "orphan" and "foregroundDeletion" cannot both be set; keep one.',
    ownerField: 'ownerReferences[{{index}}].{{field}} must not be empty: an owner reference needs apiVersion, kind, name and uid.',
    ownerApiVersion: 'ownerReferences[{{index}}].apiVersion {{value}} must be <group>/<version> or <version>.',
    ownerController: 'Only one owner reference can have controller: true; found it on {{first}} and {{second}}.',
  },
  check({ object, report }) {
    for (const site of metadataSites(object)) {
      if (!isRecord(site.metadata)) continue;
      const generation = site.metadata['generation'];
      // PrepareForCreate replaces an ImageStream's generation with 1 before validating.
      const generationReplaced = site.owner === 'object' && object.kind === 'ImageStream';
      if (typeof generation === 'number' && generation < 0 && !generationReplaced) {
        report({ path: [...site.path, 'generation'], messageId: 'negativeGeneration', data: { value: generation } });
      }

      const finalizers = array(site.metadata, 'finalizers') ?? [];
      finalizers.forEach((finalizer, index) => {
        if (typeof finalizer !== 'string' || isTemplateValue(object, finalizer)) return;
        const problems = qualifiedNameProblems(finalizer);
        if (problems.length > 0) {
          report({ path: [...site.path, 'finalizers', index], messageId: 'finalizerName', data: { value: quote(finalizer), reason: problems.join('; ') } });
        }
      });
      if (finalizers.includes(ORPHAN_FINALIZER) && finalizers.includes(FOREGROUND_FINALIZER)) {
        report({ path: [...site.path, 'finalizers'], messageId: 'finalizerConflict' });
      }

      let controller: string | undefined;
      (array(site.metadata, 'ownerReferences') ?? []).forEach((owner, index) => {
        if (!isRecord(owner)) return;
        const path = [...site.path, 'ownerReferences', index];
        // An absent field is schema-required's; the schema cannot say that "" is empty.
        for (const field of OWNER_REQUIRED_FIELDS) {
          if (string(owner, field) === '') report({ path: [...path, field], messageId: 'ownerField', data: { index, field } });
        }
        const apiVersion = string(owner, 'apiVersion');
        if (apiVersion && !isTemplateValue(object, apiVersion) && ownerApiVersionProblem(apiVersion)) {
          report({ path: [...path, 'apiVersion'], messageId: 'ownerApiVersion', data: { index, value: quote(apiVersion) } });
        }
        if (owner['controller'] !== true) return;
        const current = `${string(owner, 'kind') ?? ''}/${string(owner, 'name') ?? ''}`;
        if (controller === undefined) controller = current;
        else report({ path: [...path, 'controller'], messageId: 'ownerController', data: { first: quote(controller), second: quote(current) } });
      });
    }
  },
});
