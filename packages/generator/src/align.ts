import { comparableText } from './readers/text.js';

export interface Match {
  score: number;
  how: string;
}

const MIN_PREFIX = 20;
const MIN_SIMILARITY = 0.6;

/**
 * How well two descriptions match: equal after normalisation; one a prefix of the other (the
 * nameless documents cut descriptions at the first bold word); or similar enough by shared words.
 */
export function describeMatch(a: string, b: string): Match | undefined {
  const left = comparableText(a);
  const right = comparableText(b);
  if (left === right) return { score: 1, how: 'same description' };
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  if (shorter.length >= MIN_PREFIX && longer.startsWith(shorter)) return { score: 0.95, how: 'description is a cut-off prefix' };
  const wordsA = new Set(left.split(' '));
  const wordsB = new Set(right.split(' '));
  const shared = [...wordsA].filter((word) => wordsB.has(word)).length;
  const similarity = shared / (wordsA.size + wordsB.size - shared);
  if (similarity >= MIN_SIMILARITY) return { score: similarity, how: `similar description (${similarity.toFixed(2)} of words shared)` };
  return undefined;
}

export interface AlignedPair {
  /** Index in the nameless rows. */
  from: number;
  /** Index in the named rows, or undefined when the row has no counterpart. */
  to: number | undefined;
  how: string;
}

/**
 * Aligns nameless rows with named rows keeping both orders (rows are printed alphabetically by
 * name in every document), maximising the total description match. A row matches only when
 * its description matches; nothing is assigned by position alone.
 */
export function alignRows(
  nameless: readonly string[],
  named: readonly string[],
  fitsGap: (from: number, to: number) => boolean = () => false,
): AlignedPair[] {
  const rows = nameless.length;
  const columns = named.length;
  const best: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  const matches: (Match | undefined)[][] = nameless.map((a) => named.map((b) => describeMatch(a, b)));
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = columns - 1; j >= 0; j -= 1) {
      const match = matches[i]![j];
      const take = match ? match.score + best[i + 1]![j + 1]! : -1;
      best[i]![j] = Math.max(take, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const pairs: AlignedPair[] = [];
  let i = 0;
  let j = 0;
  while (i < rows) {
    const match = j < columns ? matches[i]![j] : undefined;
    if (match && j < columns && best[i]![j] === match.score + best[i + 1]![j + 1]!) {
      pairs.push({ from: i, to: j, how: match.how });
      i += 1;
      j += 1;
    } else if (j < columns && best[i]![j] === best[i]![j + 1]) {
      j += 1;
    } else {
      pairs.push({ from: i, to: undefined, how: 'no named row with a matching description' });
      i += 1;
    }
  }
  return fillSingleGaps(pairs, named.length, fitsGap);
}

/**
 * A row left unmatched (an empty description, say) whose aligned neighbours enclose exactly one
 * named row takes that row, if `fitsGap` agrees (e.g. both are linked types).
 */
function fillSingleGaps(pairs: AlignedPair[], namedCount: number, fitsGap: (from: number, to: number) => boolean): AlignedPair[] {
  return pairs.map((pair, index) => {
    if (pair.to !== undefined) return pair;
    const before = index === 0 ? { to: -1 } : pairs[index - 1]!;
    const after = index === pairs.length - 1 ? { to: namedCount } : pairs[index + 1]!;
    if (before.to === undefined || after.to === undefined || after.to - before.to !== 2) return pair;
    const candidate = before.to + 1;
    if (!fitsGap(pair.from, candidate)) return pair;
    return { from: pair.from, to: candidate, how: 'only row left between aligned neighbours, and its type fits' };
  });
}
