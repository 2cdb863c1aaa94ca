/**
 * The one locator: a path in a document → the node it names → line/column range. Every finding
 * (syntax, schema, rules) is positioned here, so all front ends highlight the same text.
 */
import type { LineCounter } from 'yaml';
import type { PathSegment } from './types.js';
import type { ReadDocument } from './yaml/result.js';
import type { SourceEntry, SourceRange } from './yaml/source.js';

export interface Position {
  line: number;
  column: number;
  endLine: number;
  /** Exclusive, like ESLint's. */
  endColumn: number;
}

/** `value`: the value (or the key when the value is a block collection or empty); `key`: the key itself. */
export type LocateTarget = 'value' | 'key';

export interface Located {
  range: SourceRange;
  /** False when the path does not exist in the document: the range is its parent's key. */
  found: boolean;
}

export class Locator {
  constructor(
    private readonly lines: () => LineCounter,
    private readonly text: string,
  ) {}

  /** Locates `path` inside a document. */
  locate(document: ReadDocument, path: readonly PathSegment[], target: LocateTarget = 'value'): Located {
    const walk = this.walk(document, path);
    return walk.found ? { range: entryRange(walk.entry, target), found: true } : { range: entryRange(walk.entry, 'key'), found: false };
  }

  /** Where the value at `path` was read from, or undefined when the path does not exist; `exact`: see {@link ReadDocument.exactSource}. */
  entry(document: ReadDocument, path: readonly PathSegment[], exact = false): SourceEntry | undefined {
    const walk = this.walk(document, path, exact);
    return walk.found ? walk.entry : undefined;
  }

  /** Follows `path` as far as it exists; `entry` is the last entry reached. */
  private walk(document: ReadDocument, path: readonly PathSegment[], exact = false): { entry: SourceEntry; found: boolean } {
    let entry: SourceEntry = { value: exact ? document.exactSource() : document.source() };
    for (const segment of path) {
      const next = entry.value?.entries?.get(segment);
      if (!next) return { entry, found: false };
      entry = next;
    }
    return { entry, found: true };
  }
  position(range: SourceRange): Position {
    // Block scalars end after their last line break: stop at the end of the text instead.
    let endOffset = Math.max(range.end, range.start);
    while (endOffset > range.start && /\s/.test(this.text.charAt(endOffset - 1))) endOffset--;
    // A range never ends between the two code units of a surrogate pair (one character to an editor).
    if (this.splitsSurrogatePair(endOffset)) endOffset++;
    const lines = this.lines();
    const start = lines.linePos(range.start);
    const end = lines.linePos(endOffset);
    // Give empty ranges one character so every front end shows something.
    const width = this.splitsSurrogatePair(range.start + 1) ? 2 : 1;
    const endColumn = end.line === start.line && end.col <= start.col ? start.col + width : end.col;
    return { line: start.line, column: start.col, endLine: end.line, endColumn };
  }

  private splitsSurrogatePair(offset: number): boolean {
    const before = this.text.charCodeAt(offset - 1);
    const after = this.text.charCodeAt(offset);
    return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  }
}

const NOWHERE: SourceRange = { start: 0, end: 0 };

function isEmpty(range: SourceRange | undefined): boolean {
  return !range || range.end <= range.start;
}

/** The range that names an entry: see {@link LocateTarget}. */
function entryRange(entry: SourceEntry, target: LocateTarget): SourceRange {
  const key = entry.key?.range;
  if (target === 'key' && key) return key;
  const written = entry.alias ?? entry.value?.range;
  if (isEmpty(written)) return key ?? written ?? NOWHERE;
  if (entry.alias || entry.value?.kind === 'scalar' || entry.value?.flow) return written as SourceRange;
  return key ?? entry.value?.head ?? NOWHERE;
}
