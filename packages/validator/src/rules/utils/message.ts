import { messageQuoted } from '../../quote.js';
import { caseVariantOf, closestMatch } from '../../suggest.js';
import type { PathEdit, PathSegment } from '../../types.js';

/** Wording and repairs shared by rules of every group: quoted values, lists, "did you mean". */

/** A value quoted for a message, shortened when long (inputs can be huge). */
export const quote = messageQuoted;

/** The allowed value nearest to what was written, when it is plausibly a typo or an abbreviation of it. */
export function closestValue(value: string, allowed: readonly string[]): string | undefined {
  if (value.length === 0 || value.length > 64) return undefined;
  const lowered = value.toLowerCase();
  const extending = allowed.filter((candidate) => value.length >= 3 && candidate.toLowerCase().startsWith(lowered));
  if (extending.length === 1 && extending[0] !== value) return extending[0];
  return closestMatch(value, allowed);
}

/** The safe fix for a value that is an allowed one in other letter case (`dockerimage`), to spread into a report. */
export function caseFix(value: string, allowed: readonly string[], path: PathSegment[]): { fix?: PathEdit } {
  const fixed = caseVariantOf(value, allowed);
  return fixed === undefined ? {} : { fix: { type: 'replace', path, value: fixed } };
}

/** ` Did you mean "X"?` (to follow a sentence) or nothing. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
}

