import type { ManifestObject, PathSegment } from '../../types.js';
import { array, isRecord, type JsonObject } from './object.js';

/** Where the server validates an ImageSignature: for the server rules and the docs rules alike. */

export interface SignatureSite {
  signature: JsonObject;
  /** Path of the signature object (`[]` for a standalone ImageSignature). */
  path: PathSegment[];
  /** Inside an Image's `signatures`, where the server validates the status fields instead of clearing them. */
  embedded: boolean;
}

/**
 * Every ImageSignature the server validates: a standalone ImageSignature, and each `signatures[i]`
 * of an Image. (An ImageStreamMapping's image signatures are cleared before validation.)
 */
export function signatureSites(object: ManifestObject): SignatureSite[] {
  if (object.kind === 'ImageSignature') return [{ signature: object.value, path: [], embedded: false }];
  if (object.kind !== 'Image') return [];
  return (array(object.value, 'signatures') ?? []).flatMap((signature, index) =>
    isRecord(signature) ? [{ signature, path: ['signatures', index], embedded: true }] : [],
  );
}
