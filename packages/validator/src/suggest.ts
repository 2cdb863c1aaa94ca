import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `value`, for "did you mean" hints: a case-insensitive match first,
 * then the smallest edit distance if it is small relative to the word (at most a third, min. 2).
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const candidateDistance = distance(lower, candidate.toLowerCase());
    if (candidateDistance < bestDistance) {
      best = candidate;
      bestDistance = candidateDistance;
    }
  }
  const allowed = Math.max(2, Math.floor(Math.max(value.length, best?.length ?? 0) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** The one candidate that differs from `value` only in letter case, if there is exactly one: replacing it is a safe fix. */
export function caseVariantOf(value: unknown, candidates: readonly unknown[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  const matches = candidates.filter((candidate): candidate is string => typeof candidate === 'string' && candidate !== value && candidate.toLowerCase() === lower);
  return matches.length === 1 ? matches[0] : undefined;
}
