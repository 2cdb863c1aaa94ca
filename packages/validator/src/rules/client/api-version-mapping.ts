import { IMAGE_API_VERSION, judgeApiVersion, placementOf, type Placement } from '../../rest-mapping.js';
import type { RuleMessage } from '../../types.js';
import { defineRule } from '../define.js';
import { quote } from '../utils/message.js';

const messages = {
  legacy: 'oc cannot map apiVersion v1 kind {{kind}} on OpenShift 4 ("no matches for kind \\"{{kind}}\\" in version \\"v1\\""; there is no legacy /oapi{{templateNote}}): write {{fix}}.',
  noGroup: 'oc cannot map apiVersion {{value}} kind {{kind}}: without a "/" it names a version of the core API group, which has no {{kind}}; write {{fix}}.',
  groupSpelling: 'oc cannot map apiVersion {{value}} kind {{kind}}: API group names are matched exactly and case-sensitively, and {{group}} is not served; write {{fix}}.',
  unknownVersion: 'oc cannot map apiVersion {{value}} kind {{kind}}: image.openshift.io serves only v1; write {{fix}}.',
  malformed: 'oc cannot read apiVersion {{value}} (more than one "/"), so kind {{kind}} has no group and version; write {{fix}}.',
} as const;

const apiVersionMapping = defineRule({
  id: 'api-version-mapping',
  category: 'client',
  severity: 'error',
  description: 'An image kind must be written with an apiVersion oc can map to a resource on OpenShift 4: image.openshift.io/v1.',
  source:
    'kubernetes/cli-runtime pkg/resource/mapper.go infoForData: RESTMapping(group/kind, version) from discovery (client-go restmapper/discovery.go); OpenShift 4 serves the image kinds only as image.openshift.io/v1 (no /oapi); library-go templateprocessing rewrites a legacy v1 only inside Templates',
  kinds: '*',
  fixable: 'code',
  messages,
  check({ object, report }) {
    // A typed list's item takes the list's apiVersion: the list's own apiVersion is judged.
    if (object.impliedType) return;
    const problem = unmappedApiVersion(object.value.apiVersion, object.kind, placementOf(object.inTemplate, object.pathPrefix));
    // For an image kind image.openshift.io/v1 is the one mapping, so the fix is safe.
    if (problem) report({ path: ['apiVersion'], ...problem, fix: { type: 'replace', path: ['apiVersion'], value: IMAGE_API_VERSION } });
  },
});

export default apiVersionMapping;

/** The message for an apiVersion oc cannot map for this kind, or undefined when it maps (or is not this rule's to judge). */
export function unmappedApiVersion(apiVersion: unknown, kind: string, placement: Placement): RuleMessage<typeof messages> | undefined {
  const value = quote(String(apiVersion));
  const fix = IMAGE_API_VERSION;
  switch (judgeApiVersion(apiVersion, kind, placement)) {
    case 'legacy':
      return {
        messageId: 'legacy',
        data: { kind, fix, templateNote: templateNote(kind, placement) },
      };
    case 'no-group':
      return { messageId: 'noGroup', data: { value, kind, fix } };
    case 'group-spelling':
      return { messageId: 'groupSpelling', data: { value, kind, fix, group: quote(String(apiVersion).split('/')[0] ?? '') } };
    case 'unknown-version':
      return { messageId: 'unknownVersion', data: { value, kind, fix } };
    case 'malformed':
      return { messageId: 'malformed', data: { value, kind, fix } };
    default:
      return undefined;
  }
}

function templateNote(kind: string, placement: Placement): string {
  if (placement.templateObject) return `; Template processing rewrites v1 only for the OpenShift 3 kinds, not ${kind}`;
  return placement.inTemplate ? '; Template processing rewrites v1 only on the Template\'s own objects, not on the items of a List among them' : '';
}
