import { defineRule } from '../define.js';

export default defineRule({
  id: 'kind-case',
  category: 'client',
  severity: 'error',
  description: 'An image kind must be written in its exact case (ImageStream, not imagestream or Imagestream): oc maps kinds case-sensitively and the server decodes them exactly.',
  source:
    'apimachinery pkg/api/meta/restmapper.go DefaultRESTMapper.RESTMappings looks the kind up in a map (kindToPluralResource), exactly; client-go restmapper/discovery.go NewDiscoveryRESTMapper adds each kind as served and all in lowercase (not the List kinds); the server decodes the body with runtime.UseOrCreateObject / Scheme.New, which knows only the kinds as registered',
  kinds: '*',
  fixable: 'code',
  messages: {
    noMatch: 'oc cannot map kind {{value}}: kinds are matched case-sensitively ("no matches for kind \\"{{value}}\\" in version \\"{{version}}\\""); write {{kind}}.',
    notRegistered:
      'The server cannot decode kind {{value}}: oc maps the all-lowercase spelling, but the API server knows only {{kind}} ("no kind \\"{{value}}\\" is registered for version \\"{{version}}\\""); write {{kind}}.',
  },
});
