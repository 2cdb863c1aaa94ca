import type { PathSegment } from '../../types.js';
import { defineRule } from '../define.js';
import { isEmptyValue, record } from '../server/support.js';

const IGNORED_FIELDS: Readonly<Record<string, readonly { path: PathSegment[]; why: string }[]>> = {
  ImageStreamTag: [
    { path: ['image'], why: 'the server fills in the image the tag points to' },
    { path: ['conditions'], why: 'the server reports import conditions here' },
    { path: ['generation'], why: 'the server tracks the tag generation' },
    { path: ['lookupPolicy'], why: 'only tag (and metadata) are used when the tag is created' },
  ],
  ImageTag: [{ path: ['image'], why: 'the server fills in the image the tag points to' }],
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

function valueAt(value: Record<string, unknown>, path: PathSegment[]): unknown {
  const parent = path.slice(0, -1).reduce<Record<string, unknown> | undefined>((current, segment) => record(current, String(segment)), value);
  return parent?.[String(path[path.length - 1])];
}

export default defineRule({
  id: 'server-populated-field',
  category: 'lint',
  severity: 'warning',
  description: 'Fields the server fills in or clears on create (ImageStreamTag image, ImageSignature verification results…) are ignored when written.',
  source:
    'openshift/openshift-apiserver pkg/image/apiserver/registry: imagestreamtag/rest.go and imagetag/rest.go Create (only tag/spec are stored), imagestreammapping/strategy.go PrepareForCreate (ism.Image.Signatures = nil), imagesignature/strategy.go PrepareForCreate (conditions, imageIdentity, signedClaims, created, issuedBy, issuedTo cleared)',
  kinds: ['ImageStreamTag', 'ImageTag', 'ImageStreamMapping', 'ImageSignature'],
  hasSuggestions: true,
  messages: {
    ignored: '{{field}} is ignored when the {{kind}} is created ({{why}}); remove it from the manifest.',
    remove: 'Remove {{field}}.',
  },
  check({ object, report }) {
    for (const { path, why } of IGNORED_FIELDS[object.kind] ?? []) {
      if (isEmptyValue(valueAt(object.value, path))) continue;
      report({
        path,
        messageId: 'ignored',
        data: { field: path.join('.'), kind: object.kind, why },
        suggest: [{ messageId: 'remove', data: { field: path.join('.') }, edit: { type: 'remove', path } }],
      });
    }
  },
});
