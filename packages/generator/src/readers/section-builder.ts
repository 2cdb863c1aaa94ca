import type { RawKindHeader, RawRow, RawSection } from './types.js';
import { collapseSpaces } from './text.js';

type Field = 'description' | 'type' | 'required' | undefined;

/**
 * Accumulates sections while a reader walks a document line by line. Readers feed it the
 * structural events they recognise (kind header, section start, marker, text, required item,
 * row); the builder keeps the bookkeeping (which field text belongs to, paragraph joining).
 */
export class SectionBuilder {
  readonly sections: RawSection[] = [];
  readonly kinds: RawKindHeader[] = [];
  private current: RawSection | undefined;
  private field: Field;
  private paragraphs: string[] = [];
  private paragraph = '';
  private kind: string | undefined;

  startKind(kind: string, line: number): void {
    this.finishSection();
    this.kind = kind;
    this.kinds.push({ kind, line });
    this.startSection('', line);
    // Text right under a kind header, before any marker, is the kind's description.
    this.field = 'description';
  }

  /** Stops attributing anything to the current kind (API endpoint chapters and the like). */
  stopKind(): void {
    this.finishSection();
    this.kind = undefined;
  }

  startSection(path: string, line: number): void {
    this.finishSection();
    const section: RawSection = { path, rows: [], line };
    if (this.kind !== undefined) section.kind = this.kind;
    this.current = section;
  }

  /** Re-enters the kind's top-level section (its property table follows a Specification heading). */
  resumeTopLevel(line: number): void {
    this.finishField();
    const top = this.sections.find((s) => s.kind === this.kind && s.path === '');
    if (this.current && this.current.path === '') return;
    this.finishSection();
    if (top) {
      this.sections.splice(this.sections.indexOf(top), 1);
      this.current = top;
    } else {
      this.startSection('', line);
    }
  }

  marker(field: Exclude<Field, undefined>): void {
    this.finishField();
    this.field = field;
    if (field === 'required' && this.current && this.current.required === undefined) this.current.required = [];
  }

  /** A line of free text; attributed to the field named by the last marker. */
  text(line: string): void {
    if (!this.current || !this.field) return;
    const trimmed = line.trim();
    if (this.field === 'type') {
      if (trimmed && this.current.type === undefined) this.current.type = trimmed.replace(/\*/g, '').trim();
      return;
    }
    if (this.field === 'required') {
      if (trimmed) this.requiredItem(trimmed);
      return;
    }
    if (!trimmed) {
      this.breakParagraph();
      return;
    }
    this.paragraph = this.paragraph ? `${this.paragraph} ${trimmed}` : trimmed;
  }

  breakParagraph(): void {
    const text = collapseSpaces(this.paragraph);
    if (text) this.paragraphs.push(text);
    this.paragraph = '';
  }

  requiredItem(name: string): void {
    if (!this.current) return;
    const clean = name.replace(/^[-•\s]+/, '').replace(/\*/g, '').trim();
    const required = (this.current.required ??= []);
    // Some documents print an item twice (`• type` then `- type`); a name is required once.
    if (clean && !required.includes(clean)) required.push(clean);
  }

  row(row: RawRow): void {
    this.finishField();
    this.current?.rows.push(row);
  }

  /** Ends the text of the current field (a table or a new marker starts). */
  finishField(): void {
    if (this.field === 'description' && this.current) {
      this.breakParagraph();
      const text = this.paragraphs.join('\n\n');
      if (text && this.current.description === undefined) this.current.description = text;
    }
    this.paragraphs = [];
    this.paragraph = '';
    this.field = undefined;
  }

  finishSection(): void {
    this.finishField();
    if (this.current) this.sections.push(this.current);
    this.current = undefined;
  }

  finish(): { sections: RawSection[]; kinds: RawKindHeader[] } {
    this.finishSection();
    this.sections.sort((a, b) => a.line - b.line);
    return { sections: this.sections, kinds: this.kinds };
  }
}
