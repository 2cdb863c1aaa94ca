import { blankLineCellsReader } from './blank-line-cells.js';
import { cellPerLineReader } from './cell-per-line.js';
import { pipeTableUnnamedReader } from './pipe-table-unnamed.js';
import { tabBoldMarkdownReader } from './tab-bold-markdown.js';
import type { DocumentReader, RawDocument } from './types.js';

export const readers: readonly DocumentReader[] = [tabBoldMarkdownReader, cellPerLineReader, pipeTableUnnamedReader, blankLineCellsReader];

/** Picks the reader whose format the text matches; exactly one must match. */
export function readDocument(text: string, file: string): RawDocument {
  const matching = readers.filter((reader) => reader.recognises(text));
  if (matching.length !== 1) {
    const names = matching.map((reader) => reader.format).join(', ') || 'none';
    throw new Error(`${file}: expected exactly one reader to recognise the format, got ${names}`);
  }
  return matching[0]!.read(text, file);
}

export type * from './types.js';
