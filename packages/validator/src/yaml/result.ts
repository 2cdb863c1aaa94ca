/** What reading a text gives the engine, whichever reader read it. */
import { LineCounter } from 'yaml';
import type { CheckedMessage, PathSegment, SourceComment } from '../types.js';
import { lineStartOffsets } from './go-text.js';
import type { SourceNode, SourceRange } from './source.js';
import type { StreamDocument } from './stream.js';

/** A problem found while reading; the engine turns it into a finding. */
export interface ReadProblem extends CheckedMessage {
  range: SourceRange;
  documentIndex: number;
  /** The path of the offending key or value, where there is one. */
  path?: PathSegment[];
}

export interface ReadDocument {
  index: number;
  /** How oc decoded it: encoding/json for a value of a JSON stream, else go-yaml. */
  syntax: StreamDocument['syntax'];
  /** The document as the server would decode it; undefined for a document that could not be read. */
  value: unknown;
  /** True when the document has syntax errors or hit a limit: it is not validated further. */
  unreadable: boolean;
  /** Where the document's values came from (null for an empty root); built on first use. */
  source(): SourceNode | null;
  /**
   * The same, with the end of every block collection exactly where the `yaml` library puts it
   * (after trailing comment lines), which removing an entry needs; the fast reader's `source()`
   * ends a block collection with its last value.
   */
  exactSource(): SourceNode | null;
  /** False where the text does not hold the document's characters (go-yaml read its bytes as UTF-16): its findings get no fixes or suggestions. */
  editable?: false;
}

export interface ReadResult {
  documents: ReadDocument[];
  problems: ReadProblem[];
  /** Comments with their offsets: all of them when asked for, else those that may be inline directives. */
  comments: SourceComment[];
  /** Line starts of the text, counted on first use. */
  lines(): LineCounter;
}

/** Line starts as every front end counts them (go-text.ts: LF, CRLF, a lone CR, LS and PS). */
export function lineStarts(text: string): () => LineCounter {
  let counter: LineCounter | undefined;
  return () => {
    if (!counter) {
      counter = new LineCounter();
      for (const offset of lineStartOffsets(text)) counter.addNewLine(offset);
    }
    return counter;
  };
}
