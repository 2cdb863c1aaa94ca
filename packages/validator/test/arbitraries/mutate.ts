/**
 * Mutations of a manifest's value: dropped fields, wrong types, random and unicode strings,
 * keys that name Object.prototype members, deep nesting, huge arrays, other kinds and versions.
 * The result is rendered like any manifest; the validator must report it, never crash on it.
 */
import fc from 'fast-check';
import { DANGEROUS_KEYS } from './render.js';
import { YAML_LOOKALIKES } from './values.js';

type Container = Record<string, unknown> | unknown[];

/** Every container in the value with one of its keys, parents first. */
function slots(value: unknown): { container: Container; key: string | number }[] {
  const found: { container: Container; key: string | number }[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        found.push({ container: current, key: index });
        stack.push(item);
      });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        found.push({ container: current as Record<string, unknown>, key });
        stack.push(item);
      }
    }
  }
  return found;
}

function setOwn(container: Container, key: string | number, item: unknown): void {
  // defineProperty: a `__proto__` key must become a key, as YAML means it, not a prototype.
  Object.defineProperty(container, key, { value: item, enumerable: true, writable: true, configurable: true });
}

function nest(item: unknown, depth: number, inArrays: boolean): unknown {
  let current = item;
  for (let level = 0; level < depth; level++) current = inArrays ? [current] : { [`level${level}`]: current };
  return current;
}

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...YAML_LOOKALIKES, '', ' ', '\u0000', '\ud800', '${PARAM}', '${{PARAM}}', 'a'.repeat(5000), 'quay.io/'.repeat(200)),
);

const wrongTyped = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  anyString,
  fc.jsonValue({ maxDepth: 3 }),
);

const IMAGE_KINDS = [
  'Image', 'ImageSignature', 'ImageStream', 'ImageStreamImage', 'ImageStreamImport', 'ImageStreamLayers', 'ImageStreamMapping', 'ImageStreamTag', 'ImageTag',
];

/** Keeps generated inputs small enough for 100,000 cases (the size limits have their own tests). */
const MAX_COPIED_SIZE = 20_000;

export const mutation = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('drop' as const), at: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), with: wrongTyped }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('dangerousKey' as const), at: fc.nat(), key: fc.constantFrom(...DANGEROUS_KEYS), with: wrongTyped }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('randomKey' as const), at: fc.nat(), key: anyString, with: wrongTyped }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('renameKey' as const), at: fc.nat(), how: fc.constantFrom('upper', 'lower', 'typo', 'space') }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 60 }), inArrays: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('hugeArray' as const), at: fc.nat(), length: fc.integer({ min: 50, max: 600 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('kind' as const), kind: fc.constantFrom(...IMAGE_KINDS, 'List', 'Template', 'ConfigMap', '', 'imagestream') }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('apiVersion' as const), apiVersion: fc.constantFrom('v1', 'image.openshift.io/v2', 'image.openshift.io/v1beta1', '${API}', 'apps/v1', '') }) },
);

export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Applies the mutations to a deep copy of `manifest`. */
export function mutate(manifest: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const value = structuredClone(manifest);
  for (const change of mutations) {
    if (change.op === 'kind') {
      value.kind = change.kind;
      continue;
    }
    if (change.op === 'apiVersion') {
      value.apiVersion = change.apiVersion;
      continue;
    }
    const all = slots(value);
    const slot = all[change.at % Math.max(1, all.length)];
    if (!slot) continue;
    const { container, key } = slot;
    const current = (container as Record<string | number, unknown>)[key];
    switch (change.op) {
      case 'drop':
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete container[key as string];
        break;
      // Copies: generated values may be shared between cases and must not change.
      case 'replace':
        setOwn(container, key, structuredClone(change.with));
        break;
      case 'dangerousKey':
      case 'randomKey': {
        const target = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Container) : Array.isArray(container) ? undefined : container;
        if (target) setOwn(target, change.key, structuredClone(change.with));
        break;
      }
      case 'renameKey': {
        if (Array.isArray(container) || typeof key !== 'string') break;
        const renamed =
          change.how === 'upper' ? key.toUpperCase() : change.how === 'lower' ? key.toLowerCase() : change.how === 'typo' ? `${key.slice(1)}${key[0] ?? ''}` : ` ${key}`;
        delete container[key];
        setOwn(container, renamed, current);
        break;
      }
      case 'nest':
        setOwn(container, key, nest(current, change.depth, change.inArrays));
        break;
      case 'hugeArray': {
        // Long, not large: the copies together stay near MAX_COPIED_SIZE characters of JSON.
        const size = JSON.stringify(current ?? null).length;
        const length = Math.max(2, Math.min(change.length, Math.floor(MAX_COPIED_SIZE / size)));
        setOwn(container, key, Array.from({ length }, () => structuredClone(current)));
        break;
      }
    }
  }
  return value;
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });
