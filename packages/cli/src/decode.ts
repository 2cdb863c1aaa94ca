import { decodeBytes, LINE_BREAK, mayHoldUtf16Document, type DecodedBytes, type fileEncodingRule, type RuleMessage } from '@ocp-image/validator';

/** A message of the file-encoding rule (its id and placeholders checked at compile time) and where. */
export type EncodingProblem = RuleMessage<typeof fileEncodingRule.messages> & { line: number; column: number };

/** The text oc reads and how the file was encoded, or why oc cannot read it. */
export type DecodeResult = DecodedBytes | { problem: EncodingProblem };

// Checked before UTF-16: the little-endian UTF-32 mark starts with UTF-16's.
const utf32Boms: { bytes: number[]; label: string }[] = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], label: '00 00 FE FF' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], label: 'FF FE 00 00' },
];

/**
 * Turns a file's bytes into the text oc reads (UTF-8, or UTF-16 after its byte order mark; ill-formed
 * bytes become U+FFFD, as oc makes them), or says why oc cannot read it: UTF-32 and NUL bytes
 * (go-yaml and encoding/json reject U+0000). Ill-formed UTF-8 after a UTF-8 byte order mark fails
 * only the document go-yaml meets it in: `validate` and `decode` report it from `illFormedUtf8`;
 * and where a document may be one go-yaml reads as UTF-16, its NULs are bytes of its characters,
 * so NULs are left to them too (each fails the UTF-8 document it is in as a control character).
 */
export function decodeManifest(raw: Uint8Array): DecodeResult {
  for (const bom of utf32Boms) {
    if (bom.bytes.every((byte, index) => raw[index] === byte)) return { problem: { messageId: 'utf32', data: { bom: bom.label }, line: 1, column: 1 } };
  }
  const decoded = decodeBytes(raw);
  const { text } = decoded;
  const nul = mayHoldUtf16Document(decoded) ? -1 : text.indexOf('\u0000');
  if (nul !== -1) {
    const position = positionOf(text, nul);
    return { problem: { messageId: 'binary', data: { ...position }, ...position } };
  }
  return decoded;
}

/**
 * 1-based line and column of `offset` in a text from `decodeBytes`, as every other position: in
 * UTF-16 code units, after the byte order mark, with the line breaks of LINE_BREAK.
 */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(text.startsWith('\uFEFF') ? 1 : 0, offset).split(LINE_BREAK);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
