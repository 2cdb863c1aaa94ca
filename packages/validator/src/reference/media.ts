import { DIGEST_MIN_HEX_LENGTH, isHexDigit } from './grammar.js';

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * The server's `imageDigestRegexp.MatchString` for `dockerImageManifests[].digest`:
 * `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}` — NOT anchored, so it
 * holds when some ':' has at least 32 hex digits after it and a letter-led alphanumeric run before it.
 */
export function containsOciDigest(text: string): boolean {
  let runHasLetter = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x3a && runHasLetter && hasHexRun(text, index + 1)) return true;
    if (isLetter(code)) runHasLetter = true;
    else if (!isAsciiLetterOrDigit(code)) runHasLetter = false;
  }
  return false;
}

function hasHexRun(text: string, start: number): boolean {
  if (text.length - start < DIGEST_MIN_HEX_LENGTH) return false;
  for (let index = start; index < start + DIGEST_MIN_HEX_LENGTH; index++) {
    if (!isHexDigit(text.charCodeAt(index))) return false;
  }
  return true;
}

const MEDIA_NAME_MAX_REST = 126;

function scanMediaName(text: string, start: number, isAllowed: (code: number) => boolean): number {
  if (start >= text.length || !isAsciiLetterOrDigit(text.charCodeAt(start))) return -1;
  let index = start + 1;
  while (index < text.length && index - start - 1 < MEDIA_NAME_MAX_REST && isAllowed(text.charCodeAt(index))) index++;
  return index;
}

const TYPE_EXTRA = new Set('!#$&^_-'.split('').map((character) => character.charCodeAt(0)));
const SUBTYPE_EXTRA = new Set('!#$&^_.+-'.split('').map((character) => character.charCodeAt(0)));

/**
 * The server's RFC 6838 check for `dockerImageManifests[].mediaType`:
 * `^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})\/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *$`.
 */
export function isRfc6838MediaType(text: string): boolean {
  let index = 0;
  while (text.charCodeAt(index) === 0x20) index++;
  index = scanMediaName(text, index, (code) => isAsciiLetterOrDigit(code) || TYPE_EXTRA.has(code));
  if (index === -1 || text.charCodeAt(index) !== 0x2f) return false;
  index = scanMediaName(text, index + 1, (code) => isAsciiLetterOrDigit(code) || SUBTYPE_EXTRA.has(code));
  if (index === -1) return false;
  while (text.charCodeAt(index) === 0x20) index++;
  return index === text.length;
}
