/** The reconciled API model: what the generator emits as `model.json` and builds every artifact from. */

export type ScalarType = 'string' | 'integer' | 'boolean' | 'number';

export type TypeShape =
  | { scalar: ScalarType }
  | { array: TypeShape }
  | { map: TypeShape }
  | { ref: string };

export interface Provenance {
  file: string;
  line: number;
}

export interface FieldModel {
  name: string;
  type: TypeShape;
  /** What the schemas enforce: documented as required AND enforced by the API server. */
  required: boolean;
  /** What the documents' Required lists say. */
  documentedRequired: boolean;
  description: string;
  /** Values the schemas accept (emitted as `enum`); only where the documents list them and the server enforces them. */
  enum?: string[];
  /** Values the description text lists, whether or not the schemas enforce them. */
  documentedValues?: string[];
  /** Format annotation (`int64`, `byte`, `date-time`); informative only, never validated. */
  format?: string;
  provenance: Provenance[];
}

export interface TypeModel {
  name: string;
  description: string;
  /** `object` types have fields; `scalar` types (Time) are aliases of a scalar. */
  shape: 'object' | 'scalar';
  scalar?: ScalarType;
  /** JSON `null` is accepted (Time decodes null to the zero time). */
  nullable?: boolean;
  format?: string;
  /** Open objects keep unknown fields (RawExtension, FieldsV1); closed ones drop them. */
  open: boolean;
  fields: FieldModel[];
  origin: 'documents' | 'hand-written';
  /** Where the documents describe this type: kind and section path (`ImageStream .spec.tags[]`). */
  paths: string[];
  provenance: Provenance[];
}

export interface KindModel {
  kind: string;
  group: string;
  version: string;
  apiVersion: string;
  description: string;
  /** Name of the type that describes the kind's object (same as the kind). */
  type: string;
  provenance: Provenance[];
}

export interface SourceInfo {
  file: string;
  format: string;
  release: string;
  description: string;
}

export interface ApiModel {
  group: string;
  version: string;
  apiVersion: string;
  sources: SourceInfo[];
  kinds: KindModel[];
  types: TypeModel[];
}

export const API_GROUP = 'image.openshift.io';
export const API_VERSION_NAME = 'v1';
export const API_VERSION = `${API_GROUP}/${API_VERSION_NAME}`;

export function shapeToString(shape: TypeShape): string {
  if ('scalar' in shape) return shape.scalar;
  if ('array' in shape) return `[]${shapeToString(shape.array)}`;
  if ('map' in shape) return `map[string]${shapeToString(shape.map)}`;
  return shape.ref;
}

export function referencedTypes(shape: TypeShape): string[] {
  if ('ref' in shape) return [shape.ref];
  if ('array' in shape) return referencedTypes(shape.array);
  if ('map' in shape) return referencedTypes(shape.map);
  return [];
}

/** Locale-independent ordering, so generated files are identical on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
