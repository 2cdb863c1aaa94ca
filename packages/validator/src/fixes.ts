/**
 * Fixes as minimal text edits on the validated text: a rule says what to change by path, this
 * module finds the bytes. Only the value's own characters change, so comments, key order,
 * indentation, other values' quoting, line ends and a byte order mark stay as they were.
 */
import type { Finding, PathEdit, PathSegment, TextEdit } from './types.js';
import type { Locator } from './locate.js';
import type { ReadDocument } from './yaml/result.js';
import type { SourceEntry, SourceNode } from './yaml/source.js';
import { resolvePlainScalar } from './yaml/scalar.js';
import { yamlDoubleQuoted, yamlQuoted, yamlSingleQuoted } from './quote.js';

/** The text edit for `edit` (its path in document terms), or undefined when it cannot be made safely here. */
export function textEditFor(edit: PathEdit, path: readonly PathSegment[], document: ReadDocument, locator: Locator, text: string): TextEdit | undefined {
  if (document.editable === false) return undefined;
  // Removing an entry takes its whole lines, so it needs where block collections end exactly.
  const entry = locator.entry(document, path, edit.type === 'remove');
  // An alias stands for a value written elsewhere, maybe used elsewhere too: never edit through it.
  if (!entry || entry.alias) return undefined;
  if (edit.type === 'remove') return removal(entry, text);
  const node = edit.type === 'renameKey' ? entry.key : entry.value;
  if (node?.kind !== 'scalar') return undefined;
  const { start, end } = node.range;
  const written = text.slice(start, end);
  // A scalar over several lines or with a tag or anchor is left to the author.
  if (node.properties || /[\r\n]/.test(written)) return undefined;
  switch (edit.type) {
    case 'quote':
      return node.style === 'plain' ? { range: [start, end], text: yamlQuoted(written) } : undefined;
    case 'unquote':
      if (node.style !== 'quoted') return undefined;
      return { range: [start, end], text: node.text ?? '' };
    case 'replace':
    case 'renameKey': {
      const replacement = scalarText(edit.type === 'replace' ? edit.value : edit.key, node);
      return replacement === undefined ? undefined : { range: [start, end], text: replacement };
    }
  }
}

/**
 * Removing an entry: in block style its whole lines (key or `- ` at the start of a line, up to the
 * end of its value's last line); in flow style and JSON the entry and one comma beside it.
 */
function removal(entry: SourceEntry, text: string): TextEdit | undefined {
  const first = entry.key ?? entry.value;
  if (!first) return undefined;
  const start = first.range.start;
  const end = Math.max(entry.key?.range.end ?? 0, entry.value?.range.end ?? 0);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const itemIndicator = entry.key ? undefined : /^[ \t]*-[ \t]+$/.exec(before);
  if (/^[ \t]*$/.test(before) || itemIndicator) {
    // The rest of the last line must be blank or a comment: then the lines go, line break included.
    const lineEnd = text[end - 1] === '\n' ? end - 1 : text.indexOf('\n', end);
    const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
    if (text[end - 1] !== '\n' && !/^[ \t]*(#.*)?\r?$/.test(rest)) return undefined;
    return { range: [lineStart, lineEnd === -1 ? text.length : lineEnd + 1], text: '' };
  }
  let previous = start - 1;
  while (previous >= 0 && /\s/.test(text.charAt(previous))) previous--;
  if (!'{[,'.includes(text.charAt(previous)) || previous < 0) return undefined;
  let next = end;
  while (next < text.length && /\s/.test(text.charAt(next))) next++;
  if (text.charAt(next) === ',') {
    next++;
    while (next < text.length && /\s/.test(text.charAt(next))) next++;
    return { range: [start, next], text: '' };
  }
  // The last entry: the comma before it goes.
  return text.charAt(previous) === ',' ? { range: [previous, end], text: '' } : { range: [start, end], text: '' };
}

/** `value` written in the style of `node`: plain stays plain where YAML reads it back as the same value. */
function scalarText(value: string | number | boolean, node: SourceNode): string | undefined {
  if (typeof value !== 'string') return String(value);
  if (node.quote === 'double') return yamlDoubleQuoted(value);
  if (node.quote === 'single') return yamlSingleQuoted(value);
  if (node.style === 'plain') return /^[A-Za-z0-9][\w./-]*$/.test(value) && resolvePlainScalar(value).type === 'string' ? value : yamlQuoted(value);
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
