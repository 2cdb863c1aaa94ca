import { enumValueMeanings } from '../documented-values.js';
import { referencedTypes, type ApiModel, type FieldModel, type TypeModel, type TypeShape } from '../model.js';
import { defaultSnippets } from './snippets.js';

export type Flavour = 'standard' | 'strict';

const SCHEMA_BASE = 'https://ocp-image.dev/schemas/v1/';
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
/** OpenShift 3's spelling of the image kinds' apiVersion, which ocp-image reads as image.openshift.io/v1 and reports. */
const LEGACY_API_VERSION = 'v1';

export type JsonSchema = { [key: string]: unknown };

/**
 * Keywords for editors (yaml-language-server, VS Code) beside the standard ones: completion
 * snippets and the meaning of enum values. Validators ignore them; ajv in strict mode wants them
 * declared (`ajv.addVocabulary(editorKeywords)`), which `@ocp-image/schemas` exports.
 */
export const EDITOR_KEYWORDS = ['defaultSnippets', 'enumDescriptions'] as const;

export function schemaId(name: string, flavour: Flavour): string {
  return `${SCHEMA_BASE}${flavour === 'strict' ? 'strict/' : ''}${name}.json`;
}

/**
 * Kind types are also embedded in other objects (ImageStreamMapping.image is an Image). Embedded
 * copies accept any apiVersion/kind (the server ignores them), so they get their own definition.
 */
export function embeddedName(typeName: string): string {
  return `Embedded${typeName}`;
}

export class SchemaEmitter {
  private readonly types: Map<string, TypeModel>;
  private readonly kindTypes: Set<string>;
  /**
   * The API server's JSON decoder accepts null for every field (it leaves the field unset), so the
   * validation schemas do too. The TypeScript types are built without it: they describe what to write.
   */
  private readonly acceptNull: boolean;

  constructor(
    private readonly model: ApiModel,
    private readonly flavour: Flavour,
    options: { acceptNull?: boolean } = {},
  ) {
    this.acceptNull = options.acceptNull ?? true;
    this.types = new Map(model.types.map((t) => [t.name, t]));
    this.kindTypes = new Set(model.kinds.map((k) => k.type));
  }

  /** Definition name used where `typeName` is referenced from a field. */
  private refName(typeName: string): string {
    return this.kindTypes.has(typeName) ? embeddedName(typeName) : typeName;
  }

  private orNull(type: string): string | string[] {
    return this.acceptNull ? [type, 'null'] : type;
  }

  private shape(shape: TypeShape): JsonSchema {
    if ('scalar' in shape) return { type: this.orNull(shape.scalar) };
    if ('array' in shape) return { type: this.orNull('array'), items: this.shape(shape.array) };
    if ('map' in shape) return { type: this.orNull('object'), additionalProperties: this.shape(shape.map) };
    return { $ref: `#/definitions/${this.refName(shape.ref)}` };
  }

  private field(field: FieldModel): JsonSchema {
    const base = this.shape(field.type);
    // Draft-07 validators ignore a description beside $ref; editors show it on hover.
    const schema: JsonSchema = field.description ? { description: field.description, ...base } : { ...base };
    if ('$ref' in base) return schema;
    if (field.enum) {
      schema.enum = this.acceptNull ? [...field.enum, null] : field.enum;
      const meanings = enumValueMeanings(field.description, field.enum);
      if (meanings) schema.enumDescriptions = this.acceptNull ? [...meanings, 'Not set (null): as if the field were left out.'] : meanings;
    }
    if (field.format === 'byte' && 'scalar' in field.type && this.acceptNull) {
      // []byte travels as base64, but the decoder also takes a JSON array of byte values. Two
      // branches rather than one union type, which ajv's strict mode refuses.
      delete schema.type;
      schema.anyOf = [{ type: ['string', 'null'] }, { type: 'array', items: { type: 'integer', minimum: 0, maximum: 255 } }];
    }
    return schema;
  }

  private typeDefinition(type: TypeModel, kind?: { apiVersion: string; kind: string }): JsonSchema {
    if (type.shape === 'scalar') {
      return { description: type.description, type: type.nullable ? [type.scalar, 'null'] : type.scalar };
    }
    const properties: Record<string, JsonSchema> = {};
    for (const field of type.fields) properties[field.name] = this.field(field);
    const required = type.fields.filter((f) => f.required).map((f) => f.name);
    if (kind) {
      const documented = (name: string): string => type.fields.find((f) => f.name === name)?.description ?? '';
      properties.apiVersion = { description: documented('apiVersion'), const: kind.apiVersion };
      properties.kind = { description: documented('kind'), const: kind.kind };
      required.unshift('apiVersion', 'kind');
    }
    const schema: JsonSchema = { description: type.description, type: kind ? 'object' : this.orNull('object'), properties };
    if (required.length > 0) schema.required = [...new Set(required)];
    const snippets = defaultSnippets[kind?.kind ?? type.name];
    if (snippets) schema.defaultSnippets = snippets;
    if (type.open) schema.additionalProperties = true;
    else if (this.flavour === 'strict') schema.additionalProperties = false;
    return schema;
  }

  /** All definitions: one per kind (with apiVersion/kind constants) and one per other type. */
  definitions(): Record<string, JsonSchema> {
    const definitions: Record<string, JsonSchema> = {};
    for (const kind of this.model.kinds) {
      definitions[kind.kind] = this.typeDefinition(this.types.get(kind.type)!, kind);
    }
    for (const type of this.model.types) definitions[this.refName(type.name)] = this.typeDefinition(type);
    return sortKeys(definitions);
  }

  /** Definitions reachable from `root` (a definition name). */
  private reachable(root: string): Set<string> {
    const seen = new Set<string>();
    const visit = (definitionName: string): void => {
      if (seen.has(definitionName)) return;
      seen.add(definitionName);
      const typeName = definitionName.startsWith('Embedded') && this.kindTypes.has(definitionName.slice(8)) ? definitionName.slice(8) : definitionName;
      const type = this.types.get(typeName);
      for (const field of type?.fields ?? []) for (const ref of referencedTypes(field.type)) visit(this.refName(ref));
    };
    visit(root);
    return seen;
  }

  /** A self-contained schema for one kind: the kind object at the root, what it references under definitions. */
  kindSchema(kindName: string): JsonSchema {
    const all = this.definitions();
    const kind = this.model.kinds.find((k) => k.kind === kindName)!;
    const reachable = this.reachable(kindName);
    reachable.delete(kindName);
    const definitions: Record<string, JsonSchema> = {};
    for (const name of [...reachable].sort()) definitions[name] = all[name]!;
    return {
      $schema: DRAFT_07,
      $id: schemaId(kindName, this.flavour),
      title: `${kind.kind} (${kind.apiVersion})${this.flavour === 'strict' ? ', strict' : ''}`,
      ...all[kindName],
      definitions,
    };
  }

  /**
   * A self-contained schema for any document, dispatching on `apiVersion` and `kind` as ocp-image
   * does: an object of one of the kinds is checked against its schema when its apiVersion is of
   * the `image.openshift.io` group, the legacy `v1` or absent (the kind schema then reports
   * the apiVersion); anything else, such as config.openshift.io/v1 `Image`, passes untouched.
   */
  indexSchema(): JsonSchema {
    const kinds = this.model.kinds.map((k) => k.kind);
    const group = this.model.group.replaceAll('.', '\\.');
    return {
      $schema: DRAFT_07,
      $id: schemaId('index', this.flavour),
      title: `${this.model.apiVersion} objects${this.flavour === 'strict' ? ', strict' : ''}`,
      description: `Any ${this.model.apiVersion} object, selected by apiVersion and kind (${kinds.join(', ')}); documents of other API groups are not checked.`,
      type: 'object',
      allOf: kinds.map((kind) => ({
        if: {
          properties: {
            kind: { const: kind },
            apiVersion: { anyOf: [{ const: LEGACY_API_VERSION }, { type: 'string', pattern: `^${group}/` }] },
          },
          required: ['kind'],
        },
        then: { $ref: `#/definitions/${kind}` },
      })),
      definitions: this.definitions(),
    };
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
