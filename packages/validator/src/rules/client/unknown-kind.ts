import { defineRule } from '../define.js';

export default defineRule({
  id: 'unknown-kind',
  category: 'client',
  severity: 'error',
  description:
    'An object written for image.openshift.io/v1 must be of a kind that API serves: oc cannot map any other kind, and a misspelt ImageStrem is not checked as an ImageStream.',
  source:
    'apimachinery pkg/api/meta/restmapper.go DefaultRESTMapper.RESTMapping answers NoKindMatchError ("no matches for kind") for a kind the group version does not serve; client-go restmapper/discovery.go NewDiscoveryRESTMapper builds the mapper from the kinds the cluster serves in image.openshift.io/v1',
  kinds: '*',
  messages: {
    unknown:
      'oc cannot map kind {{value}} in image.openshift.io/v1 ("no matches for kind \\"{{value}}\\" in version \\"image.openshift.io/v1\\""), and oc applies nothing of it.{{hint}}',
  },
});
