/**
 * The one locator: a path in a document → the node it names → line/column range. Every finding
 * (syntax, schema, rules) is positioned here, so all front ends highlight the same text.
 */
import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node as YamlNode } from 'yaml';
import type { PathSegment } from './types.js';
import { rangeOf, type ContainerSource, type SourceEntry, type SourceRange } from './yaml/read.js';

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
    private readonly sources: WeakMap<object, ContainerSource>,
    private readonly lineCounter: LineCounter,
    private readonly text: string,
  ) {}

  /** Locates `path` inside a document whose decoded value is `root` and whose root node is `rootNode`. */
  locate(root: unknown, rootNode: YamlNode | null, path: readonly PathSegment[], target: LocateTarget = 'value'): Located {
    const walk = this.walk(root, rootNode, path);
    return walk.found ? { range: entryRange(walk.entry, target), found: true } : { range: entryRange(walk.entry, 'key'), found: false };
  }

  /** Where the value at `path` was read from, or undefined when the path does not exist. */
  entry(root: unknown, path: readonly PathSegment[]): SourceEntry | undefined {
    const walk = this.walk(root, null, path);
    return walk.found ? walk.entry : undefined;
  }

  /** Follows `path` as far as it exists; `entry` is the last entry reached. */
  private walk(root: unknown, rootNode: YamlNode | null, path: readonly PathSegment[]): { entry: SourceEntry; found: boolean } {
    let entry: SourceEntry = { value: rootNode };
    let current = root;
    for (const segment of path) {
      const next = current !== null && typeof current === 'object' ? this.sources.get(current)?.entries.get(segment) : undefined;
      if (!next) return { entry, found: false };
      entry = next;
      current = (current as Record<PathSegment, unknown>)[segment];
    }
    return { entry, found: true };
  }

  position(range: SourceRange): Position {
    // Block scalars end after their last line break: stop at the end of the text instead.
    let endOffset = Math.max(range.end, range.start);
    while (endOffset > range.start && /\s/.test(this.text.charAt(endOffset - 1))) endOffset--;
    // A range never ends between the two code units of a surrogate pair (one character to an editor).
    if (this.splitsSurrogatePair(endOffset)) endOffset++;
    const start = this.lineCounter.linePos(range.start);
    const end = this.lineCounter.linePos(endOffset);
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

function isEmptyNode(node: YamlNode | null): boolean {
  if (node === null) return true;
  const range = node.range;
  return !range || range[1] <= range[0];
}

/** The range that names an entry: see {@link LocateTarget}. */
function entryRange(entry: SourceEntry, target: LocateTarget): SourceRange {
  if (target === 'key' && entry.key) return rangeOf(entry.key);
  const written = entry.alias ?? entry.value;
  if (isEmptyNode(written)) return entry.key ? rangeOf(entry.key) : rangeOf(written);
  if (written && (isScalar(written) || isAlias(written))) return rangeOf(written);
  if (written && (isMap(written) || isSeq(written)) && written.flow) return rangeOf(written);
  if (entry.key) return rangeOf(entry.key);
  return headRange(written);
}

/** The first line of a block collection: its first key (with a scalar value), or its first item's head. */
function headRange(node: YamlNode | null): SourceRange {
  if (isMap(node)) {
    const first = node.items[0];
    if (!first) return rangeOf(node);
    const key = first.key as YamlNode | null;
    const value = first.value as YamlNode | null;
    const start = rangeOf(key).start;
    const end = value && (isScalar(value) || isAlias(value)) && !isEmptyNode(value) ? rangeOf(value).end : rangeOf(key).end;
    return { start, end };
  }
  if (isSeq(node)) {
    const first = node.items[0] as YamlNode | null | undefined;
    if (!first) return rangeOf(node);
    return isScalar(first) || isAlias(first) ? rangeOf(first) : headRange(first);
  }
  return rangeOf(node);
}
