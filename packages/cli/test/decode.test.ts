import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeManifest } from '../src/decode.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeManifest', () => {
  it('returns UTF-8 text as is, literal U+FFFD included', () => {
    expect(decodeManifest(bytes('kind: ImageStream\nname: caf\u00e9 \uFFFD\n'))).toEqual({ text: 'kind: ImageStream\nname: caf\u00e9 \uFFFD\n', bom: false });
  });

  it('drops a UTF-8 byte order mark, so columns are those an editor shows', () => {
    expect(decodeManifest(bytes([0xef, 0xbb, 0xbf], 'a: 1\n'))).toEqual({ text: 'a: 1\n', bom: true });
  });

  it('locates the first invalid UTF-8 byte after valid multi-byte characters and literal U+FFFD', () => {
    const result = decodeManifest(bytes('x: \uFFFD\u00e9\n  y: \u4e2d', [0xc3, 0x28], '\n'));
    expect(result).toEqual({ problem: { messageId: 'invalidUtf8', data: { byte: 'C3', line: 2, column: 7 }, line: 2, column: 7 } });
  });

  it('reports a truncated sequence at the end of the file', () => {
    expect(decodeManifest(bytes('a: b', [0xe2, 0x82]))).toMatchObject({ problem: { messageId: 'invalidUtf8', line: 1, column: 5 } });
  });

  it('recognises UTF-16 and UTF-32 by their byte order marks', () => {
    expect(decodeManifest(bytes([0xff, 0xfe], [0x61, 0x00]))).toMatchObject({ problem: { messageId: 'utf16', data: { bom: 'FF FE' } } });
    expect(decodeManifest(bytes([0xfe, 0xff], [0x00, 0x61]))).toMatchObject({ problem: { messageId: 'utf16', data: { bom: 'FE FF' } } });
    expect(decodeManifest(bytes([0xff, 0xfe, 0x00, 0x00], [0x61, 0, 0, 0]))).toMatchObject({ problem: { messageId: 'utf32' } });
    expect(decodeManifest(bytes([0x00, 0x00, 0xfe, 0xff]))).toMatchObject({ problem: { messageId: 'utf32' } });
  });

  it('calls a file with a NUL byte binary, at the NUL', () => {
    expect(decodeManifest(bytes('a: 1\nb: x', [0x00], 'y'))).toEqual({ problem: { messageId: 'binary', data: { line: 2, column: 5 }, line: 2, column: 5 } });
    // BOM-less UTF-16 is caught the same way.
    expect(decodeManifest(Buffer.from('a: 1', 'utf16le'))).toMatchObject({ problem: { messageId: 'binary', line: 1, column: 2 } });
  });

  it('an empty file is empty text', () => {
    expect(decodeManifest(new Uint8Array())).toEqual({ text: '', bom: false });
  });

  it('any bytes: never throws; exact text or a problem at a line and column inside the file', () => {
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
          const withoutBom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
          expect(Buffer.from(result.text, 'utf8').equals(withoutBom)).toBe(true);
          return;
        }
        const { messageId, line, column } = result.problem;
        expect(Number.isInteger(line) && Number.isInteger(column) && line >= 1 && column >= 1).toBe(true);
        expect(line).toBeLessThanOrEqual(raw.filter((byte) => byte === 0x0a).length + 1);
        if (messageId === 'binary') expect(raw.includes(0)).toBe(true);
        if (messageId === 'invalidUtf8') expect(isUtf8(raw)).toBe(false);
      }),
      { seed: 20_251_125, numRuns: 2_000 },
    );
  });
});
