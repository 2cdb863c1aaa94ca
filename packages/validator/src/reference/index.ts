export { parseImageReference, withoutTagOrDigest, NAME_TOTAL_LENGTH_MAX, REFERENCE_ERRORS } from './parse.js';
export type { ImageReference, ReferenceError, ReferenceParseResult } from './parse.js';
export { isRepositoryNameComponent, isReferencePathComponent, isTag, isHostname } from './grammar.js';
export { containsOciDigest, isRfc6838MediaType } from './media.js';
