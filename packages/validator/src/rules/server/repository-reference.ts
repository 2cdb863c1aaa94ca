import { defineRule } from '../define.js';
import { parseImageReference, withoutTagOrDigest } from '../../reference/index.js';
import { referenceSites } from './reference-sites.js';
import { didYouMean, quote } from '../utils/message.js';
import { isTemplateValue } from '../utils/object.js';

export default defineRule({
  id: 'repository-reference',
  category: 'server',
  severity: 'error',
  description:
    'A repository to import from (ImageStream spec.dockerImageRepository, ImageStreamImport spec.repository.from.name) must not carry a tag or digest.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStream ("the repository name may not contain a tag" / "an ID") and ValidateImageStreamImport ("you must specify an image repository, not a tag or ID")',
  kinds: ['ImageStream', 'ImageStreamImport'],
  hasSuggestions: true,
  messages: {
    streamTag: 'The repository name may not contain a tag: {{value}} has one.{{hint}}',
    streamId: 'The repository name may not contain an ID: {{value}} has a digest.{{hint}}',
    importTagOrId:
      'You must specify an image repository, not a tag or ID: {{value}} has one (import single images with spec.images).{{hint}}',
    useRepository: 'Write the repository {{repository}} without the tag or digest.',
  },
  check({ object, report }) {
    for (const site of referenceSites(object)) {
      if (site.role !== 'stream-repository' && site.role !== 'import-repository') continue;
      if (isTemplateValue(object, site.text)) continue;
      const result = parseImageReference(site.text);
      if (!result.ok) continue;
      const { tag, id } = result.reference;
      if (!tag && !id) continue;
      const repository = withoutTagOrDigest(site.text);
      const data = { value: quote(site.text), hint: didYouMean(repository) };
      const suggest = [{ messageId: 'useRepository' as const, data: { repository: quote(repository) }, edit: { type: 'replace' as const, path: site.path, value: repository } }];
      if (site.role === 'import-repository') {
        report({ path: site.path, messageId: 'importTagOrId', data, suggest });
        continue;
      }
      if (tag) report({ path: site.path, messageId: 'streamTag', data, suggest });
      if (id) report({ path: site.path, messageId: 'streamId', data, suggest });
    }
  },
});
