import { compareText, type FieldModel, type TypeModel, type TypeShape } from './model.js';

/**
 * Kubernetes types the image API documents reference but do not describe, written by hand from
 * the Kubernetes API (core/v1, meta/v1, runtime) as served by the OpenShift 4.17 API server
 * (Kubernetes 1.30). Descriptions are our own summaries.
 */

const string: TypeShape = { scalar: 'string' };
const integer: TypeShape = { scalar: 'integer' };
const boolean: TypeShape = { scalar: 'boolean' };
const ref = (name: string): TypeShape => ({ ref: name });
const arrayOf = (item: TypeShape): TypeShape => ({ array: item });
const mapOf = (value: TypeShape): TypeShape => ({ map: value });

const HERE = { file: 'packages/generator/src/known-types.ts', line: 0 };

function field(
  name: string,
  type: TypeShape,
  description: string,
  options: { required?: boolean; format?: string } = {},
): FieldModel {
  const result: FieldModel = {
    name,
    type,
    required: options.required ?? false,
    documentedRequired: options.required ?? false,
    description,
    provenance: [HERE],
  };
  if (options.format) result.format = options.format;
  return result;
}

function objectType(name: string, description: string, fields: FieldModel[], open = false): TypeModel {
  return {
    name,
    description,
    shape: 'object',
    open,
    fields: [...fields].sort((a, b) => compareText(a.name, b.name)),
    origin: 'hand-written',
    paths: [],
    provenance: [HERE],
  };
}

const API_VERSION_TEXT =
  'APIVersion defines the versioned schema of this representation of an object. Servers convert recognized schemas to the latest internal value.';
const KIND_TEXT = 'Kind is the REST resource this object represents, in CamelCase.';

export const knownTypes: readonly TypeModel[] = [
  objectType('ObjectMeta', 'Standard object metadata that all persisted resources carry (Kubernetes meta/v1 ObjectMeta).', [
    field('name', string, 'Name, unique within a namespace. Required when creating most resources, although some allow generateName instead.'),
    field('generateName', string, 'Prefix the server uses to generate a unique name when name is not provided.'),
    field('namespace', string, 'Namespace the object belongs to; empty for cluster-scoped objects.'),
    field('selfLink', string, 'Deprecated and no longer populated by the server.'),
    field('uid', string, 'Unique identifier the server assigns on creation. Read-only.'),
    field('resourceVersion', string, 'Opaque version of the object the server uses for optimistic concurrency. Read-only.'),
    field('generation', integer, 'Sequence number of a specific generation of the desired state, set by the server. Read-only.', { format: 'int64' }),
    field('creationTimestamp', ref('Time'), 'Time the server created the object. Read-only; exported manifests often carry null, which the server accepts.'),
    field('deletionTimestamp', ref('Time'), 'Time after which the object will be deleted, set by the server on a graceful delete. Read-only.'),
    field('deletionGracePeriodSeconds', integer, 'Seconds allowed for graceful termination before the object is removed. Read-only.', { format: 'int64' }),
    field('labels', mapOf(string), 'Map of string keys and values used to organise and select objects.'),
    field('annotations', mapOf(string), 'Unstructured key/value map for arbitrary metadata that tools store with the object.'),
    field('ownerReferences', arrayOf(ref('OwnerReference')), 'Objects this object depends on; garbage collection removes it when all owners are gone.'),
    field('finalizers', arrayOf(string), 'Identifiers that must be removed before the object is deleted from the registry.'),
    field('managedFields', arrayOf(ref('ManagedFieldsEntry')), 'Server-side apply bookkeeping: which manager owns which fields. Usually not written by hand.'),
  ]),
  objectType('ListMeta', 'Metadata of list responses (Kubernetes meta/v1 ListMeta).', [
    field('selfLink', string, 'Deprecated and no longer populated by the server.'),
    field('resourceVersion', string, 'Version of the list, for watches and optimistic concurrency. Read-only.'),
    field('continue', string, 'Token for retrieving the next page of a paged list.'),
    field('remainingItemCount', integer, 'Number of items left after this page, when the server can compute it.', { format: 'int64' }),
  ]),
  objectType('OwnerReference', 'Identifies an owning object (Kubernetes meta/v1 OwnerReference).', [
    field('apiVersion', string, 'API version of the owner.', { required: true }),
    field('kind', string, 'Kind of the owner.', { required: true }),
    field('name', string, 'Name of the owner.', { required: true }),
    field('uid', string, 'UID of the owner.', { required: true }),
    field('controller', boolean, 'True when the owner is the managing controller.'),
    field('blockOwnerDeletion', boolean, 'When true, the owner cannot be deleted before this object is removed (foreground deletion).'),
  ]),
  objectType('ManagedFieldsEntry', 'One field manager\'s set of fields (Kubernetes meta/v1 ManagedFieldsEntry).', [
    field('manager', string, 'Identifier of the workflow managing these fields.'),
    field('operation', string, 'Operation that produced this entry: Apply or Update.'),
    field('apiVersion', string, 'API version of the field set.'),
    field('time', ref('Time'), 'When the entry was last changed.'),
    field('fieldsType', string, 'Format of fieldsV1; only FieldsV1 exists.'),
    field('fieldsV1', ref('FieldsV1'), 'The field set, in the FieldsV1 format.'),
    field('subresource', string, 'Subresource the entry applies to, if any.'),
  ]),
  objectType('FieldsV1', 'Set of fields in the server-side apply trie format; an arbitrary JSON object.', [], true),
  objectType('ObjectReference', 'Reference to another object (Kubernetes core/v1 ObjectReference). Which kinds are allowed depends on the field that holds it.', [
    field('kind', string, 'Kind of the referent.'),
    field('namespace', string, 'Namespace of the referent; defaults to the namespace of the referring object where that applies.'),
    field('name', string, 'Name of the referent.'),
    field('uid', string, 'UID of the referent.'),
    field('apiVersion', string, 'API version of the referent.'),
    field('resourceVersion', string, 'Specific resourceVersion the reference is made to.'),
    field('fieldPath', string, 'Path to a piece of the referent rather than the whole object.'),
  ]),
  objectType('LocalObjectReference', 'Reference to an object in the same namespace by name (Kubernetes core/v1 LocalObjectReference).', [
    field('name', string, 'Name of the referent.'),
  ]),
  {
    name: 'Time',
    description: 'Timestamp serialised as an RFC 3339 string (Kubernetes meta/v1 Time); JSON null decodes to the zero time.',
    shape: 'scalar',
    scalar: 'string',
    nullable: true,
    format: 'date-time',
    open: false,
    fields: [],
    origin: 'hand-written',
    paths: [],
    provenance: [HERE],
  },
  objectType('RawExtension', 'Embedded JSON object kept as is (Kubernetes runtime RawExtension); any fields are allowed.', [], true),
  objectType('Status', 'Result of an operation (Kubernetes meta/v1 Status).', [
    field('apiVersion', string, API_VERSION_TEXT),
    field('kind', string, KIND_TEXT),
    field('metadata', ref('ListMeta'), 'Standard list metadata.'),
    field('status', string, 'Status of the operation: Success or Failure.'),
    field('message', string, 'Human-readable description of the status.'),
    field('reason', string, 'Machine-readable reason for a Failure status.'),
    field('details', ref('StatusDetails'), 'Extended data associated with the reason.'),
    field('code', integer, 'Suggested HTTP return code.', { format: 'int32' }),
  ]),
  objectType('StatusDetails', 'Details of a Status (Kubernetes meta/v1 StatusDetails).', [
    field('name', string, 'Name of the resource the status is about.'),
    field('group', string, 'API group of the resource.'),
    field('kind', string, 'Kind of the resource.'),
    field('uid', string, 'UID of the resource.'),
    field('causes', arrayOf(ref('StatusCause')), 'Individual causes of the error.'),
    field('retryAfterSeconds', integer, 'Seconds the client should wait before retrying.', { format: 'int32' }),
  ]),
  objectType('StatusCause', 'One cause of a Status error (Kubernetes meta/v1 StatusCause).', [
    field('reason', string, 'Machine-readable cause.'),
    field('message', string, 'Human-readable description of the cause.'),
    field('field', string, 'Field of the resource that caused the error, if any.'),
  ]),
  objectType('Secret', 'Secret data (Kubernetes core/v1 Secret), as listed in a SecretList.', [
    field('apiVersion', string, API_VERSION_TEXT),
    field('kind', string, KIND_TEXT),
    field('metadata', ref('ObjectMeta'), 'Standard object metadata.'),
    field('type', string, 'Used to facilitate programmatic handling of secret data, e.g. kubernetes.io/dockerconfigjson.'),
    field('data', mapOf(string), 'Secret data; each value is base64 encoded.', { format: 'byte' }),
    field('stringData', mapOf(string), 'Write-only convenience field: plain string values merged into data on write.'),
    field('immutable', boolean, 'When true, the data cannot be updated.'),
  ]),
];

/** Names the documents use for these types, with release suffixes and package qualifiers removed. */
export const knownTypeNames: ReadonlySet<string> = new Set(knownTypes.map((type) => type.name));
