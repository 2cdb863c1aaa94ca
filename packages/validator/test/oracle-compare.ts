/** How the differential tests compare `decode` with the go-yaml oracle (tools/oracle). */
import { expect } from 'vitest';
import { decodeWithOracle, type OracleDocument } from '../../../tools/oracle/oracle.mjs';
import { decodeBytes, mayHoldUtf16Document, type DecodedDocument } from '../src/index.js';
import { jsonKeyString, resolvePlainScalar } from '../src/yaml/scalar.js';

/**
 * Keys that are different Go values but the same JSON key (`1_000` and `1e3`, `1` and `"1"`, `y` and
 * `"true"`; NaN keys never equal each other in Go), anywhere in the text: which one sigs.k8s.io/yaml
 * keeps depends on Go's map order.
 */
function collidingKeys(text: string): boolean {
  const seen = new Map<string, string>();
  for (const match of text.matchAll(/(?:^|[\s{,])(?:"([^"\\\n]*)"|'([^'\n]*)'|([-+.\w]+)):[ \n]/g)) {
    const [, doubleQuoted, singleQuoted, plain] = match;
    const resolved = plain === undefined ? { type: 'string' as const, value: doubleQuoted ?? singleQuoted ?? '' } : resolvePlainScalar(plain);
    const key = jsonKeyString(resolved);
    if (typeof key !== 'string') continue;
    const identity = `${resolved.type === 'timestamp' ? 'string' : resolved.type}:${resolved.integer ?? String(resolved.value)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined && (earlier !== identity || identity === 'float:NaN')) return true;
    seen.set(key, identity);
  }
  return false;
}

/** The texts a file's YAML may be read from: its text, and where a document may be one go-yaml reads as UTF-16, the bytes as UTF-16 at either alignment and byte order. */
function textsOf(text: string, bytes?: Uint8Array): string[] {
  if (!bytes || !mayHoldUtf16Document(decodeBytes(bytes))) return [text];
  const aligned = [0, 1].map((start) => Buffer.from(bytes.subarray(start, start + ((bytes.length - start) & ~1))));
  return [text, ...aligned.flatMap((part) => [part.toString('utf16le'), Buffer.from(part).swap16().toString('utf16le')])];
}

/**
 * Where `decode` and the port may still differ from go-yaml, each a shape of input recognised here
 * so that any other divergence fails (docs/yaml-decoding-differences.md explains it with the go-yaml source line).
 */
const KNOWN_DIFFERENCES: readonly ((text: string) => boolean)[] = [
  // go-yaml decodes keys into a Go map: which of two that are the same JSON key sigs.k8s.io/yaml keeps depends on Go's map order.
  collidingKeys,
];

/** Whether a text (read from `bytes`, when a file) has the shape of a known difference. */
export function knownDifference(text: string, bytes?: Uint8Array): boolean {
  return textsOf(text, bytes).some((candidate) => KNOWN_DIFFERENCES.some((matches) => matches(candidate)));
}

/**
 * A property's divergences from the oracle: one on an input of a known difference's shape is
 * counted, any other fails the property; `expectRare` then checks that the known ones stay rare
 * corners (fewer than one run in 500), not a filter that hides a regression.
 */
export class KnownDifferences {
  private count = 0;

  /** Judges the divergence `problem` (none: nothing to judge) on `text`, read from `bytes` when a file; `shown` names the input in a failure. */
  judge(problem: string | undefined, text: string, shown: string, bytes?: Uint8Array): void {
    if (problem === undefined) return;
    if (!knownDifference(text, bytes)) throw new Error(`${problem}\nin ${shown}`);
    this.count++;
  }

  expectRare(runs: number): void {
    expect(this.count).toBeLessThan(runs / 500);
  }
}

/**
 * go-yaml's answers for the inputs a property will be given (sampled beforehand with its seed),
 * asked of one oracle process per few thousand up front; any other input is asked alone.
 */
export function prefetchedOracle<T extends string | Uint8Array>(inputs: readonly T[]): (input: T) => OracleDocument[] {
  const keyOf = (input: T): string => (typeof input === 'string' ? input : Buffer.from(input).toString('latin1'));
  const answers = new Map<string, OracleDocument[]>();
  decodeWithOracle(inputs).forEach((documents, index) => answers.set(keyOf(inputs[index] as T), documents));
  return (input) => answers.get(keyOf(input)) ?? decodeWithOracle([input])[0] ?? [];
}

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

/** Texts issue 14 names, each a corner where reading as oc does is easy to get wrong. */
export const ISSUE_CORNERS: readonly string[] = [
  'a: 1\n---b: 2\n',
  'a: 1\n--- !!map\nb: 2\n',
  '%YAML 1.1\n---\na: 1\n',
  '{"a": 1}\n{"b": 2}\n',
  '{"a": 1} {"b": 2} {"c": 3}',
  'a: b\u0000c\n',
  'a: 1\rb: 2\r',
  'a: 1\u0085b: 2\n',
  'a: 1\u2028b: 2\n',
  'a: *unknown\n',
  'a: !!binary not*base64\n',
  'a: 1\n---\n\uFEFFb: 2\n',
  'a: .inf\n',
  'a: [.nan]\n',
  '12345678901234567890123: x\n',
  '-0.0: x\n',
  // encoding/json reads a JSON stream's strings: `\/` is an escape, an unpaired surrogate U+FFFD.
  '{"kind": "ImageStream", "a": "x\\/y", "b": "\\ud800x\\udc00", "\\ud83d\\ude00": 1}',
  // A raw line break in a JSON key: read as YAML, whose failure gives way to the JSON error.
  '{"a\nb": 1}\n',
  '{"a": 1}\n{"a\nb": 1}\n',
  // A quoted block key over two lines, which js-yaml (the fast reader's base) takes.
  'x:\n  "a\n  b": 1\n',
  // -0.0 and 0.0 are one key of Go's map, which the later one writes, key and value (mapassign updates float keys).
  '-0.0: x\n0.0: y\n',
  '0.0: x\n-0.0: y\nz: 1\n',
  '-0.0: a\n"-0": b\n0.0: c\n',
];
