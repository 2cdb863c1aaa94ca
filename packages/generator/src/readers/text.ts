import { Parser } from 'htmlparser2';

const BLOCK_TAGS = new Set(['p', 'li', 'ul', 'ol', 'br', 'div']);

/**
 * Converts a description cell that may carry HTML (`<p>`, `<a>`, `<code>`, `<b>`, lists) to
 * plain text: paragraphs separated by a blank line, inline markup dropped, entities decoded.
 */
export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = collapseSpaces(current);
    if (text) paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      ontext(text) {
        current += text;
      },
      onopentag(name) {
        if (BLOCK_TAGS.has(name)) flush();
      },
      onclosetag(name) {
        if (BLOCK_TAGS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs.join('\n\n');
}

export function collapseSpaces(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:])(?=\s|$)/g, '$1')
    .trim();
}

/** Text used to compare descriptions across documents: case, quotes, markup spacing and punctuation ignored. */
export function comparableText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^a-z0-9'"./:#()_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[ .]+$/, '')
    .trim();
}

const PATH_SEGMENT = String.raw`[A-Za-z][A-Za-z0-9_]*(?:\[\.?\]|\{\})?`;
const PATH_RE = new RegExp(String.raw`^\.?${PATH_SEGMENT}(?:\.${PATH_SEGMENT})*$`);
const NUMBERING_RE = /^(?:\d+\.)+\d*\.?\s+/;

/**
 * Recognises a section heading that names a property path, in any of the spellings the
 * documents use: `.spec.tags[]`, `` `.status.images[].image` ``, `.status.images[.].image`,
 * `4.1.1. image` (numbered, without the leading dot). Returns the normalised path or undefined.
 */
export function headingPath(text: string): string | undefined {
  let rest = text.replace(/`/g, '').trim();
  const numbered = NUMBERING_RE.test(rest);
  rest = rest.replace(NUMBERING_RE, '').trim();
  if (!PATH_RE.test(rest)) return undefined;
  if (!rest.startsWith('.') && !numbered) return undefined;
  const path = rest.replace(/\[\.\]/g, '[]');
  return path.startsWith('.') ? path : `.${path}`;
}

/** Section markers shared by all formats. */
export type Marker = 'description' | 'type' | 'required' | 'specification' | 'endpoints';

export function markerOf(text: string): Marker | undefined {
  // Case matters: a required item or property called `type` must not read as the `Type` marker.
  const bare = text
    .replace(/^[-•\s]+/, '')
    .replace(/^(?:\d+\.)+\d*\.?\s*/, '')
    .trim();
  if (bare === 'Description') return 'description';
  if (bare === 'Type') return 'type';
  if (bare === 'Required') return 'required';
  if (/^specification$/i.test(bare)) return 'specification';
  if (/^api endpoints$/i.test(bare)) return 'endpoints';
  return undefined;
}

/**
 * Finds the CamelCase spelling of an upper-case chapter name (`IMAGESTREAMIMPORT`) in the
 * chapter's own text (`create an ImageStreamImport`).
 */
export function camelCaseSpelling(upperName: string, text: string): string | undefined {
  for (const match of text.matchAll(/\b[A-Z][A-Za-z]+\b/g)) {
    if (match[0] !== upperName && match[0].toUpperCase() === upperName) return match[0];
  }
  return undefined;
}

/** Strips `**bold**` and backticks and splits a line into its bold-delimited pieces. */
export function boldPieces(line: string): string[] {
  return line
    .replace(/^#+\s*/, '')
    .split('**')
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
}
