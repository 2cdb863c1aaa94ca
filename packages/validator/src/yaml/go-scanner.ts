/**
 * What go-yaml v2's scanner (scannerc.go) rejects or reads otherwise where the `yaml` package
 * accepts: tabs, tags, directives, anchor names, escapes, block scalar headers, keys over several
 * lines. The complete reader (compose.ts) reports these as yaml-syntax problems of the document.
 */
import { isAlias, isCollection, isMap, isScalar, visit } from 'yaml';
import type { CST, Document, Node as YamlNode, Pair } from 'yaml';
import type { CheckedMessage } from '../types.js';
import { ruleMessage } from '../rules/define.js';
import { yamlSyntax } from '../rules/pipeline.js';
import { GO_ALPHA, goTagProblem, unknownEscape } from './go-text.js';

export type ReportAt = (message: CheckedMessage, start: number, end?: number) => void;

/**
 * go-yaml skips tabs between tokens only inside flow collections or where no key can start: a tab
 * that indents a line (even an empty one or a comment) or follows a block `- ` or `? ` fails it.
 * Tabs inside scalars and flow collections are theirs.
 */
export function reportTabs(doc: Document.Parsed, text: string, problem: ReportAt): void {
  if (!text.includes('\t')) return;
  const exempt: [number, number][] = [];
  visit(doc, (_key, node) => {
    if ((isScalar(node) || (isCollection(node) && node.flow === true)) && node.range) {
      exempt.push([node.range[0], node.range[1]]);
      if (isCollection(node)) return visit.SKIP;
    }
    return undefined;
  });
  const exempted = (offset: number): boolean => exempt.some(([start, end]) => offset >= start && offset < end);
  // After its root, go-yaml reads on to the next token only (a plain scalar root takes the blank lines).
  const root = doc.contents as YamlNode | null;
  const rootEnd = root?.range?.[1] ?? text.length;
  const readUpTo = isScalar(root) && root.type === 'PLAIN' ? rootEnd : nextTokenAfter(text, rootEnd);
  for (let lineStart = 0; lineStart <= readUpTo && lineStart < text.length; ) {
    const lineEnd = text.indexOf('\n', lineStart);
    const end = lineEnd === -1 ? text.length : lineEnd;
    let at = lineStart;
    for (;;) {
      while (text[at] === ' ') at++;
      if (text[at] === '\t') {
        if (!exempted(at)) {
          problem(ruleMessage(yamlSyntax, { messageId: 'tab' }), at);
          return;
        }
        break;
      }
      // Past a block entry or complex key indicator of the root, a tab counts as indentation too.
      if ((text[at] === '-' || text[at] === '?') && (text[at + 1] === ' ' || text[at + 1] === '\t') && at < rootEnd && !exempted(at)) at++;
      else break;
    }
    lineStart = end + 1;
  }
}

/**
 * Tags as go-yaml's scanner takes them (go-text.ts, goTagProblem), up to the token after the
 * root, the last one go-yaml scans: the `yaml` package accepts more.
 */
export function reportTags(tokens: readonly CST.Token[], text: string, scannedUpTo: number, problem: ReportAt): void {
  if (!text.includes('!')) return;
  const walk = (token: unknown): boolean => {
    if (Array.isArray(token)) return token.some(walk);
    if (token === null || typeof token !== 'object') return false;
    const record = token as Record<string, unknown>;
    if (record.type === 'tag' && typeof record.offset === 'number' && typeof record.source === 'string') {
      const failure = record.offset <= scannedUpTo ? goTagProblem(text, record.offset) : undefined;
      if (failure) problem(ruleMessage(yamlSyntax, { messageId: 'tag', data: { tag: record.source, problem: failure } }), record.offset);
      return failure !== undefined;
    }
    return Object.entries(record).some(([name, value]) => name !== 'source' && value !== null && typeof value === 'object' && walk(value));
  };
  walk(tokens);
}

/** Offset of the first character from `from` that is neither a blank, a line break nor in a comment. */
export function nextTokenAfter(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const char = text[at];
    if (char === '#') {
      const lineEnd = text.indexOf('\n', at);
      at = lineEnd === -1 ? text.length : lineEnd;
    } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r') at++;
    else break;
  }
  return at;
}

/**
 * Directives as go-yaml v2 reads them (before the document's content): `%YAML 1.1` and `%TAG`
 * with a URI prefix, nothing else.
 */
const YAML_DIRECTIVE = /^%YAML[ \t]+1\.1(?:[ \t]+#.*|[ \t]*)$/;
/** Any version scans; only a document that follows the directive needs 1.1. */
const YAML_DIRECTIVE_SCANNED = /^%YAML[ \t]+\d+\.\d+(?:[ \t]+#.*|[ \t]*)$/;
const TAG_DIRECTIVE = /^%TAG[ \t]+!(?:[0-9A-Za-z_-]*!)?[ \t]+[0-9A-Za-z_\-;/?:@&=+$,.!~*'()[\]%]+(?:[ \t]+#.*|[ \t]*)$/;

/**
 * Checks the directive lines that start in [from, to); `from` is a line start. The version
 * matters for directives of the document read; after the root go-yaml only scans one.
 */
export function reportDirectives(text: string, from: number, to: number, ofThisDocument: boolean, problem: ReportAt): void {
  if (from > 0 && text[from - 1] !== '\n') return;
  for (let lineStart = from; lineStart < to; ) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
    if (line.startsWith('%')) {
      // go-yaml v2 knows no other directive ("found unknown directive name").
      const known = line.startsWith('%YAML') ? (ofThisDocument ? YAML_DIRECTIVE : YAML_DIRECTIVE_SCANNED).test(line) : TAG_DIRECTIVE.test(line);
      if (!known) {
        problem(ruleMessage(yamlSyntax, { messageId: 'directive', data: { directive: line } }), lineStart);
        return;
      }
    }
    if (lineEnd === -1) return;
    lineStart = lineEnd + 1;
  }
}

/** A block scalar's header as go-yaml reads it: indicators, then nothing but blanks and a comment. */
const BLOCK_HEADER = /^[|>](?:[1-9][+-]?|[+-][1-9]?)?(?:[ \t]+#.*|[ \t]*)$/;

/** go-yaml v2 anchor and alias names: one or more is_alpha characters (scannerc.go, yaml_parser_scan_anchor). */
function isGoAnchorName(name: string): boolean {
  return name !== '' && [...name].every((char) => GO_ALPHA.test(char));
}

/** What go-yaml's scanner rejects and the `yaml` package accepts: some escapes, some anchor names. */
export function reportLexicalDifferences(doc: Document.Parsed, text: string, problem: ReportAt): void {
  visit(doc, (_key, node) => {
    if (isAlias(node) && !isGoAnchorName(node.source) && node.range) {
      problem(ruleMessage(yamlSyntax, { messageId: 'anchorName', data: { name: node.source } }), node.range[0]);
    }
    if (!isScalar(node) && !isCollection(node)) return;
    if (node.anchor !== undefined && !isGoAnchorName(node.anchor) && node.range) {
      problem(ruleMessage(yamlSyntax, { messageId: 'anchorName', data: { name: node.anchor } }), node.range[0]);
    }
    if (isMap(node)) {
      // go-yaml keeps a simple key on one line, in flow mappings too (a quoted one may have been read flattened).
      for (const pair of node.items as Pair<YamlNode | null, YamlNode | null>[]) {
        const range = pair.key?.range;
        if (!range || !/[\r\n]/.test(text.slice(range[0], range[1]))) continue;
        // An explicit key (`? `) may span lines; in a block mapping a key is one only where `:` follows it.
        const before = text.slice(text.lastIndexOf('\n', range[0] - 1) + 1, range[0]).split(/[ \t]/).filter(Boolean);
        const indicator = before.lastIndexOf('?');
        const explicit = indicator !== -1 && before.slice(indicator + 1).every((word) => word[0] === '&' || word[0] === '!');
        const followedByColon = /^[ \t]*:/.test(text.slice(range[1], range[1] + 80));
        const quoted = isScalar(pair.key) && (pair.key.type === 'QUOTE_DOUBLE' || pair.key.type === 'QUOTE_SINGLE');
        if (!explicit && (node.flow === true || (quoted && followedByColon))) problem(ruleMessage(yamlSyntax, { messageId: 'multilineKey' }), range[0]);
      }
    }
    if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range) {
      const lineEnd = text.indexOf('\n', node.range[0]);
      const header = text.slice(node.range[0], lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
      if (!BLOCK_HEADER.test(header)) problem(ruleMessage(yamlSyntax, { messageId: 'blockHeader', data: { header } }), node.range[0]);
    }
    if (!isScalar(node) || node.type !== 'QUOTE_DOUBLE' || !node.range) return;
    const at = unknownEscape(text.slice(node.range[0], node.range[1]));
    if (at !== undefined) problem(ruleMessage(yamlSyntax, { messageId: 'unknownEscape', data: { escape: text.slice(node.range[0] + at, node.range[0] + at + 2) } }), node.range[0] + at);
  });
}
