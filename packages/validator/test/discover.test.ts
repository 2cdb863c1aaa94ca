import { describe, expect, it } from 'vitest';
import { discoverObjects } from '../src/discover.js';

const imageKinds = new Set(['ImageStream', 'ImageStreamTag', 'SecretList']);
const summary = (root: unknown) => {
  const discovery = discoverObjects(root, 0, imageKinds);
  return { objects: discovery.objects.map((object) => [object.kind, object.pathPrefix, object.inTemplate]), skipped: discovery.skipped };
};

describe('discoverObjects', () => {
  it('finds a top-level object and takes name and namespace from metadata', () => {
    const [object] = discoverObjects({ apiVersion: 'image.openshift.io/v1', kind: 'ImageStream', metadata: { name: 'a', namespace: 'b' } }, 3, imageKinds).objects;
    expect(object).toMatchObject({ kind: 'ImageStream', name: 'a', namespace: 'b', documentIndex: 3, pathPrefix: [], inTemplate: false, apiVersion: 'image.openshift.io/v1' });
  });

  it('looks into List and *List items, Template objects and bare sequences, recursively', () => {
    expect(
      summary([
        { kind: 'ImageStream' },
        { kind: 'ImageStreamList', items: [{ kind: 'ImageStream' }, { kind: 'Service' }] },
        { kind: 'Template', objects: [{ kind: 'List', items: [{ kind: 'ImageStreamTag', apiVersion: 'v1' }] }, { kind: 'DeploymentConfig' }] },
      ]),
    ).toEqual({
      objects: [
        ['ImageStream', [0], false],
        ['ImageStream', [1, 'items', 0], false],
        ['ImageStreamTag', [2, 'objects', 0, 'items', 0], true],
      ],
      skipped: { Service: 1, DeploymentConfig: 1 },
    });
  });

  it('skips other API groups, objects without a kind and non-objects', () => {
    expect(summary({ kind: 'List', items: [{ kind: 'ImageStream', apiVersion: 'example.com/v1' }, { metadata: {} }, 'text'] })).toEqual({
      objects: [],
      skipped: { ImageStream: 1, '(no kind)': 1, '(not an object)': 1 },
    });
  });

  it('accepts image kinds without apiVersion or with a template parameter for it', () => {
    expect(summary({ kind: 'Template', objects: [{ kind: 'ImageStream' }, { kind: 'ImageStream', apiVersion: '${API}' }] }).objects).toHaveLength(2);
  });

  it('takes `Kind:` for the kind of an image object, so the misspelt key gets reported', () => {
    expect(summary({ Kind: 'ImageStream', apiVersion: 'image.openshift.io/v1' }).objects).toEqual([['ImageStream', [], false]]);
    expect(summary({ KIND: 'Service' })).toEqual({ objects: [], skipped: { '(no kind)': 1 } });
  });

  it('never validates a SecretList (it only holds Secrets)', () => {
    expect(summary({ kind: 'SecretList', apiVersion: 'v1', items: [{ kind: 'Secret' }] })).toEqual({ objects: [], skipped: { Secret: 1 } });
    expect(summary({ kind: 'SecretList', apiVersion: 'v1' })).toEqual({ objects: [], skipped: {} });
  });
});
