/**
 * Strings the API server must convert while decoding the JSON into Go types, before anything is
 * defaulted, dropped or validated: a failure rejects the whole request, even inside `status` or
 * another part the server discards afterwards. The schemas say only "string" for these.
 *
 * - meta/v1 Time (`creationTimestamp`, status tag events' `created`, conditions…): Go's
 *   time.Parse(time.RFC3339, …) in Time.UnmarshalJSON (k8s.io/apimachinery pkg/apis/meta/v1/time.go).
 * - `[]byte` fields (signature `content`, `dockerImageSignatures`): encoding/json decodes standard
 *   base64 with padding (encoding/base64 StdEncoding; CR and LF are skipped).
 * - int64 fields (every `integer` of these schemas: `generation`, Image `size`…): oc sends an
 *   integer beyond int64 as a float64 (apimachinery pkg/util/json), whose JSON text encoding/json
 *   cannot parse into an int64.
 */
import { messageQuoted } from '../quote.js';
import { ruleMessage } from '../rules/define.js';
import { fieldDecoding } from '../rules/pipeline.js';
import type { PathSegment } from '../types.js';
import { INT64_LIMIT, INT64_MAX, INT64_MIN, writtenInteger } from '../yaml/scalar.js';
import type { SourceNode } from '../yaml/source.js';
import type { SchemaErrorContext, SchemaProblem } from './errors.js';
import { schemaTypes } from './walk.js';
import { isTemplateParameterValue } from '../template.js';

/** Fields whose schema is reached through the `Time` definition. */
const TIME_KEYS = new Set(['creationTimestamp', 'deletionTimestamp', 'created', 'lastProbeTime', 'lastTransitionTime', 'time']);

/** `[]byte` fields by the definition that holds them (the Embedded* copies are the same Go types). */
const BYTE_FIELDS: Readonly<Record<string, string>> = {
  ImageSignature: 'content',
  EmbeddedImageSignature: 'content',
};
/** `[][]byte` fields: each item is base64. */
const BYTE_LIST_FIELDS: Readonly<Record<string, string>> = {
  Image: 'dockerImageSignatures',
  EmbeddedImage: 'dockerImageSignatures',
};

const BYTE_KEYS = new Set(Object.values(BYTE_FIELDS));
const BYTE_LIST_KEYS = new Set(Object.values(BYTE_LIST_FIELDS));

const BINARY_TAG = 'tag:yaml.org,2002:binary';

/**
 * Whether a number oc sends for an int64 field cannot be decoded into it. Written as an integer, its
 * exact value decides; a float (`1e19`, or an integer beyond int64, which go-yaml reads as one)
 * reaches the server as Go's shortest form of a float64, which ParseInt reads only below 2^63 in
 * magnitude (±2^63 itself is written ±9223372036854776000).
 */
function beyondInt64(value: number, node: SourceNode | null | undefined): boolean {
  const written = node?.kind === 'scalar' ? node.text : undefined;
  const integer = written === undefined ? undefined : writtenInteger(written, node?.tag, node?.style === 'plain');
  if (integer !== undefined) return integer < INT64_MIN || integer > INT64_MAX;
  return Math.abs(value) >= INT64_LIMIT;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why Go's time.Parse(time.RFC3339, text) fails, or undefined when it succeeds. */
export function rfc3339Problem(text: string): string | undefined {
  const match = RFC3339.exec(text);
  if (!match) return 'expected the form 2006-01-02T15:04:05Z or with an offset such as +02:00';
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as number[];
  if (month! < 1 || month! > 12) return 'month out of range';
  if (day! < 1 || day! > daysInMonth(year!, month!)) return 'day out of range';
  if (hour! > 23) return 'hour out of range';
  if (minute! > 59) return 'minute out of range';
  if (second! > 59) return 'second out of range';
  if (offsetHour! > 24 || offsetMinute! > 60) return 'time zone offset out of range';
  return undefined;
}

const BASE64_CHARACTER = /[A-Za-z0-9+/]/;

/** Why Go's base64.StdEncoding rejects the text (as encoding/json decodes a []byte), or undefined. */
export function base64Problem(text: string): string | undefined {
  const data = text.replace(/[\r\n]/g, '');
  let padding = 0;
  while (padding < data.length && data[data.length - 1 - padding] === '=') padding++;
  const body = data.slice(0, data.length - padding);
  for (let index = 0; index < body.length; index++) {
    const character = body[index] ?? '';
    if (!BASE64_CHARACTER.test(character)) {
      return character === '='
        ? 'data follows the "=" padding'
        : `${messageQuoted(character)} is not a base64 character (standard alphabet A-Z a-z 0-9 + /)`;
    }
  }
  if (data.length % 4 !== 0) return `its length ${data.length} is not a multiple of 4 (base64 needs "=" padding)`;
  if (padding > 2 || (padding > 0 && body.length % 4 === 1)) return 'too much "=" padding';
  return undefined;
}

export function decodingProblems(context: SchemaErrorContext): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const check = (text: string, path: PathSegment[], kind: 'time' | 'bytes') => {
    if (context.inTemplate && isTemplateParameterValue(text)) return;
    if (kind === 'time') {
      const reason = rfc3339Problem(text);
      if (reason) problems.push({ ...ruleMessage(fieldDecoding, { messageId: 'time', data: { value: quote(text), reason } }), path, target: 'value' });
      return;
    }
    const reason = base64Problem(text);
    if (!reason) return;
    const node = context.nodeAt(path);
    const messageId = node?.tag === BINARY_TAG ? 'binary' : 'bytes';
    problems.push({ ...ruleMessage(fieldDecoding, { messageId, data: { value: quote(text), reason } }), path, target: 'value' });
  };
  // One path, extended and cut back while walking: a copy is made only for a problem.
  const path: PathSegment[] = [];
  const pathTo = (key: PathSegment) => [...path, key];
  const visit = (value: unknown, definition: string | undefined): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        path.push(index);
        visit(item, undefined);
        path.pop();
      });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    // The schema is looked up only for keys that can be such a field (a lookup walks from the root).
    const definitionHere = () => definition ?? context.schemaAt(path)?.definition;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') {
        if (TIME_KEYS.has(key) && context.schemaAt(pathTo(key))?.definition === 'Time') check(item, pathTo(key), 'time');
        else if (BYTE_KEYS.has(key) && BYTE_FIELDS[definitionHere() ?? ''] === key) check(item, pathTo(key), 'bytes');
      } else if (typeof item === 'number') {
        if (Math.abs(item) < INT64_LIMIT) continue;
        const itemPath = pathTo(key);
        if (schemaTypes(context.schemaAt(itemPath)?.schema).includes('integer') && beyondInt64(item, context.nodeAt(itemPath))) {
          problems.push({ ...ruleMessage(fieldDecoding, { messageId: 'int64', data: { value: writtenNumber(item, context.nodeAt(itemPath)) } }), path: itemPath, target: 'value' });
        }
      } else if (Array.isArray(item) && BYTE_LIST_KEYS.has(key) && BYTE_LIST_FIELDS[definitionHere() ?? ''] === key) {
        item.forEach((entry, index) => {
          if (typeof entry === 'string') check(entry, [...path, key, index], 'bytes');
        });
      } else if (typeof item === 'object' && item !== null) {
        path.push(key);
        visit(item, undefined);
        path.pop();
      }
    }
  };
  visit(context.value, context.kind);
  return problems;
}

/** The number as the manifest writes it, when a plain or tagged (`!!int 12`) scalar holds it. */
function writtenNumber(value: number, node: SourceNode | null | undefined): string {
  return node?.kind === 'scalar' && (node.style === 'plain' || node.tag !== undefined) && node.text !== undefined ? node.text : String(value);
}

/** Bytes and times are long: quoted shorter than other values. */
function quote(text: string): string {
  return messageQuoted(text, 80);
}
