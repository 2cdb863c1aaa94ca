/**
 * What go-yaml v2's reader does to a document's text before scanning it, and how the `yaml`
 * package is made to read the same: which characters it rejects, which are line breaks, where a
 * byte order mark is skipped; and how offsets in the parsed text lead back to the source.
 */
import type { StreamDocument } from './stream.js';

/**
 * go-yaml's reader accepts tab, LF, CR, printable ASCII, NEL, U+00A0-U+D7FF, U+E000-U+FFFD and
 * the planes above (readerc.go); anything else fails the document. A lone surrogate in a
 * JavaScript string would reach Go as U+FFFD, so it is accepted.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const REJECTED_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

export function firstRejectedCharacter(text: string): number | undefined {
  const match = REJECTED_CHARACTER.exec(text);
  return match ? match.index : undefined;
}

/**
 * go-yaml breaks lines at LF, CRLF, CR, NEL, LS and PS; the `yaml` package only at LF and CRLF.
 * The others become LF (one UTF-16 unit each, so offsets stay). A byte order mark is skipped only
 * at the start of a document; elsewhere it is an ordinary character, which the `yaml` package
 * would skip. NBSP is an ordinary character to go-yaml (its blanks are space and tab), which the
 * `yaml` package takes for a space next to flow indicators and quotes. Both stand in as
 * noncharacters that `restoreStandIns` turns back.
 */
const OTHER_LINE_BREAK = /\r(?!\n)|[\u0085\u2028\u2029]/g;
const LONE_CR = /\r(?!\n)/g;
const STAND_INS: Record<string, string> = { '\uFEFF': '\uFDD0', '\u00A0': '\uFDD3' };
const STANDS_IN_FOR: Record<string, string> = { '\uFDD0': '\uFEFF', '\uFDD3': '\u00A0', '\uFDD4': '-' };
const STOOD_IN = /[\uFEFF\u00A0]/g;
const STAND_IN = /[\uFDD0\uFDD3\uFDD4]/g;
/**
 * A `-` right before `,`, `]` or `}`: go-yaml starts a plain scalar there (a block entry needs a
 * blank after it), the `yaml` package a block sequence (`[-]`). It stands in as a noncharacter.
 */
const DASH_BEFORE_FLOW_INDICATOR = /-(?=[,\]}])/g;

export interface ParserText {
  text: string;
  /** True when byte order marks, NBSPs or dashes inside the text stand in as noncharacters. */
  marksReplaced: boolean;
}

export function parserText(document: StreamDocument): ParserText {
  // In JSON, a line break other than LF can only be a lone CR between tokens (strings cannot hold one).
  let text = document.text.replace(document.syntax === 'yaml' ? OTHER_LINE_BREAK : LONE_CR, '\n');
  // go-yaml drops a mark that starts the text when it detects the encoding, and skips another
  // right after it as the first character of a line (readerc.go, scannerc.go): that one still
  // counts as a column, as a space does. The \`yaml\` package misreads a sequence after a leading
  // mark, so the first becomes an empty line, which changes nothing.
  let head = '';
  if (text.startsWith('\uFEFF\uFEFF')) head = '\n ';
  else if (text.startsWith('\uFEFF')) head = '\n';
  const rest = text.slice(head.length);
  STOOD_IN.lastIndex = 0;
  DASH_BEFORE_FLOW_INDICATOR.lastIndex = 0;
  const dashes = document.syntax === 'yaml' && DASH_BEFORE_FLOW_INDICATOR.test(rest);
  const marksReplaced = STOOD_IN.test(rest) || dashes;
  if (head !== '' || marksReplaced) {
    const replaced = rest.replace(STOOD_IN, (char) => STAND_INS[char] ?? char);
    text = head + (dashes ? replaced.replace(DASH_BEFORE_FLOW_INDICATOR, '\uFDD4') : replaced);
  }
  return { text, marksReplaced };
}

export function restoreStandIns(text: string): string {
  return text.replace(STAND_IN, (char) => STANDS_IN_FOR[char] ?? char);
}

/**
 * Maps an offset in the document's text to the source; not past `sourceLength` (the text has a
 * line feed the source may lack).
 */
export function sourceOffsets(document: StreamDocument, sourceLength: number): (offset: number) => number {
  const { lines, start, end, text } = document;
  const within = mapWithin(lines, start, sourceLength);
  // Past the text's last line feed is past the document's last line break, a CRLF too.
  return (offset) => (offset >= text.length ? Math.min(end, sourceLength) : within(offset));
}

function mapWithin(lines: StreamDocument['lines'], start: number, sourceLength: number): (offset: number) => number {
  if (lines.length === 0 || lines.every((line) => line.source - line.text === start)) return (offset) => Math.min(start + offset, sourceLength);
  return (offset) => Math.min(sourceOffset(offset), sourceLength);
  function sourceOffset(offset: number): number {
    let low = 0;
    let high = lines.length - 1;
    if (offset < (lines[0]?.text ?? 0)) return start + offset;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lines[middle]?.text ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    const line = lines[low] ?? { text: 0, source: start };
    return line.source + offset - line.text;
  }
}

/**
 * The line breaks of positions: LF, CRLF, a lone CR, LS and PS — breaks to go-yaml and to
 * editors alike (NEL is one to go-yaml only; editors show it inside a line).
 */
export const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/u;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/gu;

/** Offsets where lines start. */
export function lineStartOffsets(source: string): number[] {
  const starts = [0];
  const pattern = LINE_BREAKS;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) starts.push(match.index + match[0].length);
  return starts;
}

/** The escapes go-yaml v2 knows in a double-quoted scalar (scannerc.go); `\\/` is not one of them. */
const KNOWN_ESCAPE = /[0abt\tnvfre "'\\N_LPxuU\r\n]/;

/** Offset (in `raw`, a double-quoted scalar's source) of the first escape go-yaml does not know. */
export function unknownEscape(raw: string): number | undefined {
  for (let index = raw.indexOf('\\'); index !== -1 && index < raw.length - 1; index = raw.indexOf('\\', index + 2)) {
    const escape = raw[index + 1] ?? '';
    if (!KNOWN_ESCAPE.test(escape)) return index;
    // A code point escape must name a character: no surrogate, nothing beyond U+10FFFF.
    const digits = escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
    const hex = raw.slice(index + 2, index + 2 + digits);
    if (digits > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits) {
      const code = Number.parseInt(hex, 16);
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return index;
    }
  }
  return undefined;
}

/**
 * go-yaml fails ("did not find expected node content") on a document that ends with `...` before
 * any content; comments and blank lines may come first.
 */
export function endsBeforeContent(text: string): boolean {
  for (let lineStart = 0; lineStart < text.length; ) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
    if (line.startsWith('...')) return line.length === 3 || line[3] === ' ' || line[3] === '\t';
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#')) return false;
    if (lineEnd === -1) return false;
    lineStart = lineEnd + 1;
  }
  return false;
}

/** go-yaml v2's is_alpha: the characters of anchor names and tag handles. */
export const GO_ALPHA = /[0-9A-Za-z_-]/;

/** go-yaml v2's is_blank: space and tab. */
function isGoBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** go-yaml v2's is_break: LF, CR, NEL, LS and PS. */
function isGoBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r' || char === '\u0085' || char === '\u2028' || char === '\u2029';
}

/** go-yaml v2's is_blankz: a blank, a break, or the end of the text. */
export function isGoBlankz(char: string | undefined): boolean {
  return char === undefined || isGoBlank(char) || isGoBreak(char);
}
/** The characters go-yaml takes in a tag's URI part (scannerc.go, yaml_parser_scan_tag_uri). */
const URI_CHARACTER = /[0-9A-Za-z_\-;/?:@&=+$,.!~*'()[\]%]/;
const HEX = /^[0-9A-Fa-f]{2}$/;

/** The length of a UTF-8 sequence from its leading octet; 0 when the octet cannot lead one. */
function utf8SequenceLength(octet: number): number {
  if ((octet & 0x80) === 0) return 1;
  if ((octet & 0xe0) === 0xc0) return 2;
  if ((octet & 0xf0) === 0xe0) return 3;
  if ((octet & 0xf8) === 0xf0) return 4;
  return 0;
}

/**
 * go-yaml's message when it fails to scan the tag at `start` (scannerc.go, yaml_parser_scan_tag
 * and the handle, URI and escape scanners): a tag is `!<uri>`, `!handle!suffix` or `!suffix` of
 * URI characters and `%` escapes of UTF-8, and must be followed by a blank, a line break or the
 * end. Undefined when go-yaml reads it.
 */
export function goTagProblem(text: string, start: number): string | undefined {
  let at = start + 1;
  const readUri = (): string | undefined => {
    while (URI_CHARACTER.test(text[at] ?? '')) {
      if (text[at] !== '%') {
        at++;
        continue;
      }
      let remaining = 1024;
      while (remaining > 0) {
        if (text[at] !== '%' || !HEX.test(text.slice(at + 1, at + 3))) return 'did not find URI escaped octet';
        const octet = Number.parseInt(text.slice(at + 1, at + 3), 16);
        if (remaining === 1024) {
          remaining = utf8SequenceLength(octet);
          if (remaining === 0) return 'found an incorrect leading UTF-8 octet';
        } else if ((octet & 0xc0) !== 0x80) {
          return 'found an incorrect trailing UTF-8 octet';
        }
        at += 3;
        remaining--;
      }
    }
    return undefined;
  };
  if (text[at] === '<') {
    at++;
    const uriStart = at;
    const problem = readUri();
    if (problem) return problem;
    if (at === uriStart) return 'did not find expected tag URI';
    if (text[at] !== '>') return "did not find the expected '>'";
    at++;
  } else {
    while (GO_ALPHA.test(text[at] ?? '')) at++;
    const handle = text[at] === '!';
    if (handle) at++;
    const suffixStart = at;
    const problem = readUri();
    if (problem) return problem;
    // After a handle (`!!`, `!name!`) the suffix may not be empty.
    if (handle && at === suffixStart) return 'did not find expected tag URI';
  }
  const next = text[at];
  return next === undefined || isGoBlank(next) || isGoBreak(next) ? undefined : 'did not find expected whitespace or line break';
}
