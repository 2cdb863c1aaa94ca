import { defineRule } from '../define.js';

export default defineRule({
  id: 'document-not-object',
  category: 'client',
  severity: 'error',
  description: 'Every YAML document oc reads must be an object (a mapping); a bare string, number, boolean or a top-level sequence is a decode error.',
  source:
    'kubernetes/cli-runtime pkg/resource/visitor.go StreamVisitor.Visit skips only empty and null documents; mapper.go infoForData decodes the rest with apimachinery unstructured.UnstructuredJSONScheme, which unmarshals into a Go struct and fails on anything but a JSON object',
  kinds: '*',
  flags: { manifestsOnly: true },
  messages: {
    scalar: 'oc cannot decode this document: it is a {{type}}, not an object ("json: cannot unmarshal {{type}} into Go value"), so oc apply fails; remove it, or comment it out.',
    sequence:
      'oc cannot decode this document: a top-level sequence is not an object ("json: cannot unmarshal array into Go value"); write each item as its own document after a `---` line, or put them under `items:` of a `kind: List` (apiVersion: v1).',
  },
});
