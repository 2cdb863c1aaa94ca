/**
 * Finds the JSON Schema that applies at a data path, following `$ref`s into `definitions`.
 * Used for messages (the field names to suggest) and for what ajv cannot say because the schemas
 * accept null everywhere (whether a null stands where a string is expected).
 */
import { isRecord } from '../rules/utils/object.js';
import type { PathSegment } from '../types.js';

export type JsonSchema = Record<string, unknown>;

export interface SchemaAtPath {
  schema: JsonSchema;
  /** The name of the last definition reached through `$ref` (e.g. `Time`). */
  definition?: string;
}

export class SchemaIndex {
  constructor(private readonly definitions: Readonly<Record<string, unknown>>) {}

  /** The schema for `path` inside an object of `kind`, or undefined where no schema describes it. */
  at(kind: string, path: readonly PathSegment[]): SchemaAtPath | undefined {
    const root = this.definitions[kind];
    let current = isRecord(root) ? this.follow(root, kind) : undefined;
    for (const segment of path) {
      if (!current) return undefined;
      const { schema } = current;
      let next: unknown;
      if (typeof segment === 'number') next = schema.items;
      else if (isRecord(schema.properties) && Object.hasOwn(schema.properties, segment)) next = schema.properties[segment];
      else next = schema.additionalProperties;
      current = isRecord(next) ? this.follow(next, undefined) : undefined;
    }
    return current;
  }

  /** Follows `$ref`s; `definition` names the schema when it is (or was reached as) a definition. */
  private follow(schema: JsonSchema, definition: string | undefined, depth = 0): SchemaAtPath | undefined {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return definition ? { schema, definition } : { schema };
    const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
    const target = name && depth < 32 ? this.definitions[name] : undefined;
    return isRecord(target) && name ? this.follow(target, name, depth + 1) : undefined;
  }
}

/** The `type` of a schema as a list (`["string", "null"]`). */
export function schemaTypes(schema: JsonSchema | undefined): string[] {
  const type = schema?.type;
  if (Array.isArray(type)) return type.map(String);
  return typeof type === 'string' ? [type] : [];
}
