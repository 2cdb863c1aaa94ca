import { defineRule } from '../define.js';
import { parseImageReference, withoutTagOrDigest } from '../../reference/index.js';
import { referenceSites } from './reference-sites.js';
import { didYouMean, isTemplateValue, quote } from './support.js';

export default defineRule({
  id: 'repository-reference',
  category: 'server',
  severity: 'error',
  description:
    'a repository to import from (ImageStream spec.dockerImageRepository, ImageStreamImport spec.repository.from.name) must not carry a tag or digest',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStream ("the repository name may not contain a tag" / "an ID") and ValidateImageStreamImport ("you must specify an image repository, not a tag or ID")',
  kinds: ['ImageStream', 'ImageStreamImport'],
  messages: {
    streamTag: 'spec.dockerImageRepository {{value}}: the repository name may not contain a tag{{hint}}',
    streamId: 'spec.dockerImageRepository {{value}}: the repository name may not contain an ID (digest){{hint}}',
    importTagOrId:
      'spec.repository.from.name {{value}}: you must specify an image repository, not a tag or ID{{hint}} (import single images with spec.images)',
  },
  check({ object, report }) {
    for (const site of referenceSites(object)) {
      if (site.role !== 'stream-repository' && site.role !== 'import-repository') continue;
      if (isTemplateValue(object, site.text)) continue;
      const result = parseImageReference(site.text);
      if (!result.ok) continue;
      const { tag, id } = result.reference;
      if (!tag && !id) continue;
      const data = { value: quote(site.text), hint: didYouMean(withoutTagOrDigest(site.text)) };
      if (site.role === 'import-repository') {
        report({ path: site.path, messageId: 'importTagOrId', data });
        continue;
      }
      if (tag) report({ path: site.path, messageId: 'streamTag', data });
      if (id) report({ path: site.path, messageId: 'streamId', data });
    }
  },
});
