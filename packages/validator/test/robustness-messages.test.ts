/**
 * Messages quote what the manifest says, and the manifest comes from whoever opened the pull
 * request. A line break or terminal escape copied into a message would let a file forge output
 * lines: `::error`/`::add-mask::` workflow commands in GitHub Actions logs (read from stdout in
 * every format), fake findings in text formats, escape sequences in terminals. So a message is
 * always one line of printable text, whatever keys and values it quotes.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { rules, validate } from '../src/index.js';
import { invariantViolations } from './arbitraries/invariants.js';

const ruleIds = new Set(rules.map((rule) => rule.id));

const PAYLOADS = [
  'x\n::error file=a.yaml,line=1::forged',
  'x\r\n::add-mask::secret',
  'x\u001b[2J\u001b[31mred',
  'x\u0000nul',
  'x\u0085next-line',
  'x\u2028line-separator',
  'x\u009b31mC1-escape',
];

/** A manifest of `kind` with `payload` in every key and string value position the rules look at. */
function manifests(payload: string): Record<string, unknown>[] {
  const tag = {
    name: payload,
    annotations: { [payload]: payload },
    from: { kind: payload, name: payload, namespace: payload },
    importPolicy: { importMode: payload, [payload]: true },
    referencePolicy: { type: payload },
    [payload]: payload,
  };
  const metadata = { name: payload, namespace: payload, generateName: payload, labels: { [payload]: payload }, annotations: { [payload]: payload }, [payload]: 1 };
  const image = {
    metadata,
    dockerImageReference: payload,
    dockerImageLayers: [{ name: payload, mediaType: payload, size: 1 }],
    dockerImageManifests: [{ digest: payload, mediaType: payload, architecture: payload, os: payload }],
    dockerImageManifestMediaType: payload,
    signatures: [{ metadata, type: payload, content: payload, conditions: [{ type: payload, status: payload }], imageIdentity: payload }],
    [payload]: payload,
  };
  const apiVersion = 'image.openshift.io/v1';
  return [
    { apiVersion, kind: 'ImageStream', metadata, spec: { dockerImageRepository: payload, tags: [tag, tag], [payload]: 1 }, status: { [payload]: 1 } },
    { apiVersion, kind: 'ImageStreamTag', metadata, tag },
    { apiVersion, kind: 'ImageTag', metadata, spec: tag },
    { apiVersion, kind: 'ImageStreamImport', metadata, spec: { images: [{ from: { kind: payload, name: payload }, to: { name: payload } }], repository: { from: { kind: payload, name: payload } } } },
    { apiVersion, kind: 'ImageStreamMapping', metadata, tag: payload, image },
    { apiVersion, kind: 'Image', ...image },
    { apiVersion, kind: 'ImageSignature', metadata, type: payload, content: payload, conditions: [{ type: payload }] },
    { apiVersion, kind: payload, metadata },
    { apiVersion: payload, kind: 'ImageStream', metadata },
    { apiVersion: 'v1', kind: 'List', items: [{ apiVersion, kind: 'ImageStream', metadata: { name: 'x', [payload.replace('x', 'nmae')]: 1 } }] },
  ];
}

describe('messages are one printable line whatever the manifest quotes', () => {
  for (const payload of PAYLOADS) {
    it(`payload ${JSON.stringify(payload)} in every key and value`, () => {
      for (const manifest of manifests(payload)) {
        for (const text of [stringify(manifest, { version: '1.1' }), JSON.stringify(manifest)]) {
          const result = validate(text);
          // Objects of other kinds (the payload as kind or apiVersion) are skipped, not reported.
          expect(result.findings.length + Object.keys(result.skipped).length, text).toBeGreaterThan(0);
          expect(invariantViolations(text, result.findings, ruleIds), text).toEqual([]);
        }
      }
    });
  }

  it('syntax errors that quote the text (lone CR line ends, control characters) stay one line', () => {
    for (const text of ['|\t  :[\r#\r', 'apiVersion: |-\r\t\tx\rkind: ImageStream\r', 'a: b\r  c: [\u0007\u001b[31m\r', `x: "${'\u0001'.repeat(3)}`, 'a: [\r']) {
      const result = validate(text);
      expect(result.findings.length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(invariantViolations(text, result.findings, ruleIds)).toEqual([]);
    }
  });

  it('a misspelt required key with a line break is quoted escaped', () => {
    const text = 'apiVersion: image.openshift.io/v1\n"ki\\nd": ImageStream\n';
    expect(validate(text).findings.map((finding) => finding.message).join('\n')).not.toMatch(/ki\nd/);
  });
});
