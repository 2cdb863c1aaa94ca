/**
 * Fixes as minimal text edits on the validated text: a rule says what to change by path, this
 * module finds the bytes. Only the value's own characters change, so comments, key order,
 * indentation, other values' quoting, line ends and a byte order mark stay as they were.
 */
import { isScalar, type Scalar } from 'yaml';
import type { Finding, PathEdit, PathSegment, TextEdit } from './types.js';
import type { Locator } from './locate.js';
import { rangeOf } from './yaml/read.js';
import { resolvePlainScalar } from './yaml/scalar.js';
import { yamlQuoted } from './quote.js';

/** The text edit for `edit` (its path in document terms), or undefined when it cannot be made safely here. */
export function textEditFor(edit: PathEdit, path: readonly PathSegment[], documentValue: unknown, locator: Locator, text: string): TextEdit | undefined {
  const entry = locator.entry(documentValue, path);
  // An alias stands for a value written elsewhere, maybe used elsewhere too: never edit through it.
  if (!entry || entry.alias || !entry.value || !isScalar(entry.value)) return undefined;
  const node = entry.value;
  const { start, end } = rangeOf(node);
  const written = text.slice(start, end);
  // A scalar over several lines or with a tag or anchor is left to the author.
  if (node.tag || node.anchor || /[\r\n]/.test(written)) return undefined;
  switch (edit.type) {
    case 'quote':
      return node.type === 'PLAIN' ? { range: [start, end], text: yamlQuoted(written) } : undefined;
    case 'unquote':
      if (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') return undefined;
      return { range: [start, end], text: String(node.value) };
    case 'replace': {
      const replacement = scalarText(edit.value, node);
      return replacement === undefined ? undefined : { range: [start, end], text: replacement };
    }
  }
}

/** `value` written in the style of `node`: plain stays plain where YAML reads it back as the same value. */
function scalarText(value: string | number | boolean, node: Scalar): string | undefined {
  if (typeof value !== 'string') return String(value);
  if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (node.type === 'QUOTE_SINGLE') return `'${value.replaceAll("'", "''")}'`;
  if (node.type === 'PLAIN') return /^[A-Za-z0-9][\w./-]*$/.test(value) && resolvePlainScalar(value).type === 'string' ? value : yamlQuoted(value);
  return undefined;
}

export interface AppliedFixes {
  output: string;
  /** True when at least one fix was applied. */
  fixed: boolean;
  /** The findings whose fix was not applied (no fix, or one overlapping an earlier fix). */
  remaining: Finding[];
}

/**
 * One pass of fixes, as ESLint's source-code-fixer does it: fixes sorted by range, one that starts
 * at or before the end of the previous applied fix is left for the next pass.
 */
export function applyFixes(text: string, findings: readonly Finding[], shouldFix: (finding: Finding) => boolean = () => true): AppliedFixes {
  const fixable = findings.filter((finding) => finding.fix && shouldFix(finding));
  const remaining = findings.filter((finding) => !fixable.includes(finding));
  fixable.sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  let output = '';
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const finding of fixable) {
    const [start, end] = finding.fix!.range;
    if (lastEnd >= start || start > end) {
      remaining.push(finding);
      continue;
    }
    output += text.slice(Math.max(0, lastEnd), start) + finding.fix!.text;
    lastEnd = end;
  }
  output += text.slice(Math.max(0, lastEnd));
  return { output, fixed: lastEnd !== Number.NEGATIVE_INFINITY, remaining };
}

/** ESLint's limit: fixes are applied in passes (each on the text the last one made) until none applies, at most this many. */
export const MAX_FIX_PASSES = 10;
