/**
 * Bytes to text exactly as `oc apply -f` reads a file or stdin: cli-runtime's FileVisitor passes
 * them through golang.org/x/text `unicode.BOMOverride(unicode.UTF8.NewDecoder())`.
 */
import { utf8Length } from './utf8.js';

/** How the bytes were read: UTF-8 without or with a byte order mark, or UTF-16 after its mark. */
export type ByteEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedBytes {
  /**
   * The file as text, its byte order mark as a leading U+FEFF (as a UTF-8 file read into a string
   * has it): the text `validate` and `decode` take, which drop that mark as x/text does.
   */
  text: string;
  encoding: ByteEncoding;
  /**
   * Where in `text` the first bytes stand that are not characters of the encoding, when some are:
   * oc reads each maximal ill-formed UTF-8 sequence, unpaired UTF-16 surrogate or odd last byte as
   * U+FFFD, so `encodeText(text, encoding)` does not give those bytes back. After a UTF-8 byte order
   * mark, x/text passes such bytes on unchecked (see `illFormedUtf8`).
   */
  firstIllFormed?: number;
  /**
   * After a UTF-8 byte order mark only: x/text passed the bytes on unchecked, so `text` holds one
   * U+FFFD per byte that is not part of a well-formed sequence (as encoding/json reads each, with
   * Go's utf8.DecodeRune), and these are the runs of them, in order. go-yaml fails on the first it
   * reads, or reads a document that starts with FE FF or FF FE as UTF-16; pass them to `validate`
   * and `decode` (their `illFormedUtf8` option).
   */
  illFormedUtf8?: IllFormedUtf8[];
}

/** A run of consecutive bytes that are not UTF-8, passed to go-yaml unchecked, as go-yaml's reader meets its first byte. */
export interface IllFormedUtf8 {
  /** Offset in the text of the run's first U+FFFD (each byte of the run is one). */
  offset: number;
  /** Bytes in the run. */
  length: number;
  /** The sequence length go-yaml reads from the first byte's high bits (readerc.go), 0 when it cannot lead one. */
  width: number;
  /**
   * go-yaml's problem with that sequence when all its bytes are there (readerc.go
   * yaml_parser_update_buffer); a sequence cut short by the end of the document is "incomplete
   * UTF-8 octet sequence" instead, and the end of a document is known only once it is split.
   */
  problem: string;
  /**
   * The run's bytes: a document that starts with them may be one go-yaml reads as UTF-16 (see
   * {@link utf16ByteOrder}). `decodeBytes` always gives them; a document with runs made without
   * them is read as UTF-8.
   */
  bytes?: Uint8Array;
}

/**
 * The UTF-16 byte order a document starting with `run` is read in: readerc.go
 * yaml_parser_determine_encoding takes the bytes FF FE or FE FF (which x/text passed on unchecked
 * after a UTF-8 mark) for a UTF-16 byte order mark.
 */
export function utf16ByteOrder(run: IllFormedUtf8): 'utf-16le' | 'utf-16be' | undefined {
  const [first, second] = run.bytes ?? [];
  if (first === 0xff && second === 0xfe) return 'utf-16le';
  if (first === 0xfe && second === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Whether a document of the file may be one go-yaml reads as UTF-16 (its NULs then are bytes of
 * its characters): after the UTF-8 mark, a run that starts a line (where YAMLReader starts
 * documents) with the bytes of a UTF-16 mark.
 */
export function mayHoldUtf16Document({ text, illFormedUtf8 = [] }: DecodedBytes): boolean {
  return illFormedUtf8.some((run) => utf16ByteOrder(run) !== undefined && (run.offset === 1 || text[run.offset - 1] === '\n'));
}

/** The bytes `text` stands for when `illFormedBytes` of its U+FFFDs are runs' bytes: each one byte, not the three of U+FFFD in UTF-8. */
export function bytesOfText(text: string, illFormedBytes: number): number {
  return utf8Length(text) - 2 * illFormedBytes;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const strictUtf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
const strictUtf16 = new TextDecoder('utf-16le', { ignoreBOM: true, fatal: true });

/** Decodes a file's bytes as oc does: a byte order mark picks UTF-8 or UTF-16, anything else is UTF-8. */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: (bom ? '\uFEFF' : '') + strictUtf8.decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    if (bom) return decodeUnchecked(body);
    // WHATWG's decoder replaces each maximal ill-formed subsequence with one U+FFFD, as x/text's does.
    const text = utf8.decode(body);
    return { text, encoding: 'utf-8', firstIllFormed: firstUtf8Replacement(text, body) };
  }
}

/**
 * The bytes after a UTF-8 byte order mark, which x/text's Nop transform passes on as they are: each
 * byte that does not start a well-formed sequence (RFC 3629: no overlong forms, surrogates or code
 * points beyond U+10FFFF) stands as one U+FFFD, as Go's utf8.DecodeRune reads it.
 */
function decodeUnchecked(body: Uint8Array): DecodedBytes {
  let text = '\uFEFF';
  const illFormedUtf8: IllFormedUtf8[] = [];
  let wellFormedFrom = 0;
  for (let index = 0; index < body.length; ) {
    const width = wellFormedWidth(body, index);
    if (width > 0) {
      index += width;
      continue;
    }
    text += strictUtf8.decode(body.subarray(wellFormedFrom, index));
    const runStart = index;
    while (index < body.length && wellFormedWidth(body, index) === 0) index++;
    const length = index - runStart;
    illFormedUtf8.push({ offset: text.length, length, ...goYamlReading(body, runStart), bytes: body.subarray(runStart, index) });
    text += '\uFFFD'.repeat(length);
    wellFormedFrom = index;
  }
  text += strictUtf8.decode(body.subarray(wellFormedFrom));
  return { text, encoding: 'utf-8-bom', firstIllFormed: illFormedUtf8[0]?.offset, illFormedUtf8 };
}

/** The least value a UTF-8 sequence of each length may hold (longer is overlong). */
const SHORTEST_VALUE = [0, 0, 0x80, 0x800, 0x10000];

/**
 * How go-yaml's reader decodes the sequence at `index` (readerc.go yaml_parser_update_buffer): its
 * length from the first byte's high bits, then each further byte must be 10xxxxxx (a missing one
 * counts as not: the document's line feed follows), then the value must need that length and be
 * a Unicode scalar value.
 */
function goYamlReading(bytes: Uint8Array, index: number): { width: number; problem: string } {
  const lead = bytes[index] ?? 0;
  const width = (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0;
  if (width === 0) return { width, problem: 'invalid leading UTF-8 octet' };
  let value = lead & (0xff >> (width + 1));
  for (let offset = 1; offset < width; offset++) {
    const byte = bytes[index + offset];
    if (byte === undefined || (byte & 0xc0) !== 0x80) return { width, problem: 'invalid trailing UTF-8 octet' };
    value = (value << 6) | (byte & 0x3f);
  }
  if (value < (SHORTEST_VALUE[width] ?? 0)) return { width, problem: 'invalid length of a UTF-8 sequence' };
  return { width, problem: 'invalid Unicode character' };
}

/** The length of the well-formed UTF-8 sequence at `index`, or 0 (RFC 3629 table 3-7). */
function wellFormedWidth(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0;
  if (lead < 0x80) return 1;
  const continues = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[index + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return continues(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const second = lead === 0xe0 ? continues(1, 0xa0) : lead === 0xed ? continues(1, 0x80, 0x9f) : continues(1);
    return second && continues(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const second = lead === 0xf0 ? continues(1, 0x90) : lead === 0xf4 ? continues(1, 0x80, 0x8f) : continues(1);
    return second && continues(2) && continues(3) ? 4 : 0;
  }
  return 0;
}

/**
 * The text `validate` and `decode` read: without its byte order mark (x/text drops it; editors do not
 * count it as a column), the offsets of `illFormedUtf8` moved with it.
 */
export function withoutByteOrderMark(text: string, illFormedUtf8: readonly IllFormedUtf8[] = []): { text: string; illFormedUtf8: readonly IllFormedUtf8[] } {
  if (!text.startsWith('\uFEFF')) return { text, illFormedUtf8 };
  return { text: text.slice(1), illFormedUtf8: illFormedUtf8.map((run) => ({ ...run, offset: run.offset - 1 })) };
}

/** The bytes of a text read by {@link decodeBytes} (its mark included) in `encoding`: what `--fix` writes back. */
export function encodeText(text: string, encoding: ByteEncoding): Uint8Array {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return new TextEncoder().encode(text);
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  const littleEndian = encoding === 'utf-16le';
  for (let index = 0; index < text.length; index++) view.setUint16(index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedBytes {
  const littleEndian = encoding === 'utf-16le';
  if (littleEndian && bytes.length % 2 === 0) {
    try {
      return { text: `\uFEFF${strictUtf16.decode(bytes)}`, encoding };
    } catch {
      // Ill-formed: decoded unit by unit below.
    }
  }
  // x/text's utf16Decoder: a surrogate followed by a low surrogate takes both (a pair, or one
  // U+FFFD when the first is not a high surrogate); any other surrogate is one U+FFFD, and so is an
  // odd last byte. (WHATWG's decoder, TextDecoder, replaces each unpaired unit on its own.)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.floor(bytes.length / 2);
  const units = new Uint16Array(count + 2);
  units[0] = 0xfeff;
  let length = 1;
  let firstIllFormed: number | undefined;
  const replace = () => {
    firstIllFormed ??= length;
    units[length++] = 0xfffd;
  };
  for (let index = 0; index < count; index++) {
    const unit = view.getUint16(index * 2, littleEndian);
    if (unit < 0xd800 || unit > 0xdfff) {
      units[length++] = unit;
      continue;
    }
    const next = index + 1 < count ? view.getUint16(index * 2 + 2, littleEndian) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      index++;
      if (unit <= 0xdbff) {
        units[length++] = unit;
        units[length++] = next;
      } else {
        replace();
      }
    } else {
      replace();
    }
  }
  if (bytes.length % 2 === 1) replace();
  let text = '';
  for (let start = 0; start < length; start += 8192) text += String.fromCharCode(...units.subarray(start, Math.min(start + 8192, length)));
  return firstIllFormed === undefined ? { text, encoding } : { text, encoding, firstIllFormed };
}

/** The offset in `text` of the first U+FFFD that stands for ill-formed bytes, not a literal one (EF BF BD). */
function firstUtf8Replacement(text: string, bytes: Uint8Array): number {
  const encoder = new TextEncoder();
  let byteOffset = 0;
  let from = 0;
  for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) {
    byteOffset += encoder.encode(text.slice(from, index)).length;
    from = index;
    if (!(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) return index;
  }
  return text.length;
}
