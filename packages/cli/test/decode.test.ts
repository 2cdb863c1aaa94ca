import fc from 'fast-check';
import { encodeText, mayHoldUtf16Document } from '@ocp-image/validator';
import { describe, expect, it } from 'vitest';
import { decodeManifest } from '../src/decode.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeManifest', () => {
  it('returns UTF-8 text as is, literal U+FFFD included', () => {
    expect(decodeManifest(bytes('kind: ImageStream\nname: caf\u00e9 \uFFFD\n'))).toEqual({ text: 'kind: ImageStream\nname: caf\u00e9 \uFFFD\n', encoding: 'utf-8' });
  });

  it('keeps a byte order mark as U+FEFF, which the validator drops as oc does', () => {
    expect(decodeManifest(bytes([0xef, 0xbb, 0xbf], 'a: 1\n'))).toEqual({ text: '\uFEFFa: 1\n', encoding: 'utf-8-bom' });
    expect(decodeManifest(bytes([0xff, 0xfe], [0x61, 0x00]))).toEqual({ text: '\uFEFFa', encoding: 'utf-16le' });
    expect(decodeManifest(bytes([0xfe, 0xff], [0x00, 0x61]))).toEqual({ text: '\uFEFFa', encoding: 'utf-16be' });
  });

  it('reads bytes that are not UTF-8 as U+FFFD, as oc does, and says where the first is', () => {
    expect(decodeManifest(bytes('x: \uFFFD\u00e9\n  y: \u4e2d', [0xc3, 0x28], '\n'))).toEqual({ text: 'x: \uFFFD\u00e9\n  y: \u4e2d\uFFFD(\n', encoding: 'utf-8', firstIllFormed: 12 });
  });

  it('after a UTF-8 byte order mark, bytes that are not UTF-8 are left to the documents go-yaml meets them in', () => {
    const result = decodeManifest(bytes([0xef, 0xbb, 0xbf], 'a: 1\nb: caf', [0xe9], '\n'));
    expect(result).toEqual({
      text: '\uFEFFa: 1\nb: caf\uFFFD\n',
      encoding: 'utf-8-bom',
      firstIllFormed: 12,
      illFormedUtf8: [{ offset: 12, length: 1, width: 3, problem: 'invalid trailing UTF-8 octet', bytes: Buffer.from([0xe9]) }],
    });
  });

  it('recognises UTF-32 by its byte order marks (oc reads it as UTF-16 or UTF-8 with NULs and fails)', () => {
    expect(decodeManifest(bytes([0xff, 0xfe, 0x00, 0x00], [0x61, 0, 0, 0]))).toMatchObject({ problem: { messageId: 'utf32', data: { bom: 'FF FE 00 00' } } });
    expect(decodeManifest(bytes([0x00, 0x00, 0xfe, 0xff]))).toMatchObject({ problem: { messageId: 'utf32', data: { bom: '00 00 FE FF' } } });
  });

  it('calls a file with a NUL character binary, at the NUL, in UTF-16 too', () => {
    expect(decodeManifest(bytes('a: 1\nb: x', [0x00], 'y'))).toEqual({ problem: { messageId: 'binary', data: { line: 2, column: 5 }, line: 2, column: 5 } });
    expect(decodeManifest(Buffer.from('\uFEFFa: 1\nb: x\u0000', 'utf16le'))).toMatchObject({ problem: { messageId: 'binary', line: 2, column: 5 } });
    // UTF-16 without its mark is UTF-8 to oc, with a NUL after the first character.
    expect(decodeManifest(Buffer.from('a: 1', 'utf16le'))).toMatchObject({ problem: { messageId: 'binary', line: 1, column: 2 } });
  });

  it('after a UTF-8 byte order mark, leaves NULs to the validator where a line starts with the bytes of a UTF-16 mark (go-yaml reads that document as UTF-16)', () => {
    const utf16be = Buffer.from('\uFEFFa: 1\n', 'utf16le').swap16();
    expect(decodeManifest(bytes([0xef, 0xbb, 0xbf], 'x: 1\n---\n', [...utf16be]))).toMatchObject({ encoding: 'utf-8-bom', text: '\uFEFFx: 1\n---\n\uFFFD\uFFFD\u0000a\u0000:\u0000 \u00001\u0000\n' });
    // Not at the start of a line, those bytes start no document: a NUL is binary.
    expect(decodeManifest(bytes([0xef, 0xbb, 0xbf], 'x: ', [...utf16be]))).toMatchObject({ problem: { messageId: 'binary', line: 1, column: 6 } });
  });

  it('an empty file is empty text', () => {
    expect(decodeManifest(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('any bytes: never throws; text that gives the bytes back when nothing was ill-formed, or a problem inside the file', () => {
    const piece = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map((text) => Buffer.from(text, 'utf8')),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0x00], [0x0a], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]).map((part) => Buffer.from(part)),
    );
    const file = fc.array(piece, { maxLength: 12 }).map((parts) => Buffer.concat(parts));
    fc.assert(
      fc.property(file, (raw) => {
        const result = decodeManifest(raw);
        if ('text' in result) {
          // NULs only where a document may be one go-yaml reads as UTF-16 (the validator judges it).
          if (!mayHoldUtf16Document(result)) expect(result.text.includes('\u0000')).toBe(false);
          if (result.firstIllFormed === undefined) expect(Buffer.from(encodeText(result.text, result.encoding)).equals(raw)).toBe(true);
          else expect(result.text[result.firstIllFormed]).toBe('\uFFFD');
          return;
        }
        const { line, column } = result.problem;
        expect(Number.isInteger(line) && Number.isInteger(column) && line >= 1 && column >= 1).toBe(true);
        expect(line).toBeLessThanOrEqual(raw.length + 1);
      }),
      { seed: 20_251_125, numRuns: 2_000 },
    );
  });
});
