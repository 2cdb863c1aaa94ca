import type { ManifestObject, PathSegment } from '../../types.js';
import { array, images, isRecord, type JsonObject } from './support.js';

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
