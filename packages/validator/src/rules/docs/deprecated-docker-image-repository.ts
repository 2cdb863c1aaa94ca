import { defineRule } from '../define.js';
import { withoutTagOrDigest } from '../../reference/index.js';
import { quote } from '../utils/message.js';
import { record, string } from '../utils/object.js';

export default defineRule({
  id: 'deprecated-docker-image-repository',
  category: 'docs',
  severity: 'warning',
  description: 'ImageStream spec.dockerImageRepository is deprecated; import through spec.tags[].from instead.',
  source:
    'OpenShift Container Platform 4.17 Image APIs reference, ImageStream .spec.dockerImageRepository: "Deprecated: This field is deprecated as of v3.7 and will be removed in a future release. Specify the source for the tags to be imported in each tag via the spec.tags.from reference instead."',
  kinds: ['ImageStream'],
  messages: {
    deprecated:
      'spec.dockerImageRepository is deprecated (since OpenShift 3.7) and will be removed: give each tag its source in spec.tags[].from (kind: DockerImage, name: {{example}}) instead.',
  },
  check({ object, report }) {
    const repository = string(record(object.value, 'spec'), 'dockerImageRepository');
    if (!repository) return;
    const example = repository.length > 80 ? '<repository>:<tag>' : `${withoutTagOrDigest(repository)}:<tag>`;
    report({ path: ['spec', 'dockerImageRepository'], messageId: 'deprecated', data: { example: quote(example) } });
  },
});
