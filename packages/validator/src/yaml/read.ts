/**
 * Reads a YAML (or JSON) stream the way `oc apply` does: documents split, each converted to the
 * value go-yaml v2 + sigs.k8s.io/yaml would send to the API server. The fast reader takes what it
 * can; the complete reader takes the rest, with messages and positions for every problem.
 */
import type { InputLimits } from '../types.js';
import { composeDocuments } from './compose.js';
import { readFast } from './fast.js';
import type { ReadResult } from './result.js';

/** Inline directives live in comments, which only the complete reader collects. */
const DIRECTIVE_MARK = 'ocp-image-';

export function readDocuments(text: string, limits: InputLimits, allComments = false): ReadResult {
  const mayBeFast = !allComments && text.length <= limits.maxBytes / 3 && !text.includes(DIRECTIVE_MARK);
  return (mayBeFast ? readFast(text, limits) : undefined) ?? composeDocuments(text, limits, allComments);
}
