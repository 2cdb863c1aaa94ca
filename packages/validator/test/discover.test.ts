import { describe, expect, it } from 'vitest';
import { discoverObjects } from '../src/discover.js';

const imageKinds = new Set(['ImageStream', 'ImageStreamTag', 'SecretList']);
const summary = (root: unknown) => {
  const discovery = discoverObjects(root, 0, imageKinds);
  return { objects: discovery.objects.map((object) => [object.kind, object.pathPrefix, object.inTemplate]), skipped: discovery.skipped };
};
const problems = (root: unknown) => discoverObjects(root, 0, imageKinds).problems.map((problem) => [problem.ruleId, problem.messageId, problem.path]);

describe('discoverObjects', () => {
  it('finds a top-level object and takes name and namespace from metadata', () => {
    const [object] = discoverObjects({ apiVersion: 'image.openshift.io/v1', kind: 'ImageStream', metadata: { name: 'a', namespace: 'b' } }, 3, imageKinds).objects;
    expect(object).toMatchObject({ kind: 'ImageStream', name: 'a', namespace: 'b', documentIndex: 3, pathPrefix: [], inTemplate: false, apiVersion: 'image.openshift.io/v1' });
  });

  it('looks into List and *List items, Template objects and the items of a bare sequence, recursively', () => {
    const root = [
      { kind: 'ImageStream', apiVersion: 'image.openshift.io/v1' },
      { kind: 'ImageStreamList', apiVersion: 'image.openshift.io/v1', items: [{ kind: 'ImageStream', apiVersion: 'image.openshift.io/v1' }, { kind: 'Service', apiVersion: 'v1' }] },
      { kind: 'Template', objects: [{ kind: 'List', apiVersion: 'v1', items: [{ kind: 'ImageStreamTag', apiVersion: 'v1' }] }, { kind: 'DeploymentConfig' }] },
    ];
    expect(summary(root)).toEqual({
      objects: [
        ['ImageStream', [0], false],
        ['ImageStream', [1, 'items', 0], false],
        ['ImageStreamTag', [2, 'objects', 0, 'items', 0], true],
      ],
      skipped: { Service: 1, DeploymentConfig: 1 },
    });
    expect(problems(root)).toEqual([['document-not-object', 'sequence', []]]);
  });

  it('reports a document that is a scalar, and skips a null one as oc does', () => {
    expect(problems('text')).toEqual([['document-not-object', 'scalar', []]]);
    expect(problems(42)).toEqual([['document-not-object', 'scalar', []]]);
    expect(problems(null)).toEqual([]);
  });

  it('skips other API groups and objects without a kind', () => {
    expect(summary({ kind: 'ImageStream', apiVersion: 'example.com/v1' })).toEqual({ objects: [], skipped: { ImageStream: 1 } });
    expect(summary({ metadata: {} })).toEqual({ objects: [], skipped: { '(no kind)': 1 } });
  });

  it('reports List items oc cannot type: no kind, no apiVersion, null, not an object', () => {
    const list = { kind: 'List', apiVersion: 'v1', items: [{ apiVersion: 'v1' }, { kind: 'ImageStream' }, null, 'text'] };
    expect(problems(list)).toEqual([
      ['list-item-type', 'noKind', ['items', 0]],
      ['list-item-type', 'noApiVersion', ['items', 1, 'apiVersion']],
      ['list-item-type', 'noKind', ['items', 2]],
      ['list-item-type', 'notObject', ['items', 3]],
    ]);
    expect(problems({ kind: 'List', apiVersion: 'v1', items: 'x' })).toEqual([['list-item-type', 'itemsNotSequence', ['items']]]);
  });

  it('gives items of a typed list without kind and apiVersion the list\'s, as decodeToList does', () => {
    const list = { kind: 'ImageStreamList', apiVersion: 'image.openshift.io/v1', items: [{ metadata: { name: 'a' } }, null, { apiVersion: 'image.openshift.io/v1' }] };
    const discovery = discoverObjects(list, 0, imageKinds);
    expect(discovery.objects.map((object) => [object.pathPrefix, object.value.kind, object.value.apiVersion, object.impliedType])).toEqual([
      [['items', 0], 'ImageStream', 'image.openshift.io/v1', true],
      [['items', 1], 'ImageStream', 'image.openshift.io/v1', true],
    ]);
    expect(problems(list)).toEqual([['list-item-type', 'noKind', ['items', 2]]]);
  });

  it('reports a typed list whose own apiVersion oc cannot map', () => {
    expect(problems({ kind: 'ImageStreamList', apiVersion: 'v1', items: [] })).toEqual([['api-version-mapping', 'legacy', ['apiVersion']]]);
  });

  it('reports Template objects that processing cannot decode', () => {
    expect(problems({ kind: 'Template', objects: [{ metadata: {} }, null, 3] })).toEqual([
      ['list-item-type', 'noKind', ['objects', 0]],
      ['list-item-type', 'noKind', ['objects', 1]],
      ['list-item-type', 'notObject', ['objects', 2]],
    ]);
  });

  it('accepts image kinds without apiVersion or with a template parameter for it', () => {
    expect(summary({ kind: 'Template', objects: [{ kind: 'ImageStream' }, { kind: 'ImageStream', apiVersion: '${API}' }] }).objects).toHaveLength(2);
  });

  it('takes `Kind:` for the kind of an image object, so the misspelt key gets reported', () => {
    expect(summary({ Kind: 'ImageStream', apiVersion: 'image.openshift.io/v1' }).objects).toEqual([['ImageStream', [], false]]);
    expect(summary({ KIND: 'Service' })).toEqual({ objects: [], skipped: { '(no kind)': 1 } });
  });

  it('never validates a core SecretList (it only holds Secrets); the image group\'s SecretList cannot be created', () => {
    expect(summary({ kind: 'SecretList', apiVersion: 'v1', items: [{ kind: 'Secret', apiVersion: 'v1' }] })).toEqual({ objects: [], skipped: { Secret: 1 } });
    expect(problems({ kind: 'SecretList', apiVersion: 'image.openshift.io/v1', items: [] })).toEqual([['kind-not-creatable', 'subresource', ['kind']]]);
  });
});
