/**
 * The tokens of go-yaml v2's scanner (scannerc.go), as this project's port of it produces them and
 * its port of the parser (parserc.go) consumes them. Marks are where go-yaml puts them, with the
 * offset counted in UTF-16 code units of the document's text so that they index JS strings.
 */

/** A place in the text: go-yaml's line and column (0-based; columns count characters), and the text offset. */
export interface GoMark {
  offset: number;
  line: number;
  column: number;
}

export type GoTokenType =
  | 'stream-start'
  | 'stream-end'
  | 'version-directive'
  | 'tag-directive'
  | 'document-start'
  | 'document-end'
  | 'block-sequence-start'
  | 'block-mapping-start'
  | 'block-end'
  | 'flow-sequence-start'
  | 'flow-sequence-end'
  | 'flow-mapping-start'
  | 'flow-mapping-end'
  | 'block-entry'
  | 'flow-entry'
  | 'key'
  | 'value'
  | 'alias'
  | 'anchor'
  | 'tag'
  | 'scalar';

export type GoScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'literal' | 'folded';

export interface GoToken {
  type: GoTokenType;
  start: GoMark;
  end: GoMark;
  /** scalar: its value; alias and anchor: the name; tag: the suffix; tag-directive: the prefix. */
  value?: string;
  /** tag and tag-directive: the handle (`!`, `!!`, `!name!`, or empty for a verbatim tag). */
  handle?: string;
  /** scalar: how it was written. */
  style?: GoScalarStyle;
  /** version-directive: the numbers of `%YAML major.minor`. */
  major?: number;
  minor?: number;
}

/**
 * A failure of go-yaml's reader, scanner or parser: its `problem` text and marks, as decode.go's
 * `fail` reads them. go-yaml gives a reader error (a control character) no line; its problemMark
 * is where the character is, for findings.
 */
export class GoYamlError extends Error {
  constructor(
    readonly stage: 'reader' | 'scanner' | 'parser',
    readonly problem: string,
    readonly problemMark: GoMark,
    readonly context?: string,
    readonly contextMark?: GoMark,
    /** A reader error on bytes that are not characters of this encoding (passed on unchecked after a UTF-8 byte order mark). */
    readonly illFormedBytes?: 'utf-8' | 'utf-16',
  ) {
    super(problem);
  }
}

/** What the parser needs of the scanner: go-yaml's `peek_token` and `skip_token`. Both throw GoYamlError. */
export interface GoTokenStream {
  peek(): GoToken;
  skip(): void;
}
