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
import { decodeWithOracle, oracleAvailability, type OracleDocument } from '../../../tools/oracle/oracle.mjs';
import { decode } from '../src/index.js';
import { divergence } from './oracle-compare.js';
import { runs, seed, timeoutFor } from './arbitraries/settings.js';
import { streamText } from './arbitraries/yaml-text.js';

const availability = oracleAvailability();
if (!availability.available) {
  if (process.env.CI === 'true') throw new Error(`CI needs the go-yaml oracle: ${availability.reason}`);
  console.warn(`oracle.test.ts SKIPPED: ${availability.reason}`);
}

/**
 * Where decode still differs from go-yaml, each a shape of input recognised here so that any other
 * divergence fails (docs/yaml-decoding-differences.md explains them; none occurs in a manifest
 * written by a person or a tool: the generator's hostile edits make them).
 */
export const KNOWN_DIFFERENCES: readonly { name: string; matches: (text: string) => boolean }[] = [
  // go-yaml's tag scanner takes URI characters only; the `yaml` package takes more.
  {
    name: 'a tag holding a tab, NBSP, U+FEFF, U+FFFD or a control character',
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    matches: (text) => /![^\s,[\]{}]*[\t\u00a0\ufeff\ufffd\u0000-\u001f]|!<[^>\n]*[\t\u00a0\ufeff\ufffd\u0000-\u001f]/.test(text),
  },
  // In a flow mapping go-yaml reads a leading `?` as the key indicator whatever follows it.
  { name: 'a flow mapping key that starts with ?', matches: (text) => /[{,][ \t]*\?\S/.test(text) },
  // go-yaml takes NBSP as part of a plain scalar, the `yaml` package around flow indicators as a space.
  { name: 'NBSP next to a flow indicator or quote', matches: (text) => /[{[,]\u00a0|\u00a0[{["]/.test(text) },
  // go-yaml keeps LS/PS in a scalar and folds only LF; next to another break, or in a folded block scalar, the fold differs.
  {
    name: 'LS or PS next to another line break, or in a folded block scalar',
    matches: (text) => /[\u2028\u2029]\r?[\r\n\u0085\u2028\u2029]|[\r\n\u0085][\u2028\u2029]/.test(text) || (/[\u2028\u2029]/.test(text) && /(?:^|[\s:-])>/.test(text)),
  },
  // A `---` that YAMLReader does not cut at (it follows CR, NEL, LS or PS) starts a document for go-yaml, whose node properties then differ.
  { name: 'a --- marker after CR, NEL, LS or PS', matches: (text) => /[\r\u0085\u2028\u2029]---(?:[ \t\r\u0085\u2028\u2029]|$)/.test(text) },
  // go-yaml scans ahead of the root as long as a simple key is possible (up to 1024 characters on its line).
  { name: 'a root followed on its line by a flow collection or plain scalar that go-yaml scans into', matches: (text) => /^[\s\u00a0\ufeff]*(?:\{|null|\[)/.test(text) && /[}\]l][\t ]*[{[]/.test(text) },
];

const sampleRuns = 20_000;
const share = 2;

describe.skipIf(!availability.available)('decode against go-yaml v2 (tools/oracle)', () => {
  it(
    'agrees with oc on every generated stream: same values, errors in the same document',
    () => {
      const parameters = runs<[string]>(sampleRuns, share);
      // One oracle process per few thousand texts: ask for all that fast-check will generate first.
      const numRuns = parameters.numRuns ?? sampleRuns;
      const texts = fc.sample(streamText, { seed, numRuns });
      const answers = new Map<string, OracleDocument[]>();
      decodeWithOracle(texts).forEach((documents, index) => answers.set(texts[index] ?? '', documents));
      const oracle = (text: string): OracleDocument[] => answers.get(text) ?? decodeWithOracle([text])[0] ?? [];
      let known = 0;
      fc.assert(
        fc.property(streamText, (text) => {
          const problem = divergence(oracle(text), decode(text));
          if (problem && KNOWN_DIFFERENCES.some((difference) => difference.matches(text))) known++;
          else if (problem) throw new Error(`${problem}\nin ${JSON.stringify(text)}`);
        }),
        parameters,
      );
      // The known differences stay rare corners, not a filter that hides a regression.
      expect(known).toBeLessThan(numRuns / 500);
    },
    timeoutFor(sampleRuns, share, 5),
  );

  it('agrees on the corners listed in issue 14', () => {
    const corners = [
      'a: 1\n---b: 2\n',
      'a: 1\n--- !!map\nb: 2\n',
      '%YAML 1.1\n---\na: 1\n',
      '{"a": 1}\n{"b": 2}\n',
      '{"a": 1} {"b": 2} {"c": 3}',
      'a: b\u0000c\n',
      'a: 1\rb: 2\r',
      'a: 1\u0085b: 2\n',
      'a: 1\u2028b: 2\n',
      'a: *unknown\n',
      'a: !!binary not*base64\n',
      'a: 1\n---\n\uFEFFb: 2\n',
      'a: .inf\n',
      'a: [.nan]\n',
      '12345678901234567890123: x\n',
      '-0.0: x\n',
    ];
    const expected = decodeWithOracle(corners);
    const problems = corners.flatMap((text, index) => {
      const problem = divergence(expected[index] ?? [], decode(text));
      return problem ? [`${JSON.stringify(text)}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });
});
