/**
 * Splits a stream into documents exactly as `oc apply -f` does, before any YAML is parsed:
 * k8s.io/apimachinery's YAMLOrJSONDecoder (pkg/util/yaml/decoder.go). A stream whose first
 * non-space character within 4096 bytes is `{` is read as a series of JSON values; when the first
 * or second value fails, the rest is read as YAML. YAML is cut by YAMLReader at every line that
 * starts with `---` (anything but a comment after it is an error), and each piece goes to go-yaml
 * on its own, as the line reader returns it: without the CR of a CRLF, ending in a line feed.
 */
import { messageQuoted } from '../quote.js';

/** A document's text, as the decoder reads it, and where its lines came from. */
export interface StreamDocument {
  /** The number of documents the decoder returned before this one (empty ones included). */
  index: number;
  syntax: 'json' | 'yaml';
  /** What encoding/json or go-yaml reads. */
  text: string;
  /** Offset in the source of the document's first character. */
  start: number;
  /** Offset in the source just past the document: past its last line break, which may be a CRLF (`text` keeps only the LF). */
  end: number;
  /**
   * YAML only: for each line of `text` after the first, its offset in `text` and in the source
   * (lines lose the CR of a CRLF, so the two drift apart). JSON text is a slice of the source.
   */
  lines: { text: number; source: number }[];
}

/** Where the decoder stops with an error of its own (not a YAML or JSON syntax error of a document). */
export interface StreamFailure {
  index: number;
  message: string;
  offset: number;
}

export interface SplitStream {
  documents: StreamDocument[];
  /** The YAMLReader's error, or the JSON decoder's when the stream cannot be read as YAML instead. */
  failure?: StreamFailure;
}

/** Go's unicode.IsSpace. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** Bytes of `GuessJSONStream` looks at (cli-runtime's StreamVisitor asks for 4096). */
const JSON_SNIFF_BYTES = 4096;

function utf8Width(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
}

/** GuessJSONStream: within the first 4096 bytes, after Unicode spaces, a `{`. */
function looksLikeJson(source: string): boolean {
  let bytes = 0;
  for (let index = 0; index < source.length && bytes < JSON_SNIFF_BYTES; index++) {
    const char = source[index] ?? '';
    if (char === '{') return true;
    if (!GO_SPACE.test(char)) return false;
    bytes += utf8Width(source.charCodeAt(index));
  }
  return false;
}

export function splitStream(source: string): SplitStream {
  if (!looksLikeJson(source)) return splitYaml(source, 0, 0);
  const documents: StreamDocument[] = [];
  let consumed = 0;
  for (;;) {
    const scanned = scanJsonValue(source, consumed);
    if (scanned === 'end') return { documents };
    if ('end' in scanned) {
      documents.push({ index: documents.length, syntax: 'json', text: source.slice(scanned.start, scanned.end), start: scanned.start, end: scanned.end, lines: [] });
      consumed = scanned.end;
      continue;
    }
    const failure = { index: documents.length, message: scanned.error, offset: scanned.offset };
    // Two values or more make it a JSON stream; else the rest is YAML, after consumeWhitespace.
    if (documents.length > 1) return { documents, failure };
    const yamlStart = afterWhitespace(source, consumed);
    if (yamlStart === undefined) return { documents, failure };
    const rest = splitYaml(source, yamlStart, documents.length);
    // A failure of the first YAML document is reported as the JSON error, as YAMLOrJSONDecoder does.
    if (rest.failure?.index === documents.length) return { documents, failure };
    return { documents: [...documents, ...rest.documents], ...(rest.failure ? { failure: rest.failure } : {}) };
  }
}

/**
 * consumeWhitespace: Unicode spaces up to and including the first line feed. It gives up (and
 * the decoder keeps the JSON error) when fewer than 4 bytes are left or a character is U+FFFD
 * (utf8.DecodeRune's RuneError; a lone surrogate reaches Go as one).
 */
function afterWhitespace(source: string, from: number): number | undefined {
  let at = from;
  for (;;) {
    let bytes = 0;
    for (let index = at; index < source.length && bytes < 4; index++) bytes += utf8Width(source.charCodeAt(index));
    if (bytes < 4) return undefined;
    const char = source[at] ?? '';
    if (char === '\uFFFD' || isLoneSurrogate(source, at)) return undefined;
    if (!GO_SPACE.test(char)) return at;
    at++;
    if (char === '\n') return at;
  }
}

function isLoneSurrogate(source: string, at: number): boolean {
  const code = source.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) return !(source.charCodeAt(at + 1) >= 0xdc00 && source.charCodeAt(at + 1) <= 0xdfff);
  return code >= 0xdc00 && code <= 0xdfff && !(source.charCodeAt(at - 1) >= 0xd800 && source.charCodeAt(at - 1) <= 0xdbff);
}

/** YAMLReader over LineReader: documents between lines that start with `---`. */
function splitYaml(source: string, from: number, firstIndex: number): SplitStream {
  const documents: StreamDocument[] = [];
  let text = '';
  let start = from;
  let lines: StreamDocument['lines'] = [];
  const flush = (): void => {
    if (text !== '') documents.push({ index: firstIndex + documents.length, syntax: 'yaml', text, start, end: at, lines });
    text = '';
    lines = [];
  };
  let at = from;
  while (at < source.length) {
    const newline = source.indexOf('\n', at);
    const lineEnd = newline === -1 ? source.length : newline;
    const contentEnd = newline !== -1 && source[lineEnd - 1] === '\r' && lineEnd - 1 >= at ? lineEnd - 1 : lineEnd;
    const content = source.slice(at, contentEnd);
    if (content.startsWith('---')) {
      const rest = trimGoSpace(content.slice(3));
      if (rest !== '' && !rest.startsWith('#')) {
        return { documents, failure: { index: firstIndex + documents.length, message: `invalid Yaml document separator: ${rest}`, offset: at } };
      }
      flush();
      at = newline === -1 ? source.length : newline + 1;
      start = at;
      continue;
    }
    if (text !== '') lines.push({ text: text.length, source: at });
    text += `${content}\n`;
    at = newline === -1 ? source.length : newline + 1;
  }
  flush();
  return { documents };
}

function trimGoSpace(text: string): string {
  let first = 0;
  let last = text.length;
  while (first < last && GO_SPACE.test(text[first] ?? '')) first++;
  while (last > first && GO_SPACE.test(text[last - 1] ?? '')) last--;
  return text.slice(first, last);
}

type JsonScan = 'end' | { start: number; end: number } | { error: string; offset: number };

const JSON_SPACE = new Set([' ', '\t', '\n', '\r']);
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- a JSON string may not hold them raw
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * The extent of the next value encoding/json's Decoder would read from `from`, or its error.
 */
function scanJsonValue(source: string, from: number): JsonScan {
  let at = from;
  while (at < source.length && JSON_SPACE.has(source[at] ?? '')) at++;
  if (at >= source.length) return 'end';
  const start = at;
  const failAt = (offset: number, what: string): JsonScan =>
    offset >= source.length ? { error: 'unexpected EOF', offset } : { error: `invalid character ${messageQuoted(source[offset] ?? '')} ${what}`, offset };
  const stack: string[] = [];
  /** Skips one scalar at `at`; returns its end or undefined. */
  const scalar = (): number | undefined => {
    const char = source[at];
    const pattern = char === '"' ? JSON_STRING : char === '-' || (char !== undefined && char >= '0' && char <= '9') ? JSON_NUMBER : undefined;
    if (pattern) {
      pattern.lastIndex = at;
      return pattern.exec(source) ? pattern.lastIndex : undefined;
    }
    for (const literal of ['true', 'false', 'null']) if (source.startsWith(literal, at)) return at + literal.length;
    return undefined;
  };
  const skipSpace = (): void => {
    while (at < source.length && JSON_SPACE.has(source[at] ?? '')) at++;
  };
  /** Reads an object's key and its colon from `at`; returns the failure, if any. */
  /** The failure of a string at `at` that does not scan: its first character encoding/json rejects. */
  const stringFailure = (): JsonScan => {
    for (let index = at + 1; index < source.length; index++) {
      if (source.charCodeAt(index) < 0x20) return failAt(index, 'in string literal');
      if (source[index] !== '\\') continue;
      const escape = source[index + 1];
      if (escape === 'u') {
        const hex = /^[0-9a-fA-F]{0,4}/.exec(source.slice(index + 2, index + 6))?.[0] ?? '';
        if (hex.length < 4) return failAt(index + 2 + hex.length, 'in \\u hexadecimal character escape');
        index += 5;
      } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
        index++;
      } else {
        return failAt(index + 1, 'in string escape code');
      }
    }
    // Unclosed: said where it opens, as the YAML reader says of quotes.
    return { error: 'unexpected EOF', offset: at };
  };
  const objectKey = (): JsonScan | undefined => {
    skipSpace();
    if (source[at] !== '"') return failAt(at, 'looking for beginning of object key string');
    const keyEnd = scalar();
    if (keyEnd === undefined) return stringFailure();
    at = keyEnd;
    skipSpace();
    if (source[at] !== ':') return failAt(at, 'after object key');
    at++;
    return undefined;
  };
  for (;;) {
    // A value
    skipSpace();
    const char = source[at];
    if (char === '{' || char === '[') {
      stack.push(char);
      at++;
      skipSpace();
      const close = char === '{' ? '}' : ']';
      if (source[at] === close) {
        stack.pop();
        at++;
      } else {
        const failure = char === '{' ? objectKey() : undefined;
        if (failure) return failure;
        continue;
      }
    } else {
      const end = scalar();
      if (end === undefined) return char === '"' ? stringFailure() : failAt(at, 'looking for beginning of value');
      at = end;
    }
    // After a value: close containers, or go on to the next item.
    for (;;) {
      // Whatever follows a top-level value is the next Decode's business (encoding/json's stateEndTop).
      if (stack.length === 0) return { start, end: at };
      skipSpace();
      const open = stack[stack.length - 1];
      const close = open === '{' ? '}' : ']';
      if (source[at] === close) {
        stack.pop();
        at++;
        continue;
      }
      if (source[at] !== ',') return failAt(at, open === '{' ? 'after object key:value pair' : 'after array element');
      at++;
      const failure = open === '{' ? objectKey() : undefined;
      if (failure) return failure;
      break;
    }
  }
}
