import { IMAGE_API_VERSION } from '../../rest-mapping.js';
import { defineRule } from '../define.js';

export const NOT_CREATABLE_KINDS = ['ImageStreamImage', 'ImageStreamLayers', 'SecretList'] as const;

export default defineRule({
  id: 'kind-not-creatable',
  category: 'client',
  severity: 'error',
  description: 'ImageStreamImage, ImageStreamLayers and SecretList are only read from the API: a manifest cannot create them.',
  source:
    'openshift-apiserver pkg/image/apiserver/apiserver.go serves imagestreams/secrets (SecretList) and imagestreams/layers (ImageStreamLayers) only as subresources, which client-go restmapper/discovery.go leaves out of the REST mapping; registry/imagestreamimage/rest.go implements Get only (create answers 405 Method Not Allowed)',
  kinds: NOT_CREATABLE_KINDS,
  messages: {
    readOnly:
      'ImageStreamImage is read-only: the server only gets imagestreamimages, so oc apply fails with 405 Method Not Allowed; to point a tag at an image, write an ImageStreamTag, or a spec.tags entry with from.kind ImageStreamImage.',
    subresource:
      '{{kind}} is only served as the read-only subresource {{subresource}} of an ImageStream, which has no REST mapping: oc fails with "no matches for kind \\"{{kind}}\\" in version \\"{{apiVersion}}\\""; it cannot be created from a manifest.',
  },
  check({ object, report }) {
    if (object.kind === 'ImageStreamImage') {
      report({ path: ['kind'], messageId: 'readOnly' });
      return;
    }
    report({
      path: ['kind'],
      messageId: 'subresource',
      data: { kind: object.kind, subresource: subresourceOf(object.kind), apiVersion: IMAGE_API_VERSION },
    });
  },
});

export function subresourceOf(kind: string): string {
  return kind === 'SecretList' ? 'imagestreams/secrets' : 'imagestreams/layers';
}
