import { messageQuoted } from '../../quote.js';
import { caseVariantOf, closestMatch } from '../../suggest.js';
import { isTemplateParameterValue } from '../../template.js';
import { replacedTagIndexes } from '../../server-view.js';
import type { ManifestObject, PathEdit, PathSegment } from '../../types.js';

/** Helpers shared by the object rules: reading the decoded object, template parameters, message text. */

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A child object, or undefined when absent or not an object (the schema reports wrong types). */
export function record(value: unknown, key: string): JsonObject | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return isRecord(child) ? child : undefined;
}

export function array(value: unknown, key: string): unknown[] | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return Array.isArray(child) ? child : undefined;
}

/** A string field; undefined when absent or of another type (type errors belong to the schema). */
export function string(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return typeof child === 'string' ? child : undefined;
}

export function has(value: unknown, key: string): boolean {
  return isRecord(value) && Object.hasOwn(value, key) && value[key] !== null && value[key] !== undefined;
}

/** Go's `len(x) == 0` for a decoded field: absent, null, empty string, empty list or map. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/**
 * True when a Template will fill this value in later (`${NAME}` or `${{NAME}}`): such values are
 * not format-checked, only the structure around them.
 */
export function isTemplateValue(object: ManifestObject, text: string): boolean {
  return object.inTemplate && isTemplateParameterValue(text);
}

/** A value quoted for a message, shortened when long (inputs can be huge). */
export const quote = messageQuoted;

/** `'A', 'B' or 'C'` for messages. */
export function listOf(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** The allowed value nearest to what was written, when it is plausibly a typo or an abbreviation of it. */
export function closestValue(value: string, allowed: readonly string[]): string | undefined {
  if (value.length === 0 || value.length > 64) return undefined;
  const lowered = value.toLowerCase();
  const extending = allowed.filter((candidate) => value.length >= 3 && candidate.toLowerCase().startsWith(lowered));
  if (extending.length === 1 && extending[0] !== value) return extending[0];
  return closestMatch(value, allowed);
}

/** The safe fix for a value that is an allowed one in other letter case (`dockerimage`), to spread into a report. */
export function caseFix(value: string, allowed: readonly string[], path: PathSegment[]): { fix?: PathEdit } {
  const fixed = caseVariantOf(value, allowed);
  return fixed === undefined ? {} : { fix: { type: 'replace', path, value: fixed } };
}

/** ` Did you mean "X"?` (to follow a sentence) or nothing. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
}

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
export function tagReferences(object: ManifestObject): TagReferenceLocation[] {
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

export interface ImageLocation {
  image: JsonObject;
  path: PathSegment[];
}

/** Objects the server validates as an Image: an Image itself and ImageStreamMapping `image`. */
export function images(object: ManifestObject): ImageLocation[] {
  if (object.kind === 'Image') return [{ image: object.value, path: [] }];
  if (object.kind === 'ImageStreamMapping') {
    const image = record(object.value, 'image');
    return image ? [{ image, path: ['image'] }] : [];
  }
  return [];
}

export const IMAGE_KINDS = ['Image', 'ImageStreamMapping'] as const;

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
