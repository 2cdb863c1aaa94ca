import { defineRule } from '../define.js';
import { parseImageReference } from '../../reference/index.js';
import { referenceSites } from './reference-sites.js';
import { caseHint, has } from './support.js';
import { didYouMean, quote } from '../utils/message.js';
import { isTemplateValue, string } from '../utils/object.js';

export default defineRule({
  id: 'image-reference',
  category: 'server',
  severity: 'error',
  description:
    'Image references (DockerImage from.name, dockerImageRepository, dockerImageReference) must parse as [registry[:port]/]path[:tag][@digest].',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: imageref.Parse (openshift/library-go pkg/image/reference) in ValidateImageStream, ValidateImageStreamTagReference, ValidateImageStreamImport, ValidateImageStreamMapping and validateImage; validateImage requires dockerImageReference',
  kinds: ['ImageStream', 'ImageStreamTag', 'ImageTag', 'ImageStreamImport', 'ImageStreamMapping', 'Image'],
  messages: {
    invalid: '{{value}} is not a valid image reference: {{error}} ({{reason}}).{{hint}}',
    required: 'An Image needs dockerImageReference: the pull spec of the image, e.g. "quay.io/org/app@sha256:<digest>".{{hint}}',
  },
  check({ object, report }) {
    for (const site of referenceSites(object)) {
      if (isTemplateValue(object, site.text)) continue;
      const result = parseImageReference(site.text);
      if (result.ok) continue;
      report({
        path: site.path,
        messageId: 'invalid',
        data: { value: quote(site.text), error: result.error, reason: result.reason, hint: didYouMean(result.suggestion) },
      });
    }
    // An ImageStreamMapping's image gets the registry's pull spec when it has none; an Image does not.
    if (object.kind === 'Image' && !string(object.value, 'dockerImageReference') && !hasNonString(object.value, 'dockerImageReference')) {
      report({ path: ['dockerImageReference'], messageId: 'required', data: { hint: caseHint(object.value, 'dockerImageReference') } });
    }
  },
});

function hasNonString(value: Record<string, unknown>, key: string): boolean {
  return has(value, key) && typeof value[key] !== 'string';
}
