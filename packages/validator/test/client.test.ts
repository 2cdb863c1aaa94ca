/**
 * What oc does before any request: REST mapping of apiVersion (rest-mapping.ts and its rules) and the
 * fix that writes the one apiVersion the image kinds map to.
 */
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/fix-text.js';
import { judgeApiVersion } from '../src/rest-mapping.js';
import { validate } from '../src/validate.js';

describe('judgeApiVersion', () => {
  it.each([
    ['image.openshift.io/v1', false, 'mapped'],
    ['${API_VERSION}', true, 'mapped'],
    [undefined, false, 'absent'],
    ['', false, 'absent'],
    ['config.openshift.io/v1', false, 'other-group'],
    ['apps/v1', false, 'other-group'],
    ['v1', false, 'legacy'],
    ['v1', true, 'legacy-rewritten'],
    ['image.openshift.io', false, 'no-group'],
    ['V1', false, 'no-group'],
    ['Image.openshift.io/v1', false, 'group-spelling'],
    ['images.openshift.io/v1', false, 'group-spelling'],
    ['image.openshift.io/v1beta1', false, 'unknown-version'],
    ['image.openshift.io/v1/x', false, 'malformed'],
  ] as const)('%s (a Template object: %s) is %s for an ImageStream', (apiVersion, inTemplate, verdict) => {
    expect(judgeApiVersion(apiVersion, 'ImageStream', { inTemplate, templateObject: inTemplate })).toBe(verdict);
  });

  it('keeps v1 an error for ImageTag in a Template: processing rewrites only the OpenShift 3 kinds', () => {
    expect(judgeApiVersion('v1', 'ImageTag', { inTemplate: true, templateObject: true })).toBe('legacy');
  });

  it('keeps v1 an error for the items of a List among a Template\'s objects: processing regroups only its own objects', () => {
    const text = `apiVersion: template.openshift.io/v1
kind: Template
metadata:
  name: t
objects:
- apiVersion: v1
  kind: List
  items:
  - apiVersion: v1
    kind: ImageStream
    metadata:
      name: a
- apiVersion: v1
  kind: ImageStream
  metadata:
    name: b
`;
    expect(validate(text).findings.map((finding) => `${finding.ruleId} ${finding.path}`)).toEqual([
      'api-version-mapping objects[0].items[0].apiVersion',
      'legacy-api-version objects[1].apiVersion',
    ]);
  });
});

describe('the apiVersion fix', () => {
  it('writes image.openshift.io/v1 for every spelling oc cannot map, keeping quotes and comments, and leaves nothing to report', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      ...['v1', '"Image.openshift.io/v1"', 'image.openshift.io/v2  # old', 'image.openshift.io'].flatMap((apiVersion, index) => [
        `- apiVersion: ${apiVersion}`,
        '  kind: ImageStream',
        `  metadata: {name: s${index}}`,
      ]),
      '',
    ].join('\n');
    expect(validate(text).findings.map((finding) => finding.ruleId)).toEqual(Array(4).fill('api-version-mapping'));
    const fixed = fixText(text);
    expect(fixed.output).toBe(
      text
        .replace('- apiVersion: v1', '- apiVersion: image.openshift.io/v1')
        .replace('"Image.openshift.io/v1"', '"image.openshift.io/v1"')
        .replace('image.openshift.io/v2  # old', 'image.openshift.io/v1  # old')
        .replace('- apiVersion: image.openshift.io\n', '- apiVersion: image.openshift.io/v1\n'),
    );
    expect(fixed.findings).toEqual([]);
  });
});

describe('kind-case: an image kind in another case', () => {
  const kindFindings = (text: string) =>
    validate(text)
      .findings.filter((finding) => finding.ruleId === 'kind-case')
      .map((finding) => [finding.path, finding.messageId]);

  it('oc maps the all-lowercase kind but the server does not know it; other spellings fail in oc', () => {
    const text = 'apiVersion: image.openshift.io/v1\nkind: imagestream\nmetadata: {name: a}\n---\napiVersion: image.openshift.io/v1\nkind: ImageStreamtag\nmetadata: {name: a:b}\n';
    expect(kindFindings(text)).toEqual([
      ['kind', 'notRegistered'],
      ['kind', 'noMatch'],
    ]);
  });

  it('a lowercase list kind is not mapped (discovery adds only Kind+"List"), nor is anything under v1', () => {
    expect(kindFindings('apiVersion: image.openshift.io/v1\nkind: imagestreamlist\nitems: []\n')).toEqual([['kind', 'noMatch']]);
    expect(kindFindings('apiVersion: v1\nkind: imagestream\nmetadata: {name: a}\n')).toEqual([['kind', 'noMatch']]);
  });

  it('leaves other groups and objects without an apiVersion alone', () => {
    const text = 'apiVersion: config.openshift.io/v1\nkind: image\nmetadata: {name: cluster}\n---\nkind: imagestream\nmetadata: {name: a}\n';
    expect(kindFindings(text)).toEqual([]);
    expect(validate(text).skipped).toEqual({ image: 1, imagestream: 1 });
  });

  it('validates the object as the kind it is meant as, and the fix writes that kind', () => {
    const text = 'apiVersion: image.openshift.io/v1\nkind: imageStream\nmetadata: {name: a}\nspec:\n  tags:\n  - name: x\n    from: {kind: Docker, name: quay.io/a/b:1}\n';
    const result = validate(text);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['kind-case', 'tag-from-kind']);
    expect(result.objects.map((object) => object.kind)).toEqual(['ImageStream']);
    expect(fixText(text).output).toContain('kind: ImageStream\n');
  });

  it('types the items of a typed list written in another case', () => {
    const text = 'apiVersion: image.openshift.io/v1\nkind: imageStreamList\nitems:\n- metadata: {name: Bad_Name}\n';
    expect(validate(text).findings.map((finding) => [finding.ruleId, finding.path])).toEqual([
      ['kind-case', 'kind'],
      ['imagestream-name', 'items[0].metadata.name'],
    ]);
  });
});
