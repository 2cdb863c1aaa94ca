import { isTemplateParameterValue } from '../../template.js';
import type { ManifestObject } from '../../types.js';

/** Reading the decoded object, for rules of every group: absent or mistyped fields read as undefined (the schema reports wrong types). */

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A child object, or undefined when absent or not an object (the schema reports wrong types). */
export function record(value: unknown, key: string): JsonObject | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return isRecord(child) ? child : undefined;
}

export function array(value: unknown, key: string): unknown[] | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return Array.isArray(child) ? child : undefined;
}

/** A string field; undefined when absent or of another type (type errors belong to the schema). */
export function string(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return typeof child === 'string' ? child : undefined;
}

/** Go's `len(x) == 0` for a decoded field: absent, null, empty string, empty list or map. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/**
 * True when a Template will fill this value in later (`${NAME}` or `${{NAME}}`): such values are
 * not format-checked, only the structure around them.
 */
export function isTemplateValue(object: ManifestObject, text: string): boolean {
  return object.inTemplate && isTemplateParameterValue(text);
}

