import type { PathSegment } from './types.js';

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Renders a path as it is written in the document: `spec.tags[0].from.kind`,
 * `metadata.labels["app.kubernetes.io/name"]`, `objects[3].spec`, `[2].kind` (bare sequence).
 */
export function renderPath(path: readonly PathSegment[]): string {
  let rendered = '';
  for (const segment of path) {
    if (typeof segment === 'number') rendered += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) rendered += rendered === '' ? segment : `.${segment}`;
    else rendered += `[${JSON.stringify(segment)}]`;
  }
  return rendered;
}

/** Segments of an ajv `instancePath` (JSON Pointer); array indexes become numbers where the data is an array. */
export function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current = data;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const segment: PathSegment = Array.isArray(current) && /^\d+$/.test(token) ? Number(token) : token;
    path.push(segment);
    current = valueAt(current, [segment]);
  }
  return path;
}

/** The value at `path` inside `data`, or undefined. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** Sets `key` as an own property even when it is `__proto__` (plain assignment would replace the prototype). */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** Adds `amount` to the count under `key`; keys such as `constructor` are counts like any other. */
export function addCount(counts: Record<string, number>, key: string, amount: number): void {
  setOwn(counts, key, (Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0) + amount);
}
