/**
 * What the server decodes, then drops or fills before validating (src/server-view.ts,
 * src/schema/decoding.ts). The time and base64 tables are Go's own verdicts: time.Parse(time.RFC3339)
 * and json.Unmarshal into []byte, run with go1.19 on each string.
 */
import { describe, expect, it } from 'vitest';
import { base64Problem, rfc3339Problem } from '../src/schema/decoding.js';
import { validate } from '../src/validate.js';

const rulesOf = (text: string) => validate(text).findings.map((finding) => `${finding.ruleId} ${finding.path}`);

describe('RFC 3339 as Go time.Parse(time.RFC3339) reads it', () => {
  it.each([
    '2020-01-01T00:00:00Z',
    '2020-01-01T00:00:00,5Z',
    '2020-01-01T00:00:00+24:00',
    '2020-01-01T00:00:00+00:60',
    '2020-01-01T1:00:00Z',
    '2020-02-29T00:00:00Z',
    '2020-01-01T00:00:00.123456789123Z',
    '2020-01-01T00:00:00-00:00',
    '0000-01-01T00:00:00Z',
    '2020-01-01T00:00:00.5+01:00',
  ])('accepts %j', (text) => {
    expect(rfc3339Problem(text)).toBeUndefined();
  });
  it.each([
    '2020-01-01t00:00:00z',
    '2020-01-01T24:00:00Z',
    '2020-01-01T00:00:60Z',
    '2020-01-01T00:00:00.Z',
    '2020-02-30T00:00:00Z',
    '2021-02-29T00:00:00Z',
    '2020-01-01 00:00:00Z',
    '2020-01-01T00:00:00',
    '02020-01-01T00:00:00Z',
    '2020-1-01T00:00:00Z',
    '2020-01-01T00:00:00+0100',
    '',
    '2020-01-01T00:00:00Z ',
    ' 2020-01-01T00:00:00Z',
    '2020-00-01T00:00:00Z',
    '2020-01-00T00:00:00Z',
    '2020-01-01T00:00:00+01:00:00',
  ])('rejects %j', (text) => {
    expect(rfc3339Problem(text)).toBeDefined();
  });
});

describe('base64 as encoding/json decodes a []byte', () => {
  it.each(['aGVsbG8=', 'aGVs\nbG8=', '', 'YQ==', 'YR==', 'YQ==\n'])('accepts %j', (text) => {
    expect(base64Problem(text)).toBeUndefined();
  });
  it.each(['aGVsbG8', 'aGVs bG8=', 'aGVsbG8=aGVsbG8=', 'a-_b', 'Y===', 'YQ'])('rejects %j', (text) => {
    expect(base64Problem(text)).toBeDefined();
  });
});

describe('decoding comes first, validation sees only what survives', () => {
  const stream = (tags: string) => `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata: {name: app}\nspec:\n  tags:\n${tags}`;

  it('a spec.tags entry replaced by a later one of the same name is not validated, but still decoded', () => {
    const replaced = '  - name: t\n    from: {kind: Bogus}\n    referencePolicy: {type: Remote}\n  - name: t\n    from: {kind: DockerImage, name: a/b:1}\n';
    expect(rulesOf(stream(replaced))).toEqual(['duplicate-tag-name spec.tags[0].name']);
    const undecodable = '  - name: t\n    from: {kind: Bogus}\n    generation: "1"\n    extra: 1\n  - name: t\n    from: {kind: DockerImage, name: a/b:1}\n';
    expect(rulesOf(stream(undecodable))).toEqual([
      'duplicate-tag-name spec.tags[0].name',
      'schema-type spec.tags[0].generation',
      'unknown-field spec.tags[0].extra',
    ]);
  });

  it('missing tag names are the same name ""', () => {
    const twoUnnamed = '  - from: {kind: Bogus}\n  - from: {kind: DockerImage, name: a/b:1}\n';
    expect(rulesOf(stream(twoUnnamed))).toEqual([]);
  });

  it('an ImageStreamMapping image signature is cleared: only decoding errors and the warning remain', () => {
    const mapping = `apiVersion: image.openshift.io/v1
kind: ImageStreamMapping
metadata: {name: app, namespace: ns}
tag: latest
image:
  metadata: {name: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
  dockerImageReference: quay.io/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
  signatures:
  - metadata: {name: no-at-sign, labels: {a: b}}
    content: "%%"
`;
    expect(rulesOf(mapping)).toEqual(['server-populated-field image.signatures', 'field-decoding image.signatures[0].content']);
  });

  it('a status time is decoded even though status is then replaced', () => {
    const text = `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata: {name: app}\nstatus:\n  tags:\n  - tag: t\n    items:\n    - created: yesterday\n`;
    expect(rulesOf(text)).toEqual(['status-ignored status', 'field-decoding status.tags[0].items[0].created']);
  });

  it('template parameters are not decoded', () => {
    const template = `apiVersion: template.openshift.io/v1
kind: Template
metadata: {name: t}
objects:
- apiVersion: image.openshift.io/v1
  kind: ImageSignature
  metadata: {name: "a@b", creationTimestamp: "\${WHEN}"}
  type: atomic
  content: "\${CONTENT}"
parameters:
- name: WHEN
- name: CONTENT
`;
    expect(rulesOf(template)).toEqual([]);
  });
});
