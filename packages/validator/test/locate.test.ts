import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { Locator, type LocateTarget } from '../src/locate.js';
import type { PathSegment } from '../src/types.js';
import { composeDocuments } from '../src/yaml/compose.js';
import { readDocuments } from '../src/yaml/read.js';

/** Both readers must put every finding in the same place: each test runs with both. */
const readers = { 'fast where it can': readDocuments, complete: composeDocuments };

for (const [readerName, read] of Object.entries(readers)) {
  function locate(text: string, path: PathSegment[], target: LocateTarget = 'value', documentIndex = 0) {
    const result = read(text, DEFAULT_LIMITS);
    const document = result.documents.find((candidate) => candidate.index === documentIndex);
    if (!document) throw new Error('no document');
    const locator = new Locator(result.lines, text);
    const located = locator.locate(document, path, target);
    return { found: located.found, ...locator.position(located.range) };
  }

  const stream = `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: ruby
  labels:
    app.kubernetes.io/name: ruby
spec:
  tags:
  - name: "2.7"
    from:
      kind: DockerImage
      name: quay.io/ruby:2.7
    annotations:
  - name: latest
    from: {kind: ImageStreamTag, name: "2.7"}
`;

  describe(`Locator (${readerName} reader)`, () => {
    it('positions a scalar value, end column exclusive', () => {
      expect(locate(stream, ['spec', 'tags', 0, 'from', 'kind'])).toEqual({ found: true, line: 11, column: 13, endLine: 11, endColumn: 24 });
    });

    it('positions a quoted value including its quotes', () => {
      expect(locate(stream, ['spec', 'tags', 0, 'name'])).toEqual({ found: true, line: 9, column: 11, endLine: 9, endColumn: 16 });
    });

    it('positions a key when asked', () => {
      expect(locate(stream, ['metadata', 'labels', 'app.kubernetes.io/name'], 'key')).toEqual({ found: true, line: 6, column: 5, endLine: 6, endColumn: 27 });
    });

    it('uses the key for a block collection and for an empty value', () => {
      expect(locate(stream, ['spec', 'tags', 0, 'from'])).toEqual({ found: true, line: 10, column: 5, endLine: 10, endColumn: 9 });
      expect(locate(stream, ['spec', 'tags', 0, 'annotations'])).toEqual({ found: true, line: 13, column: 5, endLine: 13, endColumn: 16 });
    });

    it('uses the first line of a sequence item without a key', () => {
      expect(locate(stream, ['spec', 'tags', 1])).toEqual({ found: true, line: 14, column: 5, endLine: 14, endColumn: 17 });
    });

    it('positions a flow mapping as a whole and values inside it', () => {
      expect(locate(stream, ['spec', 'tags', 1, 'from'])).toEqual({ found: true, line: 15, column: 11, endLine: 15, endColumn: 46 });
      expect(locate(stream, ['spec', 'tags', 1, 'from', 'name'])).toEqual({ found: true, line: 15, column: 40, endLine: 15, endColumn: 45 });
    });

    it("positions a missing field on its parent's key", () => {
      expect(locate(stream, ['spec', 'tags', 0, 'from', 'namespace'])).toEqual({ found: false, line: 10, column: 5, endLine: 10, endColumn: 9 });
      expect(locate(stream, ['spec', 'lookupPolicy', 'local'])).toEqual({ found: false, line: 7, column: 1, endLine: 7, endColumn: 5 });
    });

    it('positions a field missing at the root on the first line of the object', () => {
      expect(locate(stream, ['status'])).toEqual({ found: false, line: 1, column: 1, endLine: 1, endColumn: 34 });
    });

    it('positions values in later documents and in JSON', () => {
      const text = 'kind: A\n---\n{\n\t"kind": "B",\n\t"spec": {"x": 1}\n}\n';
      expect(locate(text, ['spec', 'x'], 'value', 1)).toEqual({ found: true, line: 5, column: 16, endLine: 5, endColumn: 17 });
    });

    it('points at the alias as written, and into the anchor for paths below it', () => {
      const text = 'a: &anchor\n  b: 1\nc: *anchor\n';
      expect(locate(text, ['c'])).toEqual({ found: true, line: 3, column: 4, endLine: 3, endColumn: 11 });
      expect(locate(text, ['c', 'b'])).toEqual({ found: true, line: 2, column: 6, endLine: 2, endColumn: 7 });
    });

    it('points at the mapping a merged key came from', () => {
      const text = 'base: &b {x: 1}\nobj:\n  <<: *b\n  y: 2\n';
      expect(locate(text, ['obj', 'x'])).toEqual({ found: true, line: 1, column: 14, endLine: 1, endColumn: 15 });
    });

    it('spans a block scalar over its lines, up to its last character', () => {
      const text = 'a: |\n  one\n  two\n\nb: 1\n';
      expect(locate(text, ['a'])).toMatchObject({ line: 1, column: 4, endLine: 3, endColumn: 6 });
    });
  });
}
