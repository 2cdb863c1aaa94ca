/**
 * Plain-scalar resolution exactly as go-yaml v2 (`resolve.go`) does it, because `oc apply`
 * converts YAML to JSON with go-yaml v2 before the API server sees it. YAML 1.1 rules:
 * `yes`/`on`/`y` are booleans, `0777` is octal, `1.10` is the float 1.1; timestamps are kept
 * as the original string for untyped decoding.
 */

export type ScalarType = 'string' | 'null' | 'bool' | 'int' | 'float' | 'timestamp';

export interface ResolvedScalar {
  type: ScalarType;
  value: string | number | boolean | null;
  /** An integer exactly, where `value` may have rounded it (beyond 2^53). */
  integer?: bigint;
}

const BOOLEAN_AND_NULL = new Map<string, ResolvedScalar>();
for (const word of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) {
  BOOLEAN_AND_NULL.set(word, { type: 'bool', value: true });
}
for (const word of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) {
  BOOLEAN_AND_NULL.set(word, { type: 'bool', value: false });
}
for (const word of ['', '~', 'null', 'Null', 'NULL']) {
  BOOLEAN_AND_NULL.set(word, { type: 'null', value: null });
}
for (const word of ['.nan', '.NaN', '.NAN']) BOOLEAN_AND_NULL.set(word, { type: 'float', value: Number.NaN });
for (const word of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) {
  BOOLEAN_AND_NULL.set(word, { type: 'float', value: Number.POSITIVE_INFINITY });
}
for (const word of ['-.inf', '-.Inf', '-.INF']) BOOLEAN_AND_NULL.set(word, { type: 'float', value: Number.NEGATIVE_INFINITY });

/** go-yaml v2 `yamlStyleFloat`, applied after removing underscores. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** The characters go-yaml v2's `resolveTable` gives a hint for; anything else is a string at once. */
function hintFor(first: string | undefined): 'sign' | 'digit' | 'map' | 'dot' | undefined {
  if (first === undefined) return 'map';
  if (first === '+' || first === '-') return 'sign';
  if (first >= '0' && first <= '9') return 'digit';
  if ('yYnNtTfFoO~'.includes(first)) return 'map';
  if (first === '.') return 'dot';
  return undefined;
}

/** Go's int64 range: go-yaml's integers, and every integer field of the image API. */
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
/** 2^63 as a Number: no number of smaller magnitude lies beyond int64, and int64's extremes read as ±2^63. */
export const INT64_LIMIT = 2 ** 63;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Go's `strconv.ParseInt(s, 0, 64)` (falling back to `ParseUint`): optional sign, then a
 * `0x`/`0o`/`0b` prefix or a leading `0` for octal. Returns undefined where Go fails.
 */
function parseGoInteger(text: string): bigint | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const [, sign = '', digits = ''] = match;
  let magnitude: bigint;
  if (/^0[oO]/.test(digits)) magnitude = BigInt(`0o${digits.slice(2)}`);
  else if (/^0[0-7]+$/.test(digits)) magnitude = BigInt(`0o${digits.slice(1)}`);
  else magnitude = BigInt(digits);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return value;
  // ParseUint takes no sign.
  if (sign === '' && value <= UINT64_MAX) return value;
  return undefined;
}

/** Go's `strconv.ParseFloat(s, 64)` for the inputs that reach it here (no hex floats, no underscores). */
function parseGoFloat(text: string): number | undefined {
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  // ParseFloat reports out-of-range values as an error, so go-yaml keeps the text.
  return Number.isFinite(value) ? value : undefined;
}

/** go-yaml v2 timestamp recognition (`parseTimestamp`): at least `YYYY-M-D`. */
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/;

/**
 * The layouts go-yaml v2's parseTimestamp tries: `2006-1-2T15:4:5.999999999Z07:00` (T or t), `2006-1-2 15:4:5.999999999`
 * and `2006-1-2`.
 */
const GO_TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d{1,9})?(?:Z|[-+]\d{2}:\d{2})| \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d{1,9})?)?$/;

/** The date and time fields in their ranges, as time.Parse checks them. */
function validDate(text: string): boolean {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = (text.match(/\d+/g) ?? []).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

/** Resolves the text of an untagged plain scalar the way go-yaml v2 does. */
export function resolvePlainScalar(text: string): ResolvedScalar {
  const hint = hintFor(text[0]);
  if (hint === undefined) return { type: 'string', value: text };
  const known = BOOLEAN_AND_NULL.get(text);
  if (known) return known;
  if (hint === 'dot') {
    const float = parseGoFloat(text);
    return float === undefined ? { type: 'string', value: text } : { type: 'float', value: float };
  }
  if (hint === 'map') return { type: 'string', value: text };
  if (TIMESTAMP.test(text)) return { type: 'timestamp', value: text };
  const plain = text.replaceAll('_', '');
  const integer = parseGoInteger(plain);
  if (integer !== undefined) return { type: 'int', value: Number(integer), integer };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const float = parseGoFloat(plain);
    if (float !== undefined) return { type: 'float', value: float };
  }
  return { type: 'string', value: text };
}

/** The value of an untagged plain scalar, without allocating for the common case: text that cannot be anything but a string. */
export function resolvePlainValue(text: string): ResolvedScalar['value'] {
  return hintFor(text[0]) === undefined ? text : resolvePlainScalar(text).value;
}

/** How YAML 1.1 reads a scalar written with one of the core tags (`!!int 12`), or undefined when go-yaml v2 fails. */
export function resolveTaggedScalar(tag: string, text: string): ResolvedScalar | undefined {
  const shortTag = tag.replace(/^tag:yaml\.org,2002:/, '!!');
  switch (shortTag) {
    case '!!str':
      return { type: 'string', value: text };
    case '!!timestamp':
      // Kept as text, but go-yaml fails where time.Parse does.
      return GO_TIMESTAMP.test(text) && validDate(text) ? { type: 'string', value: text } : undefined;
    case '!!binary': {
      const data = decodeBase64(text);
      return data === undefined ? undefined : { type: 'string', value: data };
    }
    case '!!int':
    case '!!bool':
    case '!!null': {
      const resolved = resolvePlainScalar(text);
      return `!!${resolved.type}` === shortTag ? resolved : undefined;
    }
    case '!!float': {
      const resolved = resolvePlainScalar(text);
      // go-yaml turns an int64 into a float but fails on an integer it read as a uint64.
      if (resolved.integer !== undefined && resolved.integer > INT64_MAX) return undefined;
      return resolved.type === 'float' || resolved.type === 'int' ? { type: 'float', value: resolved.value } : undefined;
    }
    default:
      // Local tags (`!foo`) are not resolvable: go-yaml keeps the text.
      return { type: 'string', value: text };
  }
}

/** Go's base64.StdEncoding (padding required; CR and LF skipped), bytes then read as Go reads a string. */
function decodeBase64(text: string): string | undefined {
  const compact = text.replaceAll(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) return undefined;
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return goString(bytes);
}

/** Bytes as encoding/json writes a Go string: each byte that starts no valid UTF-8 sequence is U+FFFD. */
function goString(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; ) {
    const length = validSequenceLength(bytes, index);
    if (length === 0) {
      text += '\uFFFD';
      index += 1;
    } else {
      text += new TextDecoder().decode(bytes.subarray(index, index + length));
      index += length;
    }
  }
  return text;
}

/** Length of the valid UTF-8 sequence at `index`, or 0 (utf8.DecodeRune's rules). */
function validSequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index] ?? 0;
  const continuation = (at: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[at];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (first < 0x80) return 1;
  if (first >= 0xc2 && first <= 0xdf) return continuation(index + 1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const low = first === 0xe0 ? 0xa0 : 0x80;
    const high = first === 0xed ? 0x9f : 0xbf;
    return continuation(index + 1, low, high) && continuation(index + 2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const low = first === 0xf0 ? 0x90 : 0x80;
    const high = first === 0xf4 ? 0x8f : 0xbf;
    return continuation(index + 1, low, high) && continuation(index + 2) && continuation(index + 3) ? 4 : 0;
  }
  return 0;
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** A UTF-16 surrogate that is not half of a pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A scalar of a document encoding/json reads (a JSON stream): strings, numbers, true, false, null. */
export function resolveJsonScalar(plain: boolean, text: string): ResolvedScalar {
  // encoding/json reads a `\u` escape of a surrogate that is not half of a pair as U+FFFD.
  if (!plain) return { type: 'string', value: text.replace(LONE_SURROGATE, '\uFFFD') };
  if (text === 'true' || text === 'false') return { type: 'bool', value: text === 'true' };
  if (text === 'null') return { type: 'null', value: null };
  if (JSON_NUMBER.test(text)) return { type: 'float', value: Number(text) };
  return { type: 'string', value: text };
}

/**
 * A mapping key as sigs.k8s.io/yaml writes it into JSON: strings as they are, integers in
 * decimal, floats with Go's FormatFloat(f, 'g', -1, 32), booleans as words. A null key, and an
 * integer beyond int64 (go-yaml makes it a uint64), cannot be converted.
 */
export function jsonKeyString(resolved: ResolvedScalar): string | { messageId: 'nullKey' | 'unsignedKey' } {
  const { value } = resolved;
  if (value === null) return { messageId: 'nullKey' };
  if (resolved.integer !== undefined) return resolved.integer > INT64_MAX ? { messageId: 'unsignedKey' } : resolved.integer.toString();
  if (typeof value === 'number') return resolved.type === 'int' ? String(value) : goFloat32(value);
  return String(value);
}

/** Go's strconv.FormatFloat(value, 'g', -1, 32), with sigs.k8s.io/yaml's spellings of the infinities and NaN. */
function goFloat32(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Number.POSITIVE_INFINITY) return '.inf';
  if (value === Number.NEGATIVE_INFINITY) return '-.inf';
  const single = Math.fround(value);
  if (!Number.isFinite(single)) return single > 0 ? '.inf' : '-.inf';
  const sign = single < 0 || Object.is(single, -0) ? '-' : '';
  if (single === 0) return `${sign}0`;
  const magnitude = Math.abs(single);
  // The shortest decimal that reads back as the same float32.
  let exponential = magnitude.toExponential(0);
  for (let digits = 1; digits <= 9; digits++) {
    exponential = magnitude.toExponential(digits - 1);
    if (Math.fround(Number(exponential)) === magnitude) break;
  }
  const [mantissa = '0', exponentText = '0'] = exponential.split('e');
  let digits = mantissa.replace('.', '');
  while (digits.length > 1 && digits.endsWith('0')) digits = digits.slice(0, -1);
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const power = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${power}`;
  }
  const point = exponent + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * The integer a scalar written as `text` resolves to as go-yaml reads it (by its tag, or plain;
 * a quoted scalar without a tag is a string), exactly; undefined when it is no integer.
 */
export function writtenInteger(text: string, tag: string | undefined, plain: boolean): bigint | undefined {
  const resolved = tag === undefined ? (plain ? resolvePlainScalar(text) : undefined) : resolveTaggedScalar(tag, text);
  return resolved?.type === 'int' ? resolved.integer : undefined;
}
