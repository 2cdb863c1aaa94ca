import { memoizeLast } from '../../memo.js';
import { replacedTagIndexes } from '../../server-view.js';
import type { ManifestObject, PathSegment } from '../../types.js';
import { quote } from '../utils/message.js';
import { array, isRecord, type JsonObject, record, string } from '../utils/object.js';

/** Helpers of the server rules alone: where the server validates TagReferences and ObjectMeta, key spelling. */

/** The field is there and not null (what the server sees as set). */
export function has(value: unknown, key: string): boolean {
  return isRecord(value) && Object.hasOwn(value, key) && value[key] !== null && value[key] !== undefined;
}

/** `'A', 'B' or 'C'` for messages. */
export function listOf(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export const SIGNATURE_KINDS = ['Image', 'ImageSignature'] as const;

/** The annotation the Image strategy strips from signatures before validating them. */
export const MANAGED_SIGNATURE_ANNOTATION = 'image.openshift.io/managed-signature';

export interface TagReferenceLocation {
  /** The TagReference object as decoded. */
  tag: JsonObject;
  /** Its path within the object, e.g. `['spec', 'tags', 2]`. */
  path: PathSegment[];
}

/**
 * Every TagReference the server validates with ValidateImageStreamTagReference:
 * ImageStream `spec.tags[i]` (only the last entry of each name survives conversion),
 * ImageStreamTag `tag`, ImageTag `spec`.
 */
export const tagReferences = memoizeLast(findTagReferences);

function findTagReferences(object: ManifestObject): readonly TagReferenceLocation[] {
  const value = object.value;
  switch (object.kind) {
    case 'ImageStream': {
      const tags = array(record(value, 'spec'), 'tags') ?? [];
      const replaced = replacedTagIndexes(object);
      return tags.flatMap((tag, index) => (isRecord(tag) && !replaced.has(index) ? [{ tag, path: ['spec', 'tags', index] }] : []));
    }
    case 'ImageStreamTag': {
      const tag = record(value, 'tag');
      return tag ? [{ tag, path: ['tag'] }] : [];
    }
    case 'ImageTag': {
      const spec = record(value, 'spec');
      return spec ? [{ tag: spec, path: ['spec'] }] : [];
    }
    default:
      return [];
  }
}

export const TAG_REFERENCE_KINDS = ['ImageStream', 'ImageStreamTag', 'ImageTag'] as const;

/** Kinds a user can create, whose metadata the server validates with ValidateObjectMeta. */
export const CREATABLE_KINDS = [
  'ImageStream',
  'ImageStreamTag',
  'ImageTag',
  'ImageStreamImport',
  'ImageStreamMapping',
  'Image',
  'ImageSignature',
] as const;

export const CLUSTER_SCOPED_KINDS: readonly string[] = ['Image', 'ImageSignature'];

export interface MetadataSite {
  /** The `metadata` value (possibly absent). */
  metadata: unknown;
  /** Path of the `metadata` field. */
  path: PathSegment[];
  /** The object the metadata belongs to: the manifest itself, or an Image or signature inside it. */
  owner: 'object' | 'embedded-image' | 'embedded-signature';
  namespaced: boolean;
}

/**
 * Every ObjectMeta the server runs ValidateObjectMeta on when the object is created: the object's
 * own, each Image `signatures[i]`, and ImageStreamMapping `image` (its signatures are cleared first).
 */
export function metadataSites(object: ManifestObject): MetadataSite[] {
  const sites: MetadataSite[] = [
    {
      metadata: object.value['metadata'],
      path: ['metadata'],
      owner: 'object',
      namespaced: !CLUSTER_SCOPED_KINDS.includes(object.kind),
    },
  ];
  if (object.kind === 'Image') {
    (array(object.value, 'signatures') ?? []).forEach((signature, index) => {
      if (isRecord(signature)) {
        sites.push({ metadata: signature['metadata'], path: ['signatures', index, 'metadata'], owner: 'embedded-signature', namespaced: false });
      }
    });
  }
  if (object.kind === 'ImageStreamMapping') {
    const image = record(object.value, 'image');
    if (image) sites.push({ metadata: image['metadata'], path: ['image', 'metadata'], owner: 'embedded-image', namespaced: false });
  }
  return sites;
}

/**
 * When `key` is missing from `owner` but written with other letter case (`Kind:`), a sentence
 * saying so: the server decodes keys case-sensitively and ignores the misspelt one.
 */
export function caseHint(owner: unknown, key: string): string {
  if (!isRecord(owner)) return '';
  const lowered = key.toLowerCase();
  const written = Object.keys(owner).find((candidate) => candidate !== key && candidate.toLowerCase() === lowered);
  return written === undefined ? '' : ` ${quote(written)} is written, but keys are case-sensitive and the server ignores it: write "${key}".`;
}

/** How the server's validateImageSignature reads a signature's conditions. */
export interface ConditionReading {
  /** The Trusted condition it judges the status fields by: the latest by lastProbeTime, the later one on a tie. */
  trusted?: JsonObject;
  hasForImage: boolean;
  /** The index of the condition at which it dereferences a nil pointer (an internal error), if it does. */
  failsAt?: number;
}

/** A condition's lastProbeTime for comparing; an absent or unreadable one is Go's zero time, before all others. */
function probeTime(condition: JsonObject): number {
  const time = Date.parse(string(condition, 'lastProbeTime') ?? '');
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * The server's loop over the conditions, step by step: a Trusted condition not older than the one
 * kept replaces it; anything else goes to the second branch, `(ForImage && none kept yet) ||
 * !older(kept ForImage)` — which, for a condition that is not the first ForImage while no ForImage
 * is kept, reads the time of a nil ForImage condition (Go precedence: `a && b || c`).
 */
export function readConditions(conditions: readonly unknown[]): ConditionReading {
  let trusted: { condition: JsonObject; time: number } | undefined;
  let forImage: { condition: JsonObject; time: number } | undefined;
  for (let index = 0; index < conditions.length; index++) {
    const entry = conditions[index];
    const condition = isRecord(entry) ? entry : {};
    const type = string(condition, 'type');
    const time = probeTime(condition);
    if (type === 'Trusted' && (trusted === undefined || time >= trusted.time)) {
      trusted = { condition, time };
    } else if (type === 'ForImage' && forImage === undefined) {
      forImage = { condition, time };
    } else if (forImage === undefined) {
      return { ...(trusted ? { trusted: trusted.condition } : {}), hasForImage: false, failsAt: index };
    } else if (time >= forImage.time) {
      forImage = { condition, time };
    }
  }
  return { ...(trusted ? { trusted: trusted.condition } : {}), hasForImage: forImage !== undefined };
}
