import { messageQuoted } from '../quote.js';
import {
  TAG_MAX_LENGTH,
  isDigestSyntax,
  isHostname,
  isReferenceName,
  isReferencePathComponent,
  isTag,
} from './grammar.js';

/** A parsed pull spec, split the way openshift/library-go `reference.Parse` splits it. */
export interface ImageReference {
  registry: string;
  namespace: string;
  name: string;
  tag: string;
  /** The digest (`sha256:…`), called ID by the server. */
  id: string;
}

export interface ReferenceError {
  /** The parser's own message, as the server returns it (e.g. "invalid reference format"). */
  error: string;
  /** What exactly is wrong, in words. */
  reason: string;
  /** A corrected reference, when one can be derived mechanically and parses. */
  suggestion?: string;
}

export type ReferenceParseResult = { ok: true; reference: ImageReference } | ({ ok: false } & ReferenceError);

/** Maximum length of the name part (registry and path), `reference.NameTotalLengthMax`. */
export const NAME_TOTAL_LENGTH_MAX = 255;

export const REFERENCE_ERRORS = {
  nameEmpty: 'repository name must have at least one component',
  uppercase: 'repository name must be lowercase',
  invalidFormat: 'invalid reference format',
  nameTooLong: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`,
  digestLength: 'invalid checksum digest length',
  digestUnsupported: 'unsupported digest algorithm',
} as const;

/** Hex lengths of the digest algorithms library-go's digest package knows (case-sensitive names). */
const DIGEST_HEX_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

interface ReferenceParts {
  name: string;
  tag: string;
  digest: string;
}

/** Membership in the anchored `ReferenceRegexp`, with its three captures. */
function matchReference(spec: string): ReferenceParts | undefined {
  const at = spec.indexOf('@');
  const beforeDigest = at === -1 ? spec : spec.slice(0, at);
  const digest = at === -1 ? '' : spec.slice(at + 1);
  if (at !== -1 && !isDigestSyntax(digest)) return undefined;
  // A tag cannot contain '/', and a registry port is always followed by '/': so a ':' after the
  // last '/' can only start a tag.
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = hasTag ? beforeDigest.slice(colon + 1) : '';
  if (hasTag && !isTag(tag)) return undefined;
  if (!isReferenceName(name)) return undefined;
  return { name, tag, digest };
}

/** Go's strings.ToLower for the characters that matter here (JS lowercases U+0130 to two code units). */
function goToLower(text: string): string {
  return text.replace(/\u0130/g, 'i').toLowerCase();
}

/**
 * library-go's own digest check (pkg/image/internal/digest Digest.Validate): hex digits of either
 * case (the reference grammar already required them), a known algorithm, its length.
 */
function validateDigest(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const expectedLength = Object.hasOwn(DIGEST_HEX_LENGTHS, algorithm) ? DIGEST_HEX_LENGTHS[algorithm] : undefined;
  if (expectedLength === undefined) return REFERENCE_ERRORS.digestUnsupported;
  if (hex.length !== expectedLength) return REFERENCE_ERRORS.digestLength;
  return undefined;
}

function describeDigestProblem(digest: string, problem: string): ReferenceError {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const expectedLength = Object.hasOwn(DIGEST_HEX_LENGTHS, algorithm) ? DIGEST_HEX_LENGTHS[algorithm] : undefined;
  if (problem === REFERENCE_ERRORS.digestUnsupported) {
    const lower = algorithm.toLowerCase();
    return {
      error: problem,
      reason: `the digest algorithm "${algorithm}" is not one of sha256, sha384, sha512`,
      ...(Object.hasOwn(DIGEST_HEX_LENGTHS, lower) ? { suggestion: `${lower}:${hex.toLowerCase()}` } : {}),
    };
  }
  return { error: problem, reason: `a ${algorithm} digest has ${expectedLength} hex digits, this one has ${hex.length}` };
}

function finish(parts: ReferenceParts): ImageReference {
  const { name, tag, digest } = parts;
  const slash = name.indexOf('/');
  // library-go: without a '/', a name that looks like a host (has a '.' or starts with "localhost")
  // is a registry, and the whole reference string becomes the registry.
  const isRegistryOnly = slash === -1 && (name.includes('.') || name.startsWith('localhost'));
  const firstSegment = slash === -1 ? name : name.slice(0, slash);
  const isNameOnly =
    (slash === -1 && !isRegistryOnly) ||
    (slash !== -1 && !firstSegment.includes(':') && !firstSegment.includes('.') && firstSegment !== 'localhost');

  const reference: ImageReference = { registry: '', namespace: '', name: '', tag: '', id: digest };
  if (isRegistryOnly) {
    reference.registry = name + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
  } else if (isNameOnly) {
    reference.name = name;
  } else {
    reference.registry = firstSegment;
    reference.name = name.slice(slash + 1);
  }
  if (!isRegistryOnly) reference.tag = tag;
  const namespaceSlash = reference.name.indexOf('/');
  if (namespaceSlash !== -1) {
    reference.namespace = reference.name.slice(0, namespaceSlash);
    reference.name = reference.name.slice(namespaceSlash + 1);
  }
  return reference;
}

/**
 * Parses a pull spec as openshift/library-go `reference.Parse` does (the parser behind the server's
 * image reference checks), returning the server's error message plus an explanation.
 */
export function parseImageReference(spec: string): ReferenceParseResult {
  if (spec === '') return { ok: false, error: REFERENCE_ERRORS.nameEmpty, reason: 'the reference is empty' };
  const parts = matchReference(spec);
  if (parts === undefined) {
    const lowered = goToLower(spec);
    const loweredParts = matchReference(lowered);
    if (loweredParts !== undefined) {
      return { ok: false, error: REFERENCE_ERRORS.uppercase, ...describeUppercase(spec, lowered, loweredParts) };
    }
    return { ok: false, error: REFERENCE_ERRORS.invalidFormat, ...diagnoseInvalidFormat(spec) };
  }
  if (parts.name.length > NAME_TOTAL_LENGTH_MAX) {
    return {
      ok: false,
      error: REFERENCE_ERRORS.nameTooLong,
      reason: `the registry and repository path are ${parts.name.length} characters long`,
    };
  }
  if (parts.digest) {
    const problem = validateDigest(parts.digest);
    if (problem !== undefined) {
      const described = describeDigestProblem(parts.digest, problem);
      const fixed = described.suggestion === undefined ? undefined : spec.slice(0, spec.indexOf('@') + 1) + described.suggestion;
      return {
        ok: false,
        error: described.error,
        reason: described.reason,
        ...(fixed !== undefined && parseImageReference(fixed).ok ? { suggestion: fixed } : {}),
      };
    }
  }
  return { ok: true, reference: finish(parts) };
}

function describeUppercase(spec: string, lowered: string, loweredParts: ReferenceParts): Omit<ReferenceError, 'error'> {
  const reason = 'repository path components may only use lowercase letters';
  // Lowercase the name only: tags and digests keep their case. Only when lowercasing kept the length.
  if (lowered.length !== spec.length) return { reason };
  const nameEnd = loweredParts.name.length;
  const suggestion = lowered.slice(0, nameEnd) + spec.slice(nameEnd);
  return parseImageReference(suggestion).ok ? { reason, suggestion } : { reason };
}

function withSuggestion(reason: string, candidate: string | undefined): Omit<ReferenceError, 'error'> {
  if (candidate !== undefined && candidate !== '' && parseImageReference(candidate).ok) return { reason, suggestion: candidate };
  return { reason };
}

/** Says which part of an "invalid reference format" is wrong, checking the parts left to right. */
function diagnoseInvalidFormat(spec: string): Omit<ReferenceError, 'error'> {
  const trimmed = spec.trim();
  if (/\s/.test(spec)) {
    return withSuggestion('it contains whitespace', trimmed === spec ? undefined : trimmed);
  }
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(spec);
  if (scheme) {
    return withSuggestion(`a pull spec has no URL scheme; remove "${scheme[0]}"`, spec.slice(scheme[0].length));
  }
  const at = spec.indexOf('@');
  if (at !== -1) {
    const digest = spec.slice(at + 1);
    if (digest.includes('@')) return { reason: "it contains more than one '@'" };
    if (!isDigestSyntax(digest)) {
      return { reason: `the digest ${messageQuoted(digest, 80)} must be <algorithm>:<hex digits>, e.g. sha256: followed by 64 hex digits` };
    }
  }
  const beforeDigest = at === -1 ? spec : spec.slice(0, at);
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  if (hasTag) {
    const tag = beforeDigest.slice(colon + 1);
    if (tag.length === 0) return withSuggestion('the tag after ":" is empty', spec.slice(0, colon) + spec.slice(beforeDigest.length));
    if (tag.length > TAG_MAX_LENGTH) return { reason: `the tag is ${tag.length} characters long; at most ${TAG_MAX_LENGTH} are allowed` };
    if (!isTag(tag)) {
      return {
        reason: `the tag ${messageQuoted(tag, 80)} may only contain letters, digits, "_", "." and "-", and must not start with "." or "-"`,
      };
    }
  }
  if (name.length === 0) return { reason: 'the repository name is missing' };
  const segments = name.split('/');
  if (segments.some((segment) => segment.length === 0)) {
    const collapsed = name.split('/').filter(Boolean).join('/');
    return withSuggestion(
      'it has an empty path component (a leading, trailing or doubled "/")',
      collapsed + spec.slice(name.length),
    );
  }
  const [first, ...rest] = segments;
  if (first !== undefined && rest.length > 0 && !isReferencePathComponent(first) && !isHostname(first)) {
    return {
      reason: `the registry ${messageQuoted(first, 80)} is not a valid host name with an optional port (letters, digits, "-" and ".", then ":" and digits)`,
    };
  }
  const badComponent = (rest.length > 0 ? rest : segments).find((segment) => !isReferencePathComponent(segment));
  if (badComponent !== undefined) {
    return {
      reason: `the path component ${messageQuoted(badComponent, 80)} must be lowercase letters and digits, separated by ".", "_", "__" or dashes`,
    };
  }
  return { reason: 'it does not match [registry[:port]/]path[:tag][@digest]' };
}

/** The reference without its tag and digest (`quay.io/org/app:1@sha256:…` → `quay.io/org/app`). */
export function withoutTagOrDigest(spec: string): string {
  const at = spec.indexOf('@');
  const beforeDigest = at === -1 ? spec : spec.slice(0, at);
  const colon = beforeDigest.lastIndexOf(':');
  return colon > beforeDigest.lastIndexOf('/') ? beforeDigest.slice(0, colon) : beforeDigest;
}
