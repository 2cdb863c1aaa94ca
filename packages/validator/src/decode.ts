import { interpolate } from './config.js';
import { resolveLimits } from './limits.js';
import { getRule } from './rules/index.js';
import { yamlDuplicateKey } from './rules/pipeline.js';
import type { InputLimits } from './types.js';
import { readDocuments } from './yaml/read.js';
import type { ReadProblem } from './yaml/result.js';

/** Where and why `oc apply -f` could not decode a document. Line and column are 1-based. */
export interface DecodeError {
  message: string;
  line: number;
  column: number;
}

/**
 * One document of a stream as `oc apply -f` decodes it: the JSON value it would send, or the
 * error it stops at. `index` counts every document the decoder returned, including the empty
 * ones oc skips (and `decode` leaves out).
 */
export type DecodedDocument = { index: number; value: unknown } | { index: number; error: DecodeError };

export interface DecodeOptions {
  limits?: Partial<InputLimits>;
}

/** Problems that stop `oc` (duplicate keys do not: go-yaml v2 keeps the last). */
function stopsDecoding(problem: ReadProblem): boolean {
  return problem.ruleId !== yamlDuplicateKey.id;
}

/**
 * Decodes a YAML or JSON text as `oc apply -f` does, with the reader `validate` uses: the value of
 * each document that is not empty, up to the first document oc cannot decode, whose error ends
 * the list (oc stops there too). Never throws.
 */
export function decode(text: string, options: DecodeOptions = {}): DecodedDocument[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const read = readDocuments(input, resolveLimits(options.limits));
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
    if (document.value !== null) documents.push({ index: document.index, value: document.value });
  }
  const failure = firstFailure.get(firstFailingIndex);
  if (failure) {
    const { line, col } = read.lines().linePos(failure.range.start);
    const rule = getRule(failure.ruleId);
    const message = interpolate(rule?.messages[failure.messageId] ?? failure.messageId, failure.data);
    documents.push({ index: firstFailingIndex, error: { message, line, column: col } });
  }
  return documents;
}
