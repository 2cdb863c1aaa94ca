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
