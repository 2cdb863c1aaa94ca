import { defineRule } from '../define.js';

export default defineRule({
  id: 'list-item-type',
  category: 'client',
  severity: 'error',
  description: 'Every item of a List, and every object of a Template, must be an object with a kind (and, in a List, an apiVersion) for oc to type it.',
  source:
    'apimachinery pkg/apis/meta/v1/unstructured/helpers.go decodeToList (a typed list such as ImageStreamList gives items without kind and apiVersion its item kind and apiVersion; `List` gives none) and unstructuredscheme ObjectKinds ("object has no kind field", "object has no apiVersion field"), called by cli-runtime visitor.go FlattenListVisitor; library-go templateprocessing Process decodes each Template object with UnstructuredJSONScheme ("unable to handle object")',
  kinds: '*',
  messages: {
    noKind: '{{step}} cannot type {{where}}: it has no kind ("Object \'Kind\' is missing"){{note}}; write its kind and apiVersion.',
    noApiVersion: 'oc cannot type {{where}}: kind {{kind}} has no apiVersion ("object has no apiVersion field"); write the apiVersion{{fix}}.',
    notObject: '{{step}} cannot decode {{where}}: it is a {{type}}, not an object, so {{consequence}}; write an object with kind and apiVersion, or remove it.',
    itemsNotSequence: 'oc cannot decode this {{kind}}: items is a {{type}}, not a sequence ("cannot unmarshal {{type}} into Go struct field .items"); write the items as a YAML sequence.',
  },
});
