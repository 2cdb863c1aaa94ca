import { defineRule } from '../define.js';
import { isRepositoryNameComponent } from '../../reference/index.js';
import { REPOSITORY_NAME_COMPONENT, suggestStreamName } from './imagestream-name.js';
import { pathSegmentProblems } from './kubernetes-names.js';
import { didYouMean, isTemplateValue, quote, record, string } from './support.js';

export default defineRule({
  id: 'imagestreamtag-name',
  category: 'server',
  severity: 'error',
  description: 'ImageStreamTag and ImageTag names are <stream>:<tag>, and the stream part must be a valid image stream name.',
  source:
    'openshift/openshift-apiserver pkg/image/apiserver/registry/imagestreamtag/rest.go and imagetag/rest.go Create: imageutil.SplitImageStreamTag ("must be of the form <stream_name>:<tag>"), then the image stream is created or updated and validated with ValidateImageStreamName',
  kinds: ['ImageStreamTag', 'ImageTag'],
  messages: {
    missingTag: 'The {{kind}} name {{value}} must be of the form <stream_name>:<tag>.{{hint}}',
    invalidStream: `The stream part {{stream}} of {{value}} must be a valid image stream name ("${REPOSITORY_NAME_COMPONENT}").{{hint}}`,
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
    if (!isRepositoryNameComponent(stream)) {
      const fixed = suggestStreamName(stream);
      report({
        path: ['metadata', 'name'],
        messageId: 'invalidStream',
        data: { stream: quote(stream), value: quote(name), hint: didYouMean(fixed === undefined ? undefined : fixed + name.slice(colon)) },
      });
    }
  },
});
