/**
 * The port of go-yaml v2's scanner and parser (src/yaml/go): token and event sequences, marks and
 * errors as go-yaml v2 (2.4.0, Debian's golang-gopkg-yaml.v2-dev, the oracle's) produces them.
 * Each expectation follows from the Go function named beside it; they were checked against
 * go-yaml's own yaml_parser_scan and yaml_parser_parse, which the last block compares with the
 * port on generated texts (tools/go-yaml-events; skipped without Go, failing under CI=true).
 *
 * Notation: `type line:column-line:column` (0-based, columns in characters), then the value;
 * errors: `error stage "problem" problem-mark "context" context-mark` (reader errors have no mark in go-yaml).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goYamlAvailability, goYamlEvents, goYamlTokens, type GoYamlFailure } from '../../../tools/go-yaml-events/go-yaml-events.mjs';
import type { IllFormedUtf8 } from '../src/bytes.js';
import type { GoEvent } from '../src/yaml/go/events.js';
import { GoParser } from '../src/yaml/go/parser.js';
import { GoScanner } from '../src/yaml/go/scanner.js';
import { GoYamlError, type GoToken } from '../src/yaml/go/tokens.js';
import { streamText } from './arbitraries/yaml-text.js';
import { runs, seed, timeoutFor } from './arbitraries/settings.js';

interface LineAndColumn {
  line: number;
  column: number;
}

/** Tokens and events without their offsets, as both the port and go-yaml give them. */
type Located<T> = Omit<T, 'start' | 'end'> & { start: LineAndColumn; end: LineAndColumn };

const at = (mark: LineAndColumn): string => `${mark.line}:${mark.column}`;
const quoted = (text: string | undefined): string => JSON.stringify(text ?? '');

function renderFailure({ stage, problem, problemMark, context, contextMark }: GoYamlFailure['error']): string {
  let text = `error ${stage} ${quoted(problem)}`;
  if (stage !== 'reader' && problemMark !== undefined) text += ` ${at(problemMark)}`;
  if (context !== undefined && context !== '' && contextMark !== undefined) text += ` ${quoted(context)} ${at(contextMark)}`;
  return text;
}

function renderError(error: unknown): string {
  if (!(error instanceof GoYamlError)) throw error;
  return renderFailure(error);
}

function renderToken(token: Located<GoToken>): string {
  let text = `${token.type} ${at(token.start)}-${at(token.end)}`;
  if (token.type === 'scalar' || token.type === 'alias' || token.type === 'anchor') text += ` ${quoted(token.value)}`;
  if (token.type === 'scalar' && token.style !== 'plain') text += ` ${token.style ?? ''}`;
  if (token.type === 'tag' || token.type === 'tag-directive') text += ` ${quoted(token.handle)} ${quoted(token.value)}`;
  if (token.type === 'version-directive') text += ` ${token.major ?? ''}.${token.minor ?? ''}`;
  return text;
}

function renderEvent(event: Located<GoEvent>): string {
  let text = `${event.type} ${at(event.start)}-${at(event.end)}`;
  if (event.anchor !== undefined) text += ` &${quoted(event.anchor)}`;
  if (event.tag !== undefined && event.tag !== '') text += ` !${quoted(event.tag)}`;
  if (event.type === 'scalar') {
    text += ` ${quoted(event.value)}`;
    if (event.style !== 'plain') text += ` ${event.style ?? ''}`;
    if (event.implicit === true) text += ' implicit';
    if (event.quotedImplicit === true) text += ' quoted-implicit';
  }
  if (event.type === 'sequence-start' || event.type === 'mapping-start') text += ` ${event.style ?? ''}`;
  if (event.type === 'document-end' && event.documentImplicit === true) text += ' implicit';
  return text;
}

/** The scanner's tokens up to the stream end, or up to its error. */
function tokens(text: string, illFormedUtf8: IllFormedUtf8[] = []): string[] {
  const scanner = new GoScanner(text, illFormedUtf8);
  const rendered: string[] = [];
  try {
    for (;;) {
      const token = scanner.peek();
      rendered.push(renderToken(token));
      scanner.skip();
      if (token.type === 'stream-end') return rendered;
    }
  } catch (error) {
    return [...rendered, renderError(error)];
  }
}

/** The parser's events up to the stream end, or up to its error. */
function events(text: string): string[] {
  const parser = new GoParser(new GoScanner(text));
  const rendered: string[] = [];
  try {
    for (;;) {
      const event = parser.peek();
      rendered.push(renderEvent(event));
      parser.skip();
      if (event.type === 'stream-end') return rendered;
    }
  } catch (error) {
    return [...rendered, renderError(error)];
  }
}

const MAPPING_A = ['stream-start 0:0-0:0', 'block-mapping-start 0:0-0:0', 'key 0:0-0:0', 'scalar 0:0-0:1 "a"', 'value 0:1-0:2'];

describe('GoScanner: tokens', () => {
  it('reads a block mapping, ending it at the stream end (yaml_parser_fetch_stream_end unrolls the indentation)', () => {
    expect(tokens('a: 1\n')).toEqual([...MAPPING_A, 'scalar 0:3-0:4 "1"', 'block-end 1:0-1:0', 'stream-end 1:0-1:0']);
  });

  it('rolls and unrolls the indentation stack for nested block collections (yaml_parser_roll_indent, unroll_indent)', () => {
    expect(tokens('a:\n  - b\n  -\n    c: d\n')).toEqual([
      ...MAPPING_A,
      'block-sequence-start 1:2-1:2',
      'block-entry 1:2-1:3',
      'scalar 1:4-1:5 "b"',
      'block-entry 2:2-2:3',
      'block-mapping-start 3:4-3:4',
      'key 3:4-3:4',
      'scalar 3:4-3:5 "c"',
      'value 3:5-3:6',
      'scalar 3:7-3:8 "d"',
      'block-end 4:0-4:0',
      'block-end 4:0-4:0',
      'block-end 4:0-4:0',
      'stream-end 4:0-4:0',
    ]);
  });

  it('inserts KEY before a simple key inside flow collections without rolling the indentation', () => {
    expect(tokens('k: [a, {b: c}]\n')).toEqual([
      'stream-start 0:0-0:0',
      'block-mapping-start 0:0-0:0',
      'key 0:0-0:0',
      'scalar 0:0-0:1 "k"',
      'value 0:1-0:2',
      'flow-sequence-start 0:3-0:4',
      'scalar 0:4-0:5 "a"',
      'flow-entry 0:5-0:6',
      'flow-mapping-start 0:7-0:8',
      'key 0:8-0:8',
      'scalar 0:8-0:9 "b"',
      'value 0:9-0:10',
      'scalar 0:11-0:12 "c"',
      'flow-mapping-end 0:12-0:13',
      'flow-sequence-end 0:13-0:14',
      'block-end 1:0-1:0',
      'stream-end 1:0-1:0',
    ]);
  });

  it('fails on a required simple key that never gets its colon, at the next token (yaml_simple_key_is_valid)', () => {
    expect(tokens('a: 1\nb\n')).toEqual([
      ...MAPPING_A,
      'scalar 0:3-0:4 "1"',
      `error scanner "could not find expected ':'" 2:0 "while scanning a simple key" 1:0`,
    ]);
  });

  it('gives up a simple key longer than 1024 characters (yaml_simple_key_is_valid), so its colon is out of place', () => {
    const key = 'x'.repeat(1025);
    expect(tokens(`${key}: 1\n`)).toEqual([
      'stream-start 0:0-0:0',
      `scalar 0:0-0:1025 "${key}"`,
      'error scanner "mapping values are not allowed in this context" 0:1025',
    ]);
  });

  it('reads directives, URI escapes in a %TAG prefix, tags with a named handle, anchors and aliases', () => {
    expect(tokens('%YAML 1.1\n%TAG !e! tag:e.com,2000:%41\n--- !e!x &a *b\n')).toEqual([
      'stream-start 0:0-0:0',
      'version-directive 0:0-0:9 1.1',
      'tag-directive 1:0-1:27 "!e!" "tag:e.com,2000:A"',
      'document-start 2:0-2:3',
      'tag 2:4-2:8 "!e!" "x"',
      'anchor 2:9-2:11 "a"',
      'alias 2:12-2:14 "b"',
      'stream-end 3:0-3:0',
    ]);
  });

  it('reads block scalars with indentation indicators, chomping and folding (yaml_parser_scan_block_scalar)', () => {
    expect(tokens('- |+2\n   x\n\n- >-\n  a\n  b\n\n   c\n  d\n')).toEqual([
      'stream-start 0:0-0:0',
      'block-sequence-start 0:0-0:0',
      'block-entry 0:0-0:1',
      'scalar 0:2-3:0 " x\\n\\n" literal',
      'block-entry 3:0-3:1',
      // A more indented line keeps the breaks around it; the others fold to a space.
      'scalar 3:2-9:0 "a b\\n\\n c\\nd" folded',
      'block-end 9:0-9:0',
      'stream-end 9:0-9:0',
    ]);
  });

  it('reads quoted scalars: escapes, an escaped line break, doubled quotes and folded empty lines', () => {
    expect(tokens(`- "a\\x41\\u00e9\\U0001F600\\\n  b"\n- 'it''s\n\n  x'\n`)).toEqual([
      'stream-start 0:0-0:0',
      'block-sequence-start 0:0-0:0',
      'block-entry 0:0-0:1',
      'scalar 0:2-1:4 "aAé😀b" double-quoted',
      'block-entry 2:0-2:1',
      `scalar 2:2-4:4 "it's\\nx" single-quoted`,
      'block-end 5:0-5:0',
      'stream-end 5:0-5:0',
    ]);
  });

  it('counts columns in characters and offsets in code units of the text', () => {
    const scanner = new GoScanner('a: \u{1F600}b\n');
    const seen: GoToken[] = [];
    for (let token = scanner.peek(); token.type !== 'stream-end'; token = scanner.peek()) {
      seen.push(token);
      scanner.skip();
    }
    const scalar = seen.findLast((token) => token.type === 'scalar');
    expect(scalar?.value).toBe('\u{1F600}b');
    expect(scalar?.end).toEqual({ offset: 6, line: 0, column: 5 });
  });

  it('drops a leading byte order mark without counting it in the marks (yaml_parser_determine_encoding)', () => {
    const scanner = new GoScanner('\ufeffa: 1\n');
    expect(scanner.peek().type).toBe('stream-start');
    scanner.skip();
    expect(scanner.peek()).toEqual({ type: 'block-mapping-start', start: { offset: 1, line: 0, column: 0 }, end: { offset: 1, line: 0, column: 0 } });
  });

  it('reads an empty text as a line break (decode.go newParser)', () => {
    expect(tokens('')).toEqual(['stream-start 0:0-0:0', 'stream-end 1:0-1:0']);
  });

  it('treats CR LF, CR, NEL, LS and PS as line breaks; a folded LS stays itself (read_line)', () => {
    expect(tokens('a: b\r\nc: d\u0085e\u2028f\u2029\n')).toEqual([
      ...MAPPING_A,
      'scalar 0:3-0:4 "b"',
      'key 1:0-1:0',
      'scalar 1:0-1:1 "c"',
      'value 1:1-1:2',
      'scalar 1:3-1:4 "d"',
      // `e` after the NEL is at column 0, a new required key without its colon.
      `error scanner "could not find expected ':'" 3:0 "while scanning a simple key" 2:0`,
    ]);
    expect(tokens('a\u2028b\n')).toEqual(['stream-start 0:0-0:0', 'scalar 0:0-1:1 "a\u2028b"', 'stream-end 2:0-2:0']);
  });

  it('refuses a tab where a block token may start (yaml_parser_scan_to_next_token skips tabs only in flow or after a key)', () => {
    expect(tokens('a:\n\tb\n')).toEqual([
      ...MAPPING_A,
      'error scanner "found character that cannot start any token" 1:0 "while scanning for the next token" 1:0',
    ]);
  });

  it.each([
    ['"abc', ['stream-start 0:0-0:0', 'error scanner "found unexpected end of stream" 0:4 "while scanning a quoted scalar" 0:0']],
    ['a: "\\q"\n', [...MAPPING_A, 'error scanner "found unknown escape character" 0:4 "while parsing a quoted scalar" 0:3']],
    ['a: |0\n', [...MAPPING_A, 'error scanner "found an indentation indicator equal to 0" 0:4 "while scanning a block scalar" 0:3']],
    ['a: !<tag:x\n', [...MAPPING_A, `error scanner "did not find the expected '>'" 0:10 "while scanning a tag" 0:3`]],
    ['a: !e%zz\n', [...MAPPING_A, 'error scanner "did not find URI escaped octet" 0:5 "while parsing a tag" 0:3']],
    ['a: *\n', [...MAPPING_A, 'error scanner "did not find expected alphabetic or numeric character" 0:4 "while scanning an alias" 0:3']],
    ['a: b: c\n', [...MAPPING_A, 'scalar 0:3-0:4 "b"', 'error scanner "mapping values are not allowed in this context" 0:4']],
    ['%FOO\n', ['stream-start 0:0-0:0', 'error scanner "found unknown directive name" 0:4 "while scanning a directive" 0:0']],
  ])('fails on %j with go-yaml problem, context and marks', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });
});

describe('GoScanner: the reader', () => {
  it('rejects control characters before any token when they are in the first 512 bytes (yaml_parser_update_buffer)', () => {
    expect(tokens('a: \u0007\n')).toEqual(['error reader "control characters are not allowed"']);
    // The reader decodes a whole 512-byte chunk before the scanner sees the bad escape.
    expect(tokens('a: "\\q"\nd: \u0007\n')).toEqual(['error reader "control characters are not allowed"']);
  });

  it('lets an earlier scanner error win over a control character the reader has not reached yet', () => {
    const text = `a: "\\q"\n${'b: c\n'.repeat(150)}d: \u0007\n`;
    expect(tokens(text)).toEqual([...MAPPING_A, 'error scanner "found unknown escape character" 0:4 "while parsing a quoted scalar" 0:3']);
  });

  it('fails on bytes that are not UTF-8 (runs of U+FFFD) where it decodes them, each counted as the one byte it is', () => {
    const run = (offset: number, length: number, width: number, problem: string) => [{ offset, length, width, problem, bytes: new Uint8Array(length).fill(0x80) }];
    // In the first chunk: before any token, at the first byte.
    expect(() => new GoScanner('a: \uFFFD\n', run(3, 1, 0, 'invalid leading UTF-8 octet')).peek()).toThrow(
      expect.objectContaining({ stage: 'reader', problem: 'invalid leading UTF-8 octet', illFormedBytes: 'utf-8', problemMark: { offset: 3, line: 0, column: 3 } }),
    );
    // A 3-byte sequence from byte 510 waits for the next chunk, which the parser never needs after `...`.
    const firstDocument = (text: string, runs: IllFormedUtf8[]) => {
      const parser = new GoParser(new GoScanner(text, runs));
      const seen: string[] = [];
      for (let event = parser.peek(); event.type !== 'document-end'; event = parser.peek()) {
        seen.push(event.type);
        parser.skip();
      }
      return seen;
    };
    const chunkEnd = `a: 1\n...\n#${'y'.repeat(500)}\uFFFD\n${'#'.repeat(600)}\n`;
    expect(firstDocument(chunkEnd, run(510, 1, 3, 'invalid trailing UTF-8 octet'))).toEqual(['stream-start', 'document-start', 'mapping-start', 'scalar', 'scalar', 'mapping-end']);
    // Two bytes of a 4-byte sequence, then the line feed: cut short by the end of the text (as three bytes each, they would not be).
    expect(tokens('a: x\uFFFD\uFFFD\n', run(4, 2, 4, 'invalid trailing UTF-8 octet')).at(-1)).toBe('error reader "incomplete UTF-8 octet sequence"');
  });

  it("gives a reader error the control character's place, for findings (go-yaml gives none)", () => {
    expect(() => new GoScanner('a: 1\nb: x\u0000\n').peek()).toThrow(
      expect.objectContaining({ stage: 'reader', problemMark: { offset: 9, line: 1, column: 4 } }),
    );
  });
});

// Each row of docs/yaml-decoding-differences.md that is the scanner's or the parser's. (The row
// on numeric keys colliding as JSON keys is decode.go's and sigs.k8s.io/yaml's, not theirs.)
describe('GoScanner and GoParser: the rows of docs/yaml-decoding-differences.md', () => {
  it('two byte order marks: is_bom tests the start of the buffer, so the first character where a token may start on each line is dropped', () => {
    expect(tokens('\ufeff\ufeffab: 1\nmerged: 2\n')).toEqual([
      'stream-start 0:0-0:0',
      'block-mapping-start 0:1-0:1',
      'key 0:1-0:1',
      'scalar 0:1-0:3 "ab"',
      'value 0:3-0:4',
      'scalar 0:5-0:6 "1"',
      'key 1:1-1:1',
      'scalar 1:1-1:6 "erged"',
      'value 1:6-1:7',
      'scalar 1:8-1:9 "2"',
      'block-end 2:0-2:0',
      'stream-end 2:0-2:0',
    ]);
  });

  it('two byte order marks: the quirk lasts until the reader refills its buffer (readerc.go, 512-byte chunks)', () => {
    const lines = Array.from({ length: 200 }, (_, index) => `k${String(index).padStart(3, '0')}: v\n`).join('');
    const keys = tokens(`\ufeff\ufeff${lines}`)
      .filter((token) => /^scalar \d+:0-/.test(token) || /^scalar \d+:1-/.test(token))
      .map((token) => JSON.parse(token.slice(token.indexOf('"'))) as string);
    // The first mark is dropped by yaml_parser_determine_encoding, the second by is_bom; then each line loses its first character.
    expect(keys.slice(0, 3)).toEqual(['k000', '001', '002']);
    expect(keys.filter((key) => !key.startsWith('k')).length).toBeGreaterThan(10);
    expect(keys.at(-1)).toBe('k199');
  });

  it('a byte order mark starting a later line is content: part of a plain key', () => {
    expect(tokens('a: 1\n\ufeff  b: 2\n')).toEqual([
      ...MAPPING_A,
      'scalar 0:3-0:4 "1"',
      'key 1:0-1:0',
      'scalar 1:0-1:4 "\ufeff  b"',
      'value 1:4-1:5',
      'scalar 1:6-1:7 "2"',
      'block-end 2:0-2:0',
      'stream-end 2:0-2:0',
    ]);
  });

  it('in a flow collection `?` ends a plain scalar and starts a key; `:` not followed by a blank stays in it (yaml_parser_scan_plain_scalar)', () => {
    expect(tokens('{a?b: 1}\n')).toEqual([
      'stream-start 0:0-0:0',
      'flow-mapping-start 0:0-0:1',
      'scalar 0:1-0:2 "a"',
      'key 0:2-0:3',
      'scalar 0:3-0:4 "b"',
      'value 0:4-0:5',
      'scalar 0:6-0:7 "1"',
      'flow-mapping-end 0:7-0:8',
      'stream-end 1:0-1:0',
    ]);
    expect(tokens('{\u00a0"v":[]}\n')).toEqual([
      'stream-start 0:0-0:0',
      'flow-mapping-start 0:0-0:1',
      'scalar 0:1-0:6 "\u00a0\\"v\\":"',
      'flow-sequence-start 0:6-0:7',
      'flow-sequence-end 0:7-0:8',
      'flow-mapping-end 0:8-0:9',
      'stream-end 1:0-1:0',
    ]);
  });

  it('a root followed by more tokens on its line: the scanner looks ahead while the root may be a simple key, inserting KEY late', () => {
    // yaml_parser_fetch_value inserts the KEY at the saved key's token number; the flow
    // level's own simple key entry was dropped at `}` (yaml_parser_decrease_flow_level), so
    // the position is behind the queue's head and go-yaml appends the KEY instead.
    expect(tokens('{}{a: 1}5{a: 1}\n')).toEqual([
      'stream-start 0:0-0:0',
      'flow-mapping-start 0:0-0:1',
      'flow-mapping-end 0:1-0:2',
      'flow-mapping-start 0:2-0:3',
      'key 0:3-0:3',
      'scalar 0:3-0:4 "a"',
      'value 0:4-0:5',
      'scalar 0:6-0:7 "1"',
      'flow-mapping-end 0:7-0:8',
      'scalar 0:8-0:11 "5{a"',
      'key 0:0-0:0',
      'block-mapping-start 0:0-0:0',
      'value 0:11-0:12',
      'scalar 0:13-0:15 "1}"',
      'block-end 1:0-1:0',
      'stream-end 1:0-1:0',
    ]);
  });

  it('a scanner error after the root surfaces while the parser reads the root (yaml_parser_fetch_more_tokens)', () => {
    expect(events('[]  "\\q"\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:1',
      'sequence-start 0:0-0:1 flow',
      'sequence-end 0:1-0:2',
      'error scanner "found unknown escape character" 0:5 "while parsing a quoted scalar" 0:4',
    ]);
  });

  it("a tagged empty key on the line after its mapping's tag: the mapping's tag, then a key with its own (yaml_parser_parse_node)", () => {
    expect(events('tags: !m\n  !!str : 1\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:0',
      'mapping-start 0:0-0:0 block',
      'scalar 0:0-0:4 "tags" implicit',
      'mapping-start 0:6-1:2 !"!m" block',
      'scalar 1:2-1:7 !"tag:yaml.org,2002:str" ""',
      'scalar 1:10-1:11 "1" implicit',
      'mapping-end 2:0-2:0',
      'mapping-end 2:0-2:0',
      'document-end 2:0-2:0 implicit',
      'stream-end 2:0-2:0',
    ]);
  });

  it('`---` after a CR or NEL is a document marker at column 0; after LS and a blank it is text (yaml_parser_fetch_next_token)', () => {
    const marker = ['stream-start 0:0-0:0', 'scalar 0:0-0:1 "a"', 'document-start 1:0-1:3', 'scalar 1:4-1:5 "b"', 'stream-end 2:0-2:0'];
    expect(tokens('a\r--- b\n')).toEqual(marker);
    expect(tokens('a\u0085--- b\n')).toEqual(marker);
    expect(tokens('a\u2028 --- b\n')).toEqual(['stream-start 0:0-0:0', 'scalar 0:0-1:6 "a\u2028--- b"', 'stream-end 2:0-2:0']);
  });

  it('a tag takes `,`, `[` and `]` as URI characters (yaml_parser_scan_tag_uri)', () => {
    expect(tokens('[!!str, a]\n')).toEqual([
      'stream-start 0:0-0:0',
      'flow-sequence-start 0:0-0:1',
      'tag 0:1-0:7 "!!" "str,"',
      'scalar 0:8-0:9 "a"',
      'flow-sequence-end 0:9-0:10',
      'stream-end 1:0-1:0',
    ]);
  });
});

describe('GoParser: events', () => {
  it('opens implicit and explicit documents and ends them with and without `...`', () => {
    expect(events('a: [b, c]\n---\n- x\n...\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:0',
      'mapping-start 0:0-0:0 block',
      'scalar 0:0-0:1 "a" implicit',
      'sequence-start 0:3-0:4 flow',
      'scalar 0:4-0:5 "b" implicit',
      'scalar 0:7-0:8 "c" implicit',
      'sequence-end 0:8-0:9',
      'mapping-end 1:0-1:0',
      'document-end 1:0-1:0 implicit',
      'document-start 1:0-1:3',
      'sequence-start 2:0-2:0 block',
      'scalar 2:2-2:3 "x" implicit',
      'sequence-end 3:0-3:0',
      'document-end 3:0-3:3',
      'stream-end 4:0-4:0',
    ]);
  });

  it('resolves tag handles against %TAG directives and the default `!` and `!!` (yaml_parser_process_directives)', () => {
    expect(events('%TAG !e! tag:e.com,2000:\n--- !e!x\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-1:3',
      'scalar 1:4-1:8 !"tag:e.com,2000:x" ""',
      'document-end 2:0-2:0 implicit',
      'stream-end 2:0-2:0',
    ]);
    expect(events('a: !!int 1\nb: !x\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:0',
      'mapping-start 0:0-0:0 block',
      'scalar 0:0-0:1 "a" implicit',
      'scalar 0:3-0:10 !"tag:yaml.org,2002:int" "1"',
      'scalar 1:0-1:1 "b" implicit',
      'scalar 1:3-1:5 !"!x" ""',
      'mapping-end 2:0-2:0',
      'document-end 2:0-2:0 implicit',
      'stream-end 2:0-2:0',
    ]);
  });

  it('reads a lone `!` as the tag `!`, which leaves a plain scalar implicit', () => {
    expect(events('! a\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:1',
      'scalar 0:0-0:3 !"!" "a" implicit',
      'document-end 1:0-1:0 implicit',
      'stream-end 1:0-1:0',
    ]);
  });

  it('gives a block scalar under a tagless document no implicit flag but quoted_implicit', () => {
    expect(events('--- !!map\n--- |\n x\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:3',
      'scalar 0:4-0:9 !"tag:yaml.org,2002:map" ""',
      'document-end 1:0-1:0 implicit',
      'document-start 1:0-1:3',
      'scalar 1:4-3:0 "x\\n" literal quoted-implicit',
      'document-end 3:0-3:0 implicit',
      'stream-end 3:0-3:0',
    ]);
  });

  it('reads indentless sequences and empty values with their marks', () => {
    expect(events('a:\n- b\n-\nd:\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:0',
      'mapping-start 0:0-0:0 block',
      'scalar 0:0-0:1 "a" implicit',
      'sequence-start 1:0-1:1 block',
      'scalar 1:2-1:3 "b" implicit',
      'scalar 2:1-2:1 "" implicit',
      'sequence-end 3:0-3:0',
      'scalar 3:0-3:1 "d" implicit',
      'scalar 3:2-3:2 "" implicit',
      'mapping-end 4:0-4:0',
      'document-end 4:0-4:0 implicit',
      'stream-end 4:0-4:0',
    ]);
  });

  it('gives flow mapping keys without values an empty value', () => {
    expect(events('{a, b: , ? c}\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:1',
      'mapping-start 0:0-0:1 flow',
      'scalar 0:1-0:2 "a" implicit',
      'scalar 0:2-0:2 "" implicit',
      'scalar 0:4-0:5 "b" implicit',
      'scalar 0:7-0:7 "" implicit',
      'scalar 0:11-0:12 "c" implicit',
      'scalar 0:12-0:12 "" implicit',
      'mapping-end 0:12-0:13',
      'document-end 1:0-1:0 implicit',
      'stream-end 1:0-1:0',
    ]);
  });

  it('reads a single pair in a flow sequence as a mapping; a pair without a key there is no node', () => {
    expect(events('[a: b, : c]\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:1',
      'sequence-start 0:0-0:1 flow',
      'mapping-start 0:1-0:1 flow',
      'scalar 0:1-0:2 "a" implicit',
      'scalar 0:4-0:5 "b" implicit',
      'mapping-end 0:5-0:5',
      'error parser "did not find expected node content" 0:7 "while parsing a flow node" 0:7',
    ]);
  });

  it('gives an anchor without content an empty scalar', () => {
    expect(events('&a\n')).toEqual([
      'stream-start 0:0-0:0',
      'document-start 0:0-0:2',
      'scalar 0:0-0:2 &"a" "" implicit',
      'document-end 1:0-1:0 implicit',
      'stream-end 1:0-1:0',
    ]);
  });

  it.each([
    ['!u!x a\n', ['stream-start 0:0-0:0', 'document-start 0:0-0:4', 'error parser "found undefined tag handle" 0:0 "while parsing a node" 0:0']],
    [
      'a:\n  b: 1\n c: 2\n',
      [
        'stream-start 0:0-0:0',
        'document-start 0:0-0:0',
        'mapping-start 0:0-0:0 block',
        'scalar 0:0-0:1 "a" implicit',
        'mapping-start 1:2-1:2 block',
        'scalar 1:2-1:3 "b" implicit',
        'scalar 1:5-1:6 "1" implicit',
        'mapping-end 2:1-2:1',
        'error parser "did not find expected key" 2:1 "while parsing a block mapping" 0:0',
      ],
    ],
    [
      'key: ]\n',
      [
        'stream-start 0:0-0:0',
        'document-start 0:0-0:0',
        'mapping-start 0:0-0:0 block',
        'scalar 0:0-0:3 "key" implicit',
        'error parser "did not find expected node content" 0:5 "while parsing a block node" 0:5',
      ],
    ],
    [
      '[a\n',
      [
        'stream-start 0:0-0:0',
        'document-start 0:0-0:1',
        'sequence-start 0:0-0:1 flow',
        'scalar 0:1-0:2 "a" implicit',
        `error parser "did not find expected ',' or ']'" 1:0 "while parsing a flow sequence" 0:0`,
      ],
    ],
    [
      '{a: 1}\n[b]\n',
      [
        'stream-start 0:0-0:0',
        'document-start 0:0-0:1',
        'mapping-start 0:0-0:1 flow',
        'scalar 0:1-0:2 "a" implicit',
        'scalar 0:4-0:5 "1" implicit',
        'mapping-end 0:5-0:6',
        'document-end 1:0-1:0 implicit',
        'error parser "did not find expected <document start>" 1:0',
      ],
    ],
    ['%YAML 1.2\n---\na\n', ['stream-start 0:0-0:0', 'error parser "found incompatible YAML document" 0:0']],
    ['%TAG ! a\n%TAG ! b\n---\n', ['stream-start 0:0-0:0', 'error parser "found duplicate %TAG directive" 1:0']],
    [
      'a: b\nc\n',
      [
        'stream-start 0:0-0:0',
        'document-start 0:0-0:0',
        'mapping-start 0:0-0:0 block',
        'scalar 0:0-0:1 "a" implicit',
        'scalar 0:3-0:4 "b" implicit',
        `error scanner "could not find expected ':'" 2:0 "while scanning a simple key" 1:0`,
      ],
    ],
  ])('fails on %j with go-yaml problem, context and marks', (text, expected) => {
    expect(events(text)).toEqual(expected);
  });
});

/** Short texts of the characters the scanner treats specially, in any order. */
const scannerPieces = fc
  .array(
    fc.constantFrom(
      ...['a', 'key', '1', '-', '- ', ': ', ':', '? ', '?', ',', '[', ']', '{', '}', '#', ' #c', '&x', '*x', '!', '!!str', '!e!', '!<t>', '%41'],
      ...['|', '>', '|-', '>+2', "'", '"', '\\', '\\n', '\\x4', ' ', '  ', '\t', '\n', '\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029'],
      ...['\ufeff', '---', '...', '--- ', '%YAML 1.1', '%TAG !e! tag:x,1:', '\u00a0', 'é', '\u{1F600}', '@', '`', '%', '\u0007', '\ufffe'],
    ),
    { maxLength: 16 },
  )
  .map((pieces) => pieces.join(''));

/** Longer texts, past the reader's first 512-byte chunk: byte order marks and control characters where its refills matter. */
const readerLines = fc
  .tuple(
    fc.constantFrom('', '\ufeff', '\ufeff\ufeff'),
    fc.array(
      fc.tuple(fc.constantFrom('', '', '', '\ufeff', ' '), fc.constantFrom('v', 'é', '\u{1F600}x', '"q"', '[a, b]', '"\\q"', '\u0007', '*a', '- i', 'p\n  q'), fc.constantFrom('\n', '\r\n', '\u2028', ' # c\n')),
      { minLength: 20, maxLength: 120 },
    ),
  )
  .map(([head, lines]) => head + lines.map(([indent, value, end], index) => `${indent}key${index}: ${value}${end}`).join(''));

const generatedText = fc.oneof({ weight: 3, arbitrary: streamText }, { weight: 3, arbitrary: scannerPieces }, { weight: 1, arbitrary: readerLines });

const goYaml = goYamlAvailability();
if (!goYaml.available) {
  if (process.env.CI === 'true') throw new Error(`CI needs go-yaml-events: ${goYaml.reason}`);
  console.warn(`go-scanner.test.ts: the comparison with go-yaml is SKIPPED: ${goYaml.reason}`);
}

const sampleRuns = 10_000;
const share = 0.5;

describe.skipIf(!goYaml.available)("GoScanner and GoParser against go-yaml's own (tools/go-yaml-events)", () => {
  /** The port's rendering of each generated text equals go-yaml's (asked for all texts at once, then for any new one shrinking makes). */
  function agrees<T>(answer: (texts: readonly string[]) => (T | GoYamlFailure)[][], render: (item: T) => string, ported: (text: string) => string[]): void {
    const renderAll = (items: (T | GoYamlFailure)[] = []): string[] =>
      items.map((item) => (item !== null && typeof item === 'object' && 'error' in item ? renderFailure(item.error) : render(item)));
    const parameters = runs<[string]>(sampleRuns, share);
    const texts = fc.sample(generatedText, { seed, numRuns: parameters.numRuns ?? sampleRuns });
    const expected = new Map<string, string[]>();
    answer(texts).forEach((items, index) => expected.set(texts[index] ?? '', renderAll(items)));
    fc.assert(
      fc.property(generatedText, (text) => {
        expect(ported(text)).toEqual(expected.get(text) ?? renderAll(answer([text])[0]));
      }),
      parameters,
    );
  }

  it(
    'makes the same tokens, marks and errors',
    () => agrees(goYamlTokens, renderToken, tokens),
    timeoutFor(sampleRuns, share, 2),
  );

  it(
    'makes the same events, marks and errors',
    () => agrees(goYamlEvents, renderEvent, events),
    timeoutFor(sampleRuns, share, 2),
  );
});

/**
 * Each block and quoted scalar of a whole scan, scanned again alone by GoScanner.scalarsOf at its
 * start with the indentation the scanner had there (the column of the innermost block
 * collection): the same value and end, or the same problem where the whole scan fails inside the scalar.
 */
function scalarsAlone(text: string): { whole: string[]; alone: string[] } {
  const read = (token: GoToken): string => `${quoted(token.value)} to ${token.end.offset}`;
  const scanner = new GoScanner(text);
  const scanAlone = GoScanner.scalarsOf(text);
  const rescan = (offset: number, indent: number): string => {
    try {
      return read(scanAlone(offset, indent));
    } catch (error) {
      if (!(error instanceof GoYamlError)) throw error;
      return error.problem;
    }
  };
  const whole: string[] = [];
  const alone: string[] = [];
  const indents: number[] = [];
  for (;;) {
    let token: GoToken;
    try {
      token = scanner.peek();
    } catch (error) {
      if (error instanceof GoYamlError && (error.context === 'while scanning a block scalar' || error.context === 'while scanning a quoted scalar' || error.context === 'while parsing a quoted scalar') && error.contextMark) {
        whole.push(error.problem);
        alone.push(rescan(error.contextMark.offset, indents.at(-1) ?? -1));
      }
      return { whole, alone };
    }
    if (token.type === 'stream-end') return { whole, alone };
    if (token.type === 'block-mapping-start' || token.type === 'block-sequence-start') indents.push(token.start.column);
    if (token.type === 'block-end') indents.pop();
    if (token.type === 'scalar' && token.style !== 'plain') {
      whole.push(read(token));
      alone.push(rescan(token.start.offset, indents.at(-1) ?? -1));
    }
    scanner.skip();
  }
}

describe('GoScanner.scalarsOf: one scalar at a time, for the fast reader', () => {
  it('reads block and quoted scalars, their folding and indentation, and their errors, as the whole scan does', () => {
    const text = 'a:\n  b: |2-\n     x\n    y\n\n  c: >\n   folded\n   line\n\n   more\n  d: "one \\\n    two\n\n    three"\n- \'x\'\n';
    const { whole, alone } = scalarsAlone(text);
    // The indentation indicator counts from the mapping's column 2; a folded line next to an empty one keeps its break.
    // A block scalar ends where the first line it does not take starts.
    expect(whole).toEqual(['" x\\ny" to 26', '"folded line\\nmore\\n" to 60', '"one two\\nthree" to 91', '"x" to 97']);
    expect(alone).toEqual(whole);
    expect(scalarsAlone('k:\n  - |\n   x\n  - "bad \\q"\n')).toEqual({
      whole: ['"x\\n" to 14', 'found unknown escape character'],
      alone: ['"x\\n" to 14', 'found unknown escape character'],
    });
  });

  const sampleRuns = 2000;
  it(
    'agrees with the whole scan on generated texts the reader accepts',
    () => {
      fc.assert(
        fc.property(
          // The reader would reject a control character: scalarsOf takes only texts it accepts whole.
          // eslint-disable-next-line no-control-regex -- control characters are what it filters
          streamText.filter((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ud800-\udfff\ufffe\uffff]/.test(text)),
          (text) => {
            const { whole, alone } = scalarsAlone(text);
            expect(alone).toEqual(whole);
          },
        ),
        runs(sampleRuns, 0.05),
      );
    },
    timeoutFor(sampleRuns, 0.05),
  );
});
