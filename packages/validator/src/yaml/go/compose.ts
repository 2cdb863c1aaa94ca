/**
 * go-yaml v2's composer and decoder into interface{}, then sigs.k8s.io/yaml's conversion to
 * JSON, over the events of this project's port of go-yaml's parser: what `oc apply` sends for
 * one document, or where and why it fails. Two steps, as go-yaml takes them (decode.go): the
 * document's node tree is read first (`parser.parse`: scanner and parser errors, unknown
 * aliases), then decoded (`decoder.unmarshal`: resolution, `!!binary`, merge keys, aliases
 * inside their own anchor); the conversion of what survives comes last (null keys, keys beyond
 * int64, infinities and NaN). Alongside, each value's SourceNode, located from the event marks.
 */
import type { CheckedMessage, InputLimits, PathSegment, RuleMessage } from '../../types.js';
import { setOwn, valueAt } from '../../paths.js';
import { messageCode, messageEscaped } from '../../quote.js';
import { ruleMessage } from '../../rules/define.js';
import { fileEncodingRule } from '../../rules/file.js';
import { inputTooLarge, yamlDuplicateKey, yamlSyntax } from '../../rules/pipeline.js';
import { jsonKeyString, resolvePlainScalar, resolveTaggedScalar, type ResolvedScalar } from '../scalar.js';
import { headOf, type SourceEntry, type SourceNode, type SourceRange } from '../source.js';
import type { GoEvent, GoEventStream, GoEventType } from './events.js';
import { GoYamlError, type GoMark } from './tokens.js';

type SyntaxMessage = RuleMessage<typeof yamlSyntax.messages>;

/** A problem of one document, its range in the document's text. */
export interface GoProblem extends CheckedMessage {
  range: SourceRange;
  path?: PathSegment[];
}

export interface GoComposed {
  /**
   * What oc sends (as compose.ts builds values); undefined when go-yaml fails. Where only the
   * conversion to JSON fails (`failed`, with its problems), the value go-yaml decoded.
   */
  value: unknown;
  /** Where the values came from (ranges in the document's text); null without a root. */
  root: SourceNode | null;
  /** The stream held no document (an empty text): oc skips it, as it skips a null root. */
  noDocument: boolean;
  /** Every problem; those but duplicate keys stop oc. */
  problems: GoProblem[];
  /** True when oc cannot decode the document. */
  failed: boolean;
  /** The node budget ran out: the rest of the file is not read. */
  budgetExhausted: boolean;
}

export interface GoComposeOptions {
  /** The document's text, which the marks index. */
  text: string;
  /** The document's index in the stream, which a message names. */
  index: number;
  limits: InputLimits;
  /** Nodes built so far in the file (shared by its documents). */
  budget: { nodes: number };
  /** The 1-based line of an offset in the text, as findings count lines. */
  lineOf: (offset: number) => number;
}

/** A key of a Go map: the JSON key it becomes, and which Go value it is (`identity`: Go's map compares type and value). */
interface GoMapKey {
  json: string;
  identity: string;
  /** How the key is written (or the alias naming it), its Go type in words, and where it starts, for messages. */
  text: string;
  type: string;
  offset: number;
}

/**
 * The Go value a resolved key is in go-yaml's map[interface{}]interface{}: a timestamp stays the
 * string it was written as (decode.go keeps it text when decoding into interface{}), -0 equals 0,
 * and NaN equals nothing, not even itself (`nanCount` makes each one a key of its own).
 */
function goMapKey(resolved: ResolvedScalar, nanCount: number): { identity: string; type: string } {
  const { type, value } = resolved;
  if (type === 'int') return { identity: `int:${resolved.integer ?? value}`, type: 'an integer' };
  if (type === 'float') return Number.isNaN(value) ? { identity: `NaN:${nanCount}`, type: 'a NaN' } : { identity: `float:${value}`, type: 'a float' };
  if (type === 'bool') return { identity: `bool:${value}`, type: 'a boolean' };
  return { identity: `string:${value}`, type: 'a string' };
}

/**
 * The keys of one Go map, beside the JSON object it becomes. A key written again replaces its
 * entry, key included (Go's mapassign updates float and interface keys: `0.0` after `-0.0` leaves
 * the key `0`). Different keys that become one JSON key (`1` and `"1"`) are entries of their own,
 * and sigs.k8s.io/yaml's conversion (yaml.go convertToJSONableObject, ranging over the map) keeps
 * whichever it meets last: a random one.
 */
class GoMapKeys {
  /** The JSON key of each entry, by its key's identity. */
  private readonly jsonOf = new Map<string, string>();
  /** The first key of each entry, by the JSON key it becomes. */
  private readonly entriesOf = new Map<string, GoMapKey[]>();

  /**
   * Writes `key`; returns the JSON key its entry had until now when it had another that no entry
   * becomes any more (the JSON object loses it), and the other entries of its JSON key.
   */
  write(key: GoMapKey): { replacedJson: string | undefined; rivals: GoMapKey[] } {
    const earlierJson = this.jsonOf.get(key.identity);
    let replacedJson: string | undefined;
    if (earlierJson !== undefined && earlierJson !== key.json) {
      const left = (this.entriesOf.get(earlierJson) ?? []).filter((entry) => entry.identity !== key.identity);
      this.entriesOf.set(earlierJson, left);
      if (left.length === 0) replacedJson = earlierJson;
    }
    this.jsonOf.set(key.identity, key.json);
    const entries = this.entriesOf.get(key.json) ?? [];
    if (!entries.some((entry) => entry.identity === key.identity)) entries.push(key);
    this.entriesOf.set(key.json, entries);
    return { replacedJson, rivals: entries.filter((entry) => entry.identity !== key.identity) };
  }
}

/** decode.go's node: what `parser.parse` reads from the events. */
interface GoNode {
  kind: 'scalar' | 'mapping' | 'sequence' | 'alias';
  event: GoEvent;
  children: GoNode[];
  /** Aliases: the node anchored with the name when the alias was read. */
  target?: GoNode;
  /** Collections: where their end event ends. */
  end?: GoMark;
}

/** go-yaml stops at its first failure (a panic caught by `handleErr`). */
class Stop extends Error {
  constructor(
    readonly problem: CheckedMessage,
    readonly range: SourceRange,
    readonly path?: PathSegment[],
  ) {
    super(problem.messageId);
  }
}

const CORE_TAG = 'tag:yaml.org,2002:';
const MERGE_TAG = `${CORE_TAG}merge`;

function markRange(mark: GoMark): SourceRange {
  return { start: mark.offset, end: mark.offset + 1 };
}

/** The message go-yaml's `parser.fail` gives a reader, scanner or parser error: its problem, in its words (bytes that are not characters: the file's encoding). */
function goYamlProblem(error: GoYamlError, documentIndex: number): CheckedMessage {
  if (error.illFormedBytes) {
    const messageId = error.illFormedBytes === 'utf-16' ? 'invalidUtf16AfterBom' : 'invalidUtf8AfterBom';
    return ruleMessage(fileEncodingRule, { messageId, data: { document: documentIndex, problem: error.problem } });
  }
  return ruleMessage(yamlSyntax, { messageId: 'parse', data: { message: error.problem } });
}

/** Reads `parser.parse`'s node tree for the first document of the events (decode.go `parser`). */
class TreeReader {
  private readonly anchors = new Map<string, GoNode>();

  constructor(
    private readonly events: GoEventStream,
    private readonly maxDepth: number,
  ) {}

  /** The document's root, or undefined when the stream holds no document. */
  document(): GoNode | undefined {
    this.expect('stream-start');
    if (this.events.peek().type === 'stream-end') return undefined;
    this.expect('document-start');
    const root = this.node(0);
    this.expect('document-end');
    return root;
  }

  private expect(type: GoEventType): GoEvent {
    const event = this.events.peek();
    // decode.go `expect`: events out of order are the parser's bug, reported as go-yaml would.
    if (event.type === 'stream-end' && type !== 'stream-end') {
      throw new Stop(ruleMessage(yamlSyntax, { messageId: 'parse', data: { message: 'attempted to go past the end of stream; corrupted value?' } }), markRange(event.start));
    }
    if (event.type !== type) {
      throw new Stop(ruleMessage(yamlSyntax, { messageId: 'parse', data: { message: `expected ${type} event but got ${event.type}` } }), markRange(event.start));
    }
    this.events.skip();
    return event;
  }

  private node(depth: number): GoNode {
    const event = this.events.peek();
    // The tree is read recursively: stop where decoding would stop anyway, before the stack does.
    if (depth > this.maxDepth) throw new Stop(ruleMessage(inputTooLarge, { messageId: 'depth', data: { limit: this.maxDepth } }), markRange(event.start));
    switch (event.type) {
      case 'scalar':
        this.events.skip();
        return this.anchored({ kind: 'scalar', event, children: [] });
      case 'alias': {
        const target = this.anchors.get(event.anchor ?? '');
        if (!target) {
          throw new Stop(ruleMessage(yamlSyntax, { messageId: 'unknownAlias', data: { name: event.anchor ?? '' } }), { start: event.start.offset, end: event.end.offset });
        }
        this.events.skip();
        return { kind: 'alias', event, children: [], target };
      }
      case 'sequence-start':
      case 'mapping-start': {
        const mapping = event.type === 'mapping-start';
        this.events.skip();
        // Anchored before its content is read: an alias inside refers to it (and decoding fails there).
        const node = this.anchored({ kind: mapping ? 'mapping' : 'sequence', event, children: [] });
        const endType = mapping ? 'mapping-end' : 'sequence-end';
        while (this.events.peek().type !== endType) {
          node.children.push(this.node(depth + 1));
          if (mapping) node.children.push(this.node(depth + 1));
        }
        node.end = this.expect(endType).end;
        return node;
      }
      default:
        return this.expect('scalar') as never;
    }
  }

  private anchored(node: GoNode): GoNode {
    if (node.event.anchor !== undefined && node.event.anchor !== '') this.anchors.set(node.event.anchor, node);
    return node;
  }
}

/** decode.go `allowedAliasRatio`: the share of decoding that alias expansion may take. */
function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - (0.89 * (decodeCount - low)) / (high - low);
}

/** decode.go `decoder` into interface{}, building values and their SourceNodes. */
class Decoder {
  private decodeCount = 0;
  /**
   * Where go-yaml gives up on alias expansion. Decoding goes on (bounded by the input limits) and
   * fails there at the end, unless a limit stops it first: an alias bomb gets the same finding
   * whatever the ratio.
   */
  excessiveAliasing: Stop | undefined;
  private aliasCount = 0;
  private aliasDepth = 0;
  /** Alias expansions counted against `limits.maxAliasCount`, as compose.ts counts them. */
  private aliasUses = 0;
  /** The aliases being expanded: meeting one again is an alias inside its own anchor. */
  private readonly expanding = new Set<GoNode>();
  private readonly sources = new Map<GoNode, SourceNode>();
  /** Where the last located node ends: an empty scalar is located there (after its key). */
  private lastEnd = 0;
  private readonly reported = new Set<string>();
  readonly problems: GoProblem[] = [];
  /** Infinities and NaN met while building; sigs.k8s.io/yaml fails on those that remain. */
  private readonly unrepresentable: { text: string; range: SourceRange; path: PathSegment[] }[] = [];
  /** Keys JSON cannot carry, with the mapping that holds them; the conversion fails if it remains. */
  private readonly unconvertibleKeys: { container: object; path: PathSegment[]; message: SyntaxMessage; range: SourceRange }[] = [];
  /** The keys of each Go map, by the object it becomes. */
  private readonly goMaps = new WeakMap<object, GoMapKeys>();
  private nanKeys = 0;

  constructor(private readonly options: GoComposeOptions) {}

  /** decode.go `unmarshal`: builds the node's value. */
  value(node: GoNode, path: PathSegment[]): unknown {
    this.enter(node, path);
    switch (node.kind) {
      case 'alias':
        return this.alias(node, (target) => this.value(target, path));
      case 'scalar':
        return this.scalar(node, path);
      case 'sequence': {
        const source = this.sourceOf(node);
        const entries = (source.entries ??= new Map());
        const value: unknown[] = [];
        node.children.forEach((child, index) => {
          path.push(index);
          value.push(this.value(child, path));
          path.pop();
          entries.set(index, this.entry(child));
        });
        this.finish(node, source);
        return value;
      }
      case 'mapping': {
        const value: Record<string, unknown> = {};
        const source = this.sourceOf(node);
        this.mappingInto(node, value, (source.entries ??= new Map()), path);
        this.finish(node, source);
        return value;
      }
    }
  }

  /**
   * Counts a node decoded (decode.go `unmarshal` counts every one for its alias-ratio check) and
   * applies the limits compose.ts applies.
   */
  private enter(node: GoNode, path: PathSegment[]): void {
    const { limits, budget } = this.options;
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (!this.excessiveAliasing && this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      this.excessiveAliasing = new Stop(ruleMessage(yamlSyntax, { messageId: 'parse', data: { message: 'document contains excessive aliasing' } }), this.rangeOf(node));
    }
    if (path.length > limits.maxDepth) throw new Stop(ruleMessage(inputTooLarge, { messageId: 'depth', data: { limit: limits.maxDepth } }), this.rangeOf(node));
    if (++budget.nodes > limits.maxNodes) throw new Stop(ruleMessage(inputTooLarge, { messageId: 'nodes', data: { limit: limits.maxNodes } }), this.rangeOf(node));
  }

  /** decode.go `alias`: expands the anchored node, failing when it holds the alias itself. */
  private alias<T>(node: GoNode, expand: (target: GoNode) => T): T {
    const name = node.event.anchor ?? '';
    if (this.expanding.has(node)) throw new Stop(ruleMessage(yamlSyntax, { messageId: 'aliasCycle', data: { name } }), this.rangeOf(node));
    if (++this.aliasUses > this.options.limits.maxAliasCount) {
      throw new Stop(ruleMessage(inputTooLarge, { messageId: 'aliases', data: { limit: this.options.limits.maxAliasCount } }), this.rangeOf(node));
    }
    this.expanding.add(node);
    this.aliasDepth++;
    try {
      return expand(node.target as GoNode);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(node);
    }
  }

  /**
   * decode.go `mapping` into a Go map: keys in document order, a later one replacing an earlier
   * one; a merge key writes the merged mappings' entries into the same map where it stands.
   */
  private mappingInto(node: GoNode, into: Record<string, unknown>, entries: Map<PathSegment, SourceEntry>, path: PathSegment[]): void {
    const firstKeyAt = new Map<string, SourceNode>();
    let goMap = this.goMaps.get(into);
    if (!goMap) this.goMaps.set(into, (goMap = new GoMapKeys()));
    for (let index = 0; index + 1 < node.children.length; index += 2) {
      const keyNode = node.children[index] as GoNode;
      const valueNode = node.children[index + 1] as GoNode;
      if (isMerge(keyNode)) {
        this.locate(keyNode);
        this.merge(valueNode, into, entries, path);
        continue;
      }
      const goKey = this.key(keyNode, into, path);
      const keySource = this.sourceOf(keyNode.kind === 'alias' ? (keyNode.target as GoNode) : keyNode);
      this.lastEnd = Math.max(this.lastEnd, this.rangeOf(keyNode).end);
      if (goKey === undefined) {
        // A null key stays in Go's map (the conversion fails if the map remains): its value is decoded all the same.
        this.value(valueNode, path);
        continue;
      }
      const key = goKey.json;
      const earlier = firstKeyAt.get(goKey.identity);
      const { replacedJson, rivals } = goMap.write(goKey);
      if (replacedJson !== undefined) {
        delete into[replacedJson];
        entries.delete(replacedJson);
      }
      const [rival] = rivals;
      if (rival) {
        const data = {
          first: messageCode(rival.text, 40),
          firstLine: this.options.lineOf(rival.offset),
          firstType: rival.type,
          key: messageCode(goKey.text, 40),
          type: goKey.type,
          json: messageEscaped(key),
        };
        this.report(ruleMessage(yamlDuplicateKey, { messageId: 'randomWinner', data }), this.rangeOf(keyNode), [...path, key]);
      } else if (earlier) {
        this.report(ruleMessage(yamlDuplicateKey, { messageId: 'duplicate', data: { key, firstLine: this.options.lineOf(earlier.range.start) } }), this.rangeOf(keyNode), [...path, key]);
      }
      if (!earlier) firstKeyAt.set(goKey.identity, keySource);
      path.push(key);
      setOwn(into, key, this.value(valueNode, path));
      path.pop();
      entries.set(key, { key: keySource, ...this.entry(valueNode) });
    }
  }

  /** decode.go `merge`: a mapping, an alias of one, or a sequence of them merged from the last to the first. */
  private merge(node: GoNode, into: Record<string, unknown>, entries: Map<PathSegment, SourceEntry>, path: PathSegment[]): void {
    const mergeOne = (item: GoNode): void => {
      if (item.kind === 'mapping') {
        this.mergedMapping(item, into, entries, path);
      } else if (item.kind === 'alias' && item.target?.kind === 'mapping') {
        this.enter(item, path);
        this.alias(item, (target) => this.mergedMapping(target, into, entries, path));
      } else {
        throw new Stop(ruleMessage(yamlSyntax, { messageId: 'mergeNotMap' }), this.rangeOf(item), [...path]);
      }
    };
    if (node.kind === 'sequence') {
      for (const item of node.children) {
        if (item.kind !== 'mapping' && !(item.kind === 'alias' && item.target?.kind === 'mapping')) {
          throw new Stop(ruleMessage(yamlSyntax, { messageId: 'mergeNotMap' }), this.rangeOf(item), [...path]);
        }
      }
      for (let index = node.children.length - 1; index >= 0; index--) mergeOne(node.children[index] as GoNode);
    } else {
      mergeOne(node);
    }
  }

  private mergedMapping(node: GoNode, into: Record<string, unknown>, entries: Map<PathSegment, SourceEntry>, path: PathSegment[]): void {
    this.enter(node, path);
    const source = this.sourceOf(node);
    this.mappingInto(node, into, entries, path);
    this.finish(node, source);
  }

  /** A key as sigs.k8s.io/yaml writes it into JSON, and as the Go value it is; undefined for a null key or one beyond int64 (the conversion's to judge). */
  private key(node: GoNode, container: Record<string, unknown>, path: PathSegment[]): GoMapKey | undefined {
    const scalar = node.kind === 'alias' ? (node.target as GoNode) : node;
    if (scalar.kind !== 'scalar') {
      // decode.go `mapping`: a mapping or sequence key is decoded, then fails as an "invalid map key".
      this.value(node, path);
      throw new Stop(ruleMessage(yamlSyntax, { messageId: 'complexKey' }), this.rangeOf(node), [...path]);
    }
    this.enter(node, path);
    const resolved =
      node.kind === 'alias'
        ? this.alias(node, (target) => {
            this.enter(target, path);
            return this.resolve(target, path);
          })
        : this.resolve(node, path);
    this.locate(scalar);
    const key = jsonKeyString(resolved);
    if (typeof key === 'string') {
      const range = this.rangeOf(node);
      const goKey = goMapKey(resolved, Number.isNaN(resolved.value) ? this.nanKeys++ : 0);
      return { json: key, ...goKey, text: this.options.text.slice(range.start, range.end), offset: range.start };
    }
    const message: SyntaxMessage = key.messageId === 'nullKey' ? { messageId: 'nullKey' } : { messageId: 'unsignedKey', data: { key: String(resolved.value) } };
    this.unconvertibleKeys.push({ container, path: [...path], message, range: this.rangeOf(node) });
    return undefined;
  }

  private scalar(node: GoNode, path: PathSegment[]): unknown {
    const value = this.resolve(node, path).value;
    this.locate(node);
    if (typeof value === 'number' && !Number.isFinite(value)) this.unrepresentable.push({ text: node.event.value ?? '', range: this.rangeOf(node), path: [...path] });
    return value;
  }

  /** decode.go `scalar` with resolve.go: untagged quoted text is a string, anything else resolved by its tag. */
  private resolve(node: GoNode, path: PathSegment[]): ResolvedScalar {
    const { tag = '', value = '', implicit = false } = node.event;
    if (tag === '' && !implicit) return { type: 'string', value };
    if (tag === '') return resolvePlainScalar(value);
    const resolved = resolveTaggedScalar(tag, value);
    if (resolved === undefined) {
      const data = { tag: tag.startsWith(CORE_TAG) ? `!!${tag.slice(CORE_TAG.length)}` : tag, value: messageEscaped(value) };
      throw new Stop(ruleMessage(yamlSyntax, { messageId: 'badTag', data }), this.rangeOf(node), [...path]);
    }
    return resolved;
  }

  /** The conversion to JSON: it fails on what JSON cannot carry in the value that remains. */
  convert(document: unknown): void {
    for (const { text, range, path } of this.unrepresentable) {
      const value = valueAt(document, path);
      if (typeof value === 'number' && !Number.isFinite(value)) this.report(ruleMessage(yamlSyntax, { messageId: 'notJson', data: { value: text } }), range, path);
    }
    for (const { container, path, message, range } of this.unconvertibleKeys) {
      if (valueAt(document, path) === container) this.report(ruleMessage(yamlSyntax, message), range, path);
    }
  }

  report(message: CheckedMessage, range: SourceRange, path?: PathSegment[]): void {
    // Anchored content is decoded again for every alias: report each of its problems once.
    const identity = `${message.ruleId}:${message.messageId}:${range.start}`;
    if (this.reported.has(identity)) return;
    this.reported.add(identity);
    this.problems.push({ ...message, range, ...(path ? { path: [...path] } : {}) });
  }

  // Locating: ranges as the other readers give them (a tagged or anchored node starts after its properties).

  rootSource(node: GoNode | undefined): SourceNode | null {
    if (!node) return null;
    return this.sourceOf(node.kind === 'alias' ? (node.target as GoNode) : node);
  }

  private entry(node: GoNode): Omit<SourceEntry, 'key'> {
    if (node.kind === 'alias') return { value: this.sourceOf(node.target as GoNode), alias: this.rangeOf(node) };
    return { value: this.sourceOf(node) };
  }

  private rangeOf(node: GoNode): SourceRange {
    const start = node.kind === 'alias' ? node.event.start.offset : afterProperties(this.options.text, node.event);
    return { start, end: Math.max(start, (node.end ?? node.event.end).offset) };
  }

  private locate(node: GoNode): void {
    this.lastEnd = Math.max(this.lastEnd, this.sourceOf(node).range.end);
  }

  private sourceOf(node: GoNode): SourceNode {
    let source = this.sources.get(node);
    if (source) return source;
    const { event } = node;
    const range = this.rangeOf(node);
    if (node.kind === 'mapping' || node.kind === 'sequence') {
      source = { kind: node.kind === 'mapping' ? 'map' : 'seq', range, flow: event.style === 'flow', entries: new Map() };
    } else {
      // An empty scalar (an absent value) is located where what came before it ends.
      if (range.start === range.end && event.value === '') range.start = range.end = Math.max(this.lastEnd, range.start);
      const properties = Boolean(event.tag || event.anchor);
      const tag = event.tag ? { tag: event.tag } : {};
      const text = event.value ?? '';
      if (event.style === 'single-quoted' || event.style === 'double-quoted') {
        source = { kind: 'scalar', range, style: 'quoted', quote: event.style === 'double-quoted' ? 'double' : 'single', text, properties, ...tag };
      } else if (event.style === 'plain' && !event.tag) {
        source = { kind: 'scalar', range, style: 'plain', text, properties };
      } else {
        source = { kind: 'scalar', range, style: 'other', text, properties, ...tag };
      }
    }
    this.sources.set(node, source);
    return source;
  }

  /** A block collection ends with its last value, a flow collection after its closing bracket; its head is its first line. */
  private finish(node: GoNode, source: SourceNode): void {
    if (source.flow !== true) source.range.end = Math.max(source.range.start + 1, this.lastEnd);
    source.head ??= this.firstLine(node) ?? source.range;
    this.lastEnd = Math.max(this.lastEnd, source.range.end);
  }

  /** A collection's first key and value, or first item, as written: a merge key or a key repeated later too, an alias as itself. */
  private firstLine(node: GoNode): SourceRange | undefined {
    const [first, second] = node.children;
    if (!first) return undefined;
    const written = (child: GoNode): SourceNode => (child.kind === 'alias' ? { kind: 'scalar', range: this.rangeOf(child) } : this.sourceOf(child));
    return node.kind === 'mapping' ? headOf(written(first), second ? written(second) : null) : headOf(undefined, written(first));
  }
}

/** decode.go `isMerge`: a `<<` scalar written plain (or with the non-specific tag `!`), or tagged `!!merge`. */
function isMerge(node: GoNode): boolean {
  const { value, implicit, tag } = node.event;
  return node.kind === 'scalar' && value === '<<' && (implicit === true || tag === MERGE_TAG);
}

/** Where a node's own text starts: after its anchor and tag and the blanks, breaks and comments after them. */
function afterProperties(text: string, event: GoEvent): number {
  let at = event.start.offset;
  if (!event.anchor && !event.tag) return at;
  const end = event.end.offset;
  while (at < end && (text[at] === '&' || text[at] === '!')) {
    while (at < end && !/[\s]/.test(text[at] ?? ' ')) at++;
    while (at < end) {
      const char = text[at] ?? '';
      if (char === '#') {
        while (at < end && !/[\r\n\u0085\u2028\u2029]/.test(text[at] ?? '\n')) at++;
      } else if (/[\s\uFEFF]/.test(char)) {
        at++;
      } else {
        break;
      }
    }
  }
  return Math.min(at, end);
}

/**
 * The first document of `events` as `oc` decodes it (go-yaml v2 `Unmarshal` into interface{},
 * then sigs.k8s.io/yaml's conversion). Never throws on input: go-yaml's errors are problems.
 */
export function composeGoDocument(events: GoEventStream, options: GoComposeOptions): GoComposed {
  const decoder = new Decoder(options);
  let root: GoNode | undefined;
  try {
    root = new TreeReader(events, options.limits.maxDepth).document();
  } catch (error) {
    if (error instanceof GoYamlError) {
      return failed(null, [{ ...goYamlProblem(error, options.index), range: markRange(error.problemMark) }]);
    }
    if (error instanceof Stop) return failed(null, [{ ...error.problem, range: error.range }]);
    throw error;
  }
  if (!root) return { value: null, root: null, noDocument: true, problems: [], failed: false, budgetExhausted: false };
  let value: unknown;
  try {
    value = decoder.value(root, []);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const stop = error.problem.ruleId === inputTooLarge.id ? error : (decoder.excessiveAliasing ?? error);
    decoder.report(stop.problem, stop.range, stop.path);
    return failed(decoder.rootSource(root), decoder.problems, stop.problem.messageId === 'nodes' && stop.problem.ruleId === inputTooLarge.id);
  }
  if (decoder.excessiveAliasing) {
    const { problem, range, path } = decoder.excessiveAliasing;
    decoder.report(problem, range, path);
    return failed(decoder.rootSource(root), decoder.problems);
  }
  decoder.convert(value);
  const stops = decoder.problems.some((problem) => problem.ruleId !== yamlDuplicateKey.id);
  return { value, root: decoder.rootSource(root), noDocument: false, problems: decoder.problems, failed: stops, budgetExhausted: false };
}

function failed(root: SourceNode | null, problems: GoProblem[], budgetExhausted = false): GoComposed {
  return { value: undefined, root, noDocument: false, problems, failed: true, budgetExhausted };
}
