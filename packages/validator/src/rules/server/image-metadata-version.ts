import { defineRule } from '../define.js';
import { IMAGE_KINDS, images } from '../utils/images.js';
import { closestValue, didYouMean, quote } from '../utils/message.js';
import { isTemplateValue, string } from '../utils/object.js';

/** The DockerImage versions registered in the conversion's scheme (openshift/api image/docker10 and image/dockerpre012). */
const METADATA_VERSIONS = ['1.0', 'pre012'] as const;

export default defineRule({
  id: 'image-metadata-version',
  category: 'server',
  severity: 'error',
  description: 'With dockerImageMetadata given, dockerImageMetadataVersion must be a registered version: "1.0" (the default) or "pre012".',
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/v1/conversion.go Convert_v1_Image_To_image_Image: a non-empty dockerImageMetadata is decoded as kind DockerImage of group image.openshift.io at dockerImageMetadataVersion ("" means 1.0) with dockerImageScheme, which registers only openshift/api image/docker10 (1.0) and image/dockerpre012 (pre012); any other version fails the conversion while the request is decoded',
  kinds: IMAGE_KINDS,
  // Conversion fails (a decoding error of the request), before any field is validated.
  flags: { noServerPath: true },
  messages: {
    unregistered:
      'dockerImageMetadataVersion {{value}} is not a registered metadata version: the server cannot convert dockerImageMetadata (no kind "DockerImage" is registered for version "image.openshift.io/{{version}}") and rejects the request. Use "1.0" (or leave it out), or "pre012" for metadata of Docker before 0.12.{{hint}}',
  },
  check({ object, report }) {
    for (const { image, path } of images(object)) {
      const metadata = image['dockerImageMetadata'];
      // A null or absent RawExtension is empty: nothing is converted and any version passes.
      if (metadata === undefined || metadata === null) continue;
      const version = string(image, 'dockerImageMetadataVersion');
      if (!version || isTemplateValue(object, version) || (METADATA_VERSIONS as readonly string[]).includes(version)) continue;
      report({
        path: [...path, 'dockerImageMetadataVersion'],
        messageId: 'unregistered',
        data: { value: quote(version), version: version.slice(0, 100), hint: didYouMean(closestValue(version, METADATA_VERSIONS)) },
      });
    }
  },
});
