import type { ManifestObject } from '../../types.js';
import { defineRule } from '../define.js';
import { caseHint, has, TAG_REFERENCE_KINDS, tagReferences } from './support.js';
import { quote } from '../utils/message.js';
import { isTemplateValue, type JsonObject, record, string } from '../utils/object.js';

/** Whether a tag's `from` (kind ImageStreamTag or ImageStreamImage) names the stream being created. */
function referencesOwnStream(object: ManifestObject, from: JsonObject, stream: string | undefined): boolean {
  const metadata = record(object.value, 'metadata');
  const namespace = string(from, 'namespace') ?? '';
  const sameNamespace = namespace === '' || namespace === string(metadata, 'namespace');
  return sameNamespace && (stream === undefined || stream === string(metadata, 'name'));
}

/**
 * On create the stream's status starts empty, and the server resolves its tags in map order: a tag
 * that copies an image from another stream may add an image to it before an ImageStreamImage tag
 * of the same stream is resolved. Only without such a tag is "no image" certain.
 */
function ownStreamGainsImages(object: ManifestObject): boolean {
  return tagReferences(object).some(({ tag }) => {
    const from = record(tag, 'from');
    const kind = string(from, 'kind');
    if (!from || (kind !== 'ImageStreamTag' && kind !== 'ImageStreamImage')) return false;
    const parts = (string(from, 'name') ?? '').split(kind === 'ImageStreamTag' ? ':' : '@');
    return !referencesOwnStream(object, from, parts.length === 2 ? parts[0] : undefined);
  });
}

const EXPECTED_NAMES: Readonly<Record<string, string>> = {
  DockerImage: 'a pull spec such as "quay.io/org/app:1.0"',
  ImageStreamTag: '"<tag>" or "<stream>:<tag>"',
  ImageStreamImage: '"<id>" or "<stream>@<id>"',
};

export default defineRule({
  id: 'tag-from-name',
  category: 'server',
  severity: 'error',
  description:
    'A tag\'s from.name is required when from is set; for ImageStreamTag it is <tag> or <stream>:<tag>, for ImageStreamImage <id> or <stream>@<id>, and it must resolve on create (no empty stream part, no image of a stream that has none).',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamTagReference (from.name Required); pkg/image/apiserver/registry/imagestream/strategy.go Validate → tagsChanged: parseFromReference ("must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>"), the referenced stream looked up by name, tagReferenceToTagEvent → internal/imageutil ResolveImageID (not found in a stream without images)',
  kinds: TAG_REFERENCE_KINDS,
  // The strategy resolves references when the stream is written: an ImageStreamTag's fail as its stream's spec.tags[<tag>].
  flags: { streamServerPath: ['tooManySeparators', 'emptyStream', 'ownImageMissing'] },
  messages: {
    required: 'Missing from.name: a tag with from needs the name of its source, {{expected}}.{{hint}}',
    tooManySeparators: 'from.name {{value}} must be {{expected}}: it has more than one "{{separator}}".',
    emptyStream:
      'from.name {{value}} names the image stream "" (nothing before "{{separator}}"): the server cannot look it up ("Name parameter required") and rejects the tag. Write the stream name before "{{separator}}", or leave the "{{separator}}" out to mean this stream.',
    ownImageMissing:
      'from.name {{value}} points at image {{id}} of this image stream, which has no images yet when it is created: the server finds no such image (imagestreamimage not found) and rejects the tag. Point at the image by pull spec (kind DockerImage) or at the stream that has it.',
  },
  check({ object, report }) {
    const ownImageResolvable = object.kind === 'ImageStream' && ownStreamGainsImages(object);
    for (const { tag, path } of tagReferences(object)) {
      const from = record(tag, 'from');
      if (!from) continue;
      const kind = string(from, 'kind') ?? '';
      const expected = EXPECTED_NAMES[kind] ?? 'the name of the image to tag';
      const name = string(from, 'name');
      if (name === undefined ? !has(from, 'name') : name === '') {
        report({ path: [...path, 'from', 'name'], messageId: 'required', data: { expected, hint: caseHint(from, 'name') } });
        continue;
      }
      if (name === undefined || isTemplateValue(object, name)) continue;
      const separator = kind === 'ImageStreamTag' ? ':' : kind === 'ImageStreamImage' ? '@' : undefined;
      if (separator === undefined) continue;
      const parts = name.split(separator);
      if (parts.length > 2) {
        report({ path: [...path, 'from', 'name'], messageId: 'tooManySeparators', data: { value: quote(name), expected, separator } });
      } else if (parts.length === 2 && parts[0] === '') {
        report({ path: [...path, 'from', 'name'], messageId: 'emptyStream', data: { value: quote(name), separator } });
      } else if (kind === 'ImageStreamImage' && object.kind === 'ImageStream' && !ownImageResolvable) {
        const id = parts[parts.length - 1] ?? '';
        if (id !== '' && referencesOwnStream(object, from, parts.length === 1 ? undefined : parts[0])) {
          report({ path: [...path, 'from', 'name'], messageId: 'ownImageMissing', data: { value: quote(name), id: quote(id) } });
        }
      }
    }
  },
});
