/**
 * The Kubernetes name rules of k8s.io/apimachinery `pkg/util/validation` and
 * `pkg/api/validation/path`, as linear scans. Each check returns the reasons a value is invalid
 * (the apimachinery wording, shortened), or an empty list.
 */

function isLowerAlphaNumeric(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

function isAlphaNumeric(code: number): boolean {
  return isLowerAlphaNumeric(code) || (code >= 0x41 && code <= 0x5a);
}

const DASH = 0x2d;
const DOT = 0x2e;
const UNDERSCORE = 0x5f;

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
export const QUALIFIED_NAME_MAX_LENGTH = 63;
export const LABEL_VALUE_MAX_LENGTH = 63;
/** `TotalAnnotationSizeLimitB`: keys and values together, in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** `[a-z0-9]([-a-z0-9]*[a-z0-9])?` */
function matchesDns1123Label(text: string): boolean {
  if (text.length === 0) return false;
  if (!isLowerAlphaNumeric(text.charCodeAt(0)) || !isLowerAlphaNumeric(text.charCodeAt(text.length - 1))) return false;
  for (let index = 1; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if (!isLowerAlphaNumeric(code) && code !== DASH) return false;
  }
  return true;
}

export function dns1123LabelProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.length > DNS1123_LABEL_MAX_LENGTH) problems.push(`must be no more than ${DNS1123_LABEL_MAX_LENGTH} characters`);
  if (!matchesDns1123Label(text)) {
    problems.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
    );
  }
  return problems;
}

export function dns1123SubdomainProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.length > DNS1123_SUBDOMAIN_MAX_LENGTH) problems.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters`);
  if (!text.split('.').every(matchesDns1123Label)) {
    problems.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    );
  }
  return problems;
}

/** `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` — the name part of a qualified name, and a label value. */
function matchesQualifiedNamePart(text: string): boolean {
  if (text.length === 0) return false;
  if (!isAlphaNumeric(text.charCodeAt(0)) || !isAlphaNumeric(text.charCodeAt(text.length - 1))) return false;
  for (let index = 1; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if (!isAlphaNumeric(code) && code !== DASH && code !== UNDERSCORE && code !== DOT) return false;
  }
  return true;
}

const QUALIFIED_NAME_FORMAT =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** `IsQualifiedName`: `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters. */
export function qualifiedNameProblems(text: string): string[] {
  const parts = text.split('/');
  let name: string;
  const problems: string[] = [];
  if (parts.length === 1) {
    name = text;
  } else if (parts.length === 2) {
    const [prefix = '', rest = ''] = parts;
    name = rest;
    if (prefix.length === 0) problems.push('prefix part must be non-empty');
    else problems.push(...dns1123SubdomainProblems(prefix).map((problem) => `prefix part ${problem}`));
  } else {
    return [`a qualified name ${QUALIFIED_NAME_FORMAT}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) problems.push('name part must be non-empty');
  else if (name.length > QUALIFIED_NAME_MAX_LENGTH) problems.push(`name part must be no more than ${QUALIFIED_NAME_MAX_LENGTH} characters`);
  if (name.length > 0 && !matchesQualifiedNamePart(name)) problems.push(`name part ${QUALIFIED_NAME_FORMAT}`);
  return problems;
}

export function labelValueProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.length > LABEL_VALUE_MAX_LENGTH) problems.push(`must be no more than ${LABEL_VALUE_MAX_LENGTH} characters`);
  if (text.length > 0 && !matchesQualifiedNamePart(text)) {
    problems.push(`a valid label value must be an empty string or ${QUALIFIED_NAME_FORMAT.replace('must consist', 'consist')}`);
  }
  return problems;
}

/** `IsValidPathSegmentName` (prefix=false) or `IsValidPathSegmentPrefix` (prefix=true). */
export function pathSegmentProblems(text: string, prefix = false): string[] {
  if (!prefix && (text === '.' || text === '..')) return [`may not be '${text}'`];
  const problems: string[] = [];
  if (text.includes('/')) problems.push("may not contain '/'");
  if (text.includes('%')) problems.push("may not contain '%'");
  return problems;
}


/**
 * A name that satisfies `isValid`, derived from `text` by lowercasing, turning other characters into
 * dashes and trimming what may not start or end it — or undefined when nothing sensible remains.
 */
export function sanitizeName(text: string, maxLength: number, isValid: (candidate: string) => boolean): string | undefined {
  if (text.length > 4 * maxLength) return undefined;
  let candidate = text
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, maxLength)
    .replace(/[^a-z0-9]+$/, '');
  if (!isValid(candidate)) candidate = candidate.replace(/\./g, '-');
  return candidate.length > 0 && candidate !== text && isValid(candidate) ? candidate : undefined;
}

/** A label value close to `text` that is valid: other characters become '-', ends trimmed, cut to length. */
export function sanitizeLabelValue(text: string, maxLength: number): string | undefined {
  if (text.length > 4 * maxLength) return undefined;
  const candidate = text
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, maxLength)
    .replace(/[^A-Za-z0-9]+$/, '');
  return candidate.length > 0 && candidate !== text && labelValueProblems(candidate).length === 0 ? candidate : undefined;
}
