/**
 * Differential tests against go-yaml v2 itself (tools/oracle: a Go program built from Debian's
 * go-yaml v2 and sigs.k8s.io/yaml that splits and decodes a stream as `oc apply -f` does):
 * `decode` must give every document the value oc would send, or fail where oc fails.
 *
 * Needs `go` and the Debian packages (.ci/run installs them). Elsewhere the tests skip with a
 * message; under CI=true they fail instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWithOracle, oracleAvailability, oracleLines, parseOracleLine, type OracleDocument } from '../../../tools/oracle/oracle.mjs';
import { decode, decodeBytes, encodeText, mayHoldUtf16Document, stringifyDecoded, type DecodedDocument } from '../src/index.js';
import { divergence, ISSUE_CORNERS, knownDifference, KnownDifferences, prefetchedOracle } from './oracle-compare.js';
import { numberDocument, streamBytes } from './arbitraries/bytes.js';
import { runs, seed, timeoutFor } from './arbitraries/settings.js';
import { streamText } from './arbitraries/yaml-text.js';

const availability = oracleAvailability();
if (!availability.available) {
  if (process.env.CI === 'true') throw new Error(`CI needs the go-yaml oracle: ${availability.reason}`);
  console.warn(`oracle.test.ts SKIPPED: ${availability.reason}`);
}

/** go-yaml's reader problems with ill-formed UTF-8 and UTF-16 (readerc.go), as the oracle's message or ours names them. */
const READER_PROBLEM =
  /(?:yaml: |")(invalid leading UTF-8 octet|invalid trailing UTF-8 octet|incomplete UTF-8 octet sequence|invalid length of a UTF-8 sequence|invalid Unicode character|incomplete UTF-16 character|unexpected low surrogate area|incomplete UTF-16 surrogate pair|expected low surrogate area)(?:"|$)/;

function readerProblems(documents: readonly (OracleDocument | DecodedDocument)[]): string[] {
  return documents.flatMap((document) => ('error' in document ? (READER_PROBLEM.exec(document.error.message)?.slice(1) ?? []) : []));
}

/**
 * Where the outcomes agree, whether go-yaml's reader fails on ill-formed bytes otherwise: with
 * another problem (how it reads them), or on one side only, the other failing on something else
 * first (a syntax error go-yaml meets before it decodes the bytes, or the other way round). Not
 * where oc reports a JSON error instead (the first YAML document after a JSON stream's failure).
 */
function readerProblemDifference(expected: readonly OracleDocument[], actual: readonly DecodedDocument[]): 'another problem' | 'another failure first' | undefined {
  if (expected.some((document) => 'error' in document && document.error.message.startsWith('json: '))) return undefined;
  const oc = readerProblems(expected).join();
  const ours = readerProblems(actual).join();
  if (oc === ours) return undefined;
  return oc !== '' && ours !== '' ? 'another problem' : 'another failure first';
}

const sampleRuns = 20_000;
const share = 2;

describe.skipIf(!availability.available)('decode against go-yaml v2 (tools/oracle)', () => {
  it(
    'agrees with oc on every generated stream: same values, errors in the same document',
    () => {
      const parameters = runs<[string]>(sampleRuns, share);
      // One oracle process per few thousand texts: ask for all that fast-check will generate first.
      const numRuns = parameters.numRuns ?? sampleRuns;
      const oracle = prefetchedOracle(fc.sample(streamText, { seed, numRuns }));
      const known = new KnownDifferences();
      fc.assert(
        fc.property(streamText, (text) => known.judge(divergence(oracle(text), decode(text)), text, JSON.stringify(text))),
        parameters,
      );
      known.expectRare(numRuns);
    },
    timeoutFor(sampleRuns, share, 5),
  );

  it('agrees on the corners listed in issue 14', () => {
    const expected = decodeWithOracle(ISSUE_CORNERS);
    const problems = ISSUE_CORNERS.flatMap((text, index) => {
      const problem = divergence(expected[index] ?? [], decode(text));
      return problem ? [`${JSON.stringify(text)}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('agrees on files in UTF-16 and with ill-formed UTF-8 in keys, values and comments', () => {
    const utf16 = (text: string, littleEndian: boolean) => {
      const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
      return littleEndian ? bytes : bytes.swap16();
    };
    const comment600 = `# ${'x'.repeat(600)}\n`;
    const utf8 = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));
    const files = [
      utf16('kind: ImageStream\nmetadata:\n  name: caf\u00e9 \u{1F600}\n', true),
      utf16('kind: ImageStream\nmetadata:\n  name: caf\u00e9 \u{1F600}\n', false),
      utf16('{"kind": "ImageStream", "n": 9007199254740993}', true),
      Buffer.concat([utf16('a: x', true), Buffer.from([0x00, 0xd8]), utf16('y\n', true).subarray(2)]),
      Buffer.concat([utf16('a: x\n', false), Buffer.from([0x41])]),
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n'),
      utf8('k', [0xe9], 'y: v', [0xe9], 'l # c', [0xe9], '\n'),
      utf8('a: "x', [0xc0, 0x80], '"\nb: ', [0xed, 0xa0, 0x80], '\nc: ', [0xf0, 0x9f, 0x98], 'z\nd: ', [0xf4, 0x90, 0x80, 0x80], '\n'),
      utf8('{"a": "x', [0xe2, 0x82], '"}'),
      utf8('a: x', [0xe2, 0x82]),
      // After a UTF-8 byte order mark x/text checks nothing: go-yaml fails in the document it meets
      // the bytes in, not on a separator line it never reads; encoding/json reads each byte as U+FFFD.
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n---\nb: x', [0x80], '\n'),
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n--- # c', [0xf0, 0x9f, 0x98], '\nb: 2\n'),
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n...\n# c', [0xc0, 0x80], '\n'),
      utf8([0xef, 0xbb, 0xbf], 'a: x', [0xe2, 0x82]),
      utf8([0xef, 0xbb, 0xbf], '{"a": "x', [0xe2, 0x82], '"}\n{"b": "', [0xed, 0xa0, 0x80], '"}'),
      // go-yaml decodes a document 512 bytes at a time, the next chunk only when it reads on: after
      // a `...` it stops, so bytes in a later chunk, or cut short at the very end, are never checked.
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n...\n', comment600, '# ', [0x80], '\n'),
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n...\n# ', [0x80], '\n', comment600),
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n', comment600, '# ', [0x80], '\n'),
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n#', 'y'.repeat(505), [0xe2, 0x28], '\n...\n', comment600),
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n...\n#', 'y'.repeat(500), [0xe2, 0x28], '\n', comment600),
      utf8([0xef, 0xbb, 0xbf], 'a: 1\n...\n', [0xf0, 0x9f]),
      utf8([0xef, 0xbb, 0xbf], 'a: 1\r...\r', [0xe2, 0x82]),
      // Where go-yaml's scanner and parser are when its reader would decode the bytes: a parser error
      // first (an unknown alias), a flow sequence scanned on into the next chunk, a flow collection
      // after the root (a possible simple key: the scanner reads on to the token after it).
      utf8([0xef, 0xbb, 0xbf], 'a: *x1\n', [0xef]),
      utf8([0xef, 0xbb, 0xbf], 'a: [1\n', comment600, '# ', [0x80], '\n'),
      utf8([0xef, 0xbb, 0xbf], '[1]\n[2]\n', [0xf0, 0x9f]),
      utf8([0xef, 0xbb, 0xbf], '[1]\n[2]\n[3]\n', [0xf0, 0x9f]),
      // After a JSON value, a character beyond U+FFFF (a surrogate pair here) starts the YAML that follows.
      utf8('{}\u{1F600}\n---\n5\n'),
      // After a UTF-8 byte order mark, a document whose bytes start FE FF or FF FE: go-yaml reads it as
      // UTF-16 (readerc.go yaml_parser_determine_encoding), with its own problems for ill-formed units.
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16('a: 1\nb: [x, caf\u00e9, \u{1F600}]\n', false)]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16('a: 1\nb: [x, y]\n', true)]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16('a: 1\nb: [x, y]\n', true).subarray(0, -1)]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16('a: 1\n', false), utf8([0x41])]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16('a: x', false), utf8([0xdc, 0x00]), utf16('\n', false).subarray(2)]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16('a: x', true), utf8([0x00, 0xd8, 0x41, 0x00]), utf16('\n', true).subarray(2)]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16('a: x', false), utf8([0xd8, 0x00])]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf], 'a: 1\n---\n'), utf16('b: 2\n', false), utf8('---\nc: 3\n')]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf], 'a: 1\n---\n'), utf16('b: 2\n', true)]),
      utf8([0xef, 0xbb, 0xbf, 0xfe, 0xff]),
      utf8([0xef, 0xbb, 0xbf, 0xff, 0xfe], '\n---\na: 1\n'),
      // UTF-16 is read 512 bytes at a time too: a low surrogate in a later chunk, after `...`, is never decoded.
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16(`a: [1\n${comment600}`, false), utf8([0xdc, 0x00])]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16(`a: 1\n...\n${comment600}`, false), utf8([0xdc, 0x00])]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16(`a: 1\n${comment600}`, false), utf8([0xdc, 0x00])]),
      Buffer.concat([utf8([0xef, 0xbb, 0xbf]), utf16('a: x\u0007\n', true)]),
    ];
    const expected = decodeWithOracle(files);
    const problems = files.flatMap((bytes, index) => {
      const decoded = decodeBytes(bytes);
      const problem = divergence(expected[index] ?? [], decode(decoded.text, decoded));
      return problem ? [`${bytes.toString('hex')}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it(
    'reads files as bytes as oc does: UTF-8 with or without a byte order mark, UTF-16LE/BE, ill-formed sequences',
    () => {
      const parameters = runs<[Uint8Array]>(byteRuns, byteShare);
      const files = fc.sample(streamBytes, { seed, numRuns: parameters.numRuns ?? byteRuns });
      const oracle = prefetchedOracle(files);
      // decodeBytes gives the text x/text gives: oc reads that text, saved as UTF-8, exactly as it read the bytes.
      const readable = files.filter((bytes) => decodeBytes(bytes).illFormedUtf8 === undefined);
      const fromText = oracleLines(readable.map((bytes) => encodeText(decodeBytes(bytes).text, 'utf-8')));
      const fromBytes = oracleLines(readable);
      // Go's map order differs from one run to the next: which of two colliding keys survives, and
      // which of several keys JSON cannot take (nil from `null:` or `~:`, a uint64) sigs.k8s.io/yaml names in its error.
      const unsupportedKey = /(Unsupported map key of type: )(?:[^"\\]|\\.)*/g;
      const sameOutcome = (a?: string, b?: string) => a?.replaceAll(unsupportedKey, '$1…') === b?.replaceAll(unsupportedKey, '$1…');
      const differing = readable.filter((bytes, index) => !sameOutcome(fromBytes[index], fromText[index]) && !knownDifference(decodeBytes(bytes).text));
      expect(differing.map((bytes) => Buffer.from(bytes).toString('hex'))).toEqual([]);
      const known = new KnownDifferences();
      let illFormedAfterBom = 0;
      let utf16AfterBom = 0;
      fc.assert(
        fc.property(streamBytes, (bytes) => {
          const expected = oracle(bytes);
          const decoded = decodeBytes(bytes);
          const { text } = decoded;
          // x/text passes these bytes on unchecked: go-yaml fails where it meets them, encoding/json reads U+FFFD.
          if (decoded.illFormedUtf8) illFormedAfterBom++;
          // go-yaml reads a document that starts with the bytes FE FF or FF FE as UTF-16.
          if (mayHoldUtf16Document(decoded)) utf16AfterBom++;
          const actual = decode(text, decoded);
          const problem = divergence(expected, actual);
          known.judge(problem, text, Buffer.from(bytes).toString('hex'), bytes);
          if (!problem) {
            // The port's reader fails where go-yaml's does, with its problem, or not at all.
            const reader = readerProblemDifference(expected, actual);
            if (reader) throw new Error(`go-yaml's reader fails otherwise (${reader})\nin ${Buffer.from(bytes).toString('hex')}`);
          }
        }),
        parameters,
      );
      known.expectRare(parameters.numRuns ?? byteRuns);
      // The generator reaches the corners it is meant to reach, UTF-16 documents after a UTF-8 mark in about one file of six.
      expect(illFormedAfterBom).toBeGreaterThan(0);
      expect(utf16AfterBom).toBeGreaterThan((parameters.numRuns ?? byteRuns) / 20);
    },
    timeoutFor(byteRuns, byteShare, 5),
  );

  it(
    'writes every number as oc sends it: int64 exactly, other numbers as float64, -0 only from JSON',
    () => {
      const parameters = runs<[string]>(numberRuns, numberShare);
      const texts = fc.sample(numberDocument, { seed, numRuns: parameters.numRuns ?? numberRuns });
      const answers = new Map<string, string>();
      oracleLines(texts).forEach((line, index) => answers.set(texts[index] ?? '', line));
      fc.assert(
        fc.property(numberDocument, (text) => {
          const expected = answers.get(text) ?? oracleLines([text])[0] ?? '';
          const actual = decode(text);
          // Errors (a float out of range, `!!int 1.5`) must agree; their messages are ours.
          if (actual.some((document) => 'error' in document) || expected.includes('"error"')) {
            expect(divergence(parseOracleLine(expected), actual)).toBeUndefined();
            return;
          }
          expect(stringifyDecoded(actual)).toBe(expected);
        }),
        parameters,
      );
    },
    timeoutFor(numberRuns, numberShare, 5),
  );
});

const byteRuns = 4_000;
const byteShare = 0.4;
const numberRuns = 2_000;
const numberShare = 0.1;
