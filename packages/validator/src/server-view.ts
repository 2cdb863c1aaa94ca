/**
 * What the API server does to a decoded object before it validates it on create: the v1 →
 * internal conversion and the registry strategies' PrepareForCreate. Decoding errors happen before
 * all of this (a wrong type or an unknown field fails even in a part that is then thrown away);
 * validation sees only what survives.
 */
import { array, isRecord, record } from './rules/utils/object.js';
import { memoizeLast } from './memo.js';
import type { ManifestObject, PathSegment } from './types.js';

export interface ClearedField {
  path: PathSegment[];
  /** Why the server clears it, for messages. */
  why: string;
}

/**
 * Fields PrepareForCreate (or the kind's REST Create) replaces before validation, per kind
 * (openshift-apiserver pkg/image/apiserver/registry/<kind>/strategy.go and rest.go).
 */
export const CLEARED_ON_CREATE: Readonly<Record<string, readonly ClearedField[]>> = {
  ImageStream: [{ path: ['status'], why: 'the server replaces the status' }],
  ImageStreamTag: [
    { path: ['image'], why: 'the server fills in the image the tag points to' },
    { path: ['conditions'], why: 'the server reports import conditions here' },
    { path: ['generation'], why: 'the server tracks the tag generation' },
    { path: ['lookupPolicy'], why: 'only tag (and metadata) are used when the tag is created' },
  ],
  ImageTag: [
    { path: ['image'], why: 'the server fills in the image the tag points to' },
    { path: ['status'], why: 'the server clears the status' },
  ],
  ImageStreamImport: [{ path: ['status'], why: 'the status is the result of the import' }],
  ImageStreamMapping: [{ path: ['image', 'signatures'], why: 'signatures are added through the images or imagesignatures resources' }],
  ImageSignature: [
    { path: ['conditions'], why: 'the server verifies signatures and sets these itself' },
    { path: ['imageIdentity'], why: 'the server parses it from the signature content' },
    { path: ['signedClaims'], why: 'the server parses them from the signature content' },
    { path: ['created'], why: 'the server parses it from the signature content' },
    { path: ['issuedBy'], why: 'the server parses it from the signature content' },
    { path: ['issuedTo'], why: 'the server parses it from the signature content' },
  ],
};

/**
 * Indexes of ImageStream `spec.tags` entries that a later entry with the same name replaces: the
 * v1 → internal conversion turns the list into a map keyed by name, the last entry winning
 * (Convert_v1_TagReferenceArray_to_api_TagReferenceMap). A missing or null name is the name "".
 */
export const replacedTagIndexes = memoizeLast(findReplacedTagIndexes);

function findReplacedTagIndexes(object: ManifestObject): ReadonlySet<number> {
  const replaced = new Set<number>();
  if (object.kind !== 'ImageStream') return replaced;
  const tags = array(record(object.value, 'spec'), 'tags');
  if (!tags) return replaced;
  const lastIndexByName = new Map<string, number>();
  tags.forEach((tag: unknown, index) => {
    const name = tagName(tag);
    if (name === undefined) return;
    const earlier = lastIndexByName.get(name);
    if (earlier !== undefined) replaced.add(earlier);
    lastIndexByName.set(name, index);
  });
  return replaced;
}

/** The map key a tag entry converts to; undefined when it cannot decode (the schema reports that). */
export function tagName(tag: unknown): string | undefined {
  if (!isRecord(tag)) return undefined;
  const name = tag['name'];
  if (name === undefined || name === null) return '';
  return typeof name === 'string' ? name : undefined;
}

/**
 * The tag an ImageStreamTag or ImageTag named `<stream>:<tag>` writes into its stream (library-go
 * imageutil.SplitImageStreamTag: split at the first ':'; an empty tag means "latest"); `ok` is false
 * without a ':', which the REST handlers reject.
 */
export function splitImageStreamTag(name: string): { tag: string; ok: boolean } {
  const colon = name.indexOf(':');
  if (colon === -1) return { tag: 'latest', ok: false };
  return { tag: name.slice(colon + 1) || 'latest', ok: true };
}

/** Paths (relative to the object) that the server decodes and then drops before validating. */
export function discardedBeforeValidation(object: ManifestObject): PathSegment[][] {
  const paths = (CLEARED_ON_CREATE[object.kind] ?? []).map((field): PathSegment[] => field.path);
  for (const index of replacedTagIndexes(object)) paths.push(['spec', 'tags', index]);
  return paths;
}
