import { defineRule } from '../define.js';
import { NAME_TOTAL_LENGTH_MAX, isRepositoryNameComponent } from '../../reference/index.js';
import { REPOSITORY_NAME_COMPONENT, suggestStreamName } from './imagestream-name.js';
import { pathSegmentProblems } from './kubernetes-names.js';
import { didYouMean, quote } from '../utils/message.js';
import { isTemplateValue, record, string } from '../utils/object.js';

/**
 * Why the tag part of `<stream>:<tag>` fails library-go imageutil.ParseImageStreamTagName, which
 * the REST Get of ImageStreamTag and ImageTag runs (Create splits the name more leniently: only the
 * first ":" counts, and an empty tag becomes "latest").
 */
function applyLookupProblem(tag: string): string | undefined {
  if (tag === '') return 'the tag after ":" is empty';
  if (tag.includes(':')) return 'it has more than one ":"';
  // An "@" before the ":" makes the stream part invalid, which invalidStream reports.
  if (tag.includes('@')) return 'it contains "@" (the form of an ImageStreamImage name)';
  return undefined;
}

export default defineRule({
  id: 'imagestreamtag-name',
  category: 'server',
  severity: 'error',
  description: 'ImageStreamTag and ImageTag names are <stream>:<tag>, and the stream part must be a valid image stream name that fits in namespace/name of 255 characters.',
  source:
    'openshift/openshift-apiserver pkg/image/apiserver/registry/imagestreamtag/rest.go and imagetag/rest.go Create: imageutil.SplitImageStreamTag ("must be of the form <stream_name>:<tag>"); their Get, which `oc apply` calls first: imageutil.ParseImageStreamTagName (exactly one ":", no "@", both parts non-empty; Bad Request "… must be retrieved with <name>:<tag>"), then the image stream is created or updated and validated by ValidateImageStream (ValidateImageStreamName; \'namespace/name\' cannot be longer than reference.NameTotalLengthMax = 255)',
  kinds: ['ImageStreamTag', 'ImageTag'],
  // REST Create answers Bad Request, or the image stream it creates fails its own validation.
  flags: { noServerPath: true },
  messages: {
    missingTag: 'The {{kind}} name {{value}} must be of the form <stream_name>:<tag>.{{hint}}',
    streamTooLong:
      "The image stream {{stream}} that holds this tag cannot exist in {{namespace}}: 'namespace/name' would be {{length}} characters, and an image stream's cannot be longer than 255 (it becomes the repository path in the registry). Shorten the stream name.",
    invalidStream: `The stream part {{stream}} of {{value}} must be a valid image stream name ("${REPOSITORY_NAME_COMPONENT}").{{hint}}`,
    applyLookupFails:
      '`oc apply` first looks the {{kind}} up by its name {{value}}, and the server answers Bad Request ("{{kind}}s must be retrieved with <name>:<tag>") because {{reason}}; `oc create` would accept it. Name it <stream>:<tag> with one ":", no "@" and a non-empty tag.',
  },
  check({ object, report }) {
    const name = string(record(object.value, 'metadata'), 'name');
    if (!name || isTemplateValue(object, name) || pathSegmentProblems(name).length > 0) return;
    const colon = name.indexOf(':');
    if (colon === -1) {
      // For an ImageTag the server reports this at spec.name (imagetag-spec).
      if (object.kind === 'ImageStreamTag') {
        const hint = isRepositoryNameComponent(name) ? didYouMean(`${name}:latest`) : '';
        report({ path: ['metadata', 'name'], messageId: 'missingTag', data: { kind: object.kind, value: quote(name), hint } });
      }
      return;
    }
    const stream = name.slice(0, colon);
    const lookupProblem = applyLookupProblem(name.slice(colon + 1));
    if (lookupProblem !== undefined && !object.inTemplate) {
      report({ path: ['metadata', 'name'], messageId: 'applyLookupFails', data: { kind: object.kind, value: quote(name), reason: lookupProblem } });
    }
    if (!isRepositoryNameComponent(stream)) {
      const fixed = suggestStreamName(stream);
      report({
        path: ['metadata', 'name'],
        messageId: 'invalidStream',
        data: { stream: quote(stream), value: quote(name), hint: didYouMean(fixed === undefined ? undefined : fixed + name.slice(colon)) },
      });
      return;
    }
    // The stream is created (or already exists) and validated as an ImageStream: 'namespace/name'
    // must fit; a namespace left out comes from the context and has at least one character.
    const namespace = string(record(object.value, 'metadata'), 'namespace') ?? '';
    if (isTemplateValue(object, namespace)) return;
    const length = Math.max(namespace.length, 1) + 1 + stream.length;
    if (length > NAME_TOTAL_LENGTH_MAX) {
      report({
        path: ['metadata', 'name'],
        messageId: 'streamTooLong',
        data: { stream: quote(stream), length, namespace: namespace === '' ? 'the namespace' : quote(namespace) },
      });
    }
  },
});
