/**
 * A port of go-yaml v2's scanner (scannerc.go) and of the parts of its reader (readerc.go) that
 * change what the scanner sees, over one document's text as oc hands it to go-yaml.
 *
 * go-yaml scans UTF-8 bytes out of a buffer that its reader refills 512 input bytes at a time;
 * this port scans the JS string directly and keeps only the buffer's bookkeeping, because two
 * outcomes depend on it: the reader rejects control characters when it decodes them (so a
 * scanner error earlier in the text wins only if the reader has not reached the character yet),
 * and `is_bom` tests the first bytes of the buffer instead of the current position. Bytes that
 * are not UTF-8, which oc passes on unchecked after a UTF-8 byte order mark, stand in the text as
 * one U+FFFD each (`IllFormedUtf8` runs): the reader counts each as the one byte it is and fails on
 * the first as readerc.go does, when it decodes it. A document go-yaml reads as UTF-16 is given
 * decoded (utf16.ts), with its length in bytes and where its reader stops: each character is
 * counted as its two or four bytes.
 * Method names follow the Go functions they stand for.
 */
import { bytesOfText, type IllFormedUtf8 } from '../../bytes.js';
import { GoYamlError, type GoMark, type GoScalarStyle, type GoToken, type GoTokenStream, type GoTokenType } from './tokens.js';

/** readerc.go reads its input in chunks of input_raw_buffer_size (yamlprivateh.go). */
const RAW_BUFFER_SIZE = 512;
/** scannerc.go max_flow_level and max_indents. */
const MAX_DEPTH = 10000;
/** yaml_simple_key_is_valid: a simple key spans at most 1024 characters. */
const MAX_SIMPLE_KEY_LENGTH = 1024;

const NUL = 0;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const NEL = 0x85;
const LS = 0x2028;
const PS = 0x2029;
const BOM = 0xfeff;

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  /** go-yaml's mark.index: characters from the start. */
  index: number;
  mark: GoMark;
}

function isBreakCode(c: number): boolean {
  return c === LF || c === CR || c === NEL || c === LS || c === PS;
}

function isBlankzCode(c: number): boolean {
  return c === SPACE || c === TAB || c === NUL || isBreakCode(c);
}

/** is_alpha: the characters of anchors, directive names and tag handles. */
function isAlphaCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
}

function isHexCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
}

/** The characters yaml_parser_scan_tag_uri takes into a tag, besides is_alpha and `%`. */
function isUriCode(c: number): boolean {
  switch (c) {
    case 0x3b: // ;
    case 0x2f: // /
    case 0x3f: // ?
    case 0x3a: // :
    case 0x40: // @
    case 0x26: // &
    case 0x3d: // =
    case 0x2b: // +
    case 0x24: // $
    case 0x2c: // ,
    case 0x2e: // .
    case 0x21: // !
    case 0x7e: // ~
    case 0x2a: // *
    case 0x27: // '
    case 0x28: // (
    case 0x29: // )
    case 0x5b: // [
    case 0x5d: // ]
      return true;
    default:
      return isAlphaCode(c);
  }
}

/** Characters the reader accepts (yaml_parser_update_buffer's range check). */
function isAllowedCodePoint(c: number): boolean {
  return (
    c === TAB ||
    c === LF ||
    c === CR ||
    (c >= 0x20 && c <= 0x7e) ||
    c === NEL ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

function utf8Width(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** The text of the UTF-8 bytes a tag's `%`-escapes spell (bytes that are not UTF-8 become U+FFFD). */
function utf8Text(bytes: readonly number[]): string {
  let text = '';
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const width = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    let codePoint = width === 1 ? lead : lead & (0x7f >> width);
    for (let k = 1; k < width; k++) codePoint = (codePoint << 6) | ((bytes[index + k] ?? 0) & 0x3f);
    const shortest = utf8Width(codePoint) === width;
    const valid = shortest && !(codePoint >= 0xd800 && codePoint <= 0xdfff) && codePoint <= 0x10ffff;
    text += valid ? String.fromCodePoint(codePoint) : '\ufffd';
    index += width;
  }
  return text;
}

/** Where go-yaml's reader stops on bytes that are not a character of the document's encoding. */
export interface ReaderStop {
  /** Offset in the text the bytes would be decoded at. */
  offset: number;
  /** The bytes the reader needs there before it judges them. */
  width: number;
  /** Its problem when it has them. */
  problem: string;
  /** Its problem when the input ends before it has them. */
  incomplete: string;
}

/** A document go-yaml reads as UTF-16: its text decoded (its mark a leading U+FEFF), its length in bytes, where the reader stops. */
export interface Utf16Input {
  byteLength: number;
  stop: ReaderStop | undefined;
}

export class GoScanner implements GoTokenStream {
  private readonly text: string;
  private readonly length: number;
  /** Where the reader fails on bytes that are not characters of the encoding. */
  private readonly stop: ReaderStop | undefined;
  /** The U+FFFDs that stand for bytes that are not UTF-8: one byte each. */
  private readonly illFormedBytes: number;
  /** The text was decoded from UTF-16: every character is two bytes, or four beyond U+FFFF. */
  private readonly utf16: boolean;

  // The scanner's position: `pos` indexes the text; index, line and column are go-yaml's mark.
  private pos = 0;
  private index = 0;
  private line = 0;
  private column = 0;

  // The reader's bookkeeping (readerc.go), in UTF-8 bytes where go-yaml counts bytes.
  /** Counted when the reader starts. */
  private byteLength = 0;
  private encodingKnown = false;
  private bytesRead = 0;
  private rawUnread = 0;
  private eof = false;
  /** Text decoded into the buffer so far ends here. */
  private decodedPos = 0;
  /** Characters ever put into the buffer (with the NULs added at the end): unread = decodedCount - index. */
  private decodedCount = 0;
  /** Where the text in go-yaml's buffer starts (what `is_bom` looks at). */
  private bufferStart = 0;

  // The scanner's state (yaml_parser_t).
  private readonly tokens: GoToken[] = [];
  private tokensHead = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private streamEndProduced = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByToken = new Map<number, number>();

  /** `illFormedUtf8`: the runs of U+FFFD in `text` that stand for bytes that are not UTF-8, in order; `utf16`: the text was read from UTF-16. */
  constructor(text: string, illFormedUtf8: readonly IllFormedUtf8[] = [], utf16?: Utf16Input) {
    // decode.go newParser: an empty document is read as a line break.
    this.text = text.length === 0 ? '\n' : text;
    this.length = this.text.length;
    this.utf16 = utf16 !== undefined;
    const first = illFormedUtf8[0];
    this.stop = utf16 ? utf16.stop : first && { offset: first.offset, width: first.width, problem: first.problem, incomplete: 'incomplete UTF-8 octet sequence' };
    this.illFormedBytes = illFormedUtf8.reduce((bytes, run) => bytes + run.length, 0);
    if (utf16) this.byteLength = utf16.byteLength;
  }

  /**
   * go-yaml's tokens of single block or quoted scalars of `text`, for a reader that parsed the
   * text another way and checks scalars against go-yaml. The function returned gives the token of
   * the one whose `|`, `>` or opening quote is at `offset`, inside a block collection at column
   * `indent` (-1 outside any), as yaml_parser_scan_block_scalar or yaml_parser_scan_flow_scalar
   * read it there; it throws GoYamlError where go-yaml's scanner fails on the scalar. The text must
   * be one go-yaml's reader accepts whole (no control characters): that is not checked.
   */
  static scalarsOf(text: string): (offset: number, indent: number) => GoToken {
    const scanner = new GoScanner(text);
    // The reader has decoded the whole text and met its end (code units bound its characters), so `cache` reads nothing more.
    scanner.encodingKnown = true;
    scanner.eof = true;
    scanner.decodedPos = scanner.length;
    scanner.decodedCount = scanner.length + 1;
    return (offset, indent) => {
      scanner.pos = offset;
      scanner.index = offset;
      scanner.indent = indent;
      // The line is not counted (values do not depend on it); of the column, only whether it is 0 matters, on a quoted scalar's first line.
      scanner.column = offset - (text.lastIndexOf('\n', offset - 1) + 1);
      const c = scanner.at(offset);
      let token: GoToken;
      if (c === 0x7c /* | */ || c === 0x3e /* > */) token = scanner.scanBlockScalar(c === 0x7c);
      else if (c === 0x27 /* ' */ || c === 0x22 /* " */) token = scanner.scanFlowScalar(c === 0x27);
      else throw new Error(`GoScanner.scalarsOf: no block or quoted scalar starts at ${offset}`);
      return token;
    };
  }

  /** parserc.go peek_token. */
  peek(): GoToken {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    const token = this.tokens[this.tokensHead];
    if (token === undefined) throw new Error('GoScanner.peek after the end of the stream');
    return token;
  }

  /** parserc.go skip_token. */
  skip(): void {
    const token = this.tokens[this.tokensHead];
    if (token === undefined) throw new Error('GoScanner.skip without a token');
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = token.type === 'stream-end';
    this.tokensHead++;
    if (this.tokensHead === this.tokens.length) {
      this.tokens.length = 0;
      this.tokensHead = 0;
    }
  }

  // ---- characters -------------------------------------------------------------------------

  /** The code unit at `i`, or NUL past the end (go-yaml's buffer ends in NULs). */
  private at(i: number): number {
    return i < this.length ? this.text.charCodeAt(i) : NUL;
  }

  private isBlankz(i: number): boolean {
    return isBlankzCode(this.at(i));
  }

  private isBreakz(i: number): boolean {
    const c = this.at(i);
    return c === NUL || isBreakCode(c);
  }

  private isBreak(i: number): boolean {
    return isBreakCode(this.at(i));
  }

  private isBlank(i: number): boolean {
    const c = this.at(i);
    return c === SPACE || c === TAB;
  }

  private mark(): GoMark {
    return { offset: this.pos, line: this.line, column: this.column };
  }

  /** The length in code units of the character at `pos`. */
  private charLength(): number {
    const c = this.at(this.pos);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = this.at(this.pos + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return 2;
    }
    return 1;
  }

  /** skip */
  private skipChar(): void {
    this.pos += this.charLength();
    this.index++;
    this.column++;
  }

  /** read: the character, consumed. */
  private readChar(): string {
    const start = this.pos;
    this.skipChar();
    return this.text.slice(start, this.pos);
  }

  /** skip_line */
  private skipLine(): void {
    const c = this.at(this.pos);
    if (c === CR && this.at(this.pos + 1) === LF) {
      this.pos += 2;
      this.index += 2;
    } else if (isBreakCode(c)) {
      this.pos++;
      this.index++;
    } else {
      return;
    }
    this.column = 0;
    this.line++;
  }

  /** read_line: the break as go-yaml keeps it (CR LF, CR and NEL become LF), consumed. */
  private readLine(): string {
    const c = this.at(this.pos);
    let kept: string;
    if (c === CR && this.at(this.pos + 1) === LF) {
      this.pos += 2;
      this.index += 2;
      kept = '\n';
    } else if (c === CR || c === LF || c === NEL) {
      this.pos++;
      this.index++;
      kept = '\n';
    } else if (c === LS || c === PS) {
      this.pos++;
      this.index++;
      kept = String.fromCharCode(c);
    } else {
      return '';
    }
    this.column = 0;
    this.line++;
    return kept;
  }

  // ---- the reader (readerc.go) --------------------------------------------------------------

  /** cache: make sure `length` characters are in the buffer. */
  private cache(length: number): void {
    if (this.decodedCount - this.index < length) this.updateBuffer(length);
  }

  /** yaml_parser_update_buffer */
  private updateBuffer(length: number): void {
    if (!this.encodingKnown) this.determineEncoding();
    // The unread characters move to the start of the buffer.
    this.bufferStart = this.pos;
    let first = true;
    while (this.decodedCount - this.index < length) {
      if (!first || this.rawUnread === 0) this.updateRawBuffer();
      first = false;
      while (this.rawUnread > 0) {
        if (this.decodedPos === this.stop?.offset) {
          // The bytes are judged once all the reader needs of them are in the raw buffer, or at the end of the input.
          const { width, problem, incomplete } = this.stop;
          if (width > this.rawUnread && !this.eof) break;
          this.readerError(width > this.rawUnread ? incomplete : problem, this.decodedPos, this.utf16 ? 'utf-16' : 'utf-8');
        }
        const unit = this.text.charCodeAt(this.decodedPos);
        const codePoint = unit >= 0xd800 && unit <= 0xdbff ? (this.text.codePointAt(this.decodedPos) ?? unit) : unit;
        const width = this.utf16 ? (codePoint > 0xffff ? 4 : 2) : utf8Width(codePoint);
        if (width > this.rawUnread) break;
        if (!isAllowedCodePoint(codePoint)) {
          const lone = codePoint >= 0xd800 && codePoint <= 0xdfff;
          this.readerError(lone ? 'invalid Unicode character' : 'control characters are not allowed', this.decodedPos);
        }
        this.rawUnread -= width;
        this.decodedPos += codePoint > 0xffff ? 2 : 1;
        this.decodedCount++;
      }
      if (this.eof) {
        this.decodedCount++;
        break;
      }
    }
  }

  /** yaml_parser_determine_encoding: the text is UTF-8 (or was decoded from UTF-16); a leading byte order mark is dropped. */
  private determineEncoding(): void {
    if (!this.utf16) this.byteLength = bytesOfText(this.text, this.illFormedBytes);
    while (!this.eof && this.rawUnread < 3) this.updateRawBuffer();
    const markBytes = this.utf16 ? 2 : 3;
    if (this.rawUnread >= markBytes && this.at(0) === BOM) {
      this.rawUnread -= markBytes;
      this.decodedPos = 1;
      this.pos = 1;
    }
    this.encodingKnown = true;
  }

  /** yaml_parser_update_raw_buffer with yaml_string_read_handler. */
  private updateRawBuffer(): void {
    if (this.rawUnread === RAW_BUFFER_SIZE || this.eof) return;
    if (this.bytesRead === this.byteLength) {
      this.eof = true;
      return;
    }
    const size = Math.min(RAW_BUFFER_SIZE - this.rawUnread, this.byteLength - this.bytesRead);
    this.bytesRead += size;
    this.rawUnread += size;
  }

  /** A reader error: go-yaml gives it no line, so the mark is computed here for findings. */
  private readerError(problem: string, offset: number, illFormedBytes?: 'utf-8' | 'utf-16'): never {
    let line = this.line;
    let column = this.column;
    for (let i = this.pos; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      const lowHalfOfPair = c >= 0xdc00 && c <= 0xdfff && i > 0 && this.text.charCodeAt(i - 1) >= 0xd800 && this.text.charCodeAt(i - 1) <= 0xdbff;
      if ((c === CR && this.at(i + 1) === LF) || lowHalfOfPair) continue;
      if (isBreakCode(c)) {
        line++;
        column = 0;
      } else {
        column++;
      }
    }
    throw new GoYamlError('reader', problem, { offset, line, column }, undefined, undefined, illFormedBytes);
  }

  // ---- tokens -------------------------------------------------------------------------------

  private scannerError(context: string, contextMark: GoMark, problem: string): never {
    throw new GoYamlError('scanner', problem, this.mark(), context, contextMark);
  }

  /** yaml_insert_token: at `position` from the queue's head, or at its end. */
  private insertToken(position: number, token: GoToken): void {
    if (position < 0) this.tokens.push(token);
    else this.tokens.splice(this.tokensHead + position, 0, token);
  }

  private simpleToken(type: GoTokenType, start: GoMark, end: GoMark): GoToken {
    return { type, start, end };
  }

  /** yaml_parser_fetch_more_tokens */
  private fetchMoreTokens(): void {
    for (;;) {
      if (this.tokensHead !== this.tokens.length) {
        const keyIndex = this.simpleKeysByToken.get(this.tokensParsed);
        if (keyIndex === undefined) break;
        const key = this.simpleKeys[keyIndex];
        if (key === undefined || !this.simpleKeyIsValid(key)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  /** yaml_parser_fetch_next_token */
  private fetchNextToken(): void {
    this.cache(1);
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.column);
    this.cache(4);
    const pos = this.pos;
    const c = this.at(pos);
    if (c === NUL) {
      this.fetchStreamEnd();
      return;
    }
    if (this.column === 0) {
      if (c === 0x25 /* % */) {
        this.fetchDirective();
        return;
      }
      if (
        (c === 0x2d /* - */ || c === 0x2e) /* . */ &&
        this.at(pos + 1) === c &&
        this.at(pos + 2) === c &&
        this.isBlankz(pos + 3)
      ) {
        this.fetchDocumentIndicator(c === 0x2d ? 'document-start' : 'document-end');
        return;
      }
    }
    switch (c) {
      case 0x5b: // [
        this.fetchFlowCollectionStart('flow-sequence-start');
        return;
      case 0x7b: // {
        this.fetchFlowCollectionStart('flow-mapping-start');
        return;
      case 0x5d: // ]
        this.fetchFlowCollectionEnd('flow-sequence-end');
        return;
      case 0x7d: // }
        this.fetchFlowCollectionEnd('flow-mapping-end');
        return;
      case 0x2c: // ,
        this.fetchFlowEntry();
        return;
      case 0x2a: // *
        this.fetchAnchor('alias');
        return;
      case 0x26: // &
        this.fetchAnchor('anchor');
        return;
      case 0x21: // !
        this.fetchTag();
        return;
      case 0x27: // '
        this.fetchFlowScalar(true);
        return;
      case 0x22: // "
        this.fetchFlowScalar(false);
        return;
      default:
    }
    const nextIsBlankz = this.isBlankz(pos + 1);
    if (c === 0x2d /* - */ && nextIsBlankz) {
      this.fetchBlockEntry();
      return;
    }
    if (c === 0x3f /* ? */ && (this.flowLevel > 0 || nextIsBlankz)) {
      this.fetchKey();
      return;
    }
    if (c === 0x3a /* : */ && (this.flowLevel > 0 || nextIsBlankz)) {
      this.fetchValue();
      return;
    }
    if ((c === 0x7c /* | */ || c === 0x3e) /* > */ && this.flowLevel === 0) {
      this.fetchBlockScalar(c === 0x7c);
      return;
    }
    if (this.canStartPlainScalar(c, pos)) {
      this.fetchPlainScalar();
      return;
    }
    this.scannerError('while scanning for the next token', this.mark(), 'found character that cannot start any token');
  }

  /** The condition under which yaml_parser_fetch_next_token scans a plain scalar. */
  private canStartPlainScalar(c: number, pos: number): boolean {
    switch (c) {
      case 0x2d: // -
        return !this.isBlank(pos + 1);
      case 0x3f: // ?
      case 0x3a: // :
        return this.flowLevel === 0 && !this.isBlankz(pos + 1);
      case 0x2c: // ,
      case 0x5b: // [
      case 0x5d: // ]
      case 0x7b: // {
      case 0x7d: // }
      case 0x23: // #
      case 0x26: // &
      case 0x2a: // *
      case 0x21: // !
      case 0x7c: // |
      case 0x3e: // >
      case 0x27: // '
      case 0x22: // "
      case 0x25: // %
      case 0x40: // @
      case 0x60: // `
        return false;
      default:
        return !isBlankzCode(c);
    }
  }

  /** yaml_simple_key_is_valid: false once the key is stale; an error if it was required. */
  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.line || key.index + MAX_SIMPLE_KEY_LENGTH < this.index) {
      if (key.required) this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  /** yaml_parser_save_simple_key */
  private saveSimpleKey(): void {
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = {
      possible: true,
      required: this.flowLevel === 0 && this.indent === this.column,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead),
      index: this.index,
      mark: this.mark(),
    };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.simpleKeysByToken.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  /** yaml_parser_remove_simple_key */
  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key?.possible !== true) return;
    if (key.required) this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
    key.possible = false;
    this.simpleKeysByToken.delete(key.tokenNumber);
  }

  /** yaml_parser_increase_flow_level */
  private increaseFlowLevel(): void {
    const mark = this.mark();
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead),
      index: this.index,
      mark,
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_DEPTH) this.scannerError('while increasing flow level', mark, `exceeded max depth of ${MAX_DEPTH}`);
  }

  /** yaml_parser_decrease_flow_level */
  private decreaseFlowLevel(): void {
    if (this.flowLevel === 0) return;
    this.flowLevel--;
    const key = this.simpleKeys.pop();
    if (key !== undefined) this.simpleKeysByToken.delete(key.tokenNumber);
  }

  /** yaml_parser_roll_indent: `tokenNumber` -1 appends the start token, else inserts it before that token. */
  private rollIndent(column: number, tokenNumber: number, type: GoTokenType, mark: GoMark): void {
    if (this.flowLevel > 0 || this.indent >= column) return;
    this.indents.push(this.indent);
    this.indent = column;
    if (this.indents.length > MAX_DEPTH) {
      const lastKey = this.simpleKeys[this.simpleKeys.length - 1];
      this.scannerError('while increasing indent level', lastKey?.mark ?? mark, `exceeded max depth of ${MAX_DEPTH}`);
    }
    this.insertToken(tokenNumber > -1 ? tokenNumber - this.tokensParsed : -1, this.simpleToken(type, mark, mark));
  }

  /** yaml_parser_unroll_indent */
  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      const mark = this.mark();
      this.insertToken(-1, this.simpleToken('block-end', mark, mark));
      this.indent = this.indents.pop() ?? -1;
    }
  }

  /** yaml_parser_fetch_stream_start */
  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, index: 0, mark: this.mark() });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    const mark = this.mark();
    this.insertToken(-1, this.simpleToken('stream-start', mark, mark));
  }

  /** yaml_parser_fetch_stream_end */
  private fetchStreamEnd(): void {
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const mark = this.mark();
    this.insertToken(-1, this.simpleToken('stream-end', mark, mark));
  }

  /** yaml_parser_fetch_directive */
  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  /** The indicator of `width` characters at the reader's position, as a token of its own at the end of the queue. */
  private appendIndicator(type: GoTokenType, width = 1): void {
    const start = this.mark();
    for (let skipped = 0; skipped < width; skipped++) this.skipChar();
    this.insertToken(-1, this.simpleToken(type, start, this.mark()));
  }

  /** yaml_parser_fetch_document_indicator */
  private fetchDocumentIndicator(type: 'document-start' | 'document-end'): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.appendIndicator(type, 3);
  }

  /** yaml_parser_fetch_flow_collection_start */
  private fetchFlowCollectionStart(type: 'flow-sequence-start' | 'flow-mapping-start'): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.appendIndicator(type);
  }

  /** yaml_parser_fetch_flow_collection_end */
  private fetchFlowCollectionEnd(type: 'flow-sequence-end' | 'flow-mapping-end'): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.appendIndicator(type);
  }

  /** In block context an entry, key or value indicator needs a place where a simple key may start, and opens a block collection at its column (unless one is open there). */
  private openBlockCollection(type: 'block-sequence-start' | 'block-mapping-start', problem: string): void {
    if (!this.simpleKeyAllowed) this.scannerError('', this.mark(), problem);
    this.rollIndent(this.column, -1, type, this.mark());
  }

  /** yaml_parser_fetch_flow_entry */
  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.appendIndicator('flow-entry');
  }

  /** yaml_parser_fetch_block_entry */
  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) this.openBlockCollection('block-sequence-start', 'block sequence entries are not allowed in this context');
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.appendIndicator('block-entry');
  }

  /** yaml_parser_fetch_key */
  private fetchKey(): void {
    if (this.flowLevel === 0) this.openBlockCollection('block-mapping-start', 'mapping keys are not allowed in this context');
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.appendIndicator('key');
  }

  /** yaml_parser_fetch_value */
  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key !== undefined && this.simpleKeyIsValid(key)) {
      // The simple key becomes a KEY token, inserted where the key started.
      this.insertToken(key.tokenNumber - this.tokensParsed, this.simpleToken('key', key.mark, key.mark));
      this.rollIndent(key.mark.column, key.tokenNumber, 'block-mapping-start', key.mark);
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) this.openBlockCollection('block-mapping-start', 'mapping values are not allowed in this context');
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.appendIndicator('value');
  }

  /** yaml_parser_fetch_anchor */
  private fetchAnchor(type: 'anchor' | 'alias'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  /** yaml_parser_fetch_tag */
  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  /** yaml_parser_fetch_block_scalar */
  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  /** yaml_parser_fetch_flow_scalar */
  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  /** yaml_parser_fetch_plain_scalar */
  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  /** yaml_parser_scan_to_next_token: blanks, comments and line breaks. */
  private scanToNextToken(): void {
    for (;;) {
      this.cache(1);
      // is_bom looks at the start of the buffer, not at the current position.
      if (this.column === 0 && this.bufferStart < this.length && this.text.charCodeAt(this.bufferStart) === BOM) {
        this.skipChar();
      }
      this.cache(1);
      for (;;) {
        const c = this.at(this.pos);
        if (!(c === SPACE || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && c === TAB))) break;
        this.skipChar();
        this.cache(1);
      }
      if (this.at(this.pos) === 0x23 /* # */) {
        while (!this.isBreakz(this.pos)) {
          this.skipChar();
          this.cache(1);
        }
      }
      if (!this.isBreak(this.pos)) return;
      this.cache(2);
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  /** The blanks, comment and line break that may end a directive or a block scalar's header. */
  private scanLineEnd(context: string, contextMark: GoMark): void {
    this.cache(1);
    while (this.isBlank(this.pos)) {
      this.skipChar();
      this.cache(1);
    }
    if (this.at(this.pos) === 0x23 /* # */) {
      while (!this.isBreakz(this.pos)) {
        this.skipChar();
        this.cache(1);
      }
    }
    if (!this.isBreakz(this.pos)) {
      this.scannerError(context, contextMark, 'did not find expected comment or line break');
    }
    if (this.isBreak(this.pos)) {
      this.cache(2);
      this.skipLine();
    }
  }

  /** yaml_parser_scan_directive */
  private scanDirective(): GoToken {
    const start = this.mark();
    this.skipChar();
    const name = this.scanDirectiveName(start);
    let token: GoToken;
    if (name === 'YAML') {
      const [major, minor] = this.scanVersionDirectiveValue(start);
      token = { type: 'version-directive', start, end: this.mark(), major, minor };
    } else if (name === 'TAG') {
      const [handle, prefix] = this.scanTagDirectiveValue(start);
      token = { type: 'tag-directive', start, end: this.mark(), handle, value: prefix };
    } else {
      this.scannerError('while scanning a directive', start, 'found unknown directive name');
    }
    this.scanLineEnd('while scanning a directive', start);
    return token;
  }

  /** yaml_parser_scan_directive_name */
  private scanDirectiveName(start: GoMark): string {
    this.cache(1);
    const from = this.pos;
    while (isAlphaCode(this.at(this.pos))) {
      this.skipChar();
      this.cache(1);
    }
    if (this.pos === from) this.scannerError('while scanning a directive', start, 'could not find expected directive name');
    if (!this.isBlankz(this.pos)) {
      this.scannerError('while scanning a directive', start, 'found unexpected non-alphabetical character');
    }
    return this.text.slice(from, this.pos);
  }

  /** yaml_parser_scan_version_directive_value */
  private scanVersionDirectiveValue(start: GoMark): [number, number] {
    this.cache(1);
    while (this.isBlank(this.pos)) {
      this.skipChar();
      this.cache(1);
    }
    const major = this.scanVersionDirectiveNumber(start);
    if (this.at(this.pos) !== 0x2e /* . */) {
      this.scannerError('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    }
    this.skipChar();
    return [major, this.scanVersionDirectiveNumber(start)];
  }

  /** yaml_parser_scan_version_directive_number: at most two digits. */
  private scanVersionDirectiveNumber(start: GoMark): number {
    this.cache(1);
    let value = 0;
    let length = 0;
    for (let c = this.at(this.pos); c >= 0x30 && c <= 0x39; c = this.at(this.pos)) {
      length++;
      if (length > 2) this.scannerError('while scanning a %YAML directive', start, 'found extremely long version number');
      value = value * 10 + (c - 0x30);
      this.skipChar();
      this.cache(1);
    }
    if (length === 0) this.scannerError('while scanning a %YAML directive', start, 'did not find expected version number');
    return value;
  }

  /** yaml_parser_scan_tag_directive_value */
  private scanTagDirectiveValue(start: GoMark): [string, string] {
    this.cache(1);
    while (this.isBlank(this.pos)) {
      this.skipChar();
      this.cache(1);
    }
    const handle = this.scanTagHandle(true, start);
    this.cache(1);
    if (!this.isBlank(this.pos)) this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace');
    while (this.isBlank(this.pos)) {
      this.skipChar();
      this.cache(1);
    }
    const prefix = this.scanTagUri(true, '', start);
    this.cache(1);
    if (!this.isBlankz(this.pos)) {
      this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    }
    return [handle, prefix];
  }

  /** yaml_parser_scan_anchor */
  private scanAnchor(type: 'anchor' | 'alias'): GoToken {
    const start = this.mark();
    this.skipChar();
    this.cache(1);
    const from = this.pos;
    while (isAlphaCode(this.at(this.pos))) {
      this.skipChar();
      this.cache(1);
    }
    const end = this.mark();
    const c = this.at(this.pos);
    const endsWell =
      isBlankzCode(c) ||
      c === 0x3f /* ? */ ||
      c === 0x3a /* : */ ||
      c === 0x2c /* , */ ||
      c === 0x5d /* ] */ ||
      c === 0x7d /* } */ ||
      c === 0x25 /* % */ ||
      c === 0x40 /* @ */ ||
      c === 0x60; /* ` */
    if (this.pos === from || !endsWell) {
      this.scannerError(
        type === 'anchor' ? 'while scanning an anchor' : 'while scanning an alias',
        start,
        'did not find expected alphabetic or numeric character',
      );
    }
    return { type, start, end, value: this.text.slice(from, this.pos) };
  }

  /** yaml_parser_scan_tag */
  private scanTag(): GoToken {
    const start = this.mark();
    this.cache(2);
    let handle: string;
    let suffix: string;
    if (this.at(this.pos + 1) === 0x3c /* < */) {
      // A verbatim tag: !<uri>
      handle = '';
      this.skipChar();
      this.skipChar();
      suffix = this.scanTagUri(false, '', start);
      if (this.at(this.pos) !== 0x3e /* > */) this.scannerError('while scanning a tag', start, "did not find the expected '>'");
      this.skipChar();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle.length > 1 && handle.endsWith('!')) {
        suffix = this.scanTagUri(false, '', start);
      } else {
        // `!name` is the handle `!` and the suffix `name`; a lone `!` is the suffix `!` with no handle.
        suffix = this.scanTagUri(false, handle, start);
        handle = '!';
        if (suffix.length === 0) {
          suffix = handle;
          handle = '';
        }
      }
    }
    this.cache(1);
    if (!this.isBlankz(this.pos)) this.scannerError('while scanning a tag', start, 'did not find expected whitespace or line break');
    return { type: 'tag', start, end: this.mark(), handle, value: suffix };
  }

  /** yaml_parser_scan_tag_handle */
  private scanTagHandle(directive: boolean, start: GoMark): string {
    const context = directive ? 'while parsing a %TAG directive' : 'while parsing a tag';
    this.cache(1);
    if (this.at(this.pos) !== 0x21 /* ! */) this.scannerError(context, start, "did not find expected '!'");
    const from = this.pos;
    this.skipChar();
    this.cache(1);
    while (isAlphaCode(this.at(this.pos))) {
      this.skipChar();
      this.cache(1);
    }
    if (this.at(this.pos) === 0x21 /* ! */) {
      this.skipChar();
    } else if (directive && this.pos - from !== 1) {
      this.scannerError(context, start, "did not find expected '!'");
    }
    return this.text.slice(from, this.pos);
  }

  /** yaml_parser_scan_tag_uri: `head` is a handle read before that turned out to start the URI. */
  private scanTagUri(directive: boolean, head: string, start: GoMark): string {
    let uri = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    this.cache(1);
    for (let c = this.at(this.pos); c === 0x25 /* % */ || isUriCode(c); c = this.at(this.pos)) {
      if (c === 0x25) {
        uri += this.scanUriEscapes(directive, start);
      } else {
        uri += this.readChar();
      }
      this.cache(1);
      hasTag = true;
    }
    if (!hasTag) {
      this.scannerError(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, 'did not find expected tag URI');
    }
    return uri;
  }

  /** yaml_parser_scan_uri_escapes: one UTF-8 character written as `%XX` escapes. */
  private scanUriEscapes(directive: boolean, start: GoMark): string {
    const context = directive ? 'while parsing a %TAG directive' : 'while parsing a tag';
    const octets: number[] = [];
    let width = 0;
    do {
      this.cache(3);
      if (!(this.at(this.pos) === 0x25 && isHexCode(this.at(this.pos + 1)) && isHexCode(this.at(this.pos + 2)))) {
        this.scannerError(context, start, 'did not find URI escaped octet');
      }
      const octet = (hexValue(this.at(this.pos + 1)) << 4) + hexValue(this.at(this.pos + 2));
      if (octets.length === 0) {
        width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (width === 0) this.scannerError(context, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        this.scannerError(context, start, 'found an incorrect trailing UTF-8 octet');
      }
      octets.push(octet);
      this.skipChar();
      this.skipChar();
      this.skipChar();
    } while (octets.length < width);
    return utf8Text(octets);
  }

  /** yaml_parser_scan_block_scalar */
  private scanBlockScalar(literal: boolean): GoToken {
    const context = 'while scanning a block scalar';
    const start = this.mark();
    this.skipChar();
    this.cache(1);
    let chomping = 0;
    let increment = 0;
    let c = this.at(this.pos);
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
      chomping = c === 0x2b ? 1 : -1;
      this.skipChar();
      this.cache(1);
      c = this.at(this.pos);
      if (c >= 0x30 && c <= 0x39) {
        if (c === 0x30) this.scannerError(context, start, 'found an indentation indicator equal to 0');
        increment = c - 0x30;
        this.skipChar();
      }
    } else if (c >= 0x30 && c <= 0x39) {
      if (c === 0x30) this.scannerError(context, start, 'found an indentation indicator equal to 0');
      increment = c - 0x30;
      this.skipChar();
      this.cache(1);
      c = this.at(this.pos);
      if (c === 0x2b || c === 0x2d) {
        chomping = c === 0x2b ? 1 : -1;
        this.skipChar();
      }
    }
    this.scanLineEnd(context, start);

    const indentRef = { indent: increment > 0 ? (this.indent >= 0 ? this.indent + increment : increment) : 0 };
    const endRef = { end: this.mark() };
    let value = '';
    let leadingBreak = '';
    let trailingBreaks = this.scanBlockScalarBreaks(indentRef, start, endRef);
    this.cache(1);
    let leadingBlank = false;
    while (this.column === indentRef.indent && this.at(this.pos) !== NUL) {
      // A folded line break becomes a space, unless next to a more indented line or an empty one.
      const trailingBlank = this.isBlank(this.pos);
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
        if (trailingBreaks.length === 0) value += ' ';
      } else {
        value += leadingBreak;
      }
      value += trailingBreaks;
      leadingBlank = this.isBlank(this.pos);
      const from = this.pos;
      while (!this.isBreakz(this.pos)) {
        this.skipChar();
        this.cache(1);
      }
      value += this.text.slice(from, this.pos);
      this.cache(2);
      leadingBreak = this.readLine();
      trailingBreaks = this.scanBlockScalarBreaks(indentRef, start, endRef);
    }
    if (chomping !== -1) value += leadingBreak;
    if (chomping === 1) value += trailingBreaks;
    return { type: 'scalar', start, end: endRef.end, value, style: literal ? 'literal' : 'folded' };
  }

  /** yaml_parser_scan_block_scalar_breaks: the indentation and empty lines before a line of content. */
  private scanBlockScalarBreaks(indentRef: { indent: number }, start: GoMark, endRef: { end: GoMark }): string {
    let breaks = '';
    endRef.end = this.mark();
    let maxIndent = 0;
    for (;;) {
      this.cache(1);
      while ((indentRef.indent === 0 || this.column < indentRef.indent) && this.at(this.pos) === SPACE) {
        this.skipChar();
        this.cache(1);
      }
      if (this.column > maxIndent) maxIndent = this.column;
      if ((indentRef.indent === 0 || this.column < indentRef.indent) && this.at(this.pos) === TAB) {
        this.scannerError('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!this.isBreak(this.pos)) break;
      this.cache(2);
      breaks += this.readLine();
      endRef.end = this.mark();
    }
    if (indentRef.indent === 0) indentRef.indent = Math.max(maxIndent, this.indent + 1, 1);
    return breaks;
  }

  /** yaml_parser_scan_flow_scalar */
  private scanFlowScalar(single: boolean): GoToken {
    const start = this.mark();
    this.skipChar();
    let value = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    for (;;) {
      this.cache(4);
      if (this.column === 0 && this.atDocumentIndicator()) {
        this.scannerError('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (this.at(this.pos) === NUL) this.scannerError('while scanning a quoted scalar', start, 'found unexpected end of stream');
      let leadingBlanks = false;
      // Ordinary characters are taken as one slice, up to the next blank or special character.
      let runStart = this.pos;
      for (let c = this.at(this.pos); !isBlankzCode(c); c = this.at(this.pos)) {
        if (c !== 0x27 && c !== 0x22 && c !== 0x5c) {
          // skip, with a character of one code unit stepped over in place.
          if (c < 0xd800 || c > 0xdbff) {
            this.pos++;
            this.index++;
            this.column++;
          } else {
            this.skipChar();
          }
          this.cache(2);
          continue;
        }
        value += this.text.slice(runStart, this.pos);
        if (single && c === 0x27 && this.at(this.pos + 1) === 0x27) {
          value += "'";
          this.skipChar();
          this.skipChar();
        } else if (c === (single ? 0x27 : 0x22)) {
          runStart = this.pos;
          break;
        } else if (!single && c === 0x5c /* \ */ && this.isBreak(this.pos + 1)) {
          this.cache(3);
          this.skipChar();
          this.skipLine();
          leadingBlanks = true;
          runStart = this.pos;
          break;
        } else if (!single && c === 0x5c) {
          value += this.scanEscape(start);
        } else {
          value += this.readChar();
        }
        runStart = this.pos;
        this.cache(2);
      }
      value += this.text.slice(runStart, this.pos);
      this.cache(1);
      if (this.at(this.pos) === (single ? 0x27 : 0x22)) break;
      // Blanks and line breaks inside the scalar: blanks count only when no break follows them.
      const blanksStart = this.pos;
      while (this.isBlank(this.pos) || this.isBreak(this.pos)) {
        if (this.isBlank(this.pos)) {
          this.skipChar();
        } else {
          this.cache(2);
          if (leadingBlanks) {
            trailingBreaks += this.readLine();
          } else {
            leadingBreak = this.readLine();
            leadingBlanks = true;
          }
        }
        this.cache(1);
      }
      if (leadingBlanks) {
        value += this.joinBreaks(leadingBreak, trailingBreaks);
        leadingBreak = '';
        trailingBreaks = '';
      } else {
        value += this.text.slice(blanksStart, this.pos);
      }
    }
    this.skipChar();
    return { type: 'scalar', start, end: this.mark(), value, style: single ? 'single-quoted' : 'double-quoted' };
  }

  /** How flow and plain scalars fold a line break and the empty lines after it. */
  private joinBreaks(leadingBreak: string, trailingBreaks: string): string {
    if (leadingBreak.startsWith('\n')) return trailingBreaks.length === 0 ? ' ' : trailingBreaks;
    return leadingBreak + trailingBreaks;
  }

  /** `---` or `...` followed by a blank, a break or the end. */
  private atDocumentIndicator(): boolean {
    const c = this.at(this.pos);
    return (
      (c === 0x2d || c === 0x2e) && this.at(this.pos + 1) === c && this.at(this.pos + 2) === c && this.isBlankz(this.pos + 3)
    );
  }

  /** The escape sequence at `\` in a double-quoted scalar (yaml_parser_scan_flow_scalar), consumed. */
  private scanEscape(start: GoMark): string {
    let codeLength = 0;
    let text = '';
    switch (this.at(this.pos + 1)) {
      case 0x30: // 0
        text = '\0';
        break;
      case 0x61: // a
        text = '\x07';
        break;
      case 0x62: // b
        text = '\b';
        break;
      case 0x74: // t
      case TAB:
        text = '\t';
        break;
      case 0x6e: // n
        text = '\n';
        break;
      case 0x76: // v
        text = '\v';
        break;
      case 0x66: // f
        text = '\f';
        break;
      case 0x72: // r
        text = '\r';
        break;
      case 0x65: // e
        text = '\x1b';
        break;
      case SPACE:
        text = ' ';
        break;
      case 0x22: // "
        text = '"';
        break;
      case 0x27: // '
        text = "'";
        break;
      case 0x5c: // \
        text = '\\';
        break;
      case 0x4e: // N
        text = '\u0085';
        break;
      case 0x5f: // _
        text = '\u00a0';
        break;
      case 0x4c: // L
        text = '\u2028';
        break;
      case 0x50: // P
        text = '\u2029';
        break;
      case 0x78: // x
        codeLength = 2;
        break;
      case 0x75: // u
        codeLength = 4;
        break;
      case 0x55: // U
        codeLength = 8;
        break;
      default:
        this.scannerError('while parsing a quoted scalar', start, 'found unknown escape character');
    }
    this.skipChar();
    this.skipChar();
    if (codeLength === 0) return text;
    this.cache(codeLength);
    let codePoint = 0;
    for (let k = 0; k < codeLength; k++) {
      const c = this.at(this.pos + k);
      if (!isHexCode(c)) this.scannerError('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
      codePoint = codePoint * 16 + hexValue(c);
    }
    if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) {
      this.scannerError('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
    }
    for (let k = 0; k < codeLength; k++) this.skipChar();
    return String.fromCodePoint(codePoint);
  }

  /** yaml_parser_scan_plain_scalar */
  private scanPlainScalar(): GoToken {
    let value = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let leadingBlanks = false;
    // The text of the current line's part of the scalar, from its first character to the end of
    // its last run: blanks between runs are kept as written (go-yaml's `whitespaces`), blanks
    // before a line break are not.
    let segmentStart = -1;
    let segmentEnd = -1;
    const indent = this.indent + 1;
    const start = this.mark();
    let end = start;
    for (;;) {
      this.cache(4);
      if (this.column === 0 && this.atDocumentIndicator()) break;
      if (this.at(this.pos) === 0x23 /* # */) break;
      const runStart = this.pos;
      while (!this.isBlankz(this.pos)) {
        const c = this.at(this.pos);
        if (c === 0x3a /* : */ && this.isBlankz(this.pos + 1)) break;
        if (
          this.flowLevel > 0 &&
          (c === 0x2c /* , */ || c === 0x3f /* ? */ || c === 0x5b /* [ */ || c === 0x5d /* ] */ || c === 0x7b /* { */ || c === 0x7d) /* } */
        ) {
          break;
        }
        this.skipChar();
        this.cache(2);
      }
      if (this.pos > runStart) {
        if (leadingBlanks) {
          if (segmentStart >= 0) value += this.text.slice(segmentStart, segmentEnd);
          value += this.joinBreaks(leadingBreak, trailingBreaks);
          leadingBreak = '';
          trailingBreaks = '';
          leadingBlanks = false;
          segmentStart = runStart;
        } else if (segmentStart < 0) {
          segmentStart = runStart;
        }
        segmentEnd = this.pos;
        end = this.mark();
      }
      if (!(this.isBlank(this.pos) || this.isBreak(this.pos))) break;
      this.cache(1);
      while (this.isBlank(this.pos) || this.isBreak(this.pos)) {
        if (this.isBlank(this.pos)) {
          if (leadingBlanks && this.column < indent && this.at(this.pos) === TAB) {
            this.scannerError('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          this.skipChar();
        } else {
          this.cache(2);
          if (leadingBlanks) {
            trailingBreaks += this.readLine();
          } else {
            leadingBreak = this.readLine();
            leadingBlanks = true;
          }
        }
        this.cache(1);
      }
      if (this.flowLevel === 0 && this.column < indent) break;
    }
    if (segmentStart >= 0) value += this.text.slice(segmentStart, segmentEnd);
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'scalar', start, end, value, style: 'plain' satisfies GoScalarStyle };
  }

}
