/**
 * The fast reader: js-yaml 5's event stream (flat, with source offsets) turned into the values
 * go-yaml v2 + sigs.k8s.io/yaml produce, with no syntax tree and no positions. It takes the texts
 * nearly every manifest is made of — block and flow collections, every scalar style, tags on
 * scalars — and declines (returns undefined) everything else, which the complete reader
 * (compose.ts) reads instead: syntax errors, limits reached, duplicate or non-scalar keys, anchors
 * and aliases, merge keys, directives, tags on collections, inline-directive comments.
 * Positions are worked out from the same events only for documents that have findings.
 */
// js-yaml's Node ES module build makes its parser state with an object spread, which V8 gives a
// slow shape: parsing runs about 4 times slower than in its other builds (measured on the bench
// documents: 570 ms against 140-165 ms). The browser ES module build is the same parser, transpiled.
import { COLLECTION_STYLE, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml/browser';
import type { InputLimits, PathSegment } from '../types.js';
import { setOwn } from '../paths.js';
import { composeDocuments } from './compose.js';
import { GoScanner } from './go/scanner.js';
import { GoYamlError, type GoToken } from './go/tokens.js';
import { isGoBlankz } from './go-text.js';
import { lineStarts, type ReadDocument, type ReadResult } from './result.js';
import { resolveJsonScalar, resolvePlainValue, resolveTaggedScalar, type ResolvedScalar } from './scalar.js';
import { headOf, type SourceEntry, type SourceNode, type SourceRange } from './source.js';
import { splitStream, type StreamDocument } from './stream.js';

type ScalarEvent = Extract<Event, { type: typeof EVENT_ID.SCALAR }>;

/** Thrown where the fast reader does not take a text (or cannot position a document): the complete reader does. */
class Declined extends Error {}
const DECLINED = new Declined();

const CORE_TAG = 'tag:yaml.org,2002:';
const SCALAR_TAGS = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null']);
const FLOW_CLOSING = /[\s,]*[\]}]/y;
const FLOW_INDICATORS = ',[]{}';
/**
 * Tabs: js-yaml reads one in a line's indentation or after `- ` as indentation, go-yaml rejects
 * both in block context. Within a flow collection at the root (as in JSON), tabs are blanks to both.
 */
const FLOW_ROOT_START = /^[ \r\n]*[[{]/;

function tabsOnlyInFlowRoot(text: string): boolean {
  const start = FLOW_ROOT_START.exec(text);
  if (!start) return false;
  const end = Math.max(text.lastIndexOf(']'), text.lastIndexOf('}'));
  return text.indexOf('\t') >= start[0].length && text.lastIndexOf('\t') < end;
}
/** Directives: go-yaml v2 knows only some, and `oc` splits the stream between a directive and its document. */
const DIRECTIVE = /^%/m;
/** Escapes go-yaml does not know (`\/`) or code points it rejects (surrogates): js-yaml takes them. */
const UNSURE_ESCAPE = /\\(?:\/|u[dD][89a-fA-F])/;
/** Control characters, NEL, NBSP, LS, PS, byte order marks and U+FFFE/U+FFFF (go-yaml rejects some): each reader treats them its own way. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNUSUAL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u00a0\u2028\u2029\ufeff\ufffe\uffff]/;
/**
 * `...` ends a document: the `yaml` library counts an empty document where js-yaml counts none.
 * An indented `---` or `...` is text to the `yaml` library, a marker to js-yaml at a document's start.
 */
const DOCUMENT_END = /^(?:\.\.\.| +(?:---|\.\.\.))(?:\s|$)/m;

/**
 * sigs.k8s.io/yaml turns non-string map keys into strings. Strings, booleans and integers JavaScript
 * holds exactly convert alike everywhere; null keys, floats and huge integers are the complete reader's.
 */
function keyString(value: ResolvedScalar['value']): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0))) return String(value);
  throw DECLINED;
}

/**
 * Walks the events of one document. In positional mode it also describes every node (the
 * locator's side table); otherwise it allocates nothing beyond the values.
 */
class EventWalker {
  /** The next event. */
  next: number;
  /** Positional mode: the node just walked. */
  private described: SourceNode | null = null;
  /** Positional mode: where the last thing walked ends (for a block scalar's header after it). */
  private lastEnd = 0;
  /** Where the innermost block collection starts, -1 outside any: its column is go-yaml's indentation for a block scalar. */
  private blockStart = -1;

  constructor(
    private readonly text: string,
    private readonly events: readonly Event[],
    start: number,
    private readonly maxDepth: number,
    private readonly positional: boolean,
    /** A JSON document of a JSON stream: encoding/json reads its numbers, not go-yaml. */
    private readonly json: boolean,
  ) {
    this.next = start;
  }

  /** The value of the node at `next`; `depth` is the length of its path. */
  node(depth: number): unknown {
    if (depth > this.maxDepth) throw DECLINED;
    const event = this.events[this.next++] as Event;
    switch (event.type) {
      case EVENT_ID.SCALAR:
        if (event.anchorStart >= 0) throw DECLINED;
        return this.scalar(event);
      case EVENT_ID.MAPPING:
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw DECLINED;
        return this.mapping(event.start, event.style === COLLECTION_STYLE.FLOW, depth);
      case EVENT_ID.SEQUENCE:
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw DECLINED;
        return this.sequence(event.start, event.style === COLLECTION_STYLE.FLOW, depth);
      default:
        // Aliases, and anything this walker does not expect.
        throw DECLINED;
    }
  }

  /** The root node of the document, for the locator (positional mode). */
  root(): SourceNode | null {
    this.node(0);
    if (this.described && this.described.range.end <= this.described.range.start) throw DECLINED;
    return this.described;
  }

  /** Enters a collection: a block one is what go-yaml reads block scalars against. Returns the outer one. */
  private enter(start: number, flow: boolean): number {
    const outer = this.blockStart;
    if (!flow) this.blockStart = start;
    else this.flowLevel++;
    return outer;
  }

  private leave(outerBlockStart: number, flow: boolean): void {
    this.blockStart = outerBlockStart;
    if (flow) this.flowLevel--;
  }

  /** Flow collections around the node being walked. */
  private flowLevel = 0;

  /** go-yaml's scanner, for single scalars of the text. */
  private goScalars: ((offset: number, indent: number) => GoToken) | undefined;

  /**
   * go-yaml's value for the block or quoted scalar at `start`, a block scalar inside a block
   * collection at column `indent` (a quoted scalar's value does not depend on it); undefined where
   * go-yaml fails on it. (The fast reader takes no text with characters go-yaml's reader rejects.)
   */
  private goScalarValue(start: number, indent = -1): string | undefined {
    this.goScalars ??= GoScanner.scalarsOf(this.text);
    try {
      return this.goScalars(start, indent).value ?? '';
    } catch (error) {
      if (error instanceof GoYamlError) return undefined;
      throw error;
    }
  }

  /** The scalar's value as go-yaml v2 resolves it. */
  private scalar(event: ScalarEvent): ResolvedScalar['value'] {
    const text = event.valueStart < 0 ? '' : event.fast ? this.text.slice(event.valueStart, event.valueEnd) : getScalarValue(this.text, event);
    // Block scalars where go-yaml's rules give another value (or none: top-level, indicators, leading empty lines) are the complete reader's.
    if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
      // go-yaml gets the document with a final line feed, which a block scalar's value may keep.
      if (event.valueStart < 0 || this.blockStart < 0 || !this.text.endsWith('\n')) throw DECLINED;
      const indent = this.blockStart - (this.text.lastIndexOf('\n', this.blockStart - 1) + 1);
      if (this.goScalarValue(this.blockHeader(event), indent) !== text) throw DECLINED;
    }
    // So are quoted scalars over several lines that go-yaml folds another way.
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    if (quoted && this.text.indexOf('\n', event.valueStart) < event.valueEnd && this.goScalarValue(event.valueStart - 1) !== text) {
      throw DECLINED;
    }
    // In a flow collection go-yaml's scanner reads `?` as a key indicator, even inside a plain scalar (scannerc.go yaml_parser_fetch_next_token).
    if (this.flowLevel > 0 && event.style === SCALAR_STYLE.PLAIN && text.includes('?')) throw DECLINED;
    // There a plain scalar ends at `:` only before a blank: `a":{` keeps the `:` (yaml_parser_scan_plain_scalar), js-yaml ends it.
    if (this.flowLevel > 0 && event.style === SCALAR_STYLE.PLAIN && this.text[event.valueEnd] === ':' && !isGoBlankz(this.text[event.valueEnd + 1])) throw DECLINED;
    let value: ResolvedScalar['value'];
    if (event.tagStart >= 0) {
      // go-yaml takes `,`, `[` and `]` into a tag (URI characters, scannerc.go yaml_parser_scan_tag_uri).
      if (FLOW_INDICATORS.includes(this.text[event.tagEnd] ?? ' ')) throw DECLINED;
      const tag = this.text.slice(event.tagStart, event.tagEnd);
      // Only the core scalar tags; `!!binary`, verbatim, local and non-specific tags are the complete reader's.
      if (!SCALAR_TAGS.has(tag)) throw DECLINED;
      const resolved = resolveTaggedScalar(CORE_TAG + tag.slice(2), text);
      if (resolved === undefined) throw DECLINED;
      value = resolved.value;
    } else {
      const plain = event.style === SCALAR_STYLE.PLAIN;
      value = this.json ? resolveJsonScalar(plain, text).value : plain ? resolvePlainValue(text) : text;
    }
    // .inf and .nan: JSON cannot carry them (oc fails); the complete reader reports that.
    if (typeof value === 'number' && !Number.isFinite(value)) throw DECLINED;
    if (this.positional) this.describeScalar(event, text);
    return value;
  }

  private mapping(start: number, flow: boolean, depth: number): Record<string, unknown> {
    const outerIndent = this.enter(start, flow);
    const value: Record<string, unknown> = {};
    const source = this.positional ? this.describeCollection('map', start, flow) : undefined;
    const events = this.events;
    while (events[this.next]?.type !== EVENT_ID.POP) {
      const keyEvent = events[this.next++] as Event;
      if (keyEvent.type !== EVENT_ID.SCALAR || keyEvent.anchorStart >= 0) throw DECLINED;
      // Merge keys: a plain `<<`, or a key tagged `!!merge` (tagged keys are declined as a whole).
      if (keyEvent.tagStart >= 0 || (keyEvent.style === SCALAR_STYLE.PLAIN && keyEvent.valueEnd - keyEvent.valueStart === 2 && this.text.startsWith('<<', keyEvent.valueStart))) {
        throw DECLINED;
      }
      // go-yaml fails on a key over several lines (the complete reader says so); js-yaml takes a quoted one.
      const lineBreak = this.text.indexOf('\n', keyEvent.valueStart);
      if (lineBreak !== -1 && lineBreak < keyEvent.valueEnd) throw DECLINED;
      const keyValue = this.scalar(keyEvent);
      // A float key (`1000000.0`) becomes Go's float spelling (`1e+06`): the complete reader's.
      if (typeof keyValue === 'number' && /[.eE]/.test(this.text.slice(keyEvent.valueStart, keyEvent.valueEnd))) throw DECLINED;
      const key = keyString(keyValue);
      // Duplicate keys get a finding from the complete reader.
      if (Object.hasOwn(value, key)) throw DECLINED;
      if (source) {
        const keySource = this.described as SourceNode;
        setOwn(value, key, this.node(depth + 1));
        this.addEntry(source, key, keySource);
      } else {
        setOwn(value, key, this.node(depth + 1));
      }
    }
    this.next++;
    this.leave(outerIndent, flow);
    if (source) this.finish(source);
    return value;
  }

  private sequence(start: number, flow: boolean, depth: number): unknown[] {
    const outerIndent = this.enter(start, flow);
    const value: unknown[] = [];
    const source = this.positional ? this.describeCollection('seq', start, flow) : undefined;
    const events = this.events;
    while (events[this.next]?.type !== EVENT_ID.POP) {
      value.push(this.node(depth + 1));
      if (source) this.addEntry(source, value.length - 1, undefined);
    }
    this.next++;
    this.leave(outerIndent, flow);
    if (source) this.finish(source);
    return value;
  }

  // Positional mode: ranges as the `yaml` library reports them, so findings stay where they were.

  private describeScalar(event: ScalarEvent, text: string): void {
    let range: SourceRange;
    if (event.valueStart < 0) {
      // An empty block scalar is located at its header, which no event gives.
      if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) throw DECLINED;
      // An empty value is located at its key; an empty item or root has none: the complete reader positions it.
      range = { start: this.lastEnd, end: this.lastEnd };
    } else if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) {
      range = { start: event.valueStart - 1, end: event.valueEnd + 1 };
    } else if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
      range = { start: this.blockHeader(event), end: event.valueEnd };
    } else {
      range = { start: event.valueStart, end: event.valueEnd };
    }
    const properties = event.tagStart >= 0;
    // Only core tags get here (`!!str`): as the `yaml` library resolves them.
    const tag = properties ? { tag: CORE_TAG + this.text.slice(event.tagStart + 2, event.tagEnd) } : {};
    if (event.style === SCALAR_STYLE.PLAIN && !properties) {
      this.described = { kind: 'scalar', range, style: 'plain', text, properties };
    } else if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) {
      this.described = { kind: 'scalar', range, style: 'quoted', quote: event.style === SCALAR_STYLE.DOUBLE_QUOTED ? 'double' : 'single', text, properties, ...tag };
    } else {
      this.described = { kind: 'scalar', range, style: 'other', text, properties, ...tag };
    }
    this.lastEnd = range.end;
  }

  /** A block scalar's range starts at its `|` or `>`, on the line before its content (after the key or tag there). */
  private blockHeader(event: ScalarEvent): number {
    const headerLine = this.text.lastIndexOf('\n', event.valueStart - 2) + 1;
    const from = Math.max(this.lastEnd, event.tagEnd, headerLine);
    const at = this.text.slice(from, event.valueStart).search(/[|>]/);
    if (at < 0) throw DECLINED;
    return from + at;
  }

  private describeCollection(kind: 'map' | 'seq', start: number, flow: boolean): SourceNode {
    return { kind, range: { start, end: start + 1 }, flow, entries: new Map() };
  }

  private addEntry(source: SourceNode, segment: PathSegment, key: SourceNode | undefined): void {
    const value = this.described;
    const entries = source.entries as Map<PathSegment, SourceEntry>;
    if (value && value.range.start === value.range.end && !key) throw DECLINED;
    entries.set(segment, key ? { key, value } : { value });
    if (entries.size === 1) source.head = headOf(key, value);
  }

  /** A collection ends after its last entry; a flow collection after its closing bracket. */
  private finish(source: SourceNode): void {
    const end = Math.max(this.lastEnd, source.range.start + 1);
    if (source.flow) {
      // Only spaces, line breaks and a last comma may come before the closing bracket; a comment there is declined.
      FLOW_CLOSING.lastIndex = end;
      const closing = FLOW_CLOSING.exec(this.text);
      if (!closing) throw DECLINED;
      source.range.end = end + closing[0].length;
    } else {
      source.range.end = end;
    }
    source.head ??= source.range;
    this.lastEnd = source.range.end;
    this.described = source;
  }
}

/** The document's text as it stands in the source: the CR of a CRLF kept (js-yaml reads it as the line break go-yaml sees). */
function sourceSlice(text: string, document: StreamDocument): string {
  if (document.syntax === 'json') return document.text;
  const lastLine = document.lines.at(-1)?.source ?? document.start;
  const newline = text.indexOf('\n', lastLine);
  return text.slice(document.start, newline === -1 ? text.length : newline + 1);
}

/**
 * Reads `text` with the fast reader, or returns undefined where the complete reader must.
 * `limits.maxBytes` is the caller's to check. The stream is split as `oc` splits it (stream.ts),
 * and each piece is parsed alone, as go-yaml reads it.
 */
export function readFast(text: string, limits: InputLimits): ReadResult | undefined {
  // (`includes` first: it is several times faster than the multiline patterns.)
  if (UNUSUAL_CHARACTER.test(text)) return undefined;
  // oc's line reader drops the CR of a CRLF: before it, a lone CR is one line break less than js-yaml reads in the source.
  if (text.includes('\r\r')) return undefined;
  if ((text.includes('...') || text.includes(' ---')) && DOCUMENT_END.test(text)) return undefined;
  if (text.includes('%') && DIRECTIVE.test(text)) return undefined;
  if (text.includes('\\') && UNSURE_ESCAPE.test(text)) return undefined;
  // Within the node budget the complete reader's token count (one character or more each) can reach.
  if (text.length > limits.maxNodes) return undefined;
  const stream = splitStream(text);
  if (stream.failure) return undefined;
  const documents: ReadDocument[] = [];
  try {
    for (const piece of stream.documents) {
      if (piece.index >= limits.maxDocuments) return undefined;
      const document = readPiece(text, piece, limits);
      if (document) documents.push(document);
    }
  } catch (error) {
    if (error instanceof Declined) return undefined;
    throw error;
  }
  return { documents, problems: [], comments: [], lines: lineStarts(text) };
}

/** One document of the stream; undefined when it is empty or only a null (`oc` skips it). */
function readPiece(source: string, piece: StreamDocument, limits: InputLimits): ReadDocument | undefined {
  const text = sourceSlice(source, piece);
  const json = piece.syntax === 'json';
  if (!json && text.includes('\t') && !tabsOnlyInFlowRoot(text)) throw DECLINED;
  let events: Event[];
  try {
    // One level of margin: the walker applies the limit exactly as the complete reader does.
    events = parseEvents(text, { maxDepth: limits.maxDepth + 1 });
  } catch {
    throw DECLINED;
  }
  const first = events[0];
  if (first === undefined) return undefined;
  if (first.type !== EVENT_ID.DOCUMENT || first.directives.length > 0) throw DECLINED;
  const root = events[1];
  const walker = new EventWalker(text, events, 1, limits.maxDepth, false, json);
  const value = walker.node(0);
  // One document a piece: anything after it would be a second one, which go-yaml would not read.
  if (walker.next + 1 !== events.length) throw DECLINED;
  if (value === null && root?.type === EVENT_ID.SCALAR && root.style === SCALAR_STYLE.PLAIN && root.tagStart < 0) return undefined;
  return fastDocument(source, text, piece, events, value, limits);
}

function fastDocument(source: string, text: string, piece: StreamDocument, events: readonly Event[], value: unknown, limits: InputLimits): ReadDocument {
  let described: SourceNode | null | undefined;
  let exactSource: SourceNode | null | undefined;
  const composed = () => (exactSource ??= composeDocuments(source, limits).documents.find((document) => document.index === piece.index)?.exactSource() ?? null);
  return {
    index: piece.index,
    syntax: piece.syntax,
    value,
    unreadable: false,
    source: () => {
      if (described === undefined) {
        try {
          described = shifted(new EventWalker(text, events, 1, limits.maxDepth, true, piece.syntax === 'json').root(), piece.start);
        } catch (error) {
          if (!(error instanceof Declined)) throw error;
          // Rare shapes (an empty sequence item): the complete reader positions this document.
          described = composed();
        }
      }
      return described;
    },
    exactSource: composed,
  };
}

/** The side table of a piece, its ranges moved from the piece's text to the source (ranges may be shared). */
function shifted(root: SourceNode | null, by: number): SourceNode | null {
  if (!root || by === 0) return root;
  const moved = new Set<SourceRange>();
  const move = (range: SourceRange | undefined): void => {
    // `{ start: 0, end: 0 }` stands for no range.
    if (!range || moved.has(range) || (range.start === 0 && range.end === 0)) return;
    moved.add(range);
    range.start += by;
    range.end += by;
  };
  const visit = (node: SourceNode | null | undefined): void => {
    if (!node) return;
    move(node.range);
    move(node.head);
    for (const entry of node.entries?.values() ?? []) {
      visit(entry.key);
      visit(entry.value);
    }
  };
  visit(root);
  return root;
}
