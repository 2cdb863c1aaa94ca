import type { ManifestObject, PathSegment } from '../../types.js';
import { array, isRecord, type JsonObject } from './support.js';

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

export const SIGNATURE_KINDS = ['Image', 'ImageSignature'] as const;

/** The annotation the Image strategy strips from signatures before validating them. */
export const MANAGED_SIGNATURE_ANNOTATION = 'image.openshift.io/managed-signature';
