/**
 * go-yaml v2's reading of one document of the stream, as oc decodes it: the ported scanner and
 * parser (scanner.ts, parser.ts) give the events, compose.ts the value and its SourceNodes.
 */
import type { LineCounter } from 'yaml';
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

export function goEvents(text: string): GoEventStream {
  return new GoParser(new GoScanner(text));
}

export interface GoRead {
  /** The document as oc sends it; undefined when oc skips it (no document, or a null root written plain). */
  document?: ReadDocument;
  /** Its problems, located in the source. */
  problems: ReadProblem[];
  /** A limit stopped reading: the caller's limits decide. */
  limited: boolean;
}

/** One YAML document of the stream (`piece`) of a source `sourceLength` long, as go-yaml reads it. */
export function readGoDocument(piece: StreamDocument, sourceLength: number, limits: InputLimits, budget: { nodes: number }, lines: () => LineCounter): GoRead {
  const toSource = sourceOffsets(piece, sourceLength);
  const go = composeGoDocument(goEvents(piece.text), { text: piece.text, limits, budget, lineOf: (offset) => lines().linePos(toSource(offset)).line });
  const problems = go.problems.map((problem) => ({ ...problem, range: { start: toSource(problem.range.start), end: toSource(problem.range.end) }, documentIndex: piece.index }));
  const limited = go.problems.some((problem) => problem.ruleId === inputTooLarge.id);
  const base = { index: piece.index, syntax: piece.syntax };
  // A document only the conversion to JSON fails on is validated all the same: the rules say what to quote.
  if (go.failed && go.value === undefined) return { document: { ...base, value: undefined, unreadable: true, source: () => null, exactSource: () => null }, problems, limited };
  if (go.noDocument || (go.value === null && go.root?.style === 'plain')) return { problems, limited };
  const root = sourceRanges(go.root, toSource);
  return { document: { ...base, value: go.value, unreadable: false, source: () => root, exactSource: () => root }, problems, limited };
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
