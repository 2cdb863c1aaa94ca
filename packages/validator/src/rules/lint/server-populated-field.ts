import type { PathSegment } from '../../types.js';
import { CLEARED_ON_CREATE } from '../../server-view.js';
import { defineRule } from '../define.js';
import { isEmptyValue, record } from '../utils/object.js';

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
    // A cleared status is status-ignored's to report.
    const cleared = (CLEARED_ON_CREATE[object.kind] ?? []).filter(({ path }) => path[0] !== 'status');
    for (const { path, why } of cleared) {
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
