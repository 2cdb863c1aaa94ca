/**
 * Keys named after Object.prototype members (`__proto__`, `constructor`, `prototype`…) are plain
 * keys in YAML and JSON. They must stay plain keys of the value the validator builds, be reported
 * like any other key, and never change a prototype — at every level of a manifest, through merge
 * keys and aliases, in JSON input, in object kinds, and in the findings and counts returned.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import type { ValidationResult } from '../src/types.js';

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** A valid ImageStream, with a `{{here}}` line placed at one level. */
const LEVELS: Record<string, { yaml: string; path: (key: string) => (string | number)[] }> = {
  top: { yaml: 'KEY: {polluted: yes}\n', path: (key) => [key] },
  metadata: { yaml: 'metadata:\n  name: ruby\n  KEY: {polluted: yes}\n', path: (key) => ['metadata', key] },
  labels: { yaml: 'metadata:\n  name: ruby\n  labels:\n    KEY: polluted\n', path: (key) => ['metadata', 'labels', key] },
  annotations: { yaml: 'metadata:\n  name: ruby\n  annotations:\n    KEY: polluted\n', path: (key) => ['metadata', 'annotations', key] },
  spec: { yaml: 'spec:\n  KEY: {polluted: yes}\n', path: (key) => ['spec', key] },
  tag: { yaml: 'spec:\n  tags:\n  - name: latest\n    KEY: {polluted: yes}\n', path: (key) => ['spec', 'tags', 0, key] },
  from: {
    yaml: 'spec:\n  tags:\n  - name: latest\n    from:\n      kind: DockerImage\n      name: quay.io/x/y:1\n      KEY: {polluted: yes}\n',
    path: (key) => ['spec', 'tags', 0, 'from', key],
  },
  tagAnnotations: { yaml: 'spec:\n  tags:\n  - name: latest\n    annotations:\n      KEY: polluted\n', path: (key) => ['spec', 'tags', 0, 'annotations', key] },
};

function manifest(level: string, key: string): string {
  const body = LEVELS[level]?.yaml.replace('KEY', key) ?? '';
  const hasMetadata = body.includes('metadata:');
  return `apiVersion: image.openshift.io/v1\nkind: ImageStream\n${hasMetadata ? '' : 'metadata:\n  name: ruby\n'}${body}`;
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function prototypeSnapshot(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype].flatMap((proto) => Object.getOwnPropertyNames(proto).sort());
}

/** Every object reachable from the result has the ordinary prototype of its type. */
function prototypesAreOrdinary(result: ValidationResult): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [result];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const expected = Array.isArray(current) ? Array.prototype : Object.prototype;
    if (Object.getPrototypeOf(current) !== expected) return false;
    stack.push(...Object.values(current));
  }
  return true;
}

describe('keys named after prototype members', () => {
  const before = prototypeSnapshot();

  for (const level of Object.keys(LEVELS)) {
    for (const key of DANGEROUS_KEYS) {
      it(`"${key}" in ${level} is a plain key of the decoded value and nothing is polluted`, () => {
        const text = manifest(level, key);
        const result = validate(text);
        const object = result.objects[0];
        expect(object?.kind, text).toBe('ImageStream');
        const path = LEVELS[level]?.path(key) ?? [];
        const parent = at(object?.value, path.slice(0, -1));
        expect(parent, `${path.join('.')} in\n${text}`).toBeTypeOf('object');
        // The key is the object's own property, with the value written…
        expect(Object.hasOwn(parent as object, key), `${key} is an own key at ${path.join('.')}`).toBe(true);
        expect(JSON.stringify(at(object?.value, path))).toMatch(/polluted/);
        // …and no prototype changed anywhere.
        expect(prototypesAreOrdinary(result)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(prototypeSnapshot()).toEqual(before);
        for (const finding of result.findings) expect(finding.ruleId).not.toBe('internal-error');
      });
    }
  }

  it('a __proto__ field is reported where the schema allows no such field', () => {
    const result = validate(manifest('spec', '__proto__'));
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'unknown-field', path: 'spec.__proto__', line: 6, column: 3 }));
  });

  it('a __proto__ label key is reported as an invalid label key', () => {
    const result = validate(manifest('labels', '__proto__'));
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'metadata-labels', path: 'metadata.labels.__proto__', line: 6 }));
  });

  it('through merge keys and aliases, in block and flow style', () => {
    const text = [
      'apiVersion: image.openshift.io/v1',
      'kind: ImageStream',
      'metadata:',
      '  name: ruby',
      '  labels: &labels {__proto__: x, constructor: y}',
      '  annotations:',
      '    <<: [*labels, {__proto__: {polluted: yes}}]',
      'spec:',
      '  <<: {__proto__: {tags: [{name: injected}]}}',
      '',
    ].join('\n');
    const result = validate(text);
    const value = result.objects[0]?.value as Record<string, Record<string, unknown>>;
    expect(Object.keys(value.metadata?.labels as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(value.metadata?.annotations as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.hasOwn(value.spec as object, '__proto__')).toBe(true);
    // An inherited `tags` would make the stream look tagged.
    expect((value.spec as Record<string, unknown>).tags).toBeUndefined();
    expect(prototypesAreOrdinary(result)).toBe(true);
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('in JSON input', () => {
    const text = '{"apiVersion": "image.openshift.io/v1", "kind": "ImageStream", "metadata": {"name": "ruby", "__proto__": {"namespace": "forged"}}}';
    const result = validate(text);
    expect(result.objects[0]?.namespace).toBeUndefined();
    expect(Object.hasOwn(result.objects[0]?.value.metadata as object, '__proto__')).toBe(true);
    expect(prototypesAreOrdinary(result)).toBe(true);
  });

  it('as object kinds: skipped objects are counted under their kind', () => {
    const text = DANGEROUS_KEYS.map((kind) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n`).join('---\n');
    const result = validate(`${text}---\n${text}`);
    expect(Object.keys(result.skipped).sort()).toEqual([...DANGEROUS_KEYS].sort());
    for (const kind of DANGEROUS_KEYS) expect(result.skipped[kind], kind).toBe(2);
    expect(prototypesAreOrdinary(result)).toBe(true);
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('as rule ids in directives and config', () => {
    const text = `# ocp-image-disable __proto__, constructor\napiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata: {name: "Bad_Name"}\n`;
    const rules = JSON.parse('{"__proto__": "off", "constructor": "off", "metadata-name": "warn"}') as Record<string, 'off' | 'warn' | 'error'>;
    const result = validate(text, { config: { rules, limits: JSON.parse('{"__proto__": {"maxDepth": 1}}') as object } });
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'imagestream-name', severity: 'error' }));
    expect(prototypesAreOrdinary(result)).toBe(true);
    expect(prototypeSnapshot()).toEqual(before);
  });
});
