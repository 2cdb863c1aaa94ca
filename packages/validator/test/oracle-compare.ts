/** How the differential tests compare `decode` with the go-yaml oracle (tools/oracle). */
import type { OracleDocument } from '../../../tools/oracle/oracle.mjs';
import type { DecodedDocument } from '../src/index.js';

/** A number as JSON text: what oc sends for it (-0 included; a bigint exactly). */
function numberText(value: number | bigint): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

function isNumeric(value: unknown): value is number | bigint {
  return typeof value === 'number' || typeof value === 'bigint';
}

/**
 * Deep equality of two JSON values that ignores key order and compares numbers by the JSON text
 * oc sends (-0 is not 0; an integer beyond 2^53 is exact on one side, maybe a float on the other).
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (isNumeric(a) || isNumeric(b)) return isNumeric(a) && isNumeric(b) && numberText(a) === numberText(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((name) => Object.hasOwn(bRecord, name) && sameValue((a as Record<string, unknown>)[name], bRecord[name]));
}

/** Why ours differs from oc's outcome: another value, an error on one side only, or another document index. */
export function divergence(expected: readonly OracleDocument[], actual: readonly DecodedDocument[]): string | undefined {
  const length = Math.max(expected.length, actual.length);
  for (let position = 0; position < length; position++) {
    const want = expected[position];
    const got = actual[position];
    const show = (document: unknown) => JSON.stringify(document, (_key, value: unknown) => (isNumeric(value) ? `${numberText(value)}${typeof value === 'bigint' ? 'n' : ''}` : value));
    if (!want || !got || want.index !== got.index || 'error' in want !== 'error' in got) return `oc: ${show(want)}, ours: ${show(got)}`;
    if ('value' in want && 'value' in got && !sameValue(want.value, got.value)) return `oc: ${show(want)}, ours: ${show(got)}`;
  }
  return undefined;
}
