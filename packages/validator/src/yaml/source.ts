/**
 * Where values came from in the text: the side table the locator reads. Built only for documents
 * that have findings (see {@link ReadDocument.source}); every reader produces the same shape.
 */
import type { PathSegment } from '../types.js';

/** Offsets into the text, end exclusive. */
export interface SourceRange {
  start: number;
  end: number;
}

export interface SourceNode {
  kind: 'scalar' | 'map' | 'seq';
  /** A block collection read by the fast reader ends with its last value (see `ReadDocument.exactSource`). */
  range: SourceRange;
  /** Scalars: how the scalar was written; `plain` only when untagged. */
  style?: 'plain' | 'quoted' | 'other';
  /** Quoted scalars: which quotes. */
  quote?: 'single' | 'double';
  /**
   * Plain scalars: the text as written (before resolution: `~`, `yes`, `1.10`); quoted and block
   * ones: the text they stand for; tagged plain ones (`!!int 12`): the text after the tag.
   */
  text?: string;
  /** Scalars: written with a tag or an anchor. */
  properties?: boolean;
  /** Scalars: the tag, resolved as the `yaml` library gives it (`tag:yaml.org,2002:binary`). */
  tag?: string;
  /** Collections: written in flow style (`[…]`, `{…}`). */
  flow?: boolean;
  /** Block collections: their first line — the first key (with a scalar value) or the first item's head. */
  head?: SourceRange;
  /** Collections: where each entry of the decoded value came from. */
  entries?: Map<PathSegment, SourceEntry>;
}

/** Where the entry of a mapping or sequence came from. */
export interface SourceEntry {
  /** The key (mappings only). */
  key?: SourceNode;
  /** The value; for an alias, the anchored node it stands for. */
  value: SourceNode | null;
  /** The alias as written (`*name`), when the value is one. */
  alias?: SourceRange;
}

export const NO_RANGE: SourceRange = Object.freeze({ start: 0, end: 0 });

/** The first line of a collection from its first entry: the key with a scalar value, or the item's own head. */
export function headOf(key: SourceNode | undefined, value: SourceNode | null): SourceRange {
  if (key) {
    const end = value?.kind === 'scalar' && value.range.end > value.range.start ? value.range.end : key.range.end;
    return { start: key.range.start, end };
  }
  if (!value) return { start: 0, end: 0 };
  return value.kind === 'scalar' ? value.range : (value.head ?? value.range);
}
