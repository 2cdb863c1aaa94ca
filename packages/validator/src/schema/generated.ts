/**
 * The generated schemas the validator runs with. PROVISIONAL until packages/schemas/generated
 * lands: the image kinds of image.openshift.io/v1 and no schema validators.
 */
import type { SchemaSet } from '../engine.js';

export const schemaSet: SchemaSet = {
  imageKinds: ['Image', 'ImageSignature', 'ImageStream', 'ImageStreamImage', 'ImageStreamImport', 'ImageStreamLayers', 'ImageStreamMapping', 'ImageStreamTag', 'ImageTag'],
  validators: {},
};
