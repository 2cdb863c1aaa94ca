/**
 * The path the API server reports a field error at (apimachinery `field.Path`), from a finding's
 * path in the document. The server validates the object as created, after the v1 → internal
 * conversion: an ImageStream's `spec.tags` list is a map keyed by tag name there
 * (`spec.tags[latest].from.kind`, validation.go ValidateImageStream `.Key(tag)`), and some
 * validators report at a field rather than at the entry below it that fails. A Template's
 * objects are validated on their own when processed, so paths are relative to the object.
 */
import { memoizeLast } from './memo.js';
import { array, isRecord, record, string } from './rules/utils/object.js';
import { replacedTagIndexes, splitImageStreamTag, tagName } from './server-view.js';
import { isTemplateParameterValue } from './template.js';
import type { ManifestObject, PathSegment } from './types.js';

const ANY_INDEX = Symbol('any index');

interface ReportedField {
  /** Matched anywhere in the path (metadata also sits at `image.metadata`, `signatures[0].metadata`). */
  pattern: readonly (string | typeof ANY_INDEX)[];
  /** How many of the matched segments the server's path keeps; what follows them is dropped. */
  keep: number;
  /** The server's name for the last kept segment, when it is not the document's. */
  rename?: string;
  kinds?: readonly string[];
}

/** Where validation reports an error elsewhere than at the failing value, with the Go line that does. */
const REPORTED_FIELDS: readonly ReportedField[] = [
  // apimachinery pkg/apis/meta/v1/validation ValidateLabels and pkg/api/validation/objectmeta.go
  // ValidateAnnotations, ValidateFinalizers: every key, value or entry at the field itself.
  { pattern: ['metadata', 'labels'], keep: 2 },
  { pattern: ['metadata', 'annotations'], keep: 2 },
  { pattern: ['metadata', 'finalizers'], keep: 2 },
  // ValidateOwnerReferences: a second controller at the list.
  { pattern: ['metadata', 'ownerReferences', ANY_INDEX, 'controller'], keep: 2 },
  // openshift-apiserver validation.go validateImageSignature: conditions as a whole.
  { pattern: ['conditions', ANY_INDEX], keep: 1, kinds: ['Image', 'ImageSignature'] },
  // validateImageManifests: the internal ImageManifest's field is reported as "size".
  { pattern: ['dockerImageManifests', ANY_INDEX, 'manifestSize'], keep: 3, rename: 'size', kinds: ['Image', 'ImageStreamMapping'] },
];

type ServerSegment = { name: string } | { index: number } | { key: string };

function matchesAt(path: readonly PathSegment[], start: number, pattern: ReportedField['pattern']): boolean {
  return pattern.every((expected, offset) => {
    const segment = path[start + offset];
    return expected === ANY_INDEX ? typeof segment === 'number' : segment === expected;
  });
}

/** The path as the server's field.Path renders it: `spec.tags[latest].from`, `signatures[0].type`. */
function render(segments: readonly ServerSegment[]): string {
  return segments
    .map((segment, position) => {
      if ('index' in segment) return `[${segment.index}]`;
      if ('key' in segment) return `[${segment.key}]`;
      return position === 0 ? segment.name : `.${segment.name}`;
    })
    .join('');
}

/**
 * The key each of an ImageStream's `spec.tags` entries converts to, by index, computed once per
 * object (a stream may have thousands of tags with findings); undefined where no single key is
 * certain: an entry a later one replaces, a name a Template parameter fills in.
 */
const tagKeys = memoizeLast((object: ManifestObject): readonly (string | undefined)[] => {
  const replaced = replacedTagIndexes(object);
  const tags = array(record(object.value, 'spec'), 'tags') ?? [];
  return tags.map((tag, index) => {
    if (replaced.has(index)) return undefined;
    // An entry that is no mapping has no name: the name "".
    const name = isRecord(tag) ? tagName(tag) : '';
    return name === undefined || (object.inTemplate && isTemplateParameterValue(name)) ? undefined : name;
  });
});

/**
 * The server's path for a finding at `path` (relative to the object), or undefined when it cannot
 * be said for certain (a tag entry the conversion drops, a tag name a Template parameter fills in).
 */
export function serverPathOf(object: ManifestObject, path: readonly PathSegment[]): string | undefined {
  let kept: readonly PathSegment[] = path;
  let renamed: string | undefined;
  for (let start = 0; start < path.length && kept === path; start++) {
    const field = REPORTED_FIELDS.find(({ pattern, kinds }) => (!kinds || kinds.includes(object.kind)) && matchesAt(path, start, pattern));
    if (!field) continue;
    kept = path.slice(0, start + field.keep);
    renamed = field.rename;
  }
  const segments: ServerSegment[] = kept.map((segment) => (typeof segment === 'number' ? { index: segment } : { name: segment }));
  if (renamed !== undefined) segments[segments.length - 1] = { name: renamed };
  if (object.kind === 'ImageStream' && path[0] === 'spec' && path[1] === 'tags' && typeof path[2] === 'number') {
    const key = tagKeys(object)[path[2]];
    if (key === undefined) return undefined;
    segments[2] = { key };
  }
  return render(segments);
}

/**
 * Where an ImageStreamTag's `tag` and an ImageTag's `spec` go: their REST handlers write them into
 * the stream as `spec.tags[<tag>]` and create or update it (openshift-apiserver imagestreamtag/rest.go,
 * imagetag/rest.go Create: `target.Spec.Tags[imageTag] = …`), so the stream's strategy reports there.
 */
const STREAM_TAG_FIELDS: Readonly<Record<string, string>> = { ImageStreamTag: 'tag', ImageTag: 'spec' };

/**
 * The server's path for a finding that the ImageStream strategy reports when the stream is written
 * (strategy.go tagsChanged: `spec.tags[<tag>].from…`), for an ImageStream or an object that writes
 * a tag into one; undefined where the tag is not certain (no `<stream>:<tag>` name, a parameter).
 */
export function streamServerPathOf(object: ManifestObject, path: readonly PathSegment[]): string | undefined {
  if (object.kind === 'ImageStream') return serverPathOf(object, path);
  const name = string(record(object.value, 'metadata'), 'name');
  if (path[0] !== STREAM_TAG_FIELDS[object.kind] || name === undefined || (object.inTemplate && isTemplateParameterValue(name))) return undefined;
  const { tag, ok } = splitImageStreamTag(name);
  if (!ok) return undefined;
  const rest: ServerSegment[] = path.slice(1).map((segment) => (typeof segment === 'number' ? { index: segment } : { name: segment }));
  return render([{ name: 'spec' }, { name: 'tags' }, { key: tag }, ...rest]);
}

/** A path a message can show as the server prints it: one short line of printable ASCII (tag names are user input). */
const PRINTABLE_PATH = /^[\x20-\x7e]{1,200}$/;

/** The sentence a finding's message ends with when the server names the place otherwise than the document path does. */
export function serverPathNote(documentPath: string, serverPath: string | undefined): string {
  if (serverPath === undefined || serverPath === documentPath || !PRINTABLE_PATH.test(serverPath)) return '';
  return ` The API server reports it at ${serverPath}.`;
}
