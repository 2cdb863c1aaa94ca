/**
 * Files as bytes for the differential tests against the go-yaml oracle: generated streams saved as
 * UTF-8 (with or without a byte order mark) or UTF-16LE/BE with one, with ill-formed sequences
 * dropped in anywhere (in keys, values, comments, between the bytes of a character) — what
 * cli-runtime's x/text transform turns into text before oc reads YAML; and after a UTF-8 mark,
 * documents saved as UTF-16 with their own mark, which x/text passes on unchecked and go-yaml
 * reads as UTF-16. And scalars that are numbers of every form, to compare the JSON text oc sends for them.
 */
import fc from 'fast-check';
import { streamText } from './yaml-text.js';

/** Ill-formed UTF-8 (stray, overlong, truncated, surrogates, beyond U+10FFFF) and some well-formed neighbours. */
const UTF8_PIECES = [
  [0x80], [0xbf], [0xc3], [0xf5], [0xfe], [0xff], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xe0, 0x9f, 0xbf],
  [0xf0, 0x80, 0x80, 0xaf], [0xf0, 0x8f, 0xbf, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80],
  [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xf4, 0x90, 0x80, 0x80], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0x28],
  // well-formed: a byte order mark later in the file, a literal U+FFFD, U+FFFE
  [0xef, 0xbb, 0xbf], [0xef, 0xbf, 0xbd], [0xef, 0xbf, 0xbe],
];

/** UTF-16 code units: unpaired and reversed surrogates, a second byte order mark, U+FFFE, U+FFFD. */
const UTF16_PIECES = [[0xd800], [0xdbff], [0xdc00], [0xdfff], [0xdc00, 0xd800], [0xdc00, 0xdc00], [0xdfff, 0xdfff, 0xd800], [0xd83d, 0x41], [0xfeff], [0xfffe], [0xfffd], [0xd83d, 0xde00]];

/** `utf-8-bom-mixed`: after a UTF-8 mark, each document (the lines between separator lines) in UTF-8, UTF-16LE or UTF-16BE. */
const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-8-bom-mixed'] as const;

type DocumentEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function insertAt(bytes: Uint8Array, insertions: readonly (readonly [number, Uint8Array])[], step: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let from = 0;
  const slots = Math.floor(bytes.length / step) + 1;
  for (const [at, piece] of [...insertions].map(([at, piece]) => [(at % slots) * step, piece] as const).sort((a, b) => a[0] - b[0])) {
    parts.push(bytes.subarray(from, at), piece);
    from = at;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

function utf16Units(units: readonly number[], littleEndian: boolean): Uint8Array {
  const bytes = Buffer.alloc(units.length * 2);
  units.forEach((unit, index) => (littleEndian ? bytes.writeUInt16LE(unit, index * 2) : bytes.writeUInt16BE(unit, index * 2)));
  return bytes;
}

/** `text` in UTF-16 after its mark, with `insertions` of UTF16_PIECES. */
function utf16Body(text: string, littleEndian: boolean, insertions: readonly (readonly [number, number])[]): Uint8Array {
  const units = [...text].flatMap((character) => [...Array(character.length).keys()].map((index) => character.charCodeAt(index)));
  const pieces = insertions.map(([at, pick]) => [at, utf16Units(UTF16_PIECES[pick % UTF16_PIECES.length] ?? [], littleEndian)] as const);
  return Buffer.concat([utf16Units([0xfeff], littleEndian), insertAt(utf16Units(units, littleEndian), pieces, 2)]);
}

/**
 * After a UTF-8 mark, the lines of each document between separator lines (`---`, kept in UTF-8)
 * in the encoding `encodings` gives it in turn; a UTF-16 one gets the insertions and, when the
 * odd byte is odd, loses its last byte. A UTF-16LE document ends with the 00 after its last line
 * feed, so the separator line after it starts with that byte and is none: oc (and this test) read
 * the rest of the file as part of that document.
 */
function mixedBytes(text: string, encodings: readonly DocumentEncoding[], insertions: readonly (readonly [number, number])[], oddByte: number | null): Uint8Array {
  const parts: Uint8Array[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  let document = '';
  let count = 0;
  const flush = () => {
    const encoding = encodings[count++ % Math.max(1, encodings.length)] ?? 'utf-16be';
    if (encoding === 'utf-8') parts.push(Buffer.from(document, 'utf8'));
    else {
      const body = utf16Body(document, encoding === 'utf-16le', insertions);
      parts.push(oddByte !== null && oddByte % 2 === 1 ? body.subarray(0, -1) : body);
    }
    document = '';
  };
  for (const line of text.split(/(?<=\n)/)) {
    if (!line.startsWith('---')) {
      document += line;
      continue;
    }
    if (document !== '' || count > 0) flush();
    parts.push(Buffer.from(line, 'utf8'));
  }
  flush();
  return Buffer.concat(parts);
}

/** A stream saved in one of the encodings oc reads, with up to three pieces put in and maybe an odd last byte. */
export const streamBytes: fc.Arbitrary<Uint8Array> = fc
  .record({
    text: streamText,
    encoding: fc.constantFrom(...ENCODINGS),
    insertions: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    oddByte: fc.option(fc.integer({ min: 0, max: 255 }), { freq: 8 }),
    documentEncodings: fc.array(fc.constantFrom<DocumentEncoding>('utf-8', 'utf-16le', 'utf-16be'), { minLength: 1, maxLength: 4 }),
  })
  .map(({ text, encoding, insertions, oddByte, documentEncodings }) => {
    if (encoding === 'utf-8-bom-mixed') return mixedBytes(text, documentEncodings, insertions, oddByte);
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      return Buffer.concat([utf16Body(text, encoding === 'utf-16le', insertions), Buffer.from(oddByte === null ? [] : [oddByte])]);
    }
    const pieces = insertions.map(([at, pick]) => [at, Buffer.from(UTF8_PIECES[pick % UTF8_PIECES.length] ?? [])] as const);
    // Any byte offset: a piece may land inside a character, which leaves it truncated.
    const body = insertAt(Buffer.from(text, 'utf8'), pieces, 1);
    return Buffer.concat([Buffer.from(encoding === 'utf-8-bom' ? [0xef, 0xbb, 0xbf] : []), body, Buffer.from(oddByte === null ? [] : [oddByte])]);
  });

const INT64_EDGES = [0n, 2n ** 53n, 2n ** 63n, 2n ** 64n, 10n ** 21n];

/** An integer near one of the edges where its JSON changes (2^53, int64, uint64), in any sign. */
const edgeInteger = fc
  .tuple(fc.constantFrom(...INT64_EDGES), fc.bigInt({ min: -3n, max: 3n }), fc.boolean(), fc.bigInt({ min: 0n, max: 2n ** 70n }))
  .map(([edge, offset, negative, anywhere]) => (edge === 0n ? anywhere : edge + offset) * (negative ? -1n : 1n));

/** Go's strconv.ParseInt(s, 0, 64) forms, with go-yaml's underscores. */
const yamlInteger = fc.tuple(edgeInteger, fc.constantFrom('decimal', 'hex', 'octal', 'leading zero', 'binary', 'underscores', 'plus')).map(([value, form]) => {
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  switch (form) {
    case 'hex':
      return `${sign}0x${magnitude.toString(16).toUpperCase()}`;
    case 'octal':
      return `${sign}0o${magnitude.toString(8)}`;
    case 'leading zero':
      return `${sign}0${magnitude.toString(8)}`;
    case 'binary':
      return `${sign}0b${magnitude.toString(2)}`;
    case 'underscores':
      return `${sign}${magnitude.toString().replace(/\B(?=(\d{3})+$)/g, '_')}`;
    case 'plus':
      return value < 0n ? String(value) : `+${value}`;
    default:
      return String(value);
  }
});

/** A float written the ways YAML 1.1 and JSON allow: exponents of any size, trailing zeros, negative zero. */
const floatText = fc
  .tuple(
    fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e21, 1e-7, 1e-6, 2 ** 53 + 2, 2 ** 63, 0.1, 5e-324)),
    fc.constantFrom('shortest', 'exponent', 'fixed', 'upper'),
    fc.integer({ min: 0, max: 20 }),
  )
  .map(([value, form, digits]) => {
    const text = Object.is(value, -0) ? '-0.0' : String(value);
    if (form === 'exponent') return value.toExponential(digits);
    if (form === 'upper') return text.toUpperCase();
    if (form === 'fixed' && Math.abs(value) < 1e21) return value.toFixed(digits);
    return text.includes('.') || text.includes('e') ? text : `${text}.0`;
  });

/** A JSON number literal: an integer of any size or a float, -0 included. */
const jsonNumber = fc.oneof(edgeInteger.map(String), floatText.filter((text) => /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(text)), fc.constantFrom('-0', '-0.0', '-0e0', '0e5', '1E400'));

/**
 * A document with one key whose value is a number or a list of them, as YAML (plain, `!!int`,
 * `!!float`) or as a JSON stream: the JSON oc sends for it is compared as text.
 */
export const numberDocument: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(yamlInteger, floatText, yamlInteger.map((text) => `!!int ${text}`), fc.oneof(yamlInteger, floatText).map((text) => `!!float ${text}`)), { minLength: 1, maxLength: 4 }).map((items) => `n: [${items.join(', ')}]\n`),
  fc.oneof(yamlInteger, floatText).map((text) => `n: ${text}\n`),
  fc.array(jsonNumber, { minLength: 1, maxLength: 4 }).map((items) => `{"n": [${items.join(', ')}]}`),
);
