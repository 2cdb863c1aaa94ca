import { SectionBuilder } from './section-builder.js';
import { collapseSpaces, headingPath, markerOf } from './text.js';
import type { DocumentReader, RawDocument } from './types.js';

const TABLE_HEADER = /^Property \|\r?\nType \|\r?\nDescription \|\r?$/m;

/**
 * Reader for pages where every table cell is on its own line: a `Property |`, `Type |`,
 * `Description |` header, then per row `name`, `|`, `type`, `|`, `description |`. Section
 * headings are bare paths (`.spec.images[]`), markers are bullets (`- Description`) followed
 * by a lone `-`. The page has no kind header and prints empty Required lists.
 */
export const cellPerLineReader: DocumentReader = {
  format: 'cell-per-line',

  recognises(text) {
    return TABLE_HEADER.test(text);
  },

  read(text, file): RawDocument {
    const lines = text.split(/\r?\n/);
    const builder = new SectionBuilder();
    let index = 0;
    const lineAt = (i: number): string => (lines[i] ?? '').trim();

    while (index < lines.length) {
      const line = lineAt(index);
      const lineNumber = index + 1;
      if (line === 'Property |' && lineAt(index + 1) === 'Type |' && lineAt(index + 2) === 'Description |') {
        builder.finishField();
        index = readRows(index + 3);
        continue;
      }
      const path = line.startsWith('.') ? headingPath(line) : undefined;
      if (path) builder.startSection(path, lineNumber);
      else {
        const marker = markerOf(line);
        if (marker === 'description' || marker === 'type' || marker === 'required') builder.marker(marker);
        else if (line !== '-') builder.text(line);
      }
      index += 1;
    }

    /** Rows run until the next section heading; a row is name, `|`, type, `|`, description ending in `|`. */
    function readRows(start: number): number {
      let i = start;
      while (i < lines.length) {
        const name = lineAt(i);
        if (name.startsWith('.') && headingPath(name)) return i;
        if (name === '') {
          i += 1;
          continue;
        }
        const rowLine = i + 1;
        const type = lineAt(i + 2);
        let description = '';
        i += 4;
        while (i < lines.length) {
          const part = lineAt(i);
          i += 1;
          description = description ? `${description} ${part}` : part;
          if (part.endsWith('|')) break;
        }
        builder.row({ name, type, description: collapseSpaces(description.replace(/\s*\|$/, '')), line: rowLine });
      }
      return i;
    }

    const { sections, kinds } = builder.finish();
    return { file, format: 'cell-per-line', kinds, sections };
  },
};
