import { defineRule } from '../define.js';
import { NAME_TOTAL_LENGTH_MAX, isRepositoryNameComponent } from '../../reference/index.js';
import { pathSegmentProblems } from './kubernetes-names.js';
import { didYouMean, quote } from '../utils/message.js';
import { isTemplateValue, record, string } from '../utils/object.js';

export const REPOSITORY_NAME_COMPONENT = '[a-z0-9]+(?:[._-][a-z0-9]+)*';

/** A stream name close to `text` that the server accepts, for "did you mean". */
export function suggestStreamName(text: string): string | undefined {
  if (text.length > 4 * NAME_TOTAL_LENGTH_MAX) return undefined;
  const candidate = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    // one separator between alphanumeric runs: keep the first of a run of separators
    .replace(/([._-])[._-]+/g, '$1')
    .replace(/^[._-]+|[._-]+$/g, '');
  return candidate !== text && isRepositoryNameComponent(candidate) ? candidate : undefined;
}

export default defineRule({
  id: 'imagestream-name',
  category: 'server',
  severity: 'error',
  description: `An image stream name must match ${REPOSITORY_NAME_COMPONENT}, and namespace/name must fit in 255 characters.`,
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamName (RepositoryNameComponentAnchoredRegexp), used by ValidateImageStream and ValidateImageStreamImport; reference.NameTotalLengthMax in ValidateImageStream',
  kinds: ['ImageStream', 'ImageStreamImport'],
  messages: {
    pattern: `The image stream name {{value}} must match "${REPOSITORY_NAME_COMPONENT}": lowercase letters and digits, separated by single ".", "_" or "-".{{hint}}`,
    generateNamePattern: `The generateName {{value}} of an image stream must itself match "${REPOSITORY_NAME_COMPONENT}" (the server checks the prefix, so it cannot end with "-").`,
    tooLong: "'namespace/name' is {{length}} characters long; it cannot be longer than 255 characters (it becomes the repository path in the registry). Shorten the name.",
  },
  check({ object, report }) {
    const metadata = record(object.value, 'metadata');
    const name = string(metadata, 'name');
    const generateName = string(metadata, 'generateName');
    // Path-segment problems ("/", "%", "." and "..") are metadata-name's; the server reports only those then.
    if (name && !isTemplateValue(object, name) && pathSegmentProblems(name).length === 0 && !isRepositoryNameComponent(name)) {
      report({ path: ['metadata', 'name'], messageId: 'pattern', data: { value: quote(name), hint: didYouMean(suggestStreamName(name)) } });
    }
    if (
      generateName &&
      !isTemplateValue(object, generateName) &&
      pathSegmentProblems(generateName, true).length === 0 &&
      !isRepositoryNameComponent(generateName)
    ) {
      report({ path: ['metadata', 'generateName'], messageId: 'generateNamePattern', data: { value: quote(generateName) } });
    }
    if (object.kind === 'ImageStream' && name && !isTemplateValue(object, name)) {
      const namespace = string(metadata, 'namespace') ?? '';
      const length = namespace.length + 1 + name.length;
      if (length > NAME_TOTAL_LENGTH_MAX && !isTemplateValue(object, namespace)) {
        report({ path: ['metadata', 'name'], messageId: 'tooLong', data: { length } });
      }
    }
  },
});
