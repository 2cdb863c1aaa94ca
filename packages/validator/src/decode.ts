import { withoutByteOrderMark, type IllFormedUtf8 } from './bytes.js';
import { resolveLimits } from './limits.js';
import { getRule, messageText } from './rules/index.js';
import type { InputLimits } from './types.js';
import { readDocuments } from './yaml/read.js';
import type { ReadDocument, ReadProblem, ReadResult } from './yaml/result.js';
import { INT64_MAX, INT64_MIN, writtenInteger } from './yaml/scalar.js';
import type { SourceNode } from './yaml/source.js';

/** Where and why `oc apply -f` could not decode a document. Line and column are 1-based. */
export interface DecodeError {
  message: string;
  line: number;
  column: number;
}

/**
 * One document of a stream as `oc apply -f` decodes it: the JSON value it would send, or the
 * error it stops at. `index` counts every document the decoder returned, including the empty
 * ones oc skips (and `decode` leaves out). Numbers are as oc sends them: an integer that oc keeps
 * as an int64 beyond Number's exact range is a bigint, and -0 is -0 (`-0` as JSON prints it
 * `0`); see {@link asSent}.
 */
export type DecodedDocument = { index: number; value: unknown } | { index: number; error: DecodeError };

export interface DecodeOptions {
  limits?: Partial<InputLimits>;
  /** Offsets in `text` of bytes oc passed to go-yaml unchecked: `DecodedBytes.illFormedUtf8`. */
  illFormedUtf8?: readonly IllFormedUtf8[];
}

/** Problems that stop `oc`: the text is not YAML it reads, or a limit stopped reading (a duplicate key does not). */
function stopsDecoding(problem: ReadProblem): boolean {
  const flags = getRule(problem.ruleId)?.flags;
  return flags?.parseFatal === true || flags?.inputLimit === true;
}

/**
 * Decodes a YAML or JSON text as `oc apply -f` does, with the reader `validate` uses: the value of
 * each document that is not empty, up to the first document oc cannot decode, whose error ends
 * the list (oc stops there too). Never throws.
 */
export function decode(text: string, options: DecodeOptions = {}): DecodedDocument[] {
  const { text: input, illFormedUtf8 } = withoutByteOrderMark(text, options.illFormedUtf8);
  return decodedDocuments(readDocuments(input, resolveLimits(options.limits), false, illFormedUtf8));
}

/** What oc makes of a text (without a leading byte order mark) that a reader has read. */
export function decodedDocuments(read: ReadResult): DecodedDocument[] {
  const firstFailure = new Map<number, ReadProblem>();
  for (const problem of read.problems) {
    if (!stopsDecoding(problem)) continue;
    const earlier = firstFailure.get(problem.documentIndex);
    if (!earlier || problem.range.start < earlier.range.start) firstFailure.set(problem.documentIndex, problem);
  }
  const firstFailingIndex = Math.min(...firstFailure.keys());
  const documents: DecodedDocument[] = [];
  for (const document of read.documents) {
    if (document.index >= firstFailingIndex) break;
    // oc skips a document whose JSON is null (`!!null ""` too), as it skips an empty one.
    if (document.value !== null) documents.push({ index: document.index, value: asSent(document) });
  }
  const failure = firstFailure.get(firstFailingIndex);
  if (failure) {
    const { line, col } = read.lines().linePos(failure.range.start);
    documents.push({ index: firstFailingIndex, error: { message: messageText(failure), line, column: col } });
  }
  return documents;
}

/**
 * The numbers of a document as oc sends them. infoForData decodes each document with
 * unstructuredJSONScheme (k8s.io/apimachinery pkg/util/json: sigs.k8s.io/json keeps a number
 * written without a '.' as an int64 when it fits, anything else becomes a float64), and the body is
 * that object through encoding/json. A float64 prints as a Number does, but for -0, which stays
 * -0 only when the JSON text was not an integer: go-yaml's `-0.0` becomes the JSON `-0`, an int64 0.
 * Only documents holding such numbers are walked again, with their source.
 */
function asSent(document: ReadDocument): unknown {
  if (!holdsInexactNumber(document.value)) return document.value;
  const json = document.syntax === 'json';
  const exact = (value: unknown, source: SourceNode | null | undefined): unknown => {
    if (typeof value === 'number') return exactNumber(value, source, json);
    if (value === null || typeof value !== 'object' || !holdsInexactNumber(value)) return value;
    const entry = (segment: string | number) => source?.entries?.get(segment)?.value;
    if (Array.isArray(value)) return value.map((item, index) => exact(item, entry(index)));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, exact(item, entry(key))]));
  };
  return exact(document.value, document.source());
}

/** Numbers whose value as sent may differ from the Number: -0, and integers beyond 2^53. */
function isInexact(value: number): boolean {
  return Object.is(value, -0) || (Number.isInteger(value) && !Number.isSafeInteger(value));
}

function holdsInexactNumber(value: unknown): boolean {
  if (typeof value === 'number') return isInexact(value);
  if (value === null || typeof value !== 'object') return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(holdsInexactNumber);
}

function exactNumber(value: number, source: SourceNode | null | undefined, json: boolean): number | bigint {
  if (!isInexact(value) || !source) return value;
  const integer = source.text === undefined ? undefined : integerWritten(source.text, source, json);
  if (Object.is(value, -0)) return json && integer === undefined ? value : 0;
  return integer !== undefined && integer >= INT64_MIN && integer <= INT64_MAX ? integer : value;
}

/** The integer a scalar was written as, when oc reads it as one (not a float that happens to be integral). */
function integerWritten(text: string, source: SourceNode, json: boolean): bigint | undefined {
  if (json) return /^-?\d+$/.test(text) ? BigInt(text) : undefined;
  return writtenInteger(text, source.tag, source.style === 'plain');
}

/**
 * `JSON.stringify(value, null, space)` for decoded documents, numbers as encoding/json writes what oc
 * sends: a bigint as its digits, -0 as `-0` (JSON.stringify would write 0); other numbers as
 * JSON.stringify does, which is Go's float formatting (shortest digits, exponents from 1e21 and
 * below 1e-6, written `1e-7` and `1e+21`).
 */
export function stringifyDecoded(value: unknown, space = 0): string {
  const step = ' '.repeat(space);
  const write = (item: unknown, indent: string): string => {
    if (typeof item === 'bigint') return String(item);
    if (Object.is(item, -0)) return '-0';
    if (item === null || typeof item !== 'object') return JSON.stringify(item);
    const inner = indent + step;
    const [open, separator, close] = space > 0 ? [`\n${inner}`, `,\n${inner}`, `\n${indent}`] : ['', ',', ''];
    if (Array.isArray(item)) return item.length === 0 ? '[]' : `[${open}${item.map((entry) => write(entry, inner)).join(separator)}${close}]`;
    const entries = Object.entries(item).filter(([, entry]) => entry !== undefined);
    if (entries.length === 0) return '{}';
    return `{${open}${entries.map(([key, entry]) => `${JSON.stringify(key)}:${space > 0 ? ' ' : ''}${write(entry, inner)}`).join(separator)}${close}}`;
  };
  return write(value, '');
}
