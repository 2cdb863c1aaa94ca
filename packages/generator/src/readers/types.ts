/** What every document reader yields: the document's sections, as written, with line numbers. */

export type FormatId = 'tab-bold-markdown' | 'cell-per-line' | 'pipe-table-unnamed' | 'blank-line-cells';

export interface RawRow {
  /** Property name as printed (`tags[]`, `blobs{}`); absent when the format drops names. */
  name?: string;
  /** Type cell as printed (`array (string)`, `ObjectMeta_v2`, `ObjectReference_v2 core/v1`); absent when dropped. */
  type?: string;
  /**
   * Set when the format dropped the type cell but the row layout shows it was a link
   * (a reference to another type rather than a plain scalar); used as an alignment hint.
   */
  typeWasLink?: boolean;
  description: string;
  line: number;
}

export interface RawSection {
  /** Kind (chapter) the section belongs to, when the document says so. */
  kind?: string;
  /** `''` for the kind's top-level specification, otherwise a path like `.spec.tags[].from`. */
  path: string;
  description?: string;
  /** `object` or `array` as printed in the section's Type. */
  type?: string;
  /** Undefined when the document prints no Required heading; `[]` when it prints an empty one. */
  required?: string[];
  rows: RawRow[];
  line: number;
}

export interface RawKindHeader {
  kind: string;
  line: number;
}

export interface RawDocument {
  /** Name of the vendored seed file (for provenance only; never used to pick a reader). */
  file: string;
  format: FormatId;
  kinds: RawKindHeader[];
  sections: RawSection[];
}

export interface DocumentReader {
  format: FormatId;
  /** True when the text looks like this reader's format. */
  recognises(text: string): boolean;
  read(text: string, file: string): RawDocument;
}
