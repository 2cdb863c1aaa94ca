/**
 * A port of go-yaml v2's parser (parserc.go): the state machine that turns the scanner's tokens
 * into events, with go-yaml's marks and its error problems and contexts. Method names follow the
 * Go functions they stand for.
 */
import type { GoEvent, GoEventStream } from './events.js';
import { GoYamlError, type GoMark, type GoToken, type GoTokenStream, type GoTokenType } from './tokens.js';

type ParserState =
  | 'stream-start'
  | 'implicit-document-start'
  | 'document-start'
  | 'document-content'
  | 'document-end'
  | 'block-node'
  | 'block-node-or-indentless-sequence'
  | 'flow-node'
  | 'block-sequence-first-entry'
  | 'block-sequence-entry'
  | 'indentless-sequence-entry'
  | 'block-mapping-first-key'
  | 'block-mapping-key'
  | 'block-mapping-value'
  | 'flow-sequence-first-entry'
  | 'flow-sequence-entry'
  | 'flow-sequence-entry-mapping-key'
  | 'flow-sequence-entry-mapping-value'
  | 'flow-sequence-entry-mapping-end'
  | 'flow-mapping-first-key'
  | 'flow-mapping-key'
  | 'flow-mapping-value'
  | 'flow-mapping-empty-value'
  | 'end';

interface TagDirective {
  handle: string;
  prefix: string;
}

/** default_tag_directives */
const DEFAULT_TAG_DIRECTIVES: readonly TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

function parserError(problem: string, problemMark: GoMark, context?: string, contextMark?: GoMark): never {
  throw new GoYamlError('parser', problem, problemMark, context, contextMark);
}

export class GoParser implements GoEventStream {
  private state: ParserState = 'stream-start';
  private readonly states: ParserState[] = [];
  /** The start marks of the open collections, for the contexts of errors. */
  private readonly marks: GoMark[] = [];
  private tagDirectives: TagDirective[] = [];
  private event: GoEvent | undefined;

  constructor(private readonly tokens: GoTokenStream) {}

  peek(): GoEvent {
    if (this.event !== undefined) return this.event;
    if (this.state === 'end') throw new Error('GoParser.peek after the end of the stream');
    this.event = this.stateMachine();
    return this.event;
  }

  skip(): void {
    this.event = undefined;
  }

  private popState(): ParserState {
    const state = this.states.pop();
    if (state === undefined) throw new Error('GoParser: the state stack is empty');
    return state;
  }

  private popMark(): GoMark {
    const mark = this.marks.pop();
    if (mark === undefined) throw new Error('GoParser: the mark stack is empty');
    return mark;
  }

  /** The token after the current one, which is skipped. */
  private skipToNext(): GoToken {
    this.tokens.skip();
    return this.tokens.peek();
  }

  /** yaml_parser_state_machine */
  private stateMachine(): GoEvent {
    switch (this.state) {
      case 'stream-start':
        return this.parseStreamStart();
      case 'implicit-document-start':
        return this.parseDocumentStart(true);
      case 'document-start':
        return this.parseDocumentStart(false);
      case 'document-content':
        return this.parseDocumentContent();
      case 'document-end':
        return this.parseDocumentEnd();
      case 'block-node':
        return this.parseNode(true, false);
      case 'block-node-or-indentless-sequence':
        return this.parseNode(true, true);
      case 'flow-node':
        return this.parseNode(false, false);
      case 'block-sequence-first-entry':
        return this.parseBlockSequenceEntry(true);
      case 'block-sequence-entry':
        return this.parseBlockSequenceEntry(false);
      case 'indentless-sequence-entry':
        return this.parseIndentlessSequenceEntry();
      case 'block-mapping-first-key':
        return this.parseBlockMappingKey(true);
      case 'block-mapping-key':
        return this.parseBlockMappingKey(false);
      case 'block-mapping-value':
        return this.parseBlockMappingValue();
      case 'flow-sequence-first-entry':
        return this.parseFlowSequenceEntry(true);
      case 'flow-sequence-entry':
        return this.parseFlowSequenceEntry(false);
      case 'flow-sequence-entry-mapping-key':
        return this.parseFlowSequenceEntryMappingKey();
      case 'flow-sequence-entry-mapping-value':
        return this.parseFlowSequenceEntryMappingValue();
      case 'flow-sequence-entry-mapping-end':
        return this.parseFlowSequenceEntryMappingEnd();
      case 'flow-mapping-first-key':
        return this.parseFlowMappingKey(true);
      case 'flow-mapping-key':
        return this.parseFlowMappingKey(false);
      case 'flow-mapping-value':
        return this.parseFlowMappingValue(false);
      case 'flow-mapping-empty-value':
        return this.parseFlowMappingValue(true);
      case 'end':
        throw new Error('GoParser: no event after the end of the stream');
    }
  }

  /** yaml_parser_parse_stream_start */
  private parseStreamStart(): GoEvent {
    const token = this.tokens.peek();
    if (token.type !== 'stream-start') parserError('did not find expected <stream-start>', token.start);
    this.state = 'implicit-document-start';
    this.tokens.skip();
    return { type: 'stream-start', start: token.start, end: token.end };
  }

  /** yaml_parser_parse_document_start */
  private parseDocumentStart(implicit: boolean): GoEvent {
    let token = this.tokens.peek();
    if (!implicit) {
      while (token.type === 'document-end') token = this.skipToNext();
    }
    if (
      implicit &&
      token.type !== 'version-directive' &&
      token.type !== 'tag-directive' &&
      token.type !== 'document-start' &&
      token.type !== 'stream-end'
    ) {
      this.processDirectives();
      this.states.push('document-end');
      this.state = 'block-node';
      return { type: 'document-start', start: token.start, end: token.end, documentImplicit: true };
    }
    if (token.type !== 'stream-end') {
      const start = token.start;
      this.processDirectives();
      token = this.tokens.peek();
      if (token.type !== 'document-start') parserError('did not find expected <document start>', token.start);
      this.states.push('document-end');
      this.state = 'document-content';
      this.tokens.skip();
      return { type: 'document-start', start, end: token.end, documentImplicit: false };
    }
    this.state = 'end';
    this.tokens.skip();
    return { type: 'stream-end', start: token.start, end: token.end };
  }

  /** yaml_parser_parse_document_content */
  private parseDocumentContent(): GoEvent {
    const token = this.tokens.peek();
    if (
      token.type === 'version-directive' ||
      token.type === 'tag-directive' ||
      token.type === 'document-start' ||
      token.type === 'document-end' ||
      token.type === 'stream-end'
    ) {
      this.state = this.popState();
      return this.emptyScalar(token.start);
    }
    return this.parseNode(true, false);
  }

  /** yaml_parser_parse_document_end */
  private parseDocumentEnd(): GoEvent {
    const token = this.tokens.peek();
    const start = token.start;
    let end = token.start;
    let documentImplicit = true;
    if (token.type === 'document-end') {
      end = token.end;
      this.tokens.skip();
      documentImplicit = false;
    }
    this.tagDirectives = [];
    this.state = 'document-start';
    return { type: 'document-end', start, end, documentImplicit };
  }

  /** yaml_parser_parse_node: an alias, or a node with its anchor and tag. */
  private parseNode(block: boolean, indentlessSequence: boolean): GoEvent {
    let token = this.tokens.peek();
    if (token.type === 'alias') {
      this.state = this.popState();
      this.tokens.skip();
      return { type: 'alias', start: token.start, end: token.end, anchor: token.value ?? '' };
    }
    let start = token.start;
    let end = token.start;
    let tagToken: GoToken | undefined;
    let anchor: string | undefined;
    if (token.type === 'anchor') {
      anchor = token.value ?? '';
      start = token.start;
      end = token.end;
      token = this.skipToNext();
      if (token.type === 'tag') {
        tagToken = token;
        end = token.end;
        token = this.skipToNext();
      }
    } else if (token.type === 'tag') {
      tagToken = token;
      start = token.start;
      end = token.end;
      token = this.skipToNext();
      if (token.type === 'anchor') {
        anchor = token.value ?? '';
        end = token.end;
        token = this.skipToNext();
      }
    }
    const tag = tagToken === undefined ? '' : this.resolveTag(tagToken, start);
    const properties = { anchor: anchor === '' ? undefined : anchor, tag };

    if (indentlessSequence && token.type === 'block-entry') {
      this.state = 'indentless-sequence-entry';
      return { type: 'sequence-start', start, end: token.end, ...properties, style: 'block' };
    }
    if (token.type === 'scalar') {
      const style = token.style ?? 'plain';
      const implicit = (tag === '' && style === 'plain') || tag === '!';
      this.state = this.popState();
      this.tokens.skip();
      return {
        type: 'scalar',
        start,
        end: token.end,
        ...properties,
        value: token.value ?? '',
        implicit,
        quotedImplicit: !implicit && tag === '',
        style,
      };
    }
    const collection = this.collectionStart(token.type, block);
    if (collection !== undefined) {
      this.state = collection.state;
      return { type: collection.type, start, end: token.end, ...properties, style: collection.style };
    }
    if (anchor !== undefined || tag !== '') {
      // Properties without content: an empty plain scalar.
      this.state = this.popState();
      return { type: 'scalar', start, end, ...properties, value: '', implicit: tag === '', quotedImplicit: false, style: 'plain' };
    }
    parserError(
      'did not find expected node content',
      token.start,
      block ? 'while parsing a block node' : 'while parsing a flow node',
      start,
    );
  }

  /** The collection a token starts in yaml_parser_parse_node, if any. */
  private collectionStart(
    type: GoTokenType,
    block: boolean,
  ): { type: 'sequence-start' | 'mapping-start'; style: 'block' | 'flow'; state: ParserState } | undefined {
    switch (type) {
      case 'flow-sequence-start':
        return { type: 'sequence-start', style: 'flow', state: 'flow-sequence-first-entry' };
      case 'flow-mapping-start':
        return { type: 'mapping-start', style: 'flow', state: 'flow-mapping-first-key' };
      case 'block-sequence-start':
        return block ? { type: 'sequence-start', style: 'block', state: 'block-sequence-first-entry' } : undefined;
      case 'block-mapping-start':
        return block ? { type: 'mapping-start', style: 'block', state: 'block-mapping-first-key' } : undefined;
      default:
        return undefined;
    }
  }

  /** A tag token's full tag: its handle replaced by the prefix a %TAG directive (or the default) gives it. */
  private resolveTag(tagToken: GoToken, nodeStart: GoMark): string {
    const handle = tagToken.handle ?? '';
    const suffix = tagToken.value ?? '';
    if (handle === '') return suffix;
    const directive = this.tagDirectives.find((candidate) => candidate.handle === handle);
    const tag = directive === undefined ? '' : directive.prefix + suffix;
    if (tag === '') parserError('found undefined tag handle', tagToken.start, 'while parsing a node', nodeStart);
    return tag;
  }

  /** yaml_parser_parse_block_sequence_entry */
  private parseBlockSequenceEntry(first: boolean): GoEvent {
    if (first) {
      this.marks.push(this.tokens.peek().start);
      this.tokens.skip();
    }
    let token = this.tokens.peek();
    if (token.type === 'block-entry') {
      const mark = token.end;
      token = this.skipToNext();
      if (token.type !== 'block-entry' && token.type !== 'block-end') {
        this.states.push('block-sequence-entry');
        return this.parseNode(true, false);
      }
      this.state = 'block-sequence-entry';
      return this.emptyScalar(mark);
    }
    if (token.type === 'block-end') {
      this.state = this.popState();
      this.popMark();
      this.tokens.skip();
      return { type: 'sequence-end', start: token.start, end: token.end };
    }
    parserError("did not find expected '-' indicator", token.start, 'while parsing a block collection', this.popMark());
  }

  /** yaml_parser_parse_indentless_sequence_entry */
  private parseIndentlessSequenceEntry(): GoEvent {
    let token = this.tokens.peek();
    if (token.type === 'block-entry') {
      const mark = token.end;
      token = this.skipToNext();
      if (token.type !== 'block-entry' && token.type !== 'key' && token.type !== 'value' && token.type !== 'block-end') {
        this.states.push('indentless-sequence-entry');
        return this.parseNode(true, false);
      }
      this.state = 'indentless-sequence-entry';
      return this.emptyScalar(mark);
    }
    this.state = this.popState();
    // go-yaml ends an indentless sequence at the start of the token after it.
    return { type: 'sequence-end', start: token.start, end: token.start };
  }

  /** yaml_parser_parse_block_mapping_key */
  private parseBlockMappingKey(first: boolean): GoEvent {
    if (first) {
      this.marks.push(this.tokens.peek().start);
      this.tokens.skip();
    }
    let token = this.tokens.peek();
    if (token.type === 'key') {
      const mark = token.end;
      token = this.skipToNext();
      if (token.type !== 'key' && token.type !== 'value' && token.type !== 'block-end') {
        this.states.push('block-mapping-value');
        return this.parseNode(true, true);
      }
      this.state = 'block-mapping-value';
      return this.emptyScalar(mark);
    }
    if (token.type === 'block-end') {
      this.state = this.popState();
      this.popMark();
      this.tokens.skip();
      return { type: 'mapping-end', start: token.start, end: token.end };
    }
    parserError('did not find expected key', token.start, 'while parsing a block mapping', this.popMark());
  }

  /** yaml_parser_parse_block_mapping_value */
  private parseBlockMappingValue(): GoEvent {
    let token = this.tokens.peek();
    if (token.type === 'value') {
      const mark = token.end;
      token = this.skipToNext();
      if (token.type !== 'key' && token.type !== 'value' && token.type !== 'block-end') {
        this.states.push('block-mapping-key');
        return this.parseNode(true, true);
      }
      this.state = 'block-mapping-key';
      return this.emptyScalar(mark);
    }
    this.state = 'block-mapping-key';
    return this.emptyScalar(token.start);
  }

  /** yaml_parser_parse_flow_sequence_entry */
  private parseFlowSequenceEntry(first: boolean): GoEvent {
    if (first) {
      this.marks.push(this.tokens.peek().start);
      this.tokens.skip();
    }
    let token = this.tokens.peek();
    if (token.type !== 'flow-sequence-end') {
      if (!first) {
        if (token.type !== 'flow-entry') {
          parserError("did not find expected ',' or ']'", token.start, 'while parsing a flow sequence', this.popMark());
        }
        token = this.skipToNext();
      }
      if (token.type === 'key') {
        // A single pair `[a: b]` is a mapping of its own.
        this.state = 'flow-sequence-entry-mapping-key';
        this.tokens.skip();
        return { type: 'mapping-start', start: token.start, end: token.end, tag: '', style: 'flow' };
      }
      if (token.type !== 'flow-sequence-end') {
        this.states.push('flow-sequence-entry');
        return this.parseNode(false, false);
      }
    }
    this.state = this.popState();
    this.popMark();
    this.tokens.skip();
    return { type: 'sequence-end', start: token.start, end: token.end };
  }

  /** yaml_parser_parse_flow_sequence_entry_mapping_key */
  private parseFlowSequenceEntryMappingKey(): GoEvent {
    const token = this.tokens.peek();
    if (token.type !== 'value' && token.type !== 'flow-entry' && token.type !== 'flow-sequence-end') {
      this.states.push('flow-sequence-entry-mapping-value');
      return this.parseNode(false, false);
    }
    // go-yaml skips this token: a `:` here is not seen again as the pair's value.
    const mark = token.end;
    this.tokens.skip();
    this.state = 'flow-sequence-entry-mapping-value';
    return this.emptyScalar(mark);
  }

  /** yaml_parser_parse_flow_sequence_entry_mapping_value */
  private parseFlowSequenceEntryMappingValue(): GoEvent {
    let token = this.tokens.peek();
    if (token.type === 'value') {
      token = this.skipToNext();
      if (token.type !== 'flow-entry' && token.type !== 'flow-sequence-end') {
        this.states.push('flow-sequence-entry-mapping-end');
        return this.parseNode(false, false);
      }
    }
    this.state = 'flow-sequence-entry-mapping-end';
    return this.emptyScalar(token.start);
  }

  /** yaml_parser_parse_flow_sequence_entry_mapping_end */
  private parseFlowSequenceEntryMappingEnd(): GoEvent {
    const token = this.tokens.peek();
    this.state = 'flow-sequence-entry';
    return { type: 'mapping-end', start: token.start, end: token.start };
  }

  /** yaml_parser_parse_flow_mapping_key */
  private parseFlowMappingKey(first: boolean): GoEvent {
    if (first) {
      this.marks.push(this.tokens.peek().start);
      this.tokens.skip();
    }
    let token = this.tokens.peek();
    if (token.type !== 'flow-mapping-end') {
      if (!first) {
        if (token.type !== 'flow-entry') {
          parserError("did not find expected ',' or '}'", token.start, 'while parsing a flow mapping', this.popMark());
        }
        token = this.skipToNext();
      }
      if (token.type === 'key') {
        token = this.skipToNext();
        if (token.type !== 'value' && token.type !== 'flow-entry' && token.type !== 'flow-mapping-end') {
          this.states.push('flow-mapping-value');
          return this.parseNode(false, false);
        }
        this.state = 'flow-mapping-value';
        return this.emptyScalar(token.start);
      }
      if (token.type !== 'flow-mapping-end') {
        this.states.push('flow-mapping-empty-value');
        return this.parseNode(false, false);
      }
    }
    this.state = this.popState();
    this.popMark();
    this.tokens.skip();
    return { type: 'mapping-end', start: token.start, end: token.end };
  }

  /** yaml_parser_parse_flow_mapping_value: `empty` for a key written without `:`. */
  private parseFlowMappingValue(empty: boolean): GoEvent {
    let token = this.tokens.peek();
    if (empty) {
      this.state = 'flow-mapping-key';
      return this.emptyScalar(token.start);
    }
    if (token.type === 'value') {
      token = this.skipToNext();
      if (token.type !== 'flow-entry' && token.type !== 'flow-mapping-end') {
        this.states.push('flow-mapping-key');
        return this.parseNode(false, false);
      }
    }
    this.state = 'flow-mapping-key';
    return this.emptyScalar(token.start);
  }

  /** yaml_parser_process_empty_scalar */
  private emptyScalar(mark: GoMark): GoEvent {
    return { type: 'scalar', start: mark, end: mark, tag: '', value: '', implicit: true, quotedImplicit: false, style: 'plain' };
  }

  /** yaml_parser_process_directives: the document's %YAML and %TAG directives, then the default handles. */
  private processDirectives(): void {
    let versionSeen = false;
    let token = this.tokens.peek();
    while (token.type === 'version-directive' || token.type === 'tag-directive') {
      if (token.type === 'version-directive') {
        if (versionSeen) parserError('found duplicate %YAML directive', token.start);
        if (token.major !== 1 || token.minor !== 1) parserError('found incompatible YAML document', token.start);
        versionSeen = true;
      } else {
        this.appendTagDirective({ handle: token.handle ?? '', prefix: token.value ?? '' }, false, token.start);
      }
      token = this.skipToNext();
    }
    for (const directive of DEFAULT_TAG_DIRECTIVES) this.appendTagDirective(directive, true, token.start);
  }

  /** yaml_parser_append_tag_directive */
  private appendTagDirective(directive: TagDirective, allowDuplicates: boolean, mark: GoMark): void {
    if (this.tagDirectives.some((existing) => existing.handle === directive.handle)) {
      if (allowDuplicates) return;
      parserError('found duplicate %TAG directive', mark);
    }
    this.tagDirectives.push(directive);
  }
}
