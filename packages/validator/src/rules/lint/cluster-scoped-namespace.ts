import { defineRule } from '../define.js';
import { quote } from '../utils/message.js';
import { record, string } from '../utils/object.js';

export default defineRule({
  id: 'cluster-scoped-namespace',
  category: 'lint',
  severity: 'warning',
  description: 'Images and ImageSignatures are cluster-scoped: a metadata.namespace is dropped.',
  source:
    'k8s.io/apiserver pkg/registry/rest BeforeCreate (EnsureObjectNamespaceMatchesRequestNamespace clears the namespace of cluster-scoped objects); NamespaceScoped() is false in openshift/openshift-apiserver pkg/image/apiserver/registry/image/strategy.go and imagesignature/strategy.go',
  kinds: ['Image', 'ImageSignature'],
  messages: {
    dropped: '{{kind}} is cluster-scoped: the server drops metadata.namespace {{value}}; remove it.',
  },
  check({ object, report }) {
    const namespace = string(record(object.value, 'metadata'), 'namespace');
    // Template processing strips a written namespace before the server sees it (library-go templateprocessing stripNamespace).
    if (namespace && !object.inTemplate) report({ path: ['metadata', 'namespace'], messageId: 'dropped', data: { kind: object.kind, value: quote(namespace) } });
  },
});
