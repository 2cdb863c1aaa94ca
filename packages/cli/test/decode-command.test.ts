import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeTempDirectory, runCli } from './helpers.js';

describe('ocp-image decode', () => {
  it('prints what oc would send for each document as JSON, leaving out empty documents', async () => {
    const result = await runCli(['decode', '-'], { input: 'a: 1.10\nb: yes\nc: 0777\n---\n# only a comment\n---\nd: "1.10"\n' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        filePath: '-',
        documents: [
          { index: 0, value: { a: 1.1, b: true, c: 511 } },
          { index: 2, value: { d: '1.10' } },
        ],
      },
    ]);
  });

  it('ends a file at the document oc cannot decode, with its line and column, and exits 1', async () => {
    const { directory, remove } = await makeTempDirectory();
    try {
      const good = path.join(directory, 'good.yaml');
      const bad = path.join(directory, 'bad.yaml');
      await writeFile(good, 'kind: ImageStream\n');
      await writeFile(bad, 'a: 1\n---\nb: [1,\nc: 2\n---\nd: 4\n');
      const result = await runCli(['decode', good, bad, path.join(directory, 'missing.yaml')]);
      expect(result.code).toBe(1);
      const [first, second, third] = JSON.parse(result.stdout) as { filePath: string; documents: unknown[] }[];
      expect(first).toEqual({ filePath: good, documents: [{ index: 0, value: { kind: 'ImageStream' } }] });
      expect(second?.documents).toEqual([{ index: 0, value: { a: 1 } }, { index: 1, error: { message: expect.any(String), line: 3, column: 4 } }]);
      expect(third?.documents).toEqual([{ index: 0, error: { message: expect.stringContaining('ENOENT'), line: 1, column: 1 } }]);
    } finally {
      await remove();
    }
  });

  it('--format yaml writes the decoded values so a YAML 1.1 reader gets them back', async () => {
    const result = await runCli(['decode', '--format', 'yaml', '-'], { input: 'version: 1.10\nenabled: on\nname: "yes"\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^--- # "-" document 0\n/);
    expect(parse(result.stdout, { version: '1.1' })).toEqual({ version: 1.1, enabled: true, name: 'yes' });
  });

  it('reads UTF-16 and ill-formed UTF-8 as oc does and prints numbers exactly as oc sends them', async () => {
    const yaml = Buffer.from('\uFEFFa: 9007199254740993\nb: -0.0\nc: 0.0000001\nd: 18446744073709551615\ne: caf\uFFFD\n', 'utf16le');
    const fromYaml = await runCli(['decode', '-'], { input: yaml });
    expect(fromYaml.code).toBe(0);
    // int64 exactly; go-yaml's -0.0 reaches the server as the integer 0; beyond int64 a float64.
    const values = (stdout: string) => stdout.replaceAll(/\s+/g, '');
    expect(values(fromYaml.stdout)).toContain('"value":{"a":9007199254740993,"b":0,"c":1e-7,"d":18446744073709552000,"e":"caf\uFFFD"}');
    const json = Buffer.concat([Buffer.from('{"n": -0.0, "m": -0, "s": "caf'), Buffer.from([0xe9, 0xe2, 0x82]), Buffer.from('"}')]);
    const fromJson = await runCli(['decode', '-'], { input: json });
    expect(values(fromJson.stdout)).toContain('"value":{"n":-0,"m":0,"s":"caf\uFFFD\uFFFD"}');
  });

  it('after a UTF-8 byte order mark fails at the document and place go-yaml meets bytes that are not UTF-8, not in a JSON stream', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const yaml = Buffer.concat([bom, Buffer.from('a: 1\n--- # caf'), Buffer.from([0xe9]), Buffer.from('\nb: 2\n---\nc: x'), Buffer.from([0x80]), Buffer.from('\n')]);
    const fromYaml = await runCli(['decode', '-'], { input: yaml });
    expect(fromYaml.code).toBe(1);
    // The separator line's byte is never read by go-yaml; the third document's is, at 5:5.
    expect(JSON.parse(fromYaml.stdout)).toEqual([
      {
        filePath: '-',
        documents: [
          { index: 0, value: { a: 1 } },
          { index: 1, value: { b: 2 } },
          { index: 2, error: { message: expect.stringMatching(/^Invalid UTF-8 in document 2 .*"invalid leading UTF-8 octet"/), line: 5, column: 5 } },
        ],
      },
    ]);
    const json = Buffer.concat([bom, Buffer.from('{"s": "caf'), Buffer.from([0xe9, 0x80]), Buffer.from('"}')]);
    const fromJson = await runCli(['decode', '-'], { input: json });
    expect(fromJson.code).toBe(0);
    // encoding/json reads each byte as U+FFFD.
    expect(JSON.parse(fromJson.stdout)).toEqual([{ filePath: '-', documents: [{ index: 0, value: { s: 'caf\uFFFD\uFFFD' } }] }]);
  });

  it('after a UTF-8 byte order mark reads a document whose bytes start FE FF or FF FE as UTF-16, as go-yaml does', async () => {
    const utf16 = (text: string, littleEndian: boolean) => (littleEndian ? Buffer.from(`\uFEFF${text}`, 'utf16le') : Buffer.from(`\uFEFF${text}`, 'utf16le').swap16());
    // Little-endian, the 00 after its last line feed is a line of its own: an odd byte go-yaml stops at.
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 1\n---\n'), utf16('b: caf\u00e9\n', false), Buffer.from('---\n'), utf16('c: 3\n', true)]);
    const result = await runCli(['decode', '-'], { input });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        filePath: '-',
        documents: [
          { index: 0, value: { a: 1 } },
          { index: 1, value: { b: 'caf\u00e9' } },
          { index: 2, error: { message: expect.stringMatching(/^Invalid UTF-16 in document 2 .*"incomplete UTF-16 character"/), line: 6, column: 2 } },
        ],
      },
    ]);
  });

  it('reports an unreadable encoding as the error of the file', async () => {
    const result = await runCli(['decode', '-'], { input: Buffer.from([0x61, 0x3a, 0x20, 0x00]) });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([{ filePath: '-', documents: [{ index: 0, error: { message: expect.stringContaining('NUL byte'), line: 1, column: 4 } }] }]);
  });
});
