import { SectionBuilder } from './section-builder.js';
import { boldPieces, camelCaseSpelling, headingPath, htmlToText, markerOf } from './text.js';
import type { DocumentReader, RawDocument } from './types.js';

const TABLE_HEADER = /^Property\tType\tDescription\s*$/;
const TABLE_RULE = /^-+\t-+\t-+\s*$/;
const ROW = /^<b>[^<]+<\/b>\t/;
const CHAPTER = /^#+\s*CHAPTER\s+\d+\.\s+([A-Z]+)\b/;
const API_GROUP = /\[[A-Z.]+\/V\d+[A-Z0-9]*\]/;

interface Chapter {
  start: number;
  kind: string;
}

/**
 * Reader for the complete product reference (Markdown converted from the PDF): property tables
 * are `<b>name</b>\t<b>type</b>\tdescription` rows under a `Property\tType\tDescription` header
 * that repeats at page breaks; headings use any level, sometimes bold text (`**5.1.3. .spec.images[]****Description**`);
 * type cells can be links (`<a href="#">ObjectReference</a>`); descriptions carry HTML.
 */
export const tabBoldMarkdownReader: DocumentReader = {
  format: 'tab-bold-markdown',

  recognises(text) {
    return /^Property\tType\tDescription\s*$/m.test(text) && /^<b>[^<]+<\/b>\t<b>/m.test(text);
  },

  read(text, file): RawDocument {
    const lines = text.split(/\r?\n/);
    const chapters = findKindChapters(lines);
    const builder = new SectionBuilder();
    let collecting = false;
    let chapterIndex = 0;

    lines.forEach((line, index) => {
      const lineNumber = index + 1;
      const chapter = chapters[chapterIndex];
      if (chapter && chapter.start === index) {
        chapterIndex += 1;
        builder.startKind(chapter.kind, lineNumber);
        collecting = true;
        return;
      }
      if (CHAPTER.test(line)) {
        builder.stopKind();
        collecting = false;
        return;
      }
      if (!collecting) return;

      if (line.startsWith('#') || line.startsWith('**')) {
        for (const piece of boldPieces(line)) {
          const marker = markerOf(piece);
          if (marker === 'endpoints') {
            builder.stopKind();
            collecting = false;
            return;
          }
          if (marker === 'specification') builder.resumeTopLevel(lineNumber);
          else if (marker) builder.marker(marker);
          else {
            const path = headingPath(piece);
            if (path) builder.startSection(path, lineNumber);
            else if (!API_GROUP.test(piece)) builder.text(stripTicks(piece));
          }
        }
        return;
      }
      if (TABLE_HEADER.test(line)) {
        builder.finishField();
        return;
      }
      if (TABLE_RULE.test(line)) return;
      if (ROW.test(line)) {
        const [nameCell = '', typeCell = '', ...descriptionCells] = line.split('\t');
        builder.row({
          name: htmlToText(nameCell),
          type: htmlToText(typeCell),
          description: htmlToText(descriptionCells.join(' ')),
          line: lineNumber,
        });
        return;
      }
      const marker = markerOf(line);
      if (marker === 'specification') builder.resumeTopLevel(lineNumber);
      else if (marker && marker !== 'endpoints') builder.marker(marker);
      else builder.text(stripTicks(line));
    });

    const { sections, kinds } = builder.finish();
    return { file, format: 'tab-bold-markdown', kinds, sections };
  },
};

function stripTicks(text: string): string {
  return text.replace(/`/g, '');
}

/** Chapters whose heading names an API kind (`CHAPTER 5. IMAGESTREAMIMPORT [IMAGE.OPENSIFT.IO/V1]`). */
function findKindChapters(lines: string[]): Chapter[] {
  const starts: { index: number; upper: string }[] = [];
  lines.forEach((line, index) => {
    const match = CHAPTER.exec(line);
    if (!match?.[1]) return;
    // The group is on the heading itself or on a heading line of its own right after it.
    const next = lines.slice(index + 1).find((l) => l.trim() !== '') ?? '';
    const groupLine = /^#+\s*\[[^\]]+\]\s*$/.test(next) ? next : '';
    if (API_GROUP.test(line) || API_GROUP.test(groupLine)) starts.push({ index, upper: match[1] });
  });
  const chapterStarts = lines.flatMap((line, index) => (CHAPTER.test(line) ? [index] : []));
  return starts.map(({ index, upper }) => {
    const end = chapterStarts.find((start) => start > index) ?? lines.length;
    const kind = camelCaseSpelling(upper, lines.slice(index, end).join('\n'));
    if (!kind) throw new Error(`cannot find the CamelCase spelling of chapter ${upper} (line ${index + 1})`);
    return { start: index, kind };
  });
}
