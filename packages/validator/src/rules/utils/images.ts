import type { ManifestObject, PathSegment } from '../../types.js';
import { array, isRecord, record, type JsonObject } from './object.js';

/** Where the server validates an Image: for the server rules and the docs rules alike. */

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

export interface ManifestEntry {
  manifest: JsonObject;
  path: PathSegment[];
}

/** Every `dockerImageManifests[i]` of an Image or an ImageStreamMapping's image. */
export function manifestEntries(object: ManifestObject): ManifestEntry[] {
  return images(object).flatMap(({ image, path }) =>
    (array(image, 'dockerImageManifests') ?? []).flatMap((manifest, index) =>
      isRecord(manifest) ? [{ manifest, path: [...path, 'dockerImageManifests', index] }] : [],
    ),
  );
}
