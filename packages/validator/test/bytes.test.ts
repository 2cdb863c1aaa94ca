/**
 * decodeBytes reads bytes as cli-runtime's x/text transform does (oracle.test.ts compares it with
 * x/text itself on generated files); these cases pin the rules without the oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, decodeBytes, encodeText, rules, validate } from '../src/index.js';
import { streamBytes } from './arbitraries/bytes.js';
import { invariantViolations } from './arbitraries/invariants.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('decodeBytes', () => {
  it('replaces each maximal ill-formed UTF-8 subsequence with one U+FFFD, as x/text (not Go\'s per-byte way)', () => {
    // A truncated three-byte sequence is one replacement; an overlong, a surrogate and a stray byte one per byte.
    expect(decodeBytes(bytes('a', [0xe2, 0x82], 'b')).text).toBe('a\uFFFDb');
    expect(decodeBytes(bytes([0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80])).text).toBe('\uFFFD'.repeat(6));
    expect(decodeBytes(bytes([0xf4, 0x90, 0x80, 0x80])).text).toBe('\uFFFD'.repeat(4));
    expect(decodeBytes(bytes('x', [0xf0, 0x9f, 0x98])).text).toBe('x\uFFFD');
  });

  it('says where the first replacement stands, past literal U+FFFD characters', () => {
    expect(decodeBytes(bytes('\uFFFD\u00e9 ', [0xe9], ' \uFFFD'))).toEqual({ text: '\uFFFD\u00e9 \uFFFD \uFFFD', encoding: 'utf-8', firstIllFormed: 3 });
  });

  it('after a UTF-8 byte order mark reads each ill-formed byte as one U+FFFD (Go\'s utf8.DecodeRune) and says how go-yaml meets each run', () => {
    // Each run keeps its bytes (a view of the input): a document that starts with FE FF or FF FE is one go-yaml reads as UTF-16.
    const run = (offset: number, width: number, problem: string, runBytes: number[]) => ({ offset, length: runBytes.length, width, problem, bytes: Buffer.from(runBytes) });
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'a', [0xff]))).toEqual({
      text: '\uFEFFa\uFFFD',
      encoding: 'utf-8-bom',
      firstIllFormed: 2,
      illFormedUtf8: [run(2, 0, 'invalid leading UTF-8 octet', [0xff])],
    });
    // readerc.go: the length from the first byte's high bits, then 10xxxxxx bytes, then the value.
    const { text, illFormedUtf8 } = decodeBytes(bytes([0xef, 0xbb, 0xbf], 'a', [0xe2, 0x82], '\n', [0xc0, 0x80], '\uFFFD', [0xed, 0xa0, 0x80], 'b', [0xf4, 0x90, 0x80, 0x80], [0x80], [0xf0, 0x9f]));
    expect(text).toBe('\uFEFFa\uFFFD\uFFFD\n\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDb' + '\uFFFD'.repeat(7));
    expect(illFormedUtf8).toEqual([
      run(2, 3, 'invalid trailing UTF-8 octet', [0xe2, 0x82]),
      run(5, 2, 'invalid length of a UTF-8 sequence', [0xc0, 0x80]),
      // the literal U+FFFD between is a character, not a run
      run(8, 3, 'invalid Unicode character', [0xed, 0xa0, 0x80]),
      run(12, 4, 'invalid Unicode character', [0xf4, 0x90, 0x80, 0x80, 0x80, 0xf0, 0x9f]),
    ]);
  });

  it('reads UTF-16 after its mark; unpaired surrogates and an odd last byte are U+FFFD', () => {
    expect(decodeBytes(Buffer.from('\uFEFFa: \u{1F600}\uFEFF', 'utf16le'))).toEqual({ text: '\uFEFFa: \u{1F600}\uFEFF', encoding: 'utf-16le' });
    expect(decodeBytes(utf16be('\uFEFFa: \u00e9'))).toEqual({ text: '\uFEFFa: \u00e9', encoding: 'utf-16be' });
    // A high surrogate before the odd byte: two replacements (WHATWG's decoder would merge them).
    expect(decodeBytes(bytes([0xff, 0xfe, 0x61, 0x00, 0x3d, 0xd8, 0x62]))).toEqual({ text: '\uFEFFa\uFFFD\uFFFD', encoding: 'utf-16le', firstIllFormed: 2 });
    expect(decodeBytes(bytes([0xfe, 0xff, 0xff, 0xfd, 0xdc, 0x00, 0x00, 0x61]))).toEqual({ text: '\uFEFF\uFFFD\uFFFDa', encoding: 'utf-16be', firstIllFormed: 2 });
    expect(decodeBytes(bytes([0xff, 0xfe]))).toEqual({ text: '\uFEFF', encoding: 'utf-16le' });
    // A surrogate followed by a low surrogate: x/text takes both, one U+FFFD unless they pair.
    expect(decodeBytes(bytes([0xff, 0xfe, 0x00, 0xdc, 0x00, 0xdc, 0x61, 0x00])).text).toBe('\uFEFF\uFFFDa');
    expect(decodeBytes(bytes([0xfe, 0xff, 0xdf, 0xff, 0xdc, 0x00, 0xd8, 0x3d, 0xde, 0x00])).text).toBe('\uFEFF\uFFFD\u{1F600}');
  });

  it('encodeText gives back the bytes of every well-formed file, in its encoding and byte order', () => {
    const file = fc.tuple(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'));
    fc.assert(
      fc.property(file, ([text, encoding]) => {
        const raw =
          encoding === 'utf-8' ? Buffer.from(text.replace(/^\uFEFF/, '')) : encoding === 'utf-8-bom' ? Buffer.from(`\uFEFF${text}`) : encoding === 'utf-16le' ? Buffer.from(`\uFEFF${text}`, 'utf16le') : utf16be(`\uFEFF${text}`);
        const decoded = decodeBytes(raw);
        expect(decoded.firstIllFormed).toBeUndefined();
        expect(Buffer.from(encodeText(decoded.text, decoded.encoding)).equals(raw)).toBe(true);
      }),
      { seed: 20_251_125, numRuns: 1_000 },
    );
  });
});

/** What `decode` gives for a file's bytes, as the CLI reads them; each error as `index line:column problem`. */
function decodeFile(file: Uint8Array): unknown[] {
  const decoded = decodeBytes(file);
  return decode(decoded.text, decoded).map((document) =>
    'error' in document ? `${document.index} ${document.error.line}:${document.error.column} ${/\("([^"]+)"\)/.exec(document.error.message)?.[1] ?? document.error.message}` : document.value,
  );
}

describe('bytes that are not UTF-8 after a UTF-8 byte order mark, as go-yaml meets them (expectations from tools/oracle)', () => {
  const bom = [0xef, 0xbb, 0xbf];
  const comment600 = `# ${'x'.repeat(600)}\n`;

  it('fail the document go-yaml reads them in, at the first byte, with its reader problem', () => {
    expect(decodeFile(bytes(bom, 'a: 1\n---\nb: x', [0x80], '\n'))).toEqual([{ a: 1 }, '1 3:5 invalid leading UTF-8 octet']);
    expect(decodeFile(bytes(bom, 'a: "x', [0xc0, 0x80], '"\n'))).toEqual(['0 1:6 invalid length of a UTF-8 sequence']);
    expect(decodeFile(bytes(bom, 'a: x', [0xed, 0xa0, 0x80], '\n'))).toEqual(['0 1:5 invalid Unicode character']);
    expect(decodeFile(bytes(bom, 'a: x', [0xe2, 0x82]))).toEqual(['0 1:5 invalid trailing UTF-8 octet']);
    // Cut short by the end of the document: the line feed after it is all that is left.
    expect(decodeFile(bytes(bom, 'a: x', [0xf0, 0x9f]))).toEqual(['0 1:5 incomplete UTF-8 octet sequence']);
  });

  it('not on a separator line, in a JSON stream, or where go-yaml stops reading first', () => {
    expect(decodeFile(bytes(bom, 'a: 1\n--- # c', [0xf0, 0x9f, 0x98], '\nb: 2\n'))).toEqual([{ a: 1 }, { b: 2 }]);
    // encoding/json: one U+FFFD per byte.
    expect(decodeFile(bytes(bom, '{"a": "x', [0xe2, 0x82], '"}'))).toEqual([{ a: 'x\uFFFD\uFFFD' }]);
    // After `...` go-yaml reads the next character only: the 512-byte chunk it is in, not a later one.
    expect(decodeFile(bytes(bom, 'a: 1\n...\n# ', [0x80], '\n', comment600))).toEqual(['0 3:3 invalid leading UTF-8 octet']);
    expect(decodeFile(bytes(bom, 'a: 1\n...\n', comment600, '# ', [0x80], '\n'))).toEqual([{ a: 1 }]);
    expect(decodeFile(bytes(bom, 'a: 1\n', comment600, '# ', [0x80], '\n'))).toEqual(['0 3:3 invalid leading UTF-8 octet']);
    // A sequence cut short at the end is decoded only when go-yaml reads past the last character; a
    // lone CR is a line break to go-yaml, so `...` ends the document there.
    expect(decodeFile(bytes(bom, 'a: 1\n...\n', [0xf0, 0x9f]))).toEqual([{ a: 1 }]);
    expect(decodeFile(bytes(bom, 'a: 1\n#', 'y'.repeat(505), [0xe2, 0x28], '\n...\n', comment600))).toEqual(['0 2:507 invalid trailing UTF-8 octet']);
    expect(decodeFile(bytes(bom, 'a: 1\n...\n#', 'y'.repeat(500), [0xe2, 0x28], '\n', comment600))).toEqual([{ a: 1 }]);
    // After the root the parser needs the next token; a flow collection there may be a simple key,
    // so the scanner reads on to the token after it: past the last character, or only to a third.
    expect(decodeFile(bytes(bom, '[1]\n[2]\n', [0xf0, 0x9f]))).toEqual(['0 3:1 incomplete UTF-8 octet sequence']);
    expect(decodeFile(bytes(bom, '[1]\n[2]\n[3]\n', [0xf0, 0x9f]))).toEqual([[1]]);
  });

  it('validate reports them as file-encoding in that document and validates the others', () => {
    const decoded = decodeBytes(bytes(bom, 'kind: ImageStream\napiVersion: image.openshift.io/v1\nmetadata:\n  name: ok\n---\nkind: x', [0xff], '\n'));
    const { findings } = validate(decoded.text, decoded);
    expect(findings.map(({ ruleId, line, column, documentIndex }) => ({ ruleId, line, column, documentIndex }))).toEqual([{ ruleId: 'file-encoding', line: 6, column: 8, documentIndex: 1 }]);
  });
});

describe('a document whose bytes start FE FF or FF FE after a UTF-8 byte order mark, which go-yaml reads as UTF-16 (expectations from tools/oracle)', () => {
  const bom = [0xef, 0xbb, 0xbf];
  const utf16 = (text: string, littleEndian: boolean) => [...(littleEndian ? Buffer.from(`\uFEFF${text}`, 'utf16le') : utf16be(`\uFEFF${text}`))];

  it('is decoded as UTF-16, first or after a separator; in little-endian its last line feed leaves a byte alone', () => {
    expect(decodeFile(bytes(bom, utf16('a: 1\nb: [x, caf\u00e9, \u{1F600}]\n', false)))).toEqual([{ a: 1, b: ['x', 'caf\u00e9', '\u{1F600}'] }]);
    expect(decodeFile(bytes(bom, 'a: 1\n---\n', utf16('b: 2\n', false), '---\nc: 3\n'))).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    // Integers beyond 2^53 exactly as oc sends them, tagged ones too (read from the decoded text, not the source).
    expect(decodeFile(bytes(bom, utf16('a: !!int 9007199254740993\nb: [9007199254740993]\n', false)))).toEqual([{ a: 9007199254740993n, b: [9007199254740993n] }]);
    // YAMLReader cuts lines at the byte 0A: the 00 after the last one is a line of its own, and the line feed it gets makes an odd byte count.
    expect(decodeFile(bytes(bom, utf16('a: 1\n', true)))).toEqual(['0 2:2 incomplete UTF-16 character']);
    // Without it, the line feed YAMLReader adds makes the odd byte: past the end of the line.
    expect(decodeFile(bytes(bom, utf16('a: 1', true)))).toEqual(['0 1:11 incomplete UTF-16 character']);
  });

  it("fails with go-yaml's problems for UTF-16 it cannot read, at the source character holding the unit's first byte", () => {
    expect(decodeFile(bytes(bom, utf16('a: x', false), [0xdc, 0x00], '\n'))).toEqual(['0 1:11 unexpected low surrogate area']);
    expect(decodeFile(bytes(bom, utf16('a: x', false), [0xd8, 0x00, 0x00, 0x41], '\n'))).toEqual(['0 1:11 expected low surrogate area']);
    expect(decodeFile(bytes(bom, utf16('a: x', false), [0xd8, 0x00]))).toEqual(['0 1:11 incomplete UTF-16 surrogate pair']);
    expect(decodeFile(bytes(bom, [0xfe, 0xff]))).toEqual(['0 1:3 incomplete UTF-16 character']);
    // A control character, a syntax error: go-yaml's own words.
    expect(decodeFile(bytes(bom, utf16('a: x\u0007\n', false)))).toEqual(['0 1:11 control characters are not allowed']);
    expect(decodeFile(bytes(bom, utf16('a: [1\n', false)))).toEqual(["0 2:1 did not find expected ',' or ']'"]);
  });

  it('is read 512 bytes at a time: a unit in a later chunk is never decoded after `...`', () => {
    const comment = `# ${'x'.repeat(600)}\n`;
    expect(decodeFile(bytes(bom, utf16(`a: 1\n...\n${comment}`, false), [0xdc, 0x00]))).toEqual([{ a: 1 }]);
    expect(decodeFile(bytes(bom, utf16(`a: 1\n${comment}`, false), [0xdc, 0x00]))).toEqual(['0 3:1 unexpected low surrogate area']);
  });

  it('validate judges its value, places findings on the bytes of its characters and offers no edits there', () => {
    const decoded = decodeBytes(bytes(bom, 'kind: ImageStream\n---\n', utf16('apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: Bad_Name\n', false)));
    const { findings } = validate(decoded.text, decoded);
    const named = findings.find((finding) => finding.ruleId === 'imagestream-name');
    // Line 6 is `00 20 00 20 00 6E …`: the 8 units of `  name: ` are columns 1-16, and 'B' starts with the 00 at column 17.
    expect(named).toMatchObject({ documentIndex: 1, line: 6, column: 17 });
    expect(named?.suggestions ?? []).toEqual([]);
    expect(named?.fix).toBeUndefined();
  });

  it('is read as UTF-8 where the runs were made without their bytes (never a throw)', () => {
    const madeByHand = [{ offset: 0, length: 2, width: 0, problem: 'invalid leading UTF-8 octet' }];
    expect(decode('\uFFFD\uFFFDa: 1\n', { illFormedUtf8: madeByHand })).toMatchObject([{ index: 0, error: { line: 1, column: 1 } }]);
    expect(validate('\uFFFD\uFFFDa: 1\n', { illFormedUtf8: madeByHand }).findings.map((finding) => finding.ruleId)).toEqual(['file-encoding']);
  });

  it('findings stay inside the text on generated files', () => {
    const ruleIds = new Set(rules.map((rule) => rule.id));
    fc.assert(
      fc.property(streamBytes, (file) => {
        const decoded = decodeBytes(file);
        expect(invariantViolations(decoded.text, validate(decoded.text, decoded).findings, ruleIds)).toEqual([]);
      }),
      { seed: 20_251_125, numRuns: 1_000 },
    );
  });
});
