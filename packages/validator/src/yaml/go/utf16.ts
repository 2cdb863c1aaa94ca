/**
 * A document go-yaml reads as UTF-16. After a UTF-8 byte order mark x/text passes the bytes on
 * unchecked, and readerc.go yaml_parser_determine_encoding reads a document whose bytes start
 * FE FF or FF FE as UTF-16 (big- or little-endian), with its own rules for ill-formed units
 * (yaml_parser_update_buffer). The source text holds one U+FFFD per byte that is not UTF-8 (its
 * run keeps the bytes), so the document's bytes are rebuilt from it, decoded here, and positions
 * in the decoded text lead back to the source character that holds the first byte of theirs.
 */
import { bytesOfText, utf16ByteOrder, type IllFormedUtf8 } from '../../bytes.js';
import type { ReaderStop, Utf16Input } from './scanner.js';

export interface Utf16Document extends Utf16Input {
  /** What go-yaml's reader decodes, its mark as a leading U+FEFF, up to where it stops (`stop`). */
  text: string;
  /** The offset in the document's text of the character holding the first byte of the character at `offset` in `text` (past the bytes: the text's length). */
  documentOffset(offset: number): number;
}

type RunWithBytes = IllFormedUtf8 & { bytes: Uint8Array };

const INCOMPLETE_CHARACTER = 'incomplete UTF-16 character';
const INCOMPLETE_PAIR = 'incomplete UTF-16 surrogate pair';

/** The document as go-yaml reads it when its first bytes are a UTF-16 byte order mark; `runs`: its runs of bytes that are not UTF-8, at their offsets in `documentText`. */
export function readAsUtf16(documentText: string, runs: readonly IllFormedUtf8[]): Utf16Document | undefined {
  const first = runs[0];
  const byteOrder = first?.offset === 0 ? utf16ByteOrder(first) : undefined;
  const withBytes = runs.filter((run): run is RunWithBytes => run.bytes !== undefined);
  if (byteOrder === undefined || withBytes.length < runs.length) return undefined;
  const { bytes, characterAtUnit } = documentBytes(documentText, withBytes);
  const littleEndian = byteOrder === 'utf-16le';
  const unitAt = (at: number) => (littleEndian ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) : ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0));
  const units = new Uint16Array(bytes.length >> 1);
  units[0] = 0xfeff;
  let length = 1;
  let stop: ReaderStop | undefined;
  const stopAt = (width: number, problem: string, incomplete: string): ReaderStop => ({ offset: length, width, problem, incomplete });
  for (let at = 2; at < bytes.length && !stop; ) {
    const left = bytes.length - at;
    const unit = left < 2 ? undefined : unitAt(at);
    const next = left < 4 ? undefined : unitAt(at + 2);
    if (unit === undefined) stop = stopAt(2, INCOMPLETE_CHARACTER, INCOMPLETE_CHARACTER);
    else if (isLowSurrogate(unit)) stop = stopAt(2, 'unexpected low surrogate area', INCOMPLETE_CHARACTER);
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      if (next === undefined || !isLowSurrogate(next)) stop = stopAt(4, next === undefined ? INCOMPLETE_PAIR : 'expected low surrogate area', INCOMPLETE_PAIR);
      else {
        units[length++] = unit;
        units[length++] = next;
        at += 4;
      }
    } else {
      units[length++] = unit;
      at += 2;
    }
  }
  let text = '';
  for (let start = 0; start < length; start += 8192) text += String.fromCharCode(...units.subarray(start, Math.min(start + 8192, length)));
  // Each code unit is two bytes, the mark's too.
  const documentOffset = (offset: number) => characterAtUnit[offset] ?? documentText.length;
  return { text, byteLength: bytes.length, stop, documentOffset };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * The bytes go-yaml is given for the document: its characters in UTF-8, each run's own bytes for
 * its U+FFFDs; and for each two bytes (a UTF-16 code unit), the offset of the character holding the first.
 */
function documentBytes(text: string, runs: readonly RunWithBytes[]): { bytes: Uint8Array; characterAtUnit: Uint32Array } {
  const size = bytesOfText(text, runs.reduce((sum, run) => sum + run.length, 0));
  const bytes = new Uint8Array(size);
  const characterAtUnit = new Uint32Array((size + 1) >> 1);
  let length = 0;
  const put = (byte: number, offset: number) => {
    if ((length & 1) === 0) characterAtUnit[length >> 1] = offset;
    bytes[length++] = byte;
  };
  let runIndex = 0;
  for (let offset = 0; offset < text.length; ) {
    const run = runs[runIndex];
    if (run?.offset === offset) {
      run.bytes.forEach((byte, index) => put(byte, offset + index));
      offset += run.length;
      runIndex++;
      continue;
    }
    const codePoint = text.codePointAt(offset) ?? 0;
    if (codePoint < 0x80) put(codePoint, offset);
    else if (codePoint < 0x800) {
      put(0xc0 | (codePoint >> 6), offset);
      put(0x80 | (codePoint & 0x3f), offset);
    } else if (codePoint < 0x10000) {
      put(0xe0 | (codePoint >> 12), offset);
      put(0x80 | ((codePoint >> 6) & 0x3f), offset);
      put(0x80 | (codePoint & 0x3f), offset);
    } else {
      put(0xf0 | (codePoint >> 18), offset);
      put(0x80 | ((codePoint >> 12) & 0x3f), offset);
      put(0x80 | ((codePoint >> 6) & 0x3f), offset);
      put(0x80 | (codePoint & 0x3f), offset);
    }
    offset += codePoint > 0xffff ? 2 : 1;
  }
  return { bytes, characterAtUnit };
}
