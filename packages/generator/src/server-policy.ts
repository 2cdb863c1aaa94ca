/**
 * Where the schemas deliberately differ from the documents, so that they never reject a manifest
 * the OpenShift API server accepts. Sources: ../shared/reference/server-rules.md (openshift-apiserver
 * validation and registry strategies) and ../shared/reference/SOURCE.md (openshift/api defaults).
 * Every entry must match something the documents say; the generator fails on a stale entry.
 */

export interface RequiredDeviation {
  type: string;
  field: string;
  reason: string;
}

const STATUS_CLEARED =
  'status is output only: the server clears or ignores it on create, so nothing inside it is enforced';
const READ_ONLY_KIND = 'the kind is read-only (the API offers get/list only), so the server never validates a submitted object';

/** Documented as required, not enforced by the server: the schemas leave them optional. */
export const requiredNotEnforced: readonly RequiredDeviation[] = [
  { type: 'ImageStreamImport', field: 'status', reason: 'ImageStreamImport status is computed by the server from spec' },
  { type: 'ImageStreamImportSpec', field: 'import', reason: 'a bool that defaults to false when absent' },
  { type: 'TagReferencePolicy', field: 'type', reason: 'defaulted to Source when absent or empty' },
  { type: 'ImageImportStatus', field: 'status', reason: STATUS_CLEARED },
  { type: 'ImageStreamStatus', field: 'dockerImageRepository', reason: STATUS_CLEARED },
  { type: 'NamedTagEventList', field: 'tag', reason: STATUS_CLEARED },
  { type: 'NamedTagEventList', field: 'items', reason: STATUS_CLEARED },
  { type: 'TagEvent', field: 'created', reason: STATUS_CLEARED },
  { type: 'TagEvent', field: 'dockerImageReference', reason: `${STATUS_CLEARED} (required only on status updates)` },
  { type: 'TagEvent', field: 'image', reason: STATUS_CLEARED },
  { type: 'TagEvent', field: 'generation', reason: STATUS_CLEARED },
  { type: 'TagEventCondition', field: 'type', reason: 'conditions are server-populated status (ImageStream status, ImageStreamTag conditions)' },
  { type: 'TagEventCondition', field: 'status', reason: 'conditions are server-populated status (ImageStream status, ImageStreamTag conditions)' },
  { type: 'TagEventCondition', field: 'generation', reason: 'conditions are server-populated status (ImageStream status, ImageStreamTag conditions)' },
  {
    type: 'ImageStreamTag',
    field: 'tag',
    reason: 'a pointer the server does not require on create (no such rule in server-rules.md); GET output omits it for tags that exist only in status',
  },
  { type: 'ImageStreamTag', field: 'generation', reason: 'server-populated; cleared or defaulted on create' },
  { type: 'ImageStreamTag', field: 'lookupPolicy', reason: 'server-populated from the image stream; defaulted on create' },
  { type: 'ImageStreamTag', field: 'image', reason: 'server-populated; cleared on create' },
  { type: 'ImageTag', field: 'status', reason: 'cleared on create' },
  { type: 'ImageTag', field: 'image', reason: 'cleared on create' },
  { type: 'TagReference', field: 'name', reason: 'spec tag names are not validated; a missing name becomes the empty tag (duplicate names: the last entry wins)' },
  { type: 'ImageLookupPolicy', field: 'local', reason: 'a bool that defaults to false when absent' },
  { type: 'ImageLayer', field: 'name', reason: 'image layers are not validated by ValidateImage' },
  { type: 'ImageLayer', field: 'size', reason: 'image layers are not validated by ValidateImage' },
  { type: 'ImageLayer', field: 'mediaType', reason: 'image layers are not validated by ValidateImage' },
  { type: 'ImageManifest', field: 'manifestSize', reason: 'only a negative size is rejected; absent means 0' },
  { type: 'SignatureCondition', field: 'type', reason: 'signature conditions are status fields; only the Trusted/ForImage pairing is validated (a server rule, not a schema constraint)' },
  { type: 'SignatureCondition', field: 'status', reason: 'signature conditions are status fields; only the Trusted/ForImage pairing is validated (a server rule, not a schema constraint)' },
  { type: 'SignatureSubject', field: 'publicKeyID', reason: 'issuedTo is parsed from the signature by the server and not required from the user' },
  { type: 'ImageStreamImage', field: 'image', reason: READ_ONLY_KIND },
  { type: 'ImageStreamLayers', field: 'blobs', reason: READ_ONLY_KIND },
  { type: 'ImageStreamLayers', field: 'images', reason: READ_ONLY_KIND },
  { type: 'ImageLayerData', field: 'size', reason: `${READ_ONLY_KIND} (ImageStreamLayers)` },
  { type: 'ImageLayerData', field: 'mediaType', reason: `${READ_ONLY_KIND} (ImageStreamLayers)` },
  { type: 'SecretList', field: 'items', reason: `${READ_ONLY_KIND}; an absent list decodes as empty` },
];

export interface EnumDecision {
  type: string;
  field: string;
  /** Values the schemas accept; undefined means the documented values stay an annotation only. */
  accepted?: string[];
  reason: string;
}

/**
 * What happens to values the descriptions list. An enum is emitted only where the server
 * enforces the set, and then with every value the server accepts.
 */
export const enumDecisions: readonly EnumDecision[] = [
  {
    type: 'TagReferencePolicy',
    field: 'type',
    reason:
      'only tag references are validated (Source or Local, "" defaulted to Source): the reference-policy-type rule checks them; an ImageStreamImport\'s policy is never validated by ValidateImageStreamImport',
  },
  { type: 'TagReference', field: 'from', reason: 'from.kind rules depend on the field holding the ObjectReference; checked by server rules, not the schema' },
  { type: 'SignatureCondition', field: 'status', reason: 'status fields are not validated by the server' },
  { type: 'SignatureCondition', field: 'type', reason: 'status fields are not validated by the server (the documented values are also not the ones in use: Trusted, ForImage)' },
  { type: 'TagEventCondition', field: 'status', reason: 'status fields are not validated by the server' },
  { type: 'TagEventCondition', field: 'type', reason: 'status fields are not validated by the server' },
  { type: 'ImageManifest', field: 'mediaType', reason: 'the server checks the RFC 6838 media type syntax, not a list of values' },
];

/** Format annotations the documents do not print (kept in model.json; `byte` also widens the schema). */
export const fieldFormats: readonly { type: string; field: string; format: string }[] = [
  { type: 'ImageSignature', field: 'content', format: 'byte' },
];

/** Schema-wide choices that differ from what the documents print. */
export const generalDeviations: readonly { subject: string; documents: string; schemas: string; reason: string }[] = [
  {
    subject: 'Time (every timestamp field)',
    documents: 'Time',
    schemas: 'string or null',
    reason: 'meta/v1 Time decodes JSON null to the zero time; exported manifests carry creationTimestamp: null',
  },
  {
    subject: 'format keywords',
    documents: 'not printed (openshift/api has int64, int32, byte, date-time)',
    schemas: 'no format keyword; the format is kept in model.json as an annotation',
    reason: 'the precompiled validators must not need ajv-formats at run time; integers are still checked as integers',
  },
  {
    subject: 'ImageSignature.content',
    documents: 'string',
    schemas: 'string (base64, not checked) or an array of byte values; TypeScript: string',
    reason: 'the field is []byte: the decoder takes base64 text and also a JSON array of numbers 0-255',
  },
  {
    subject: 'null (every field)',
    documents: 'not mentioned',
    schemas: 'validation schemas accept null for every field except the top-level object; TypeScript types do not',
    reason: 'the server decodes null as "not set" (Go encoding/json semantics); exported manifests carry generation: null, annotations: null, creationTimestamp: null',
  },
  {
    subject: 'apiVersion, kind of each kind',
    documents: 'string, optional',
    schemas: 'const image.openshift.io/v1 and the kind name, required at the top level; free strings where the type is embedded (ImageStreamMapping.image and the like)',
    reason: 'a manifest needs both to be routed; the server ignores them on embedded objects',
  },
  {
    subject: 'ObjectReference.kind',
    documents: 'string (field descriptions list allowed kinds per use)',
    schemas: 'string, no enum',
    reason: 'the allowed kinds depend on the field holding the reference (spec.tags[].from, spec.images[].from…); server rules check them',
  },
  {
    subject: 'additionalProperties',
    documents: 'not stated',
    schemas: 'strict flavour: false on every closed API object; never on maps (labels, annotations, signedClaims, blobs, images, data), RawExtension or FieldsV1',
    reason: 'the server drops unknown fields (a warning with fieldValidation=Warn) rather than rejecting them, so they are reported as warnings unless strict mode is requested',
  },
];
