/**
 * Bytes to text exactly as `oc apply -f` reads a file or stdin: cli-runtime's FileVisitor passes
 * them through golang.org/x/text `unicode.BOMOverride(unicode.UTF8.NewDecoder())`.
 */

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
   * mark, x/text passes such bytes on unchecked and go-yaml rejects them.
   */
  firstIllFormed?: number;
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
    // WHATWG's decoder replaces each maximal ill-formed subsequence with one U+FFFD, as x/text's does.
    const text = utf8.decode(body);
    const firstIllFormed = firstUtf8Replacement(text, body);
    return bom ? { text: `\uFEFF${text}`, encoding: 'utf-8-bom', firstIllFormed: firstIllFormed + 1 } : { text, encoding: 'utf-8', firstIllFormed };
  }
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
