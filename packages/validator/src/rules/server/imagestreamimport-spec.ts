import { defineRule } from '../define.js';
import { caseHint, has } from './support.js';
import { array, isRecord, record, string } from '../utils/object.js';

export default defineRule({
  id: 'imagestreamimport-spec',
  category: 'server',
  severity: 'error',
  description:
    'An ImageStreamImport imports at least one image or a repository, each DockerImage source has a from.name, and a given `to` names its tag.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamImport ("you must specify at least one image or a repository import", "the name of the target tag must be specified", from.name Required, "container image references require a name")',
  kinds: ['ImageStreamImport'],
  messages: {
    nothingToImport: 'You must specify at least one image or a repository import: add entries to spec.images or set spec.repository.',
    emptyTargetTag:
      'The name of the target tag must be specified: set to.name, or remove `to` to use the tag of from.name.',
    imageNameRequired: 'Missing from.name: give the pull spec of the image to import, e.g. "quay.io/org/app:1.0".{{hint}}',
    repositoryNameRequired: 'Container image references require a name: set spec.repository.from.name to a repository, e.g. "quay.io/org/app".{{hint}}',
  },
  check({ object, report }) {
    const spec = record(object.value, 'spec');
    const images = array(spec, 'images') ?? [];
    const repository = record(spec, 'repository');
    // Without spec at all, the schema's "missing spec" says it better.
    if (spec && images.length === 0 && !has(spec, 'repository')) {
      report({ path: ['spec', 'images'], messageId: 'nothingToImport' });
    }
    images.forEach((image, index) => {
      if (!isRecord(image)) return;
      const from = record(image, 'from');
      // The server checks `to` and from.name only for DockerImage sources (import-from-kind covers the rest).
      if (string(from, 'kind') !== 'DockerImage') return;
      const to = record(image, 'to');
      if (to && (string(to, 'name') === '' || !has(to, 'name'))) {
        report({ path: ['spec', 'images', index, 'to', 'name'], messageId: 'emptyTargetTag' });
      }
      if (string(from, 'name') === '' || !has(from, 'name')) {
        report({ path: ['spec', 'images', index, 'from', 'name'], messageId: 'imageNameRequired', data: { hint: caseHint(from, 'name') } });
      }
    });
    const repositoryFrom = record(repository, 'from');
    if (string(repositoryFrom, 'kind') === 'DockerImage' && (string(repositoryFrom, 'name') === '' || !has(repositoryFrom, 'name'))) {
      report({ path: ['spec', 'repository', 'from', 'name'], messageId: 'repositoryNameRequired', data: { hint: caseHint(repositoryFrom, 'name') } });
    }
  },
});
