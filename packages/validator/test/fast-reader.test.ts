import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { Locator } from '../src/locate.js';
import type { PathSegment } from '../src/types.js';
import { composeDocuments } from '../src/yaml/compose.js';
import { readFast } from '../src/yaml/fast.js';
import type { ReadDocument, ReadResult } from '../src/yaml/result.js';
import { runs, timeoutFor } from './arbitraries/settings.js';

/**
 * Pieces that build manifest-like YAML: block and flow collections at a few indentations, every
 * scalar style, scalars go-yaml resolves to other types, tags, comments, documents — and the
 * constructs the fast reader leaves to the complete one (anchors, merges, directives, bad tags).
 * Lone CRs too: both readers take them as line breaks now, as go-yaml does.
 */
const piece = fc.constantFrom(
  'apiVersion: image.openshift.io/v1\n', 'kind: ImageStream\n', 'metadata:\n', '  name: ruby\n', '  labels: {a: yes, b: 1.10, "c": \'d\'}\n',
  'spec:\n', '  tags:\n', '  - name: 1.10\n', '    from: {kind: DockerImage, name: x}\n', '    annotations:\n', '      k: v\n', '      e:\n',
  '  - ', '- ', '  ', '    ', 'key: ', 'a: b\n', '[', ']', '{', '}', ', ', ': ', '? ', '"', "'", '"quoted \\u00e9 \\n"', "'it''s'",
  'x', '0x1F', '0777', '1e3', '.5', '-.inf', '.nan', '~', 'null', 'on', 'off', 'Yes', '2024-01-02', '2024-01-02T03:04:05Z', '12_000',
  '!!str ', '!!int ', '!!float ', '!!bool ', '!!binary ', '!!null ', '!local ', '!<tag:yaml.org,2002:str> ', '&a ', '*a', '<<: *a\n',
  '|\n  line one\n  line two\n', '>-\n  folded\n\n  text\n', '|+\n  kept\n\n', ' # comment\n', '# comment\n', '---\n', '--- x\n', '...\n',
  '%YAML 1.1\n', '\t', '\n', '\r\n', '\r', 'é', '😀', '\u0085', '\u2028', '\uFEFF', '\u0007', ': #', '-', '--- |\n  root\n',
);

/** Every path in a decoded value, containers included. */
function paths(value: unknown, prefix: PathSegment[] = [], into: PathSegment[][] = []): PathSegment[][] {
  into.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...prefix, index], into));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], into);
  return into;
}

/** Where the locator puts every path of a document, and how the schema checks see its node. */
function positions(text: string, result: ReadResult, document: ReadDocument) {
  const locator = new Locator(result.lines, text);
  return paths(document.value).map((path) => {
    const node = locator.entry(document, path)?.value;
    // `? key` without a value has no value node in the `yaml` library and an empty one in js-yaml's
    // events: both are "no text here" to the locator and to the schema checks.
    const written = node?.style === 'plain' && node.text === '' ? undefined : node;
    // Fixes edit single-line scalars and flow collections by their exact ranges.
    const exactRange = written && (written.flow || (written.kind === 'scalar' && written.style !== 'other')) ? written.range : undefined;
    return {
      path,
      value: locator.position(locator.locate(document, path, 'value').range),
      key: locator.position(locator.locate(document, path, 'key').range),
      exactRange,
      style: written?.style,
      quote: written?.quote,
      text: written?.text,
      properties: written?.properties,
      tag: written?.tag,
    };
  });
}

/** The fast reader takes `text`: it must read it exactly as the complete reader does. */
function expectSameReading(text: string): boolean {
  const fast = readFast(text, DEFAULT_LIMITS);
  if (!fast) return false;
  const complete = composeDocuments(text, DEFAULT_LIMITS);
  expect(complete.problems, JSON.stringify(text)).toEqual([]);
  const summary = (result: ReadResult) => result.documents.map(({ index, value, unreadable }) => ({ index, value, unreadable }));
  expect(summary(fast), JSON.stringify(text)).toEqual(summary(complete));
  fast.documents.forEach((document, index) => {
    expect(positions(text, fast, document), JSON.stringify(text)).toEqual(positions(text, complete, complete.documents[index] as ReadDocument));
  });
  return true;
}

describe('fast reader', () => {
  it(
    'reads every text it takes exactly as the complete reader: documents, values, positions, node styles',
    { timeout: timeoutFor(3_000, 0.1, 20) },
    () => {
      let taken = 0;
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
          if (expectSameReading(pieces.join(''))) taken++;
        }),
        runs(3_000, 0.1),
      );
      // The property says nothing unless the fast reader takes a fair share of the texts.
      expect(taken).toBeGreaterThan(300);
    },
  );

  it('takes plain manifests, and declines what only the complete reader reports', () => {
    expect(readFast('kind: ImageStream\nmetadata:\n  name: a\n', DEFAULT_LIMITS)?.documents).toHaveLength(1);
    const declined = [
      ...['a: &x 1\nb: *x\n', 'a: 1\na: 2\n', '<<: {a: 1}\n', '%YAML 1.1\n---\na: 1\n', 'a: !!int x\n', 'a: [\n', '{a: 1}: b\n', '? \n: v\n'],
      // Where go-yaml and oc differ from the `yaml` library too: the complete reader is the one to match them.
      ...['a: 1\n---b: 2\n', '--- |\n  x\n', 'a: "\\/"\n', '{"a": "\\ud83d\\ude00"}\n', 'a: ["x\\/"]\n', '"k\\/": 1\n', 'a: .inf\n', '1.5: x\n', '- \ta\n', 'a: b\u0007\n', 'a: 1\n...\nb: 2\n', 'a: !!binary QQ==\n'],
      // Found by oracle.test.ts: a CR before a CRLF (oc's line reader drops the CR of the CRLF only), a tab before a flow root, U+FFFE.
      ...['a: |-\r\n  x\r\r\n  y\n', '\t\r  [1]\n', '"\uFFFE"\n'],
      // In a flow collection go-yaml keeps a `:` not followed by a blank in the plain scalar (npm run fuzz, seed 1333474830).
      ...['\n{\uFFFD"v":{"a":1}}', 'a: {b:[1]}\n'],
    ];
    for (const text of declined) {
      expect(readFast(text, DEFAULT_LIMITS), JSON.stringify(text)).toBeUndefined();
    }
    // Escapes both know are the fast reader's.
    expect(expectSameReading('a: "\\x41\\u00e9\\N\\_\\t\\"\\\\"\nb: [\'\\\']\n')).toBe(true);
    expect(readFast('a:\n  b:\n    c: 1\n', { ...DEFAULT_LIMITS, maxDepth: 1 })).toBeUndefined();
    expect(readFast('a: 1\n---\nb: 2\n', { ...DEFAULT_LIMITS, maxDocuments: 1 })).toBeUndefined();
  });

  it('reads the stream as oc splits it: document indexes and JSON streams', () => {
    // A piece with only a comment is a document to oc's splitter (empty, so skipped); `---` lines alone are not.
    const texts = ['# head\n---\na: 1\n', '---\n---\na: 1\n---\n\n---\nb: 2\n', '{"a": 1}\n{"b": 1.0, "c": [true, null, "x"]}', 'a: 1\r\n---\r\nb: "x\r\n  y"\r\n'];
    for (const text of texts) expect(expectSameReading(text), JSON.stringify(text)).toBe(true);
    expect(readFast('# head\n---\na: 1\n', DEFAULT_LIMITS)?.documents.map((document) => document.index)).toEqual([1]);
  });
});
