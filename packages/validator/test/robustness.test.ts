import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/types.js';
import { validate } from '../src/validate.js';

/** Pieces of YAML that exercise the reader: indicators, anchors, tags, quotes, keys, documents. */
const yamlPiece = fc.constantFrom(
  'apiVersion: image.openshift.io/v1\n', 'apiVersion: v1\n', 'kind: ImageStream\n', 'kind: List\nitems:\n', 'kind: Template\nobjects:\n',
  'metadata:\n', '  name: ruby\n', '  labels: {a: yes, b: 1.10}\n', 'spec:\n', '  tags:\n', '  - name: 1.10\n', '    from: {kind: DockerImage, name: x}\n',
  '- ', '  ', '\t', '---\n', '...\n', '&a ', '*a', '<<: *a\n', '!!int ', '!!str ', '? ', ': ', '"', "'", '[', ']', '{', '}', ',', '#', '|\n', '>-\n',
  '~', 'null', '\u0000', '\uFEFF', 'é', '${X}', '${{Y}}', '# ocp-image-disable\n', '\n',
);

function inBounds(text: string, finding: Finding): boolean {
  const lines = text.split('\n').length;
  return (
    finding.line >= 1 &&
    finding.line <= lines &&
    finding.column >= 1 &&
    (finding.endLine > finding.line || (finding.endLine === finding.line && finding.endColumn > finding.column)) &&
    finding.endLine <= lines
  );
}

describe('validate on arbitrary input', () => {
  it('never throws, and every finding has a rule, a message and a position inside the text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(yamlPiece, { maxLength: 60 }).map((pieces) => pieces.join(''))), (text) => {
        const result = validate(text);
        for (const finding of result.findings) {
          expect(finding.ruleId).not.toBe('internal-error');
          expect(finding.message.length).toBeGreaterThan(0);
          expect(inBounds(text, finding), `${JSON.stringify(text)} → ${JSON.stringify(finding)}`).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
