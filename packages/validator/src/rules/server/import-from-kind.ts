import type { PathSegment } from '../../types.js';
import { defineRule } from '../define.js';
import { caseHint } from './support.js';
import { caseFix, closestValue, didYouMean, quote } from '../utils/message.js';
import { array, isRecord, isTemplateValue, record } from '../utils/object.js';

export default defineRule({
  id: 'import-from-kind',
  category: 'server',
  severity: 'error',
  description: 'ImageStreamImport spec.images[].from.kind and spec.repository.from.kind must be DockerImage.',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamImport ("only DockerImage is supported"); API reference, ImageImportSpec.from: "only kind DockerImage is allowed"',
  kinds: ['ImageStreamImport'],
  fixable: 'code',
  messages: {
    missing: 'Missing from.kind: only DockerImage is supported; write kind: DockerImage.{{hint}}',
    unsupported: '{{value}} is not supported as from.kind of an import: only DockerImage is supported.{{hint}}',
  },
  check({ object, report }) {
    const spec = record(object.value, 'spec');
    const sources: { owner: Record<string, unknown>; path: PathSegment[] }[] = [];
    (array(spec, 'images') ?? []).forEach((image, index) => {
      if (isRecord(image)) sources.push({ owner: image, path: ['spec', 'images', index] });
    });
    const repository = record(spec, 'repository');
    if (repository) sources.push({ owner: repository, path: ['spec', 'repository'] });
    for (const { owner, path } of sources) {
      const from = owner['from'];
      // A missing `from` is the schema's to report (ImageImportSpec and RepositoryImportSpec require it).
      if (!isRecord(from)) continue;
      const kind = from['kind'];
      if (kind === undefined || kind === null || kind === '') {
        report({ path: [...path, 'from', 'kind'], messageId: 'missing', data: { hint: caseHint(from, 'kind') } });
      } else if (typeof kind === 'string' && kind !== 'DockerImage' && !isTemplateValue(object, kind)) {
        const hint = didYouMean(closestValue(kind, ['DockerImage']));
        report({ path: [...path, 'from', 'kind'], messageId: 'unsupported', data: { value: quote(kind), hint }, ...caseFix(kind, ['DockerImage'], [...path, 'from', 'kind']) });
      }
    }
  },
});
