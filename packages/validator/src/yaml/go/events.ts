/**
 * The events of go-yaml v2's parser (parserc.go), as this project's port of it produces them and
 * the go-yaml-faithful composer consumes them (the shape of decode.go's `parser.peek`/`expect`).
 */
import type { GoMark, GoScalarStyle } from './tokens.js';

export type GoEventType =
  | 'stream-start'
  | 'stream-end'
  | 'document-start'
  | 'document-end'
  | 'alias'
  | 'scalar'
  | 'sequence-start'
  | 'sequence-end'
  | 'mapping-start'
  | 'mapping-end';

export interface GoEvent {
  type: GoEventType;
  start: GoMark;
  end: GoMark;
  /** alias: the anchor it names; scalar and collection starts: their anchor, if any. */
  anchor?: string;
  /** scalar and collection starts: the tag, resolved against the document's tag directives (empty: none). */
  tag?: string;
  /** scalar: its value. */
  value?: string;
  /** scalar: written plain without a tag (go-yaml's `implicit`). */
  implicit?: boolean;
  /** scalar: written quoted without a tag (go-yaml's `quoted_implicit`). */
  quotedImplicit?: boolean;
  /** scalar: how it was written; collection starts: block or flow. */
  style?: GoScalarStyle | 'block' | 'flow';
  /** document-start and document-end: no `---` / `...` was written. */
  documentImplicit?: boolean;
}

/** What the composer needs of the parser: one event at a time. Throws GoYamlError. */
export interface GoEventStream {
  peek(): GoEvent;
  skip(): void;
}
