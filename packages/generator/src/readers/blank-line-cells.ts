import { SectionBuilder } from './section-builder.js';
import { collapseSpaces, headingPath, markerOf } from './text.js';
import type { DocumentReader, RawDocument } from './types.js';

const TABLE_HEADER = /^Property Type Description$/;
const NAME = /^[a-z][A-Za-z0-9]*(?:\[\]|\{\})?$/;
const TYPE = /^(?:string|integer|boolean|number|object|array)(?: \([A-Za-z]+\))?$|^[A-Z][A-Za-z0-9_]*(?: [a-z]+\/v\d+)?$/;

/**
 * Reader for pages where cells are paragraphs separated by blank lines: `Property Type
 * Description`, then per row a name paragraph, a type paragraph and one or more description
 * paragraphs. A row starts where a name-like paragraph is followed by a type-like one. The page
 * names no kind in a heading: its top-level section carries only the description.
 */
export const blankLineCellsReader: DocumentReader = {
  format: 'blank-line-cells',

  recognises(text) {
    return /^Property Type Description$/m.test(text) && !/\t/.test(text) && !/^Property \|/m.test(text);
  },

  read(text, file): RawDocument {
    const lines = text.split(/\r?\n/);
    const paragraphs: { text: string; line: number }[] = [];
    lines.forEach((raw, index) => {
      const line = raw.trim();
      if (line) paragraphs.push({ text: line, line: index + 1 });
    });

    const builder = new SectionBuilder();
    builder.startSection('', 1);
    for (let i = 0; i < paragraphs.length; i += 1) {
      const { text: paragraph, line } = paragraphs[i]!;
      const marker = markerOf(paragraph);
      if (marker === 'endpoints') break;
      if (marker === 'specification') {
        builder.resumeTopLevel(line);
        continue;
      }
      if (marker) {
        builder.marker(marker);
        continue;
      }
      if (TABLE_HEADER.test(paragraph)) {
        builder.finishField();
        i = readRows(i + 1) - 1;
        continue;
      }
      const path = paragraph.startsWith('.') ? headingPath(paragraph) : undefined;
      if (path) builder.startSection(path, line);
      else {
        builder.text(paragraph.replace(/^•\s*/, ''));
        builder.breakParagraph();
      }
    }

    function isRowStart(i: number): boolean {
      return NAME.test(paragraphs[i]?.text ?? '') && TYPE.test(paragraphs[i + 1]?.text ?? '');
    }

    /** Rows until a section heading or a marker; returns the index of the paragraph that ended them. */
    function readRows(start: number): number {
      let i = start;
      while (i < paragraphs.length && isRowStart(i)) {
        const name = paragraphs[i]!;
        const type = paragraphs[i + 1]!.text;
        const description: string[] = [];
        i += 2;
        while (i < paragraphs.length && !isRowStart(i) && !isEnd(paragraphs[i]!.text)) {
          description.push(collapseSpaces(paragraphs[i]!.text));
          i += 1;
        }
        builder.row({ name: name.text, type, description: description.join('\n\n'), line: name.line });
      }
      return i;
    }

    function isEnd(paragraph: string): boolean {
      return Boolean(markerOf(paragraph)) || (paragraph.startsWith('.') && headingPath(paragraph) !== undefined);
    }

    const { sections, kinds } = builder.finish();
    return { file, format: 'blank-line-cells', kinds, sections };
  },
};
