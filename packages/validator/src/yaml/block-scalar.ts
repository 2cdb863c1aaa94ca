/**
 * Block scalars (`|`, `>`) read as go-yaml v2 reads them (scannerc.go, yaml_parser_scan_block_scalar
 * and yaml_parser_scan_block_scalar_breaks). Their rules part from YAML 1.2's, which the `yaml`
 * package follows, in ways a value shows: the content is indented by at least one column even at
 * the top level; the indentation is the deepest of the leading empty lines and the first content
 * line; an indentation indicator counts from the enclosing block collection's column (not from
 * -1 at the top level); only a line feed folds, while LS and PS stay in the value.
 */
import { CST } from 'yaml';
import { isGoBreak, scalarLineBreak } from './go-text.js';

export interface GoBlockScalar {
  value: string;
  /** Offset where go-yaml stops reading the scalar: the first character of the first line it does not take, or the end. */
  end: number;
  /** go-yaml's scanner error, if it fails on the scalar. */
  error?: { message: string; offset: number };
}

/**
 * Reads the block scalar whose header (`|` or `>`) is at `start`. `text` is what the parser read
 * (line breaks as LF); `originalBreak(offset)` says which break an LF there stood for, since go-yaml
 * keeps LS and PS in the value and turns the others into LF. `parentIndent` is the column of the
 * innermost block collection, -1 at the top level.
 */
export function readGoBlockScalar(text: string, start: number, parentIndent: number, originalBreak: (offset: number) => string): GoBlockScalar {
  const literal = text[start] === '|';
  let at = start + 1;
  const fail = (message: string): GoBlockScalar => ({ value: '', end: at, error: { message, offset: start } });
  let chomping = 0;
  let increment = 0;
  const readChomping = (): void => {
    if (text[at] === '+' || text[at] === '-') {
      chomping = text[at] === '+' ? 1 : -1;
      at++;
    }
  };
  const readIncrement = (): boolean => {
    const char = text[at] ?? '';
    if (char < '0' || char > '9') return true;
    if (char === '0') return false;
    increment = Number(char);
    at++;
    return true;
  };
  const chompingFirst = text[at] === '+' || text[at] === '-';
  readChomping();
  if (!readIncrement()) return fail('found an indentation indicator equal to 0');
  if (!chompingFirst && increment > 0) readChomping();
  while (text[at] === ' ' || text[at] === '\t') at++;
  if (text[at] === '#') while (at < text.length && !isGoBreak(text[at])) at++;
  if (at < text.length && !isGoBreak(text[at])) return fail('did not find expected comment or line break');

  /** Consumes one line break: LF for all but LS and PS, which stay. */
  const readLine = (): string => {
    if (at >= text.length) return '';
    const [lineBreak, width] = scalarLineBreak(text, at, originalBreak);
    at += width;
    return lineBreak;
  };
  readLine();
  let column = 0;
  let indent = increment > 0 ? (parentIndent >= 0 ? parentIndent + increment : increment) : 0;
  let trailingBreaks = '';

  /** Indentation and empty lines up to the next content line; fixes the indentation when it is not yet known. */
  const readBreaks = (): string | undefined => {
    let maxIndent = 0;
    for (;;) {
      while ((indent === 0 || column < indent) && text[at] === ' ') {
        at++;
        column++;
      }
      maxIndent = Math.max(maxIndent, column);
      if ((indent === 0 || column < indent) && text[at] === '\t') return 'found a tab character where an indentation space is expected';
      if (!isGoBreak(text[at])) break;
      trailingBreaks += readLine();
      column = 0;
    }
    if (indent === 0) indent = Math.max(maxIndent, parentIndent + 1, 1);
    return undefined;
  };

  let problem = readBreaks();
  if (problem) return fail(problem);
  let value = '';
  let leadingBreak = '';
  let leadingBlank = false;
  while (column === indent && at < text.length) {
    const trailingBlank = text[at] === ' ' || text[at] === '\t';
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
      if (trailingBreaks === '') value += ' ';
    } else {
      value += leadingBreak;
    }
    value += trailingBreaks;
    trailingBreaks = '';
    leadingBlank = trailingBlank;
    const lineStart = at;
    while (at < text.length && !isGoBreak(text[at])) at++;
    value += text.slice(lineStart, at);
    leadingBreak = readLine();
    column = 0;
    problem = readBreaks();
    if (problem) return fail(problem);
  }
  if (chomping !== -1) value += leadingBreak;
  if (chomping === 1) value += trailingBreaks;
  return { value, end: at };
}

/**
 * For each block scalar of a document's syntax tree, the offset of its header and the column of
 * the block collection it is in (-1 at the top level), as go-yaml's scanner tracks it.
 */
export function blockScalarParents(tokens: readonly CST.Token[]): Map<number, number> {
  const parents = new Map<number, number>();
  const walk = (token: unknown, topLevel: boolean): void => {
    if (Array.isArray(token)) {
      for (const item of token) walk(item, false);
      return;
    }
    if (token === null || typeof token !== 'object') return;
    const record = token as Record<string, unknown>;
    if (record.type === 'block-scalar') {
      const header = (record.props as CST.SourceToken[] | undefined)?.find((prop) => prop.type === 'block-scalar-header');
      if (header) parents.set(header.offset, topLevel ? -1 : (record.indent as number));
      return;
    }
    if (record.type === 'document') {
      walk(record.value, true);
      return;
    }
    for (const [name, value] of Object.entries(record)) {
      if (name !== 'source' && value !== null && typeof value === 'object') walk(value, false);
    }
  };
  for (const token of tokens) walk(token, false);
  return parents;
}
