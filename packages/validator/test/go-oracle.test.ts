/**
 * The go-yaml v2 port alone (src/yaml/go: scanner, parser, composer) against go-yaml itself
 * (tools/oracle): every YAML stream the generators write (texts, files as bytes, numbers) must
 * decode to the value oc sends, or fail in the same document. JSON streams are encoding/json's, not go-yaml's: they are left out
 * here (oracle.test.ts covers them through `decode`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWithOracle, oracleAvailability, type OracleDocument } from '../../../tools/oracle/oracle.mjs';
import { decodedDocuments } from '../src/decode.js';
import { decodeBytes, type IllFormedUtf8 } from '../src/index.js';
import { withoutByteOrderMark } from '../src/bytes.js';
import { resolveLimits } from '../src/limits.js';
import { ruleMessage } from '../src/rules/define.js';
import { yamlSyntax } from '../src/rules/pipeline.js';
import { readGoDocument } from '../src/yaml/go/read.js';
import { lineStarts, type ReadResult } from '../src/yaml/result.js';
import { splitStream } from '../src/yaml/stream.js';
import { divergence, ISSUE_CORNERS, KnownDifferences, prefetchedOracle } from './oracle-compare.js';
import { numberDocument, streamBytes } from './arbitraries/bytes.js';
import { runs, seed, timeoutFor } from './arbitraries/settings.js';
import { streamText } from './arbitraries/yaml-text.js';

const availability = oracleAvailability();
if (!availability.available) {
  if (process.env.CI === 'true') throw new Error(`CI needs the go-yaml oracle: ${availability.reason}`);
  console.warn(`go-oracle.test.ts SKIPPED: ${availability.reason}`);
}

/** Reads a YAML stream with the go-yaml port only; undefined for a stream oc reads as JSON. `illFormedUtf8`: see `DecodedBytes`. */
function readWithGoYaml(text: string, illFormedUtf8: readonly IllFormedUtf8[] = []): ReadResult | undefined {
  const stream = splitStream(text);
  if (stream.documents.some((document) => document.syntax === 'json')) return undefined;
  const result: ReadResult = { documents: [], problems: [], comments: [], lines: lineStarts(text) };
  const limits = resolveLimits({});
  const budget = { nodes: 0 };
  for (const piece of stream.documents) {
    const read = readGoDocument(piece, text.length, limits, budget, result.lines, illFormedUtf8);
    result.problems.push(...read.problems);
    if (read.document) result.documents.push(read.document);
  }
  if (stream.failure) {
    const { index, message, offset } = stream.failure;
    result.problems.push({ ...ruleMessage(yamlSyntax, { messageId: 'parse', data: { message } }), range: { start: offset, end: offset + 3 }, documentIndex: index });
  }
  return result;
}

/** The go port's divergence from the oracle on one text; undefined when they agree or the text is JSON. */
function goDivergence(text: string, expected: readonly OracleDocument[], illFormed: readonly IllFormedUtf8[] = []): string | undefined {
  const { text: input, illFormedUtf8 } = withoutByteOrderMark(text, illFormed);
  const read = readWithGoYaml(input, illFormedUtf8);
  return read && divergence(expected, decodedDocuments(read));
}

const sampleRuns = 20_000;
const share = 2;
const byteRuns = 4_000;
const byteShare = 0.4;
const numberRuns = 2_000;

describe.skipIf(!availability.available)('the go-yaml port alone against go-yaml v2 (tools/oracle)', () => {
  it(
    'agrees with oc on every generated YAML stream',
    () => {
      const parameters = runs<[string]>(sampleRuns, share);
      const numRuns = parameters.numRuns ?? sampleRuns;
      const oracle = prefetchedOracle(fc.sample(streamText, { seed, numRuns }));
      let yamlStreams = 0;
      const known = new KnownDifferences();
      fc.assert(
        fc.property(streamText, (text) => {
          const expected = oracle(text);
          if (readWithGoYaml(text.startsWith('\uFEFF') ? text.slice(1) : text)) yamlStreams++;
          known.judge(goDivergence(text, expected), text, JSON.stringify(text));
        }),
        parameters,
      );
      // Most generated streams are YAML: the port is what is tested here.
      expect(yamlStreams).toBeGreaterThan(numRuns / 2);
      known.expectRare(numRuns);
    },
    timeoutFor(sampleRuns, share, 5),
  );

  it(
    'agrees with oc on files as bytes: UTF-8 with or without a byte order mark, UTF-16, ill-formed sequences',
    () => {
      const parameters = runs<[Uint8Array]>(byteRuns, byteShare);
      const oracle = prefetchedOracle(fc.sample(streamBytes, { seed, numRuns: parameters.numRuns ?? byteRuns }));
      const known = new KnownDifferences();
      fc.assert(
        fc.property(streamBytes, (bytes) => {
          // After a UTF-8 mark x/text passes ill-formed bytes on unchecked: the port's reader fails on them, or reads a document that starts with FE FF or FF FE as UTF-16.
          const { text, illFormedUtf8 } = decodeBytes(bytes);
          const expected = oracle(bytes);
          known.judge(goDivergence(text, expected, illFormedUtf8), text, Buffer.from(bytes).toString('hex'), bytes);
        }),
        parameters,
      );
      known.expectRare(parameters.numRuns ?? byteRuns);
    },
    timeoutFor(byteRuns, byteShare, 5),
  );

  it('writes every number as oc sends it', () => {
    const texts = fc.sample(numberDocument, { seed, numRuns: numberRuns });
    const expected = decodeWithOracle(texts);
    const problems = texts.flatMap((text, index) => {
      const problem = goDivergence(text, expected[index] ?? []);
      return problem ? [`${JSON.stringify(text)}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('agrees on the corners listed in issue 14', () => {
    const expected = decodeWithOracle(ISSUE_CORNERS);
    const problems = ISSUE_CORNERS.flatMap((text, index) => {
      const problem = goDivergence(text, expected[index] ?? []);
      return problem ? [`${JSON.stringify(text)}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });
});
