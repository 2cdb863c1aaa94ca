import { SectionBuilder } from './section-builder.js';
import { collapseSpaces, headingPath, markerOf } from './text.js';
import type { DocumentReader, RawDocument } from './types.js';

const TABLE_HEADER = /^Property \| Type \| Description \|$/;
const TABLE_RULE = /^---\|---\|---\|$/;
const KIND_HEADER = /^(?:Chapter \d+\.\s+)?([A-Z][A-Za-z0-9]+) \[[a-z0-9.]+\/v\d+\w*\]$/;

/**
 * Reader for Markdown pipe tables whose name and type cells were lost: a row is either `|`
 * followed by `| description |` (or by `|` and `description |`), or a single `| description | |`
 * line — the layout a link in the type cell left behind, so those rows are marked `typeWasLink`.
 * Markers are bare (`Description`) or bulleted (`- Description`); Required items are bare lines.
 */
export const pipeTableUnnamedReader: DocumentReader = {
  format: 'pipe-table-unnamed',

  recognises(text) {
    return /^Property \| Type \| Description \|$/m.test(text) && /^---\|---\|---\|$/m.test(text);
  },

  read(text, file): RawDocument {
    const lines = text.split(/\r?\n/);
    const builder = new SectionBuilder();
    let collecting = true;
    let inTable = false;
    let pending: { line: number; text: string } | undefined;

    lines.forEach((raw, index) => {
      const line = raw.trim();
      const lineNumber = index + 1;
      if (!collecting) return;
      if (inTable) {
        if (pending) {
          if (line === '|' && pending.text === '') return;
          pending.text = pending.text ? `${pending.text} ${line}` : line;
          if (line.endsWith('|')) {
            builder.row({ description: cellText(pending.text), line: pending.line });
            pending = undefined;
          }
          return;
        }
        if (line === '|') {
          pending = { line: lineNumber, text: '' };
          return;
        }
        if (line.startsWith('|')) {
          builder.row({ description: cellText(line), typeWasLink: true, line: lineNumber });
          return;
        }
        inTable = false;
      }
      if (TABLE_HEADER.test(line)) {
        builder.finishField();
        return;
      }
      if (TABLE_RULE.test(line)) {
        inTable = true;
        return;
      }
      const kind = KIND_HEADER.exec(line);
      if (kind?.[1]) {
        builder.startKind(kind[1], lineNumber);
        return;
      }
      const marker = markerOf(line);
      if (marker === 'endpoints') {
        builder.stopKind();
        collecting = false;
        return;
      }
      if (marker === 'specification') {
        builder.resumeTopLevel(lineNumber);
        return;
      }
      if (marker) {
        builder.marker(marker);
        return;
      }
      const path = headingPath(line);
      if (path) {
        builder.startSection(path, lineNumber);
        return;
      }
      if (line !== '-') builder.text(line.replace(/^-\s+/, ''));
    });

    const { sections, kinds } = builder.finish();
    return { file, format: 'pipe-table-unnamed', kinds, sections };
  },
};

/** `| text | |`, `| ||`, `| text |`, `text |` → text. */
function cellText(row: string): string {
  return collapseSpaces(row.replace(/^\|/, '').replace(/\|\s*\|?\s*$/, ''));
}
