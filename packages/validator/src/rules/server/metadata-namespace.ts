import { defineRule } from '../define.js';
import { DNS1123_LABEL_MAX_LENGTH, dns1123LabelProblems, sanitizeName } from './kubernetes-names.js';
import { CREATABLE_KINDS, has, metadataSites } from './support.js';
import { didYouMean, quote } from '../utils/message.js';
import { string } from '../utils/object.js';

const isNamespaceName = (text: string) => dns1123LabelProblems(text).length === 0;

export default defineRule({
  id: 'metadata-namespace',
  category: 'server',
  severity: 'error',
  description: 'A namespace must be a DNS-1123 label; an Image or signature embedded in another object must not have one.',
  source:
    'k8s.io/kubernetes pkg/apis/core/validation ValidateObjectMeta (ValidateNamespaceName: DNS-1123 label; "not allowed on this type" for cluster-scoped objects); ValidateImageStreamMapping validates metadata.namespace too',
  kinds: CREATABLE_KINDS,
  messages: {
    invalid: 'The namespace {{value}} is not a valid namespace name: {{reason}}.{{hint}}',
    notAllowed:
      '{{owner}} is cluster-scoped: metadata.namespace is not allowed here and the server rejects it; remove the field.',
  },
  check({ object, report }) {
    for (const site of metadataSites(object)) {
      const namespace = string(site.metadata, 'namespace');
      if (site.owner !== 'object') {
        if (has(site.metadata, 'namespace') && namespace !== '') {
          report({
            path: [...site.path, 'namespace'],
            messageId: 'notAllowed',
            data: { owner: site.owner === 'embedded-image' ? 'An Image' : 'An image signature' },
          });
        }
        continue;
      }
      // Cluster-scoped objects: the server clears the namespace (see cluster-scoped-namespace). In a
      // Template, processing strips a written namespace and substitutes one with a parameter
      // (library-go templateprocessing stripNamespace): neither reaches the server as written.
      if (!site.namespaced || !namespace || object.inTemplate) continue;
      const problems = dns1123LabelProblems(namespace);
      if (problems.length === 0) continue;
      report({
        path: [...site.path, 'namespace'],
        messageId: 'invalid',
        data: {
          value: quote(namespace),
          reason: problems.join('; '),
          hint: didYouMean(sanitizeName(namespace, DNS1123_LABEL_MAX_LENGTH, isNamespaceName)),
        },
      });
    }
  },
});
