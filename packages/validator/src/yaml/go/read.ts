/**
 * go-yaml v2's reading of one document of the stream, as oc decodes it: the ported scanner and
 * parser (scanner.ts, parser.ts) give the events, compose.ts the value and its SourceNodes.
 */
import type { LineCounter } from 'yaml';
import type { IllFormedUtf8 } from '../../bytes.js';
import type { InputLimits } from '../../types.js';
import { inputTooLarge } from '../../rules/pipeline.js';
import { sourceOffsets } from '../go-text.js';
import type { ReadDocument, ReadProblem } from '../result.js';
import type { SourceNode, SourceRange } from '../source.js';
import type { StreamDocument } from '../stream.js';
import { composeGoDocument } from './compose.js';
import type { GoEventStream } from './events.js';
import { GoParser } from './parser.js';
import { GoScanner } from './scanner.js';
import { readAsUtf16 } from './utf16.js';

/**
 * The text go-yaml reads for the document, its events, and the map from offsets in that text to
 * the source: the document's own text (`illFormedUtf8`: the source's runs of U+FFFD that stand for
 * bytes that are not UTF-8, see GoScanner), or the one go-yaml decodes from UTF-16 (see utf16.ts).
 */
function goReading(piece: StreamDocument, sourceLength: number, illFormedUtf8: readonly IllFormedUtf8[]): { text: string; events: GoEventStream; toSource: (offset: number) => number; utf16: boolean } {
  const toSource = sourceOffsets(piece, sourceLength);
  const runs = illFormedUtf8.length === 0 ? illFormedUtf8 : runsIn(piece, illFormedUtf8);
  const utf16 = runs.length === 0 ? undefined : readAsUtf16(piece.text, runs);
  if (!utf16) return { text: piece.text, events: new GoParser(new GoScanner(piece.text, runs)), toSource, utf16: false };
  return { text: utf16.text, events: new GoParser(new GoScanner(utf16.text, [], utf16)), toSource: (offset) => toSource(utf16.documentOffset(offset)), utf16: true };
}

export interface GoRead {
  /** The document as oc sends it; undefined when oc skips it (no document, or a null root written plain). */
  document?: ReadDocument;
  /** Its problems, located in the source. */
  problems: ReadProblem[];
  /** A limit stopped reading: the caller's limits decide. */
  limited: boolean;
  /** go-yaml read the document as UTF-16: its reading alone counts (the source shows those bytes as other characters), and it is not `editable`. */
  utf16: boolean;
}

/**
 * One YAML document of the stream (`piece`) of a source `sourceLength` long, as go-yaml reads it.
 * `illFormedUtf8`: the source's runs of bytes that are not UTF-8 (`DecodedBytes.illFormedUtf8`).
 */
export function readGoDocument(
  piece: StreamDocument,
  sourceLength: number,
  limits: InputLimits,
  budget: { nodes: number },
  lines: () => LineCounter,
  illFormedUtf8: readonly IllFormedUtf8[] = [],
): GoRead {
  const { text, events, toSource, utf16 } = goReading(piece, sourceLength, illFormedUtf8);
  const go = composeGoDocument(events, { text, index: piece.index, limits, budget, lineOf: (offset) => lines().linePos(toSource(offset)).line });
  const problems = go.problems.map((problem) => ({ ...problem, range: { start: toSource(problem.range.start), end: toSource(problem.range.end) }, documentIndex: piece.index }));
  const limited = go.problems.some((problem) => problem.ruleId === inputTooLarge.id);
  const base = { index: piece.index, syntax: piece.syntax };
  // A document only the conversion to JSON fails on is validated all the same: the rules say what to quote.
  if (go.failed && go.value === undefined) return { document: { ...base, value: undefined, unreadable: true, source: () => null, exactSource: () => null }, problems, limited, utf16 };
  if (go.noDocument || (go.value === null && go.root?.style === 'plain')) return { problems, limited, utf16 };
  const root = sourceRanges(go.root, toSource);
  return { document: { ...base, value: go.value, unreadable: false, source: () => root, exactSource: () => root, ...(utf16 && { editable: false as const }) }, problems, limited, utf16 };
}

/** The runs (source offsets, in order) that lie in `piece`, at their offsets in its text. A run holds no line break, so it stays on its line. */
function runsIn(piece: StreamDocument, illFormedUtf8: readonly IllFormedUtf8[]): IllFormedUtf8[] {
  const runs: IllFormedUtf8[] = [];
  for (let index = firstAtOrAfter(illFormedUtf8, piece.start, (run) => run.offset); index < illFormedUtf8.length; index++) {
    const run = illFormedUtf8[index];
    if (run === undefined || run.offset >= piece.end) break;
    const line = piece.lines[firstAtOrAfter(piece.lines, run.offset + 1, (entry) => entry.source) - 1] ?? { text: 0, source: piece.start };
    runs.push({ ...run, offset: line.text + run.offset - line.source });
  }
  return runs;
}

/** The index of the first of `items` (ascending by `key`) whose key is at least `value` (their length when none is). */
function firstAtOrAfter<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const item = items[middle];
    if (item !== undefined && key(item) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A SourceNode tree's ranges moved from the document's text to the source (each range once: some are shared). */
function sourceRanges(root: SourceNode | null, toSource: (offset: number) => number): SourceNode | null {
  const moved = new Set<SourceRange>();
  const visited = new Set<SourceNode>();
  const move = (range: SourceRange | undefined): void => {
    if (!range || moved.has(range)) return;
    moved.add(range);
    range.start = toSource(range.start);
    range.end = toSource(range.end);
  };
  const visitNode = (node: SourceNode | null | undefined): void => {
    if (!node || visited.has(node)) return;
    visited.add(node);
    move(node.range);
    move(node.head);
    for (const entry of node.entries?.values() ?? []) {
      visitNode(entry.key);
      visitNode(entry.value);
      move(entry.alias);
    }
  };
  visitNode(root);
  return root;
}
