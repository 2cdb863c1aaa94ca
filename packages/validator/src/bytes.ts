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
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const strictUtf16 = new TextDecoder('utf-16le', { ignoreBOM: true, fatal: true });

/** Decodes a file's bytes as oc does: a byte order mark picks UTF-8 or UTF-16, anything else is UTF-8. */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(swapPairs(bytes.subarray(2)), 'utf-16be');
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
  // An odd last byte is one more U+FFFD for x/text; WHATWG would merge it with an unpaired
  // surrogate before it, so it is decoded apart.
  const odd = bytes.length % 2 === 1;
  const units = odd ? bytes.subarray(0, -1) : bytes;
  try {
    const text = `\uFEFF${strictUtf16.decode(units)}`;
    return odd ? { text: `${text}\uFFFD`, encoding, firstIllFormed: text.length } : { text, encoding };
  } catch {
    const text = `\uFEFF${utf16.decode(units)}${odd ? '\uFFFD' : ''}`;
    // Up to the first replacement each code unit is one character of the text (after the mark).
    let index = text.indexOf('\uFFFD');
    while (units[(index - 1) * 2] === 0xfd && units[(index - 1) * 2 + 1] === 0xff) index = text.indexOf('\uFFFD', index + 1);
    return { text, encoding, firstIllFormed: index };
  }
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    swapped[index] = bytes[index + 1] ?? 0;
    swapped[index + 1] = bytes[index] ?? 0;
  }
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1] ?? 0;
  return swapped;
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
