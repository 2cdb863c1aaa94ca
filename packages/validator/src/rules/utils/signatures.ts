import type { ManifestObject, PathSegment } from '../../types.js';
import { array, isRecord, type JsonObject, string } from './object.js';

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

/** How the server's validateImageSignature reads a signature's conditions. */
export interface ConditionReading {
  /** The Trusted condition it judges the status fields by: the latest by lastProbeTime, the later one on a tie. */
  trusted?: JsonObject;
  hasForImage: boolean;
  /** The index of the condition at which it dereferences a nil pointer (an internal error), if it does. */
  failsAt?: number;
}

/** A condition's lastProbeTime for comparing; an absent or unreadable one is Go's zero time, before all others. */
function probeTime(condition: JsonObject): number {
  const time = Date.parse(string(condition, 'lastProbeTime') ?? '');
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * The server's loop over the conditions, step by step: a Trusted condition not older than the one
 * kept replaces it; anything else goes to the second branch, `(ForImage && none kept yet) ||
 * !older(kept ForImage)` — which, for a condition that is not the first ForImage while no ForImage
 * is kept, reads the time of a nil ForImage condition (Go precedence: `a && b || c`).
 */
export function readConditions(conditions: readonly unknown[]): ConditionReading {
  let trusted: { condition: JsonObject; time: number } | undefined;
  let forImage: { condition: JsonObject; time: number } | undefined;
  for (let index = 0; index < conditions.length; index++) {
    const entry = conditions[index];
    const condition = isRecord(entry) ? entry : {};
    const type = string(condition, 'type');
    const time = probeTime(condition);
    if (type === 'Trusted' && (trusted === undefined || time >= trusted.time)) {
      trusted = { condition, time };
    } else if (type === 'ForImage' && forImage === undefined) {
      forImage = { condition, time };
    } else if (forImage === undefined) {
      return { ...(trusted ? { trusted: trusted.condition } : {}), hasForImage: false, failsAt: index };
    } else if (time >= forImage.time) {
      forImage = { condition, time };
    }
  }
  return { ...(trusted ? { trusted: trusted.condition } : {}), hasForImage: forImage !== undefined };
}
