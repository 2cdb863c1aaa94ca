/**
 * Reads a YAML (or JSON) stream the way `oc apply` does: documents split, each converted to the
 * value go-yaml v2 + sigs.k8s.io/yaml would send to the API server. The fast reader takes what it
 * can; the complete reader takes the rest, with messages and positions for every problem.
 */
import type { IllFormedUtf8 } from '../bytes.js';
import type { InputLimits } from '../types.js';
import { composeDocuments } from './compose.js';
import { readFast } from './fast.js';
import type { ReadResult } from './result.js';

/** Inline directives live in comments, which only the complete reader collects. */
const DIRECTIVE_MARK = 'ocp-image-';

/** `illFormedUtf8`: offsets in `text` of bytes go-yaml fails on (`DecodedBytes.illFormedUtf8`, after the byte order mark). */
export function readDocuments(text: string, limits: InputLimits, allComments = false, illFormedUtf8: readonly IllFormedUtf8[] = []): ReadResult {
  const mayBeFast = !allComments && illFormedUtf8.length === 0 && text.length <= limits.maxBytes / 3 && !text.includes(DIRECTIVE_MARK);
  return (mayBeFast ? readFast(text, limits) : undefined) ?? composeDocuments(text, limits, allComments, illFormedUtf8);
}
