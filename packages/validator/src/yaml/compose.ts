/**
 * The complete reader, on the `yaml` library: every text the fast reader (fast.ts) does not take —
 * syntax errors, limits, directives, comments, duplicate keys and the rarer constructs — with the
 * parser's messages and positions. Documents are split and each converted to the value go-yaml v2
 * + sigs.k8s.io/yaml would send to the API server, remembering which node every value came from.
 */
import { Composer, CST, isAlias, isCollection, isMap, isScalar, isSeq, Lexer, Parser, visit } from 'yaml';
import type { LineCounter } from 'yaml';
import type { YAMLError } from 'yaml';
import type { Alias, Document, Node as YamlNode, Pair, Scalar } from 'yaml';
import type { InputLimits, PathSegment, SourceComment } from '../types.js';
import { NO_RANGE, type SourceEntry, type SourceNode, type SourceRange } from './source.js';
import { lineStarts, type ReadDocument, type ReadProblem, type ReadResult } from './result.js';
import { inputTooLarge, yamlDuplicateKey, yamlSyntax } from '../rules/pipeline.js';
import { setOwn } from '../paths.js';
import { resolvePlainScalar, resolveTaggedScalar, type ResolvedScalar } from './scalar.js';

class LimitExceeded extends Error {
  constructor(
    readonly messageId: string,
    readonly data: Record<string, string | number>,
    readonly range: SourceRange,
  ) {
    super(messageId);
  }
}

function rangeOf(node: YamlNode | null | undefined): SourceRange {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : NO_RANGE;
}

function isEmptyNode(node: YamlNode | null): boolean {
  return !node?.range || node.range[1] <= node.range[0];
}

/** The first line of a block collection: its first key (with a scalar value), or its first item's head. */
function headRange(node: YamlNode | null): SourceRange {
  if (isMap(node)) {
    const first = node.items[0];
    if (!first) return rangeOf(node);
    const key = first.key as YamlNode | null;
    const value = first.value as YamlNode | null;
    const start = rangeOf(key).start;
    const end = value && (isScalar(value) || isAlias(value)) && !isEmptyNode(value) ? rangeOf(value).end : rangeOf(key).end;
    return { start, end };
  }
  if (isSeq(node)) {
    const first = node.items[0] as YamlNode | null | undefined;
    if (!first) return rangeOf(node);
    return isScalar(first) || isAlias(first) ? rangeOf(first) : headRange(first);
  }
  return rangeOf(node);
}

/** The locator's view of a `yaml` node. */
function describe(node: YamlNode): SourceNode {
  const range = rangeOf(node);
  if (isMap(node) || isSeq(node)) {
    return { kind: isMap(node) ? 'map' : 'seq', range, flow: node.flow === true, head: headRange(node), entries: new Map() };
  }
  const properties = Boolean(node.tag || node.anchor);
  const tag = node.tag ? { tag: node.tag } : {};
  if (isScalar(node)) {
    if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
      return { kind: 'scalar', range, style: 'quoted', quote: node.type === 'QUOTE_DOUBLE' ? 'double' : 'single', text: String(node.value), properties, ...tag };
    }
    if (node.type === 'PLAIN' && !node.tag) return { kind: 'scalar', range, style: 'plain', text: String(node.value), properties };
  }
  return { kind: 'scalar', range, style: 'other', properties, ...tag };
}

/** A plain `<<` key (or one tagged `!!merge`) merges mappings, as go-yaml v2's `isMerge` says. */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  return key.value === '<<' && ((key.type === 'PLAIN' && !key.tag) || key.tag === 'tag:yaml.org,2002:merge');
}

/** The scalar as go-yaml v2 decodes it, or undefined when go-yaml rejects an explicit tag. */
export function decodeScalar(node: Scalar): ResolvedScalar | undefined {
  const text = String(node.value ?? '');
  if (node.tag && node.tag !== '!') return resolveTaggedScalar(node.tag, text);
  if (node.type === 'PLAIN' || node.type === undefined) return resolvePlainScalar(text);
  return { type: 'string', value: text };
}

/** sigs.k8s.io/yaml turns non-string map keys into strings; a null key is an error there. */
function keyString(resolved: ResolvedScalar): string | undefined {
  const value = resolved.value;
  if (value === null) return undefined;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (value === Number.POSITIVE_INFINITY) return '.inf';
    if (value === Number.NEGATIVE_INFINITY) return '-.inf';
  }
  return String(value);
}

class DocumentBuilder {
  private aliasCount = 0;
  /** Anchored content is rebuilt for every alias; report each of its problems once. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly documentIndex: number,
    private readonly limits: InputLimits,
    private readonly sources: Map<YamlNode, SourceNode>,
    private readonly problems: ReadProblem[],
    private readonly budget: { nodes: number },
    private readonly lines: () => LineCounter,
  ) {}

  /** `path` is the current position, a stack shared by the whole walk (copied when reported). */
  build(node: YamlNode | null, path: PathSegment[]): unknown {
    if (node === null) return null;
    if (path.length > this.limits.maxDepth) {
      throw new LimitExceeded('depth', { limit: this.limits.maxDepth }, rangeOf(node));
    }
    if (++this.budget.nodes > this.limits.maxNodes) {
      throw new LimitExceeded('nodes', { limit: this.limits.maxNodes }, rangeOf(node));
    }
    if (isAlias(node)) return this.build(this.dereference(node), path);
    if (isScalar(node)) return this.scalar(node, path);
    if (isMap(node)) {
      const value: Record<string, unknown> = {};
      const entries = this.entriesOf(node);
      const firstKeyAt = new Map<string, YamlNode>();
      for (const pair of node.items as Pair<YamlNode | null, YamlNode | null>[]) {
        if (isMergeKey(pair.key)) {
          this.merge(pair.value, value, entries, path);
          continue;
        }
        const key = this.key(pair.key, path);
        if (key === undefined) continue;
        const keyNode = pair.key as YamlNode;
        const earlier = firstKeyAt.get(key);
        if (earlier) {
          const firstLine = this.lines().linePos(earlier.range?.[0] ?? 0).line;
          this.report(yamlDuplicateKey.id, 'duplicate', { key, firstLine }, rangeOf(keyNode), [...path, key]);
        } else {
          firstKeyAt.set(key, keyNode);
        }
        path.push(key);
        setOwn(value, key, this.build(pair.value, path));
        path.pop();
        entries.set(key, { key: this.sourceOf(keyNode) ?? undefined, ...this.entryValue(pair.value) });
      }
      return value;
    }
    if (isSeq(node)) {
      const value: unknown[] = [];
      const entries = this.entriesOf(node);
      (node.items as (YamlNode | null)[]).forEach((item, index) => {
        path.push(index);
        value.push(this.build(item, path));
        path.pop();
        entries.set(index, this.entryValue(item));
      });
      return value;
    }
    return null;
  }

  private sourceOf(node: YamlNode | null | undefined): SourceNode | null {
    if (!node) return null;
    let described = this.sources.get(node);
    if (!described) {
      described = describe(node);
      this.sources.set(node, described);
    }
    return described;
  }

  private entriesOf(node: YamlNode): Map<PathSegment, SourceEntry> {
    const described = this.sourceOf(node) as SourceNode;
    return (described.entries ??= new Map());
  }

  private entryValue(node: YamlNode | null): Omit<SourceEntry, 'key'> {
    if (node && isAlias(node)) return { value: this.sourceOf(this.target(node)), alias: rangeOf(node) };
    return { value: this.sourceOf(node) };
  }

  /** The anchored node each alias stands for; built in one pass (`Alias.resolve` walks the whole document on every call). */
  private aliasTargets: Map<Alias, YamlNode> | undefined;

  private target(alias: Alias): YamlNode | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<Alias, YamlNode>();
      // An alias refers to the last node anchored with its name before it, in document order.
      const anchored = new Map<string, YamlNode>();
      visit(this.doc, (_key, node) => {
        if (isAlias(node)) {
          const found = anchored.get(node.source);
          if (found) targets.set(node, found);
        } else if ((isScalar(node) || isCollection(node)) && node.anchor) {
          anchored.set(node.anchor, node);
        }
      });
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(alias);
  }

  private dereference(alias: Alias): YamlNode | null {
    if (++this.aliasCount > this.limits.maxAliasCount) {
      throw new LimitExceeded('aliases', { limit: this.limits.maxAliasCount }, rangeOf(alias));
    }
    return this.target(alias) ?? null;
  }

  private key(node: YamlNode | null, path: PathSegment[]): string | undefined {
    const resolvedNode = node && isAlias(node) ? this.dereference(node) : node;
    if (resolvedNode === null || resolvedNode === undefined) {
      this.syntax('nullKey', {}, rangeOf(node), path);
      return undefined;
    }
    if (!isScalar(resolvedNode)) {
      this.syntax('complexKey', {}, rangeOf(node), path);
      return undefined;
    }
    const resolved = this.decode(resolvedNode, path);
    if (resolved === undefined) return undefined;
    const key = keyString(resolved);
    if (key === undefined) this.syntax('nullKey', {}, rangeOf(node), path);
    return key;
  }

  /** go-yaml v2 writes merged keys into the map in document order, so later entries win. */
  private merge(node: YamlNode | null, into: Record<string, unknown>, entries: Map<PathSegment, SourceEntry>, path: PathSegment[]): void {
    const target = node && isAlias(node) ? this.dereference(node) : node;
    const mergeOne = (mapNode: YamlNode | null): void => {
      const resolvedMap = mapNode && isAlias(mapNode) ? this.dereference(mapNode) : mapNode;
      if (!isMap(resolvedMap)) {
        this.syntax('mergeNotMap', {}, rangeOf(mapNode), path);
        return;
      }
      const merged = this.build(resolvedMap, path) as Record<string, unknown>;
      const mergedEntries = this.entriesOf(resolvedMap);
      for (const [key, value] of Object.entries(merged)) {
        setOwn(into, key, value);
        const entry = mergedEntries.get(key);
        if (entry) entries.set(key, entry);
      }
    };
    if (isMap(target)) {
      mergeOne(target);
    } else if (isSeq(target)) {
      // Earlier mappings take precedence: go-yaml v2 merges the sequence backwards.
      const items = [...(target.items as (YamlNode | null)[])].reverse();
      for (const item of items) mergeOne(item);
    } else {
      this.syntax('mergeNotMap', {}, rangeOf(node), path);
    }
  }

  private scalar(node: Scalar, path: PathSegment[]): unknown {
    return this.decode(node, path)?.value ?? null;
  }

  private decode(node: Scalar, path: PathSegment[]): ResolvedScalar | undefined {
    const resolved = decodeScalar(node);
    if (resolved === undefined) {
      const value = JSON.stringify(String(node.value)).slice(1, -1);
      this.syntax('badTag', { tag: String(node.tag).replace(/^tag:yaml\.org,2002:/, '!!'), value: value.length > 100 ? `${value.slice(0, 100)}…` : value }, rangeOf(node), path);
    }
    return resolved;
  }

  private syntax(messageId: string, data: Record<string, string | number>, range: SourceRange, path: PathSegment[]): void {
    this.report(yamlSyntax.id, messageId, data, range, path);
  }

  private report(
    ruleId: ReadProblem['ruleId'],
    messageId: string,
    data: Record<string, string | number>,
    range: SourceRange,
    path: PathSegment[],
  ): void {
    const identity = `${ruleId}:${messageId}:${range.start}`;
    if (this.reported.has(identity)) return;
    this.reported.add(identity);
    this.problems.push({ ruleId, messageId, data, range, documentIndex: this.documentIndex, path: [...path] });
  }
}

function collectComments(token: unknown, into: SourceComment[]): void {
  if (Array.isArray(token)) {
    for (const item of token) collectComments(item, into);
    return;
  }
  if (token === null || typeof token !== 'object') return;
  const record = token as Record<string, unknown>;
  if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
    into.push({ offset: record.offset, text: record.source });
    return;
  }
  for (const value of Object.values(record)) {
    if (value !== null && typeof value === 'object') collectComments(value, into);
  }
}

function isEmptyDocument(doc: Document.Parsed): boolean {
  const contents = doc.contents as YamlNode | null;
  if (contents === null) return true;
  return isScalar(contents) && !contents.tag && contents.type === 'PLAIN' && resolvePlainScalar(String(contents.value)).type === 'null';
}

/**
 * An unclosed quote or bracket is noticed where the text ends or the next line starts; the
 * opening `"`, `'`, `[` or `{` is where the author has to look. Returns its range, if found.
 */
function unclosedOpening(doc: Document.Parsed, error: YAMLError): SourceRange | undefined {
  if (error.code !== 'MISSING_CHAR' && error.code !== 'BAD_INDENT') return undefined;
  let opening: number | undefined;
  visit(doc, (_key, node) => {
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    const flow = isCollection(node) && node.flow;
    const range = (quoted || flow) && (node as YamlNode).range;
    if (range && range[1] === error.pos[0] && range[0] < error.pos[0] && (opening === undefined || range[0] > opening)) opening = range[0];
  });
  return opening === undefined ? undefined : { start: opening, end: opening + 1 };
}

/** The most a syntax message quotes of the file; the finding's range shows the rest. */
const MAX_MESSAGE_LENGTH = 200;

/**
 * The parser's message as one line of text: without its excerpt lines and position, and with the
 * file text it quotes cut at a line break (CR too) and stripped of control characters, so that
 * no input can forge output lines.
 */
function firstLine(message: string): string {
  const line = (message.split(/\r\n|\r|\n/)[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  let printable = '';
  for (const character of line) printable += character < ' ' && character !== '\t' ? '\uFFFD' : character;
  return printable.length > MAX_MESSAGE_LENGTH ? `${printable.slice(0, MAX_MESSAGE_LENGTH)}…` : printable;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const FLOW_OPEN = new Set(['[', '{']);
const FLOW_CLOSE = new Set([']', '}']);
/** Lexer tokens that stand for no source text. */
const CONTROL_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * The offset of the first flow collection (`[`/`{`) nested deeper than `limit`, if any. The lexer
 * is linear and knows scalars, so brackets inside strings do not count.
 */
function flowNestingBeyond(text: string, limit: number): number | undefined {
  let openers = 0;
  for (let index = 0; index < text.length && openers <= limit; index++) {
    const char = text[index];
    if (char === '[' || char === '{') openers++;
  }
  if (openers <= limit) return undefined;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (FLOW_OPEN.has(token)) {
      if (++depth > limit) return offset;
    } else if (FLOW_CLOSE.has(token)) {
      depth = Math.max(0, depth - 1);
    }
    if (!CONTROL_TOKENS.has(token)) offset += token.length;
  }
  return undefined;
}

export function composeDocuments(text: string, limits: InputLimits, allComments = false): ReadResult {
  const lines = lineStarts(text);
  const result: ReadResult = { documents: [], problems: [], comments: [], lines };
  const bytes = text.length > limits.maxBytes / 3 ? utf8Length(text) : text.length;
  if (bytes > limits.maxBytes) {
    result.problems.push({
      ruleId: inputTooLarge.id,
      messageId: 'bytes',
      data: { limit: limits.maxBytes, actual: bytes },
      range: { start: 0, end: 0 },
      documentIndex: 0,
    });
    return result;
  }
  // The parser recurses into flow collections (and slows down sharply): check their depth first.
  const tooDeep = flowNestingBeyond(text, limits.maxDepth);
  if (tooDeep !== undefined) {
    result.problems.push({
      ruleId: inputTooLarge.id,
      messageId: 'flowDepth',
      data: { limit: limits.maxDepth },
      range: { start: tooDeep, end: tooDeep + 1 },
      documentIndex: 0,
    });
    return result;
  }
  const { tokens, stopped } = parseBounded(text, limits);
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: false });
  // Comments matter only for inline directives; most files have none.
  if (allComments || text.includes('ocp-image-')) collectComments(tokens, result.comments);
  const budget = { nodes: 0 };
  let index = 0;
  for (const doc of composer.compose(tokens, true, text.length)) {
    const documentIndex = index++;
    if (documentIndex >= limits.maxDocuments) {
      result.problems.push({
        ruleId: inputTooLarge.id,
        messageId: 'documents',
        data: { limit: limits.maxDocuments },
        range: rangeOf(doc.contents as YamlNode | null),
        documentIndex,
      });
      break;
    }
    const root = doc.contents as YamlNode | null;
    const sources = new Map<YamlNode, SourceNode>();
    const rootSource = root ? describe(root) : null;
    if (root && rootSource) sources.set(root, rootSource);
    const entry: ReadDocument = { index: documentIndex, value: undefined, unreadable: false, source: () => rootSource, exactSource: () => rootSource };
    const linesWithErrors = new Set<number>();
    let tooDeepToCompose = false;
    for (const error of doc.errors) {
      entry.unreadable = true;
      // Only on a nearly exhausted caller's stack (parsing stops deeper than the limit): stop there too.
      if (error.message.includes('Maximum call stack size exceeded')) {
        result.problems.push({ ruleId: inputTooLarge.id, messageId: 'depth', data: { limit: limits.maxDepth }, range: { start: error.pos[0], end: error.pos[1] }, documentIndex });
        tooDeepToCompose = true;
        break;
      }
      const range = unclosedOpening(doc, error) ?? { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) };
      // The parser often reports one mistake several ways at the same place: keep one per line.
      const line = lines().linePos(range.start).line;
      if (linesWithErrors.has(line)) continue;
      linesWithErrors.add(line);
      result.problems.push({ ruleId: yamlSyntax.id, messageId: 'parse', data: { message: firstLine(error.message) }, range, documentIndex });
    }
    if (tooDeepToCompose) break;
    if (isEmptyDocument(doc)) continue;
    result.documents.push(entry);
    if (entry.unreadable) continue;
    const builder = new DocumentBuilder(doc, documentIndex, limits, sources, result.problems, budget, lines);
    try {
      entry.value = builder.build(root, []);
    } catch (error) {
      if (!(error instanceof LimitExceeded)) throw error;
      entry.unreadable = true;
      result.problems.push({ ruleId: inputTooLarge.id, messageId: error.messageId, data: error.data, range: error.range, documentIndex });
      // The node budget is for the whole input: stop reading.
      if (error.messageId === 'nodes') break;
    }
  }
  if (stopped) result.problems.push(stopped);
  return result;
}

interface BoundedParse {
  tokens: CST.Token[];
  /** Set when the token budget ran out or a document nested too deep: that document and the rest of the text were dropped. */
  stopped?: ReadProblem;
}

/**
 * Feeds the parser one lexical token at a time. The parser's memory grows with the tokens, so
 * reading stops where the text holds more tokens than the node budget. It stops too where a
 * document nests deeper than the depth limit: the parser and the composer recurse once per level
 * (the parser when it closes the open levels, at the next document or a misplaced token), so a
 * stack overflow there would depend on the caller's stack, and so would the findings.
 */
function parseBounded(text: string, limits: InputLimits): BoundedParse {
  const parser = new Parser();
  const result: BoundedParse = { tokens: [] };
  let documents = 0;
  let count = 0;
  // The parser's stack holds the document, the open collections and at most one scalar.
  const maxStack = limits.maxDepth + 3;
  const collect = (token: CST.Token): void => {
    result.tokens.push(token);
    if (token.type === 'document') documents++;
  };
  const stopAt = (start: number, messageId: 'tokens' | 'depth', limit: number): BoundedParse => {
    result.stopped = { ruleId: inputTooLarge.id, messageId, data: { limit }, range: { start, end: start + 1 }, documentIndex: documents };
    return result;
  };
  for (const lexeme of new Lexer().lex(text)) {
    const start = parser.offset;
    if (!CONTROL_TOKENS.has(lexeme) && ++count > limits.maxNodes) return stopAt(start, 'tokens', limits.maxNodes);
    for (const token of parser.next(lexeme)) collect(token);
    if (parser.stack.length > maxStack) return stopAt(start, 'depth', limits.maxDepth);
  }
  for (const token of parser.end()) collect(token);
  return result;
}
