/**
 * Quoted scalars read as go-yaml v2 reads them (scannerc.go, yaml_parser_scan_flow_scalar): any
 * indentation on later lines, breaks folded as go-yaml folds them (a run of breaks that starts
 * with LF folds to a space or to the breaks after the first; one that starts with LS or PS keeps
 * them all), an escaped line break dropped with the blanks after it. The `yaml` package differs
 * on LS and PS and on empty lines after an escaped line break. Unknown escapes are reported
 * elsewhere (go-text.ts, unknownEscape); here they stand for themselves.
 */

import { isGoBlank, isGoBreak, scalarLineBreak } from './go-text.js';

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\u0000', a: '\u0007', b: '\u0008', t: '\t', '\t': '\t', n: '\n', v: '\u000b', f: '\u000c', r: '\r', e: '\u001b',
  ' ': ' ', '"': '"', "'": "'", '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const CODE_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };


/**
 * The value of the quoted scalar whose opening quote is at `start` in `text` (what the parser
 * read, line breaks as LF); `originalBreak(offset)` says which break an LF there stood for.
 * Undefined when the scalar does not close.
 */
export function readGoQuotedScalar(text: string, start: number, originalBreak: (offset: number) => string): string | undefined {
  const quote = text[start];
  const single = quote === "'";
  let at = start + 1;
  let value = '';
  const readLine = (): string => {
    const [lineBreak, width] = scalarLineBreak(text, at, originalBreak);
    at += width;
    return lineBreak;
  };
  for (;;) {
    if (at >= text.length) return undefined;
    let leadingBlanks = false;
    while (at < text.length && !isGoBlank(text[at]) && !isGoBreak(text[at])) {
      const char = text[at] ?? '';
      if (single && char === "'" && text[at + 1] === "'") {
        value += "'";
        at += 2;
      } else if (char === quote) {
        break;
      } else if (!single && char === '\\' && isGoBreak(text[at + 1])) {
        at++;
        readLine();
        leadingBlanks = true;
        break;
      } else if (!single && char === '\\') {
        const escape = text[at + 1] ?? '';
        const length = CODE_LENGTHS[escape];
        if (length !== undefined) {
          const code = Number.parseInt(text.slice(at + 2, at + 2 + length), 16);
          value += Number.isNaN(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
          at += 2 + length;
        } else {
          value += SIMPLE_ESCAPES[escape] ?? escape;
          at += 2;
        }
      } else {
        value += char;
        at++;
      }
    }
    if (text[at] === quote) return value;
    let whitespaces = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    while (isGoBlank(text[at]) || isGoBreak(text[at])) {
      if (isGoBlank(text[at])) {
        if (!leadingBlanks) whitespaces += text[at];
        at++;
      } else if (!leadingBlanks) {
        whitespaces = '';
        leadingBreak = readLine();
        leadingBlanks = true;
      } else {
        trailingBreaks += readLine();
      }
    }
    if (leadingBlanks) {
      if (leadingBreak.startsWith('\n')) value += trailingBreaks === '' ? ' ' : trailingBreaks;
      else value += leadingBreak + trailingBreaks;
    } else {
      value += whitespaces;
    }
  }
}
