import { defineRule } from '../define.js';
import { utf8Length } from '../../utf8.js';
import { TOTAL_ANNOTATION_SIZE_LIMIT, qualifiedNameProblems } from './kubernetes-names.js';
import { CREATABLE_KINDS, metadataSites } from './support.js';
import { quote } from '../utils/message.js';
import { isTemplateValue, record } from '../utils/object.js';

export default defineRule({
  id: 'metadata-annotations',
  category: 'server',
  severity: 'error',
  description: 'Annotation keys must be qualified names ([prefix/]name), and all annotations together at most 256 KiB.',
  source: 'k8s.io/apimachinery pkg/api/validation ValidateAnnotations (IsQualifiedName of the lowercased key, TotalAnnotationSizeLimitB), part of ValidateObjectMeta',
  kinds: CREATABLE_KINDS,
  messages: {
    invalidKey: 'The annotation key {{key}} is invalid: {{reason}}.',
    tooLarge:
      'The annotations take {{size}} bytes (keys and values together); the server allows at most {{limit}} bytes (256 KiB). Move large data elsewhere.',
  },
  check({ object, report }) {
    for (const site of metadataSites(object)) {
      const annotations = record(site.metadata, 'annotations');
      if (!annotations) continue;
      let size = 0;
      for (const [key, value] of Object.entries(annotations)) {
        size += utf8Length(key) + (typeof value === 'string' ? utf8Length(value) : 0);
        if (isTemplateValue(object, key)) continue;
        const problems = qualifiedNameProblems(key.toLowerCase());
        if (problems.length > 0) {
          report({ path: [...site.path, 'annotations', key], messageId: 'invalidKey', data: { key: quote(key), reason: problems.join('; ') } });
        }
      }
      if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
        report({ path: [...site.path, 'annotations'], messageId: 'tooLarge', data: { size, limit: TOTAL_ANNOTATION_SIZE_LIMIT } });
      }
    }
  },
});
