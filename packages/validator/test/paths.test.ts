import { describe, expect, it } from 'vitest';
import { pointerToPath, renderPath, valueAt } from '../src/paths.js';

describe('renderPath', () => {
  it.each([
    [['spec', 'tags', 0, 'from', 'kind'], 'spec.tags[0].from.kind'],
    [['metadata', 'labels', 'app.kubernetes.io/name'], 'metadata.labels["app.kubernetes.io/name"]'],
    [['objects', 3, 'spec'], 'objects[3].spec'],
    [[2, 'kind'], '[2].kind'],
    [['metadata', 'annotations', 'has "quotes"'], 'metadata.annotations["has \\"quotes\\""]'],
    [['metadata', 'labels', ''], 'metadata.labels[""]'],
    [['metadata', 'labels', '1'], 'metadata.labels["1"]'],
    [['metadata', 'labels', 'tier-1_x'], 'metadata.labels.tier-1_x'],
    [[], ''],
  ])('%j → %s', (path, rendered) => {
    expect(renderPath(path)).toBe(rendered);
  });
});

describe('pointerToPath', () => {
  const data = { spec: { tags: [{ from: { kind: 'x' } }] }, metadata: { labels: { 'a/b': '1', '0': 'zero' } } };
  it('turns array tokens into numbers only where the data is an array', () => {
    expect(pointerToPath('/spec/tags/0/from/kind', data)).toEqual(['spec', 'tags', 0, 'from', 'kind']);
    expect(pointerToPath('/metadata/labels/0', data)).toEqual(['metadata', 'labels', '0']);
  });
  it('unescapes ~1 and ~0', () => {
    expect(pointerToPath('/metadata/labels/a~1b', data)).toEqual(['metadata', 'labels', 'a/b']);
    expect(pointerToPath('/x~0y', {})).toEqual(['x~y']);
  });
  it('is empty for the root', () => {
    expect(pointerToPath('', data)).toEqual([]);
  });
});

describe('valueAt', () => {
  it('reads own properties only', () => {
    expect(valueAt({ a: [{ b: 1 }] }, ['a', 0, 'b'])).toBe(1);
    expect(valueAt({ a: {} }, ['a', 'toString'])).toBeUndefined();
    expect(valueAt({ a: null }, ['a', 'b'])).toBeUndefined();
  });
});
