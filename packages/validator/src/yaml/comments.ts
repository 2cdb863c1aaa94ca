/**
 * Comments, which only inline directives (`# ocp-image-disable…`) and ESLint's directive comments
 * need: collected from the `yaml` parser's tokens, at their offsets in the source.
 */
import type { SourceComment } from '../types.js';

/** Every comment token under `token`, with offsets mapped to the source by `toSource`. */
export function collectComments(token: unknown, into: SourceComment[], toSource: (offset: number) => number): void {
  if (Array.isArray(token)) {
    for (const item of token) collectComments(item, into, toSource);
    return;
  }
  if (token === null || typeof token !== 'object') return;
  const record = token as Record<string, unknown>;
  if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
    into.push({ offset: toSource(record.offset), text: record.source });
    return;
  }
  for (const value of Object.values(record)) {
    if (value !== null && typeof value === 'object') collectComments(value, into, toSource);
  }
}
