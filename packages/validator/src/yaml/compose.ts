/**
 * The complete reader: every text the fast reader (fast.ts) does not take. The stream is split as
 * `oc apply` splits it (stream.ts); each YAML document is read alone by a port of go-yaml v2 (go/),
 * which gives what oc would send to the API server, where each value came from, and its problems.
 * The `yaml` library reads the JSON documents of a JSON stream, and, where go-yaml fails or a limit
 * stops it, the YAML document too, to say why with its parser's messages and positions (each
 * place where it reads otherwise than go-yaml is reported by a function of its own).
 */
import { Composer, CST, isAlias, isCollection, isMap, isScalar, isSeq, Parser, visit } from 'yaml';
import type { LineCounter, YAMLError } from 'yaml';
import type { Document, Node as YamlNode, Pair, Scalar } from 'yaml';
import type { IllFormedUtf8 } from '../bytes.js';
import type { CheckedMessage, InputLimits, PathSegment } from '../types.js';
import { setOwn, valueAt } from '../paths.js';
import { utf8Length } from '../utf8.js';
import { ruleMessage } from '../rules/define.js';
import { fileEncodingRule } from '../rules/file.js';
import { inputTooLarge, yamlDuplicateKey, yamlSyntax } from '../rules/pipeline.js';
import { endsBeforeContent, firstRejectedCharacter, parserText, restoreStandIns, sourceOffsets } from './go-text.js';
import { collectComments } from './comments.js';
import { nextTokenAfter, reportDirectives, reportLexicalDifferences, reportTabs, reportTags, type ReportAt } from './go-scanner.js';
import { lineStarts, type ReadDocument, type ReadProblem, type ReadResult } from './result.js';
import { resolveJsonScalar, resolvePlainScalar, type ResolvedScalar } from './scalar.js';
import { flowNestingBeyond, parseBounded, yamlTokens } from './scan-limits.js';
import { NO_RANGE, type SourceEntry, type SourceNode, type SourceRange } from './source.js';
import { splitStream, type StreamDocument } from './stream.js';
import { readGoDocument, type GoRead } from './go/read.js';
import { GoScanner } from './go/scanner.js';
import { GoYamlError } from './go/tokens.js';

class LimitExceeded extends Error {
  constructor(
    readonly problem: CheckedMessage,
    readonly range: SourceRange,
  ) {
    super(problem.messageId);
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

/**
 * Builds the value of a JSON document (encoding/json's): objects, arrays and scalars only — no
 * anchors, aliases, tags or merge keys, which go-yaml's documents have and the go-yaml port reads.
 */
class JsonBuilder {
  constructor(
    private readonly documentIndex: number,
    private readonly limits: InputLimits,
    private readonly sources: Map<YamlNode, SourceNode>,
    private readonly problems: ReadProblem[],
    private readonly budget: { nodes: number },
    private readonly lines: () => LineCounter,
    private readonly marksReplaced: boolean,
  ) {}

  /** `path` is the current position, a stack shared by the whole walk (copied when reported). */
  build(node: YamlNode | null, path: PathSegment[]): unknown {
    if (node === null) return null;
    if (path.length > this.limits.maxDepth) {
      throw new LimitExceeded(ruleMessage(inputTooLarge, { messageId: 'depth', data: { limit: this.limits.maxDepth } }), rangeOf(node));
    }
    if (++this.budget.nodes > this.limits.maxNodes) {
      throw new LimitExceeded(ruleMessage(inputTooLarge, { messageId: 'nodes', data: { limit: this.limits.maxNodes } }), rangeOf(node));
    }
    if (isScalar(node)) return this.scalar(node, path);
    if (isMap(node)) {
      const value: Record<string, unknown> = {};
      const entries = this.entriesOf(node);
      const firstKeyAt = new Map<string, YamlNode>();
      for (const pair of node.items as Pair<Scalar, YamlNode | null>[]) {
        const key = String(this.decode(pair.key).value);
        const earlier = firstKeyAt.get(key);
        if (earlier) {
          const firstLine = this.lines().linePos(earlier.range?.[0] ?? 0).line;
          this.report(ruleMessage(yamlDuplicateKey, { messageId: 'duplicate', data: { key, firstLine } }), rangeOf(pair.key), [...path, key]);
        } else {
          firstKeyAt.set(key, pair.key);
        }
        path.push(key);
        setOwn(value, key, this.build(pair.value, path));
        path.pop();
        entries.set(key, { key: this.sourceOf(pair.key) ?? undefined, value: this.sourceOf(pair.value) });
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
        entries.set(index, { value: this.sourceOf(item) });
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

  private scalar(node: Scalar, path: PathSegment[]): unknown {
    const value = this.decode(node).value;
    if (typeof value === 'number' && !Number.isFinite(value)) this.unrepresentable.push({ node, path: [...path] });
    return value;
  }

  /** Numbers beyond float64, met while building; encoding/json fails on those that remain (a later duplicate key may replace them). */
  private readonly unrepresentable: { node: Scalar; path: PathSegment[] }[] = [];

  reportUnconvertible(document: unknown): void {
    for (const { node, path } of this.unrepresentable) {
      const value = valueAt(document, path);
      if (typeof value === 'number' && !Number.isFinite(value)) this.report(ruleMessage(yamlSyntax, { messageId: 'notJson', data: { value: node.source ?? String(node.value) } }), rangeOf(node), path);
    }
  }

  private decode(node: Scalar): ResolvedScalar {
    const resolved = resolveJsonScalar(node.type === 'PLAIN', String(node.value ?? ''));
    if (this.marksReplaced && typeof resolved.value === 'string') return { ...resolved, value: restoreStandIns(resolved.value) };
    return resolved;
  }

  private report(message: CheckedMessage, range: SourceRange, path: PathSegment[]): void {
    this.problems.push({ ...message, range, documentIndex: this.documentIndex, path: [...path] });
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

/** `illFormedUtf8`: bytes x/text passed on unchecked (`DecodedBytes.illFormedUtf8`), which go-yaml fails on where it decodes them. */
export function composeDocuments(text: string, limits: InputLimits, allComments = false, illFormedUtf8: readonly IllFormedUtf8[] = []): ReadResult {
  const result: ReadResult = { documents: [], problems: [], comments: [], lines: lineStarts(text) };
  const bytes = text.length > limits.maxBytes / 3 ? utf8Length(text) : text.length;
  if (bytes > limits.maxBytes) {
    result.problems.push({ ...ruleMessage(inputTooLarge, { messageId: 'bytes', data: { limit: limits.maxBytes, actual: bytes } }), range: { start: 0, end: 0 }, documentIndex: 0 });
    return result;
  }
  // Comments matter only for inline directives; most files have none.
  const withComments = allComments || text.includes('ocp-image-');
  const budget: ReadBudget = { nodes: 0, tokens: 0, uncounted: [] };
  const stream = splitStream(text);
  for (const streamDocument of stream.documents) {
    const yaml = streamDocument.syntax === 'yaml';
    const goFirst = yaml ? readGoFirst(streamDocument, text.length, limits, withComments, budget, result, illFormedUtf8) : undefined;
    if (goFirst === 'read') continue;
    const before = { problems: result.problems.length, documents: result.documents.length };
    const readOn = readDocument(streamDocument, text.length, limits, withComments, budget, result);
    // Where the `yaml` reader reached a limit, its finding stands (and go-yaml need not build a huge tree).
    const limitedHere = result.problems.slice(before.problems).some((problem) => problem.ruleId === inputTooLarge.id);
    const go = yaml && !limitedHere ? (goFirst ?? readGoDocument(streamDocument, text.length, limits, budget, result.lines, illFormedUtf8)) : undefined;
    const goReadsOn = go ? readAsGoYaml(go, streamDocument, text.length, result, before) : true;
    if (!readOn || !goReadsOn) return result;
  }
  if (stream.failure) {
    const { index, message, offset } = stream.failure;
    result.problems.push({
      ...ruleMessage(yamlSyntax, { messageId: 'parse', data: { message: firstLine(message) } }),
      range: { start: offset, end: Math.min(offset + 3, text.length) },
      documentIndex: index,
    });
  }
  return result;
}

/**
 * What the stream's documents have used of the node and token budgets. A YAML document counts its
 * nodes as go-yaml builds them, a JSON one as the `yaml` reader does; tokens are the `yaml`
 * lexer's, those of documents only go-yaml read counted only when a later document could reach
 * the token budget (`uncounted`).
 */
interface ReadBudget {
  nodes: number;
  tokens: number;
  /** Texts of the documents read by go-yaml alone whose tokens are not counted yet. */
  uncounted: string[];
}

/**
 * Reads a YAML document with the go-yaml port alone (go/), as oc decodes it: its value,
 * SourceNodes and duplicate keys, without the `yaml` package. Returns 'read' when done; else
 * the port's reading, which readAsGoYaml judges after the `yaml` reader has read the document
 * to say why go-yaml fails or a limit stops it; undefined where the `yaml` reader reads first
 * (a document beyond the document limit, or one that might reach the token budget).
 */
function readGoFirst(
  streamDocument: StreamDocument,
  sourceLength: number,
  limits: InputLimits,
  withComments: boolean,
  budget: ReadBudget,
  result: ReadResult,
  illFormedUtf8: readonly IllFormedUtf8[],
): GoRead | 'read' | undefined {
  // Each token takes at least one character.
  const tokensAtMost = budget.tokens + budget.uncounted.reduce((sum, text) => sum + text.length, 0) + streamDocument.text.length;
  if (streamDocument.index >= limits.maxDocuments || tokensAtMost > limits.maxNodes) {
    for (const text of budget.uncounted.splice(0)) budget.tokens += yamlTokens(text);
    return undefined;
  }
  const go = readGoDocument(streamDocument, sourceLength, limits, budget, result.lines, illFormedUtf8);
  // A document read as UTF-16 is go-yaml's alone: the `yaml` reader would read its bytes as other characters.
  if (go.limited || (go.document?.unreadable === true && !go.utf16)) return go;
  const { text } = parserText(streamDocument);
  budget.uncounted.push(text);
  result.problems.push(...go.problems);
  if (withComments && !go.utf16) collectComments([...new Parser().parse(text)], result.comments, sourceOffsets(streamDocument, sourceLength));
  if (go.document) result.documents.push(go.utf16 ? go.document : withExactSource(go.document, streamDocument, sourceLength));
  return 'read';
}

function withExactSource(document: ReadDocument, streamDocument: StreamDocument, sourceLength: number): ReadDocument {
  let exact: SourceNode | null | undefined;
  return { ...document, exactSource: () => (exact ??= yamlSource(streamDocument, sourceLength, document)) };
}

/**
 * go-yaml's SourceNodes of a document it decodes, each block collection ending where the `yaml`
 * package ends it: after the line break of its last value, and after the comment lines that
 * follow a nested collection there (what removing an entry takes with it).
 */
function yamlSource(streamDocument: StreamDocument, sourceLength: number, go: ReadDocument): SourceNode | null {
  const root = go.source();
  const prepared = parserText(streamDocument);
  const doc = firstDocument([...new Parser().parse(prepared.text)], prepared.text);
  if (!root || !doc || doc.errors.length > 0) return root;
  mapRanges(doc, sourceOffsets(streamDocument, sourceLength));
  const blockEnds = new Map<number, number>();
  visit(doc, (_key, node) => {
    if (isCollection(node) && !node.flow && node.range) blockEnds.set(node.range[0], node.range[1]);
  });
  const copies = new Map<SourceNode, SourceNode>();
  const copy = (node: SourceNode | null | undefined): SourceNode | null => {
    if (!node) return null;
    let copied = copies.get(node);
    if (copied) return copied;
    const end = node.kind !== 'scalar' && node.flow !== true ? blockEnds.get(node.range.start) : undefined;
    copied = { ...node, range: end === undefined ? node.range : { start: node.range.start, end } };
    copies.set(node, copied);
    if (node.entries) {
      const entries = new Map<PathSegment, SourceEntry>();
      for (const [segment, entry] of node.entries) entries.set(segment, { ...entry, ...(entry.key ? { key: copy(entry.key) ?? undefined } : {}), value: copy(entry.value) });
      copied.entries = entries;
    }
    return copied;
  };
  return copy(root);
}

/**
 * Decides a YAML document both readers have read, where the `yaml` reader reached no limit. Its
 * findings stay where both readers fail (its messages and positions), unless go-yaml fails on
 * bytes that are not UTF-8, which the `yaml` reader reads as U+FFFD, or read the document as
 * UTF-16, whose bytes the `yaml` reader reads as other characters; anything else is go-yaml's:
 * its problem where only it fails (a limit too), its value and SourceNodes where it decodes the
 * document. False when reading has to stop there (go-yaml used up the node budget).
 */
function readAsGoYaml(go: GoRead, streamDocument: StreamDocument, sourceLength: number, result: ReadResult, before: { problems: number; documents: number }): boolean {
  const ours = result.problems.slice(before.problems);
  const goFailed = go.document?.unreadable === true;
  if (ours.length > 0 && goFailed && !go.utf16 && !go.problems.some((problem) => problem.ruleId === fileEncodingRule.id)) {
    dropParseErrorsBeforeGoFailure(result, before.problems, go.problems[0]);
    return true;
  }
  result.problems.length = before.problems;
  result.problems.push(...(goFailed ? go.problems.filter((problem) => problem.ruleId !== yamlDuplicateKey.id) : go.problems));
  result.documents.length = before.documents;
  if (go.document) result.documents.push(goFailed || go.utf16 ? go.document : withExactSource(go.document, streamDocument, sourceLength));
  return !go.problems.some((problem) => problem.ruleId === inputTooLarge.id && problem.messageId === 'nodes');
}

/**
 * Where both readers fail and one of the checks that mirror go-yaml's scanner (a tab, a tag: not
 * the `yaml` package's own parse errors) fails on the line where go-yaml does, oc stops there:
 * the `yaml` package's parse errors on earlier lines are a reading oc does not share (after
 * `key:` and a tab-indented line, "A block sequence may not be used as an implicit map key" at
 * the key). Elsewhere they stand, earlier lines included: an unclosed quote or bracket is reported
 * at its opening, where go-yaml only notices it lines later.
 */
function dropParseErrorsBeforeGoFailure(result: ReadResult, from: number, goFailure: ReadProblem | undefined): void {
  if (!goFailure) return;
  const lineOf = (problem: ReadProblem) => result.lines().linePos(problem.range.start).line;
  const failureLine = lineOf(goFailure);
  const isParseError = (problem: ReadProblem) => problem.ruleId === yamlSyntax.id && problem.messageId === 'parse';
  const ours = result.problems.slice(from);
  if (!ours.some((problem) => !isParseError(problem) && lineOf(problem) === failureLine)) return;
  result.problems.length = from;
  for (const problem of ours) if (!isParseError(problem) || lineOf(problem) >= failureLine) result.problems.push(problem);
}

function unreadableDocument({ index, syntax }: Pick<StreamDocument, 'index' | 'syntax'>): ReadDocument {
  return { index, syntax, value: undefined, unreadable: true, source: () => null, exactSource: () => null };
}

/** Reads one document of the stream into `result`; false when reading has to stop there. */
function readDocument(
  streamDocument: StreamDocument,
  sourceLength: number,
  limits: InputLimits,
  withComments: boolean,
  budget: { nodes: number; tokens: number },
  result: ReadResult,
): boolean {
  const documentIndex = streamDocument.index;
  const toSource = sourceOffsets(streamDocument, sourceLength);
  const problem: ReportAt = (message, start, end = start + 1) => {
    result.problems.push({ ...message, range: { start: toSource(start), end: toSource(end) }, documentIndex });
  };
  if (documentIndex >= limits.maxDocuments) {
    problem(ruleMessage(inputTooLarge, { messageId: 'documents', data: { limit: limits.maxDocuments } }), 0, 0);
    return false;
  }
  const prepared = parserText(streamDocument);
  const text = prepared.text;
  // encoding/json takes any character in a string; go-yaml's reader does not.
  const rejected = streamDocument.syntax === 'yaml' ? firstRejectedCharacter(text) : undefined;
  if (rejected !== undefined) {
    const code = text.charCodeAt(rejected).toString(16).toUpperCase().padStart(4, '0');
    problem(ruleMessage(yamlSyntax, { messageId: 'controlCharacter', data: { code: `U+${code}` } }), rejected);
    result.documents.push(unreadableDocument(streamDocument));
    return true;
  }
  // The parser recurses into flow collections (and slows down sharply): check their depth first.
  const tooDeep = flowNestingBeyond(text, limits.maxDepth);
  if (tooDeep !== undefined) {
    problem(ruleMessage(inputTooLarge, { messageId: 'flowDepth', data: { limit: limits.maxDepth } }), tooDeep);
    return false;
  }
  if (endsBeforeContent(text)) {
    problem(ruleMessage(yamlSyntax, { messageId: 'endBeforeContent' }), text.indexOf('...'), text.indexOf('...') + 3);
    result.documents.push(unreadableDocument(streamDocument));
    return true;
  }
  const { tokens, stopped } = parseBounded(text, limits, budget);
  const doc = firstDocument(tokens, text);
  if (withComments) collectComments(tokens, result.comments, toSource);
  const problemsBefore = result.problems.length;
  if (doc) {
    // A JSON document is read by encoding/json, not go-yaml's scanner (`\/` is a JSON escape).
    if (streamDocument.syntax === 'yaml') {
      reportBlockScalars(streamDocument.text, doc, tokens, problem);
      reportLexicalDifferences(doc, text, problem);
    }
    const rootRange = (doc.contents as YamlNode | null)?.range;
    reportTags(tokens, text, rootRange ? nextTokenAfter(text, rootRange[1]) : text.length, problem);
    // go-yaml scans the directives before the content and the one token after the root.
    reportDirectives(text, 0, rootRange?.[0] ?? text.length, true, problem);
    if (rootRange) reportDirectives(text, nextTokenAfter(text, rootRange[1]), nextTokenAfter(text, rootRange[1]) + 1, false, problem);
    reportTabs(doc, text, problem);
  }
  if (doc) {
    mapRanges(doc, toSource);
    const root = doc.contents as YamlNode | null;
    const sources = new Map<YamlNode, SourceNode>();
    const rootSource = root ? describe(root) : null;
    if (root && rootSource) sources.set(root, rootSource);
    const entry: ReadDocument = {
      index: documentIndex,
      syntax: streamDocument.syntax,
      value: undefined,
      unreadable: result.problems.length > problemsBefore,
      source: () => rootSource,
      exactSource: () => rootSource,
    };
    // The parser often reports one mistake several ways at the same place, and where go-yaml's
    // scanner differs (a tab, a tag) it was reported above: keep one per line.
    const linesWithErrors = new Set(result.problems.slice(problemsBefore).map((problem) => result.lines().linePos(problem.range.start).line));
    for (const error of doc.errors) {
      entry.unreadable = true;
      // Only on a nearly exhausted caller's stack (parsing stops deeper than the limit): stop there too.
      if (error.message.includes('Maximum call stack size exceeded')) {
        result.problems.push({ ...ruleMessage(inputTooLarge, { messageId: 'depth', data: { limit: limits.maxDepth } }), range: { start: error.pos[0], end: error.pos[1] }, documentIndex });
        return false;
      }
      const range = unclosedOpening(doc, error) ?? { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) };
      const line = result.lines().linePos(range.start).line;
      if (linesWithErrors.has(line)) continue;
      linesWithErrors.add(line);
      result.problems.push({ ...ruleMessage(yamlSyntax, { messageId: 'parse', data: { message: firstLine(error.message) } }), range, documentIndex });
    }
    if (!isEmptyDocument(doc)) {
      result.documents.push(entry);
      // A YAML document's value is the go-yaml port's (readAsGoYaml); the `yaml` package only says where it fails.
      if (!entry.unreadable && streamDocument.syntax === 'json') {
        const builder = new JsonBuilder(documentIndex, limits, sources, result.problems, budget, result.lines, prepared.marksReplaced);
        try {
          entry.value = builder.build(root, []);
          builder.reportUnconvertible(entry.value);
        } catch (error) {
          if (!(error instanceof LimitExceeded)) throw error;
          entry.unreadable = true;
          result.problems.push({ ...error.problem, range: error.range, documentIndex });
          // The node budget is for the whole input: stop reading.
          if (error.problem.messageId === 'nodes') return false;
        }
      }
    }
  }
  if (stopped) {
    problem(stopped.problem, stopped.offset);
    return false;
  }
  return true;
}

/**
 * Block scalars go-yaml fails on, or ends early leaving content it fails on (unless all that is
 * left are comments), reported in words of our own. Their values, like those of quoted scalars over
 * several lines, are go-yaml's by the port (readAsGoYaml). `text` is the document as written.
 */
function reportBlockScalars(text: string, doc: Document.Parsed, tokens: readonly CST.Token[], problem: ReportAt): void {
  if (!text.includes('|') && !text.includes('>')) return;
  const parents = blockScalarParents(tokens);
  const goScalars = GoScanner.scalarsOf(text);
  visit(doc, {
    Scalar(_key, node) {
      if (!node.range || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) return;
      const start = node.range[0];
      let end: number;
      try {
        end = goScalars(start, parents.get(start) ?? -1).end.offset;
      } catch (error) {
        if (!(error instanceof GoYamlError)) throw error;
        problem(ruleMessage(yamlSyntax, { messageId: 'blockScalar', data: { problem: error.problem } }), start);
        return;
      }
      if (end < node.range[1] && node !== doc.contents && !onlyComments(text.slice(end, node.range[1]))) {
        problem(ruleMessage(yamlSyntax, { messageId: 'blockScalarEnd', data: { line: lineOf(text, end) } }), end);
      }
    },
  });
}

/**
 * For each block scalar of a document's syntax tree, the offset of its header and the column of
 * the block collection it is in (-1 at the top level), as go-yaml's scanner tracks it.
 */
function blockScalarParents(tokens: readonly CST.Token[]): Map<number, number> {
  const parents = new Map<number, number>();
  const walk = (token: unknown, topLevel: boolean): void => {
    if (Array.isArray(token)) {
      for (const item of token) walk(item, false);
      return;
    }
    if (token === null || typeof token !== 'object') return;
    const record = token as Record<string, unknown>;
    if (record.type === 'block-scalar') {
      const header = (record.props as CST.SourceToken[] | undefined)?.find((prop) => prop.type === 'block-scalar-header');
      if (header) parents.set(header.offset, topLevel ? -1 : (record.indent as number));
      return;
    }
    if (record.type === 'document') {
      walk(record.value, true);
      return;
    }
    for (const [name, value] of Object.entries(record)) {
      if (name !== 'source' && value !== null && typeof value === 'object') walk(value, false);
    }
  };
  for (const token of tokens) walk(token, false);
  return parents;
}

/** Whether a text holds nothing but blanks, line breaks and comments. */
function onlyComments(text: string): boolean {
  return text.split('\n').every((line) => /^[ \t]*(?:#.*)?$/.test(line));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** go-yaml reads the first document of what the stream splitter gives it, and ignores the rest. */
function firstDocument(tokens: CST.Token[], text: string): Document.Parsed | undefined {
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: false });
  const doc = composer.compose(tokens, true, text.length).next().value as Document.Parsed | undefined;
  // go-yaml takes the deepest leading empty line for a block scalar's indentation (block-scalar.ts).
  if (doc?.errors.some((error) => error.message.startsWith(MORE_INDENTED_LEADING_LINES))) {
    doc.errors = doc.errors.filter((error) => !error.message.startsWith(MORE_INDENTED_LEADING_LINES));
  }
  return doc;
}

/** The `yaml` package's YAML 1.2 objection to a block scalar that go-yaml reads. */
const MORE_INDENTED_LEADING_LINES = 'Block scalars with more-indented leading empty lines';

/** Node ranges and error positions from offsets in the document's text to offsets in the source. */
function mapRanges(doc: Document.Parsed, toSource: (offset: number) => number): void {
  const mapRange = (range: [number, number, number] | null | undefined): void => {
    if (!range) return;
    range[0] = toSource(range[0]);
    range[1] = toSource(range[1]);
    range[2] = toSource(range[2]);
  };
  mapRange(doc.range);
  visit(doc, (_key, node) => {
    if (isScalar(node) || isCollection(node) || isAlias(node)) mapRange((node as YamlNode).range);
  });
  for (const error of [...doc.errors, ...doc.warnings]) {
    error.pos[0] = toSource(error.pos[0]);
    error.pos[1] = toSource(error.pos[1]);
  }
}
