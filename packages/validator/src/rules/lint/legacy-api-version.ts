import { IMAGE_API_VERSION, judgeApiVersion, placementOf } from '../../rest-mapping.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'legacy-api-version',
  category: 'lint',
  severity: 'warning',
  description: 'An image kind in a Template should use `apiVersion: image.openshift.io/v1`, not the legacy OpenShift 3 `v1` that only Template processing rewrites.',
  source:
    'openshift/library-go pkg/template/templateprocessing/template.go Process: legacygroupification.OAPIToGroupifiedGVK moves the OpenShift 3 kinds from v1 to their API group; outside a Template oc cannot map v1 (see api-version-mapping)',
  kinds: '*',
  fixable: 'code',
  messages: {
    legacy:
      '`apiVersion: v1` is the legacy OpenShift 3 spelling for {{kind}}: Template processing rewrites it, but the same object outside a Template fails in oc; write `apiVersion: {{fix}}`.',
  },
  check({ object, report }) {
    if (judgeApiVersion(object.value.apiVersion, object.kind, placementOf(object.inTemplate, object.pathPrefix)) !== 'legacy-rewritten') return;
    report({
      path: ['apiVersion'],
      messageId: 'legacy',
      data: { kind: object.kind, fix: IMAGE_API_VERSION },
      fix: { type: 'replace', path: ['apiVersion'], value: IMAGE_API_VERSION },
    });
  },
});
