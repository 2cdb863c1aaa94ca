import { defineRule } from '../define.js';
import { isRecord, record } from '../utils/object.js';

/** apimachinery's Semantic.DeepEqual for annotation maps: a nil map equals an empty one. */
function sameAnnotations(left: Record<string, unknown> | undefined, right: Record<string, unknown> | undefined): boolean {
  const leftKeys = Object.keys(left ?? {});
  const rightKeys = Object.keys(right ?? {});
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => right !== undefined && Object.hasOwn(right, key) && left?.[key] === right[key]);
}

function firstDifference(tagAnnotations: Record<string, unknown>, metadataAnnotations: Record<string, unknown>): string {
  for (const key of Object.keys(tagAnnotations)) {
    if (!Object.hasOwn(metadataAnnotations, key)) return `"${key}" is not in metadata.annotations`;
    if (tagAnnotations[key] !== metadataAnnotations[key]) return `"${key}" has a different value in metadata.annotations`;
  }
  const missing = Object.keys(metadataAnnotations).find((key) => !Object.hasOwn(tagAnnotations, key));
  return missing === undefined ? 'they differ' : `metadata.annotations has "${missing}", which tag.annotations lacks`;
}

export default defineRule({
  id: 'imagestreamtag-annotations',
  category: 'server',
  severity: 'error',
  description:
    "An ImageStreamTag's tag.annotations must be left out or equal metadata.annotations — which `oc apply` extends with its last-applied-configuration annotation, so with oc apply it must be left out.",
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamTagWithWhitelister ("tag annotations must not be provided or must be equal to the object meta annotations"; a nil tag.annotations is not compared); kubectl apply (k8s.io/kubectl pkg/cmd/apply, util.CreateApplyAnnotation) adds kubectl.kubernetes.io/last-applied-configuration to metadata.annotations before it creates the object',
  kinds: ['ImageStreamTag'],
  messages: {
    differ:
      'Tag annotations must not be provided or must be equal to the object meta annotations ({{difference}}): put the annotations in metadata.annotations and remove tag.annotations.',
    applyAdds:
      'tag.annotations equals metadata.annotations as written, but `oc apply` adds its kubectl.kubernetes.io/last-applied-configuration annotation to metadata.annotations before creating the tag, so the server rejects it ("tag annotations must not be provided or must be equal to the object meta annotations"); `oc create` and `oc apply --server-side` accept it. Remove tag.annotations: the server takes the tag\'s annotations from metadata.annotations.',
  },
  check({ object, report }) {
    const tag = record(object.value, 'tag');
    const tagAnnotations = record(tag, 'annotations');
    if (!tagAnnotations) return;
    const metadataAnnotations = record(record(object.value, 'metadata'), 'annotations');
    if (sameAnnotations(tagAnnotations, metadataAnnotations)) {
      report({ path: ['tag', 'annotations'], messageId: 'applyAdds' });
      return;
    }
    report({
      path: ['tag', 'annotations'],
      messageId: 'differ',
      data: { difference: firstDifference(tagAnnotations, isRecord(metadataAnnotations) ? metadataAnnotations : {}) },
    });
  },
});
