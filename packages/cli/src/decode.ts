import { isUtf8 } from 'node:buffer';

export interface EncodingProblem {
  messageId: 'binary' | 'utf16' | 'utf32' | 'invalidUtf8';
  data: Record<string, string | number>;
  line: number;
  column: number;
}

/** `bom`: the bytes began with a UTF-8 byte order mark, which `text` leaves out. */
export type DecodeResult = { text: string; bom: boolean } | { problem: EncodingProblem };

const utf8Bom = [0xef, 0xbb, 0xbf];
// UTF-32 first: its little-endian mark starts with UTF-16's.
const foreignBoms: { bytes: number[]; messageId: 'utf16' | 'utf32'; label: string }[] = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], messageId: 'utf32', label: '00 00 FE FF' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], messageId: 'utf32', label: 'FF FE 00 00' },
  { bytes: [0xfe, 0xff], messageId: 'utf16', label: 'FE FF' },
  { bytes: [0xff, 0xfe], messageId: 'utf16', label: 'FF FE' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Turns a file's bytes into the text the validator reads, or says why it cannot. A UTF-8 byte order
 * mark is dropped (editors do not count it as a column, so positions stay right).
 */
export function decodeManifest(raw: Uint8Array): DecodeResult {
  for (const bom of foreignBoms) {
    if (startsWith(raw, bom.bytes)) return { problem: { messageId: bom.messageId, data: { bom: bom.label }, line: 1, column: 1 } };
  }
  const bom = startsWith(raw, utf8Bom);
  const bytes = bom ? raw.subarray(utf8Bom.length) : raw;
  const nul = bytes.indexOf(0);
  // The common case, without loading TextDecoder: valid UTF-8 and no NUL.
  if (nul === -1 && isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), bom };
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  if (nul !== -1) {
    // A NUL byte means binary (YAML allows no NUL, even escaped). Bytes before it that are not
    // UTF-8 count one column per bad sequence, as an editor would show them.
    const position = positionAfter(decoder.decode(bytes.subarray(0, nul)));
    return { problem: { messageId: 'binary', data: { ...position }, ...position } };
  }
  const invalid = firstInvalidUtf8(bytes, decoder);
  return invalid ? { problem: invalid } : { text: decoder.decode(bytes), bom };
}

/** The first byte that is not part of a valid UTF-8 sequence, with its line and column. */
function firstInvalidUtf8(bytes: Uint8Array, decoder: { decode(input: Uint8Array): string }): EncodingProblem | undefined {
  if (isUtf8(bytes)) return undefined;
  // The lenient decoding turns each bad sequence into U+FFFD. Up to the first replacement that is
  // not a literal U+FFFD (EF BF BD) in the file, the text decodes exactly, so the byte offset of
  // that character is the UTF-8 length of the text before it.
  const text = decoder.decode(bytes);
  let searchFrom = 0;
  for (;;) {
    const index = text.indexOf('\uFFFD', searchFrom);
    if (index === -1) return undefined;
    const prefix = text.slice(0, index);
    const offset = Buffer.byteLength(prefix, 'utf8');
    const isLiteral = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!isLiteral) {
      const position = positionAfter(prefix);
      const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      return { messageId: 'invalidUtf8', data: { byte, ...position }, ...position };
    }
    searchFrom = index + 1;
  }
}

/** 1-based line and column (UTF-16 code units, like every other position) just after `prefix`. */
function positionAfter(prefix: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = prefix.indexOf('\n'); index !== -1; index = prefix.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: prefix.length - lineStart + 1 };
}
