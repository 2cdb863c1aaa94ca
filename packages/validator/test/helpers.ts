import { Ajv } from 'ajv';
import { createEngine, type SchemaSet } from '../src/engine.js';
import { clientRules } from '../src/rules/client/index.js';
import { pipelineRules } from '../src/rules/pipeline.js';
import type { RuleDefinition } from '../src/types.js';

/** Compiles small hand-written schemas the way the generator does (allErrors), for tests of the engine alone. */
export function compileSchemaSet(definitions: Record<string, object>, kinds: string[]): SchemaSet {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema({ $id: 'test', definitions });
  const validators = Object.fromEntries(kinds.map((kind) => [kind, ajv.compile({ $ref: `test#/definitions/${kind}` })]));
  return { imageKinds: kinds, validators, definitions };
}

/** A `validate` over the given schemas and rules (the pipeline and client rules are always there). */
export function engineWith(schemaSet: SchemaSet, extraRules: RuleDefinition[] = []) {
  return createEngine(schemaSet, [...pipelineRules, ...clientRules, ...extraRules]);
}

/** The 1-based line and column of the first occurrence of `needle` (after `after` if given). */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
