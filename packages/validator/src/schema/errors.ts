/**
 * Turns ajv errors into one problem per real mistake: `oneOf`/`anyOf` cascades collapsed to the
 * branch that fits best, nulls read the way the server reads them, template parameters spared,
 * YAML 1.1 surprises reported as such, and did-you-mean hints for enum values and field names.
 */
import type { CheckedMessage, PathEdit, PathSegment, SuggestionDescriptor } from '../types.js';
import { pipelineRules, schemaEnum, schemaOther, schemaRequired, schemaType, unknownField, yamlImplicitType, yamlNullValue } from '../rules/pipeline.js';
import { messageEscaped, messageQuoted, yamlQuoted } from '../quote.js';
import type { SourceNode } from '../yaml/source.js';
import { ruleMessage } from '../rules/define.js';
import { pointerToPath, renderPath, valueAt } from '../paths.js';
import { caseVariantOf, closestMatch } from '../suggest.js';
import { isNonStringTemplateParameter, isTemplateParameterValue } from '../template.js';
import { resolvePlainScalar } from '../yaml/scalar.js';
import type { LocateTarget } from '../locate.js';
import { schemaTypes, type SchemaAtPath } from './walk.js';

/** An integer written with a leading zero (`012`, `-07`): octal to YAML 1.1, decimal to most readers. */
const LEADING_ZERO_NUMBER = /^[-+]?0[0-9]/;

/** A value that is exactly one `${NAME}` reference (library-go templateprocessing's parameter name syntax). */
const WHOLE_STRING_PARAMETER = /^\$\{([a-zA-Z0-9_]+)\}$/;

/** The part of an ajv `ErrorObject` used here. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled (standalone) ajv validate function. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export interface SchemaProblem extends CheckedMessage {
  /** A safe fix, by path relative to the object. */
  fix?: PathEdit;
  suggest?: SuggestionDescriptor[];
  /** Relative to the object. */
  path: PathSegment[];
  target: LocateTarget;
  /** Where to position the finding when not at `path` (relative to the object). */
  locateAt?: PathSegment[];
}

export interface SchemaErrorContext {
  /** The object value that was validated. */
  value: unknown;
  kind: string;
  inTemplate: boolean;
  /** The YAML node a path (relative to the object) was read from, if any. */
  nodeAt(path: readonly PathSegment[]): SourceNode | null | undefined;
  /** The schema that applies at a path (relative to the object), if known. */
  schemaAt(path: readonly PathSegment[]): SchemaAtPath | undefined;
}

const COMBINATORS = new Set(['oneOf', 'anyOf']);
const NULL_WORDS = new Set(['~', 'null', 'Null', 'NULL']);
/** Kubernetes meta/v1 Time writes its zero value as null itself (`creationTimestamp: null`). */
const NULLABLE_DEFINITIONS = new Set(['Time', 'MicroTime']);

/** Drops the errors of `oneOf`/`anyOf` branches except those of the branch that fits best. */
export function collapseCombinators(errors: readonly SchemaError[]): SchemaError[] {
  let remaining = [...errors];
  const combinators = remaining
    .filter((error) => COMBINATORS.has(error.keyword))
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const combinator of combinators) {
    const prefix = `${combinator.schemaPath}/`;
    const branches = new Map<string, SchemaError[]>();
    for (const error of remaining) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    if (branches.size === 0) continue;
    const best = [...branches.values()].sort((a, b) => branchCost(a, combinator) - branchCost(b, combinator))[0] ?? [];
    remaining = remaining.filter((error) => error !== combinator && (!error.schemaPath.startsWith(prefix) || best.includes(error)));
  }
  return remaining;
}

/** A branch whose type did not even match the value is the worst fit; otherwise fewer errors fit better. */
function branchCost(errors: readonly SchemaError[], combinator: SchemaError): number {
  const typeMismatch = errors.some((error) => error.instancePath === combinator.instancePath && (error.keyword === 'type' || error.keyword === 'const'));
  return (typeMismatch ? 1000 : 0) + errors.length;
}

function expectedTypes(params: Record<string, unknown>): string[] {
  const type = params.type;
  if (Array.isArray(type)) return type.map(String);
  return typeof type === 'string' ? type.split(',') : [];
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

function describeExpected(types: readonly string[]): string {
  // Every field accepts null (the decoder reads it as unset); saying so would only distract.
  const meaningful = types.length > 1 ? types.filter((type) => type !== 'null') : types;
  return meaningful.map((type) => TYPE_NAMES[type] ?? type).join(' or ');
}

function describeActual(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${messageQuoted(value)}`;
    case 'number':
      return `the number ${formatNumber(value)}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'infinity' : '-infinity';
  return String(value);
}

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return messageQuoted(value);
  if (typeof value === 'number') return formatNumber(value);
  if (value === null || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** A key as it may stand between quotes in a one-line message. */
const keyText = (key: string): string => messageEscaped(key);

function plainScalar(node: SourceNode | null | undefined): SourceNode | undefined {
  return node?.style === 'plain' ? node : undefined;
}

function fieldName(path: readonly PathSegment[], kind: string): string {
  return path.length === 0 ? kind : renderPath(path);
}

export function schemaProblems(errors: readonly SchemaError[], context: SchemaErrorContext): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: SchemaProblem): void => {
    const identity = `${problem.ruleId}\u0000${renderPath(problem.path)}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    problems.push(problem);
  };
  // `if` only says which `then`/`else` applied; their own errors carry the real problem.
  const relevant = collapseCombinators(errors).filter((error) => error.keyword !== 'if');
  for (const error of relevant) {
    const path = pointerToPath(error.instancePath, context.value);
    const data = valueAt(context.value, path);
    const field = fieldName(path, context.kind);
    if (error.keyword === 'required') {
      const missing = String(error.params.missingProperty ?? '');
      add({ ...ruleMessage(schemaRequired, { messageId: 'missing', data: { field: missing, parent: field } }), path: [...path, missing], target: 'value' });
      continue;
    }
    if (error.keyword === 'additionalProperties') {
      const name = String(error.params.additionalProperty ?? '');
      const properties = context.schemaAt(path)?.schema.properties;
      const known = properties && typeof properties === 'object' ? Object.keys(properties) : [];
      const suggestion = closestMatch(name, known);
      add({
        ...ruleMessage(unknownField, { messageId: 'unknown', data: { name: keyText(name), parent: field, hint: suggestion ? ` (did you mean "${suggestion}"?)` : '' } }),
        path: [...path, name],
        target: 'key',
        ...(suggestion === undefined
          ? {}
          : {
              suggest: [
                {
                  messageId: 'rename',
                  data: { name: keyText(name), suggestion },
                  edit: { type: 'renameKey', path: [...path, name], key: suggestion },
                } satisfies SuggestionDescriptor<typeof unknownField.messages>,
              ],
            }),
      });
      continue;
    }
    // Template parameters are substituted later: `${{X}}` as the whole value may become any JSON
    // value, but `${X}` is replaced by text, so the value stays a string where the API wants another type.
    if (context.inTemplate && isTemplateParameterValue(data)) {
      const expected = error.keyword === 'type' ? expectedTypes(error.params) : [];
      if (isNonStringTemplateParameter(data) || expected.length === 0 || expected.includes('string')) continue;
      const name = WHOLE_STRING_PARAMETER.exec(data)?.[1];
      const jsonParameter = `\${{${name ?? 'NAME'}}}`;
      add({
        ...ruleMessage(schemaType, { messageId: 'stringParameter', data: { field, expected: describeExpected(expected), value: messageQuoted(data), jsonParameter } }),
        path,
        target: 'value',
        ...(name === undefined ? {} : { fix: { type: 'replace', path, value: jsonParameter } }),
      });
      continue;
    }
    // The server's decoder reads a JSON null as "not set".
    if (data === null) continue;
    switch (error.keyword) {
      case 'type': {
        const expected = expectedTypes(error.params);
        const node = context.nodeAt(path);
        const plain = plainScalar(node);
        if (plain && expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
          const text = plain.text ?? '';
          add({
            ...ruleMessage(yamlImplicitType, { messageId: 'implicit', data: { text, type: typeof data === 'number' ? 'number' : 'boolean', decoded: formatValue(data), fix: yamlQuoted(text) } }),
            path,
            target: 'value',
            fix: { type: 'quote', path },
          });
          break;
        }
        if (typeof data === 'string' && node?.style === 'quoted') {
          const unquoted = resolvePlainScalar(data);
          // "012" is 10 to YAML 1.1 but twelve to a reader, and quoted it never meant YAML's octal: no guess.
          const fits = !LEADING_ZERO_NUMBER.test(data) && expected.some((type) => unquoted.type === (type === 'integer' ? 'int' : type === 'boolean' ? 'bool' : type) || (type === 'number' && (unquoted.type === 'int' || unquoted.type === 'float')));
          if (fits) {
            // The value to write is the one the unquoted text means (`"yes"` → true, `"0x10"` → 16),
            // and the fix writes that value rather than the YAML 1.1 spelling.
            const meant = unquoted.value;
            add({
              ...ruleMessage(schemaType, { messageId: 'quotedValue', data: { field, expected: describeExpected(expected), value: messageQuoted(String(data)), fix: formatValue(meant) } }),
              path,
              target: 'value',
              fix: typeof meant === 'number' || typeof meant === 'boolean' ? { type: 'replace', path, value: meant } : { type: 'unquote', path },
            });
            break;
          }
        }
        add({ ...ruleMessage(schemaType, { messageId: 'type', data: { field, expected: describeExpected(expected), actual: describeActual(data) } }), path, target: 'value' });
        break;
      }
      case 'enum': {
        const allowed = Array.isArray(error.params.allowedValues) ? error.params.allowedValues : [];
        const suggestion = typeof data === 'string' ? closestMatch(data, allowed.filter((value): value is string => typeof value === 'string')) : undefined;
        const caseFix = caseVariantOf(data, allowed);
        add({
          ...ruleMessage(schemaEnum, { messageId: 'enum', data: { field, value: formatValue(data), allowed: allowed.map(formatValue).join(', '), hint: suggestion ? ` (did you mean ${messageQuoted(suggestion)}?)` : '' } }),
          path,
          target: 'value',
          ...(caseFix === undefined ? {} : { fix: { type: 'replace', path, value: caseFix } }),
        });
        break;
      }
      case 'const': {
        const allowed = error.params.allowedValue;
        const suggestion = typeof data === 'string' && typeof allowed === 'string' ? closestMatch(data, [allowed]) : undefined;
        const caseFix = caseVariantOf(data, [allowed]);
        add({
          ...ruleMessage(schemaEnum, { messageId: 'constant', data: { field, value: formatValue(data), allowed: formatValue(allowed), hint: suggestion ? ' (check the spelling and case)' : '' } }),
          path,
          target: 'value',
          ...(caseFix === undefined ? {} : { fix: { type: 'replace', path, value: caseFix } }),
        });
        break;
      }
      case 'format':
        add({ ...ruleMessage(schemaOther, { messageId: 'format', data: { field, value: formatValue(data), format: String(error.params.format) } }), path, target: 'value' });
        break;
      case 'pattern':
        add({ ...ruleMessage(schemaOther, { messageId: 'pattern', data: { field, value: formatValue(data), pattern: String(error.params.pattern) } }), path, target: 'value' });
        break;
      default:
        add({ ...ruleMessage(schemaOther, { messageId: 'other', data: { field, message: error.message ?? `fails the schema's ${error.keyword} check` } }), path, target: 'value' });
    }
  }
  // A value of the wrong type fails its enum or range too: the type is the one problem to report.
  const mistyped = new Set(problems.filter((problem) => flagsOf(problem)?.wrongType).map((problem) => renderPath(problem.path)));
  const consequential = (problem: SchemaProblem) => flagsOf(problem)?.valueConstraint === true && mistyped.has(renderPath(problem.path));
  return mergeMisspeltRequired(problems.filter((problem) => !consequential(problem)));
}

const pipelineRulesById = new Map(pipelineRules.map((rule) => [rule.id, rule]));
const flagsOf = (problem: SchemaProblem) => pipelineRulesById.get(problem.ruleId)?.flags;


/**
 * `apiversion:` written for `apiVersion:` is one mistake, not two: keep the required-field error,
 * name the misspelt key in it, and drop the unknown-field warning for that key.
 */
function mergeMisspeltRequired(problems: SchemaProblem[]): SchemaProblem[] {
  const dropped = new Set<SchemaProblem>();
  const merged = new Map<SchemaProblem, SchemaProblem>();
  for (const required of problems) {
    if (required.ruleId !== schemaRequired.id) continue;
    const parent = renderPath(required.path.slice(0, -1));
    const missing = String(required.path.at(-1));
    const misspelt = problems.find(
      (unknown) =>
        unknown.ruleId === unknownField.id &&
        !dropped.has(unknown) &&
        renderPath(unknown.path.slice(0, -1)) === parent &&
        closestMatch(String(unknown.path.at(-1)), [missing]) === missing,
    );
    if (!misspelt) continue;
    dropped.add(misspelt);
    const written = keyText(String(misspelt.path.at(-1)));
    const message = ruleMessage(schemaRequired, { messageId: 'misspelt', data: { field: String(required.data.field), parent: String(required.data.parent), written } });
    merged.set(required, { ...required, ...message, locateAt: misspelt.path, target: 'key' });
  }
  return problems.filter((problem) => !dropped.has(problem)).map((problem) => merged.get(problem) ?? problem);
}

/**
 * `~` or `null` written where the API expects a string: the server reads an empty string, which
 * is rarely what the author meant. (The schemas accept null everywhere, so ajv cannot say this.)
 */
export function nullStringProblems(context: SchemaErrorContext): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  // One path stack for the whole walk, copied only into a problem: the walk visits every value.
  const path: PathSegment[] = [];
  const visit = (value: unknown): void => {
    if (value === null) {
      const node = plainScalar(context.nodeAt(path));
      const text = node?.text ?? '';
      if (!NULL_WORDS.has(text)) return;
      const at = context.schemaAt(path);
      if (!at || (at.definition && NULLABLE_DEFINITIONS.has(at.definition)) || !schemaTypes(at.schema).includes('string')) return;
      problems.push({ ...ruleMessage(yamlNullValue, { messageId: 'nullString', data: { text, fix: yamlQuoted(text) } }), path: [...path], target: 'value' });
      return;
    }
    if (typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index]);
        path.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      path.push(key);
      visit(record[key]);
      path.pop();
    }
  };
  visit(context.value);
  return problems;
}
