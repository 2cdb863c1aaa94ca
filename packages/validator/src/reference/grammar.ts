// Linear scanners for the pieces of the Docker/OCI reference grammar, as openshift/library-go
// (`pkg/image/internal/reference`, a fork of docker/distribution's `reference` package) defines it:
//
//   reference      := name [ ":" tag ] [ "@" digest ]
//   name           := [hostname "/"] component ["/" component]*
//   hostname       := hostcomponent ["." hostcomponent]* [":" port-number]
//   hostcomponent  := [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
//   port-number    := [0-9]+
//   component      := alpha-numeric [separator alpha-numeric]*
//   alpha-numeric  := [a-z0-9]+
//   separator      := [_.] | __ | [-]*
//   tag            := [\w][\w.-]{0,127}
//   digest         := algorithm ":" hex
//   algorithm      := [A-Za-z][A-Za-z0-9]* ([-_+.][A-Za-z][A-Za-z0-9]*)*
//   hex            := [0-9a-fA-F]{32,}
//
// Every function walks its input once: references come from user files and may be hostile.

function isLowerAlphaNumeric(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

function isAlphaNumeric(code: number): boolean {
  return isLowerAlphaNumeric(code) || (code >= 0x41 && code <= 0x5a);
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** `\w` in Go's RE2 syntax: ASCII letters, digits and underscore. */
function isWordCharacter(code: number): boolean {
  return isAlphaNumeric(code) || code === 0x5f;
}

export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46);
}

const DOT = 0x2e;
const UNDERSCORE = 0x5f;
const DASH = 0x2d;

/**
 * A repository path component of a reference: lowercase alphanumeric runs joined by `.`, `_`, `__`
 * or any number of dashes.
 */
export function isReferencePathComponent(text: string): boolean {
  if (text.length === 0) return false;
  let index = 0;
  while (index < text.length) {
    const runStart = index;
    while (index < text.length && isLowerAlphaNumeric(text.charCodeAt(index))) index++;
    if (index === runStart) return false;
    if (index === text.length) return true;
    const separatorStart = index;
    const first = text.charCodeAt(index);
    if (first === DOT) {
      index++;
    } else if (first === UNDERSCORE) {
      index++;
      if (text.charCodeAt(index) === UNDERSCORE) index++;
    } else if (first === DASH) {
      while (text.charCodeAt(index) === DASH) index++;
    } else {
      return false;
    }
    // A separator must be followed by another alphanumeric run.
    if (index === separatorStart || index === text.length) return false;
  }
  return true;
}

/**
 * The stricter component regex the server uses for ImageStream names:
 * `[a-z0-9]+(?:[._-][a-z0-9]+)*` (single separators only).
 */
export function isRepositoryNameComponent(text: string): boolean {
  if (text.length === 0) return false;
  let previousWasSeparator = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isLowerAlphaNumeric(code)) {
      previousWasSeparator = false;
    } else if (code === DOT || code === UNDERSCORE || code === DASH) {
      if (previousWasSeparator) return false;
      previousWasSeparator = true;
    } else {
      return false;
    }
  }
  return !previousWasSeparator;
}

function isHostComponent(text: string): boolean {
  if (text.length === 0) return false;
  if (!isAlphaNumeric(text.charCodeAt(0)) || !isAlphaNumeric(text.charCodeAt(text.length - 1))) return false;
  for (let index = 1; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if (!isAlphaNumeric(code) && code !== DASH) return false;
  }
  return true;
}

/** `host[.host]*[:port]` — uppercase letters are allowed in host names, IPv6 literals are not. */
export function isHostname(text: string): boolean {
  const colon = text.indexOf(':');
  const host = colon === -1 ? text : text.slice(0, colon);
  if (colon !== -1) {
    const port = text.slice(colon + 1);
    if (port.length === 0) return false;
    for (let index = 0; index < port.length; index++) {
      if (!isDigit(port.charCodeAt(index))) return false;
    }
  }
  return host.split('.').every(isHostComponent);
}

export const TAG_MAX_LENGTH = 128;

export function isTag(text: string): boolean {
  if (text.length === 0 || text.length > TAG_MAX_LENGTH) return false;
  if (!isWordCharacter(text.charCodeAt(0))) return false;
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!isWordCharacter(code) && code !== DOT && code !== DASH) return false;
  }
  return true;
}

function isDigestAlgorithm(text: string): boolean {
  if (text.length === 0) return false;
  let expectLetter = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (expectLetter) {
      if (!isLetter(code)) return false;
      expectLetter = false;
    } else if (code === DASH || code === UNDERSCORE || code === 0x2b || code === DOT) {
      expectLetter = true;
    } else if (!isAlphaNumeric(code)) {
      return false;
    }
  }
  return !expectLetter;
}

export const DIGEST_MIN_HEX_LENGTH = 32;

/** `algorithm:hex` with at least 32 hex digits — the syntax only; see `validateDigest` for the algorithms. */
export function isDigestSyntax(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon === -1 || !isDigestAlgorithm(text.slice(0, colon))) return false;
  const hex = text.slice(colon + 1);
  if (hex.length < DIGEST_MIN_HEX_LENGTH) return false;
  for (let index = 0; index < hex.length; index++) {
    if (!isHexDigit(hex.charCodeAt(index))) return false;
  }
  return true;
}

/** `[hostname/]component[/component]*`: the first segment may be a host name when more follow. */
export function isReferenceName(text: string): boolean {
  const segments = text.split('/');
  const [first, ...rest] = segments;
  if (first === undefined) return false;
  if (rest.length === 0) return isReferencePathComponent(first);
  return (isReferencePathComponent(first) || isHostname(first)) && rest.every(isReferencePathComponent);
}
