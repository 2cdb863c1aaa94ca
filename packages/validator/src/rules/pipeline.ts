/**
 * Rules of the reading pipeline: reported by the engine itself (no `check`), listed here so the
 * registry, the ESLint plugin, the CLI and the docs know them like every other rule.
 */
import type { RuleDefinition } from '../types.js';
import { defineRule } from './define.js';

const YAML_DECODING = 'oc apply converts YAML to JSON with go-yaml v2 (sigs.k8s.io/yaml YAMLToJSON, YAML 1.1 rules); see reference/yaml-decoding.md';
const STRICT_DECODING = 'The API server decodes JSON into typed Go structs; `oc apply --validate=strict` (the default since Kubernetes 1.27) rejects unknown and duplicate fields';
const GENERATED_SCHEMA = 'JSON Schema generated from the OpenShift image.openshift.io/v1 API reference (packages/schemas)';

export const yamlSyntax = defineRule({
  id: 'yaml-syntax',
  category: 'syntax',
  severity: 'error',
  description: 'The file must be valid YAML (or JSON) that go-yaml v2 can convert to JSON.',
  source: YAML_DECODING,
  kinds: '*',
  // A document that go-yaml reads but that cannot become JSON keeps its value: YAML that is no
  // manifest (a config with .inf, a complex key) is left alone, as its other findings are.
  flags: { parseFatal: true, manifestsOnly: ['notJson', 'nullKey', 'complexKey', 'unsignedKey'] },
  messages: {
    parse: '{{message}}',
    nullKey: 'A null key cannot be converted to JSON (sigs.k8s.io/yaml rejects it); write a string key.',
    complexKey: 'A mapping or sequence used as a key cannot be converted to JSON; write a string key.',
    mergeNotMap: 'A merge key (<<) needs a mapping, an alias of a mapping or a sequence of them.',
    badTag: 'go-yaml cannot decode {{tag}} `{{value}}`; remove the tag or fix the value.',
    unknownAlias: 'The alias *{{name}} refers to no anchor before it in this document: go-yaml fails ("unknown anchor referenced").',
    unknownEscape: 'go-yaml cannot read the escape `{{escape}}` in a double-quoted string (unknown, or not a character) and fails; write the character itself or use single quotes.',
    endBeforeContent: 'The document ends (`...`) before any content: go-yaml fails ("did not find expected node content"); remove the marker.',
    tab: 'A tab indents this line (or follows `- `): go-yaml fails ("found character that cannot start any token"); indent with spaces.',
    anchorName: 'go-yaml allows only letters, digits, `_` and `-` in an anchor or alias name, not `{{name}}`; rename it.',
    multilineKey: 'A key must be on one line: go-yaml fails on a key that spans lines; join its lines.',
    blockHeader: 'After `|` or `>` and its indicators only a comment may follow on the line, not `{{header}}`: go-yaml fails ("did not find expected comment or line break").',
    blockScalar: 'go-yaml fails on this block scalar ("{{problem}}"); indent its content with spaces only.',
    blockScalarEnd: 'go-yaml ends this block scalar before line {{line}} (its content is indented as deep as its first line, or its deepest leading empty line) and fails on what follows; indent the content evenly.',
    aliasCycle: 'The alias *{{name}} is inside the node anchored &{{name}}: go-yaml fails ("anchor \'{{name}}\' value contains itself"); break the cycle.',
    tag: 'go-yaml cannot read the tag `{{tag}}` ("{{problem}}"): a tag is made of letters, digits, URI characters and %-escapes and ends at a space or line break; fix or remove it.',
    directive: 'go-yaml cannot read the directive `{{directive}}` (it knows `%YAML 1.1` and `%TAG` with a URI) and fails; remove it.',
    controlCharacter: 'The control character {{code}} is not allowed in YAML: go-yaml rejects the document; remove it or write it as an escape in a double-quoted string.',
    notJson: '`{{value}}` is a float JSON cannot represent (infinity or NaN): oc fails to convert the document; quote it if you mean a string.',
    unsignedKey: 'The key {{key}} is an integer beyond int64, which sigs.k8s.io/yaml cannot convert to a JSON key; quote it.',
  },
});

export const yamlDuplicateKey = defineRule({
  id: 'yaml-duplicate-key',
  category: 'lint',
  severity: 'warning',
  description: 'A mapping should not repeat a key: oc keeps only one of its values, silently.',
  source: `${YAML_DECODING}: go-yaml v2 (and encoding/json for JSON files) silently keeps the last value; kubectl re-encodes the decoded object before sending it (k8s.io/cli-runtime resource.Helper) and skips its client-side NoDoubleKeySchema when the server supports field validation (k8s.io/kubectl pkg/validation/schema.go paramVerifyingSchema), so the server never sees the repeated key`,
  kinds: '*',
  flags: { manifestsOnly: true },
  messages: {
    duplicate:
      'Duplicate key "{{key}}" (first on line {{firstLine}}): `oc apply` and `oc create` keep only this last value and silently drop the first; only a client that sends the text as written (`oc create --raw`, curl) gets "duplicate field" from the server. Remove one.',
    randomWinner:
      'The keys `{{first}}` (line {{firstLine}}) and `{{key}}` are different YAML values ({{firstType}} and {{type}}) that both become the JSON key "{{json}}": which value oc sends depends on Go\'s random map order (sigs.k8s.io/yaml), so apply may send either; ocp-image judges this last one. Write the key once.',
  },
});

export const yamlImplicitType = defineRule({
  id: 'yaml-implicit-type',
  category: 'syntax',
  severity: 'error',
  description: 'An unquoted value that YAML 1.1 reads as a boolean or number must be quoted where the API expects a string.',
  source: `${YAML_DECODING}. The API server then rejects a JSON number or boolean in a string field ("cannot unmarshal number into Go struct field … of type string").`,
  kinds: '*',
  flags: { decoding: true, wrongType: true },
  fixable: 'code',
  messages: {
    implicit:
      'Unquoted {{text}} is read as the {{type}} {{decoded}} (YAML 1.1, as oc apply reads it), but this field must be a string and the server rejects a {{type}}; quote it: {{fix}}.',
  },
});

export const yamlNullValue = defineRule({
  id: 'yaml-null-value',
  category: 'lint',
  severity: 'warning',
  description: 'An unquoted `~` or `null` where the API expects a string is null, which the server reads as an empty string.',
  source: `${YAML_DECODING}: \`~\` and \`null\` resolve to null; encoding/json leaves a string field empty for a JSON null.`,
  kinds: '*',
  messages: {
    nullString: 'Unquoted {{text}} is null in YAML, so the server reads an empty string here; write {{fix}} if you meant the text, or leave the field out.',
  },
});

export const schemaRequired = defineRule({
  id: 'schema-required',
  category: 'schema',
  severity: 'error',
  description: 'Fields the API requires must be present.',
  source: GENERATED_SCHEMA,
  kinds: '*',
  flags: { schema: true },
  messages: {
    missing: 'Missing required field "{{field}}" in {{parent}}.',
    misspelt: 'Missing required field "{{field}}" in {{parent}}: "{{written}}" is a different key (keys are case-sensitive); write "{{field}}".',
  },
});

export const schemaType = defineRule({
  id: 'schema-type',
  category: 'schema',
  severity: 'error',
  description: 'Every field must have the type the API declares (string, integer, boolean, object, array).',
  source: `${GENERATED_SCHEMA}. ${STRICT_DECODING}; a value of the wrong type fails decoding. In a Template, openshift/library-go pkg/template/templateprocessing (EvaluateParameterSubstitution) replaces \${NAME} with text and only a whole-value \${{NAME}} with JSON.`,
  kinds: '*',
  fixable: 'code',
  flags: { schema: true, decoding: true, wrongType: true },
  messages: {
    type: '{{field}} must be {{expected}}, not {{actual}}.',
    quotedValue: '{{field}} must be {{expected}}, not the string {{value}}; write {{fix}}, without quotes.',
    stringParameter:
      '{{field}} must be {{expected}}, but {{value}} stays a string after `oc process`, which replaces a ${…} parameter with text; write {{jsonParameter}} as the whole value to substitute the parameter as JSON.',
  },
});

export const schemaEnum = defineRule({
  id: 'schema-enum',
  category: 'schema',
  severity: 'error',
  description: 'Fields with a fixed set of values must use one of them (case-sensitive).',
  source: GENERATED_SCHEMA,
  kinds: '*',
  fixable: 'code',
  flags: { schema: true, valueConstraint: true },
  messages: {
    enum: '{{value}} is not a valid {{field}}; use one of {{allowed}}{{hint}}.',
    constant: '{{field}} must be {{allowed}}, not {{value}}{{hint}}.',
  },
});

export const schemaOther = defineRule({
  id: 'schema-other',
  category: 'schema',
  severity: 'error',
  description: 'Other constraints of the API schema (ranges, patterns, formats, combinations).',
  source: GENERATED_SCHEMA,
  kinds: '*',
  flags: { schema: true, valueConstraint: true },
  messages: {
    other: '{{field}} {{message}}.',
    format: '{{value}} is not a valid {{format}} for {{field}}.',
    pattern: '{{value}} does not match the pattern {{pattern}} required for {{field}}.',
  },
});

export const unknownField = defineRule({
  id: 'unknown-field',
  category: 'schema',
  severity: 'error',
  description: 'Fields the API does not define are dropped by the server and rejected by `oc apply`’s default strict validation.',
  source: `${GENERATED_SCHEMA}. ${STRICT_DECODING}; with --validate=ignore the server silently drops them.`,
  kinds: '*',
  hasSuggestions: true,
  flags: { schema: true, decoding: true },
  messages: {
    unknown:
      'Unknown field "{{name}}" in {{parent}}{{hint}}: the API server drops it, and `oc apply` with its default --validate=strict rejects the manifest.',
    rename: 'Rename "{{name}}" to "{{suggestion}}".',
  },
});

export const fieldDecoding = defineRule({
  id: 'field-decoding',
  category: 'schema',
  severity: 'error',
  description:
    'Timestamps must be RFC 3339, []byte fields standard base64 and integers within int64: the server cannot decode the request otherwise, even where it then discards the field.',
  source:
    'k8s.io/apimachinery pkg/apis/meta/v1/time.go Time.UnmarshalJSON (time.Parse with time.RFC3339); encoding/json decodes []byte from base64.StdEncoding text (openshift/api image/v1 ImageSignature.Content, Image.DockerImageSignatures) and int64 fields with strconv.ParseInt (oc sends an integer beyond int64 as a float64: apimachinery pkg/util/json); the request body is decoded before PrepareForCreate clears status and other fields',
  kinds: '*',
  flags: { decoding: true },
  messages: {
    time: '{{value}} is not an RFC 3339 time ({{reason}}): the server cannot decode the request, even in a field it ignores afterwards (status is discarded only after decoding). Write e.g. "2024-01-31T12:00:00Z", or leave the field out.',
    bytes: '{{value}} is not base64 ({{reason}}): this field holds bytes, which the server decodes from standard base64 text, and it rejects the request otherwise. Encode the value with base64.',
    int64:
      'The number {{value}} does not fit this int64 field (-9223372036854775808 to 9223372036854775807): oc sends it as a float, which the server cannot decode into the field, and it rejects the request.',
    binary:
      'The !!binary value decodes to {{value}}, which is not base64 ({{reason}}): go-yaml decodes !!binary itself, so oc sends the raw bytes as text while the server expects base64. Remove the !!binary tag and keep the base64 text.',
  },
});

export const inputTooLarge = defineRule({
  id: 'input-too-large',
  category: 'syntax',
  severity: 'error',
  description: 'Input beyond the configured size limits is not validated (protects against hostile files).',
  source: 'Validator input limits (config `limits`); YAML alias bombs and deep nesting are the classic attacks.',
  kinds: '*',
  flags: { inputLimit: true },
  messages: {
    bytes: 'The input has {{actual}} bytes, more than the limit of {{limit}}; it was not validated.',
    documents: 'More than {{limit}} YAML documents; the rest of the file was not validated.',
    depth: 'Nested more than {{limit}} levels deep; this document and the rest of the file were not validated.',
    flowDepth: 'Brackets ([ ] or { }) nested more than {{limit}} levels deep; the file was not validated.',
    aliases: 'More than {{limit}} alias (*name) uses; this document was not validated.',
    nodes: 'More than {{limit}} YAML nodes (after expanding aliases); the rest of the file was not validated.',
    tokens: 'More than {{limit}} YAML tokens (scalars, indicators, line breaks, comments); this document and the rest of the file were not validated.',
  },
});

export const internalError = defineRule({
  id: 'internal-error',
  category: 'syntax',
  severity: 'error',
  description: 'The validator itself failed on this input (a bug); the other findings are still reported.',
  source: 'ocp-image validator',
  kinds: '*',
  messages: {
    rule: 'Rule {{rule}} failed on this object ({{error}}); please report this bug. Other findings are unaffected.',
    validator: 'The validator failed on this input ({{error}}); please report this bug.',
  },
});

export const unusedDisableDirective = defineRule({
  id: 'unused-disable-directive',
  category: 'lint',
  severity: 'warning',
  description:
    'An `ocp-image-disable*` comment that suppresses nothing: off unless asked for (`--report-unused-disable-directives`, or the rule set in the config).',
  source: "ESLint's --report-unused-disable-directives: a directive left behind after its problem was fixed hides the next one",
  kinds: '*',
  flags: { optIn: true },
  messages: {
    unused: 'Unused ocp-image-{{type}} directive (no problems were reported).',
    unusedRule: "Unused ocp-image-{{type}} directive (no problems were reported from '{{rule}}').",
  },
});

export const pipelineRules: readonly RuleDefinition[] = [
  yamlSyntax,
  yamlDuplicateKey,
  yamlImplicitType,
  yamlNullValue,
  schemaRequired,
  schemaType,
  schemaEnum,
  schemaOther,
  unknownField,
  fieldDecoding,
  inputTooLarge,
  internalError,
  unusedDisableDirective,
];
