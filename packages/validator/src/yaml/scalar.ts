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

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
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
  if (integer !== undefined) return { type: 'int', value: Number(integer) };
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
    case '!!binary':
    case '!!timestamp':
      return { type: 'string', value: text };
    case '!!int':
    case '!!bool':
    case '!!null': {
      const resolved = resolvePlainScalar(text);
      return `!!${resolved.type}` === shortTag ? resolved : undefined;
    }
    case '!!float': {
      const resolved = resolvePlainScalar(text);
      return resolved.type === 'float' || resolved.type === 'int' ? { type: 'float', value: resolved.value } : undefined;
    }
    default:
      // Local tags (`!foo`) are not resolvable: go-yaml keeps the text.
      return { type: 'string', value: text };
  }
}
