import { knownTypeNames, knownTypes } from './known-types.js';
import {
  API_GROUP,
  API_VERSION,
  API_VERSION_NAME,
  compareText,
  shapeToString,
  type FieldModel,
  type KindModel,
  type Provenance,
  type TypeModel,
  type TypeShape,
} from './model.js';
import type { RawDocument, RawRow, RawSection } from './readers/types.js';
import type { MergeReport } from './report.js';

const SCALARS = new Set(['string', 'integer', 'boolean', 'number']);

/** Strips release suffixes and package qualifiers: `ObjectMeta_v2` → ObjectMeta, `Time meta/v1` → Time. */
export function canonicalTypeName(printed: string): string {
  return printed
    .replace(/\s+(?:core|meta|pkg|apps|image)\/\S+$/, '')
    .replace(/_v\d+$/, '')
    .trim();
}

/**
 * Name of the type a section describes, read from its description's first words
 * (`TagReference specifies…`, `An ImageStream stores…`, `` `ImageLayerData` contains… ``).
 */
export function typeNameFromDescription(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const match = /^(?:An?\s+|The\s+)?([A-Z][A-Za-z0-9]+)\s+(?:is|are|represents|describes|defines|contains|holds|specifies|stores|controls|relates)\b/.exec(
    description.replace(/`/g, ''),
  );
  return match?.[1];
}

interface KindSections {
  kind: string;
  byPath: Map<string, RawSection>;
}

/**
 * Builds kinds and named types from one document that prints names and types (the primary
 * source). Sections are walked from each kind's top-level table; each object section becomes a
 * named type (named after its description), and sections describing the same type are merged.
 */
export class ModelBuilder {
  readonly types = new Map<string, TypeModel>();
  readonly kinds: KindModel[] = [];
  /** `kind path` → type name, for every object section. */
  readonly sectionTypes = new Map<string, string>();

  constructor(
    private readonly document: RawDocument,
    private readonly report: MergeReport,
  ) {}

  build(): void {
    for (const known of knownTypes) this.types.set(known.name, structuredClone(known));
    for (const { kind, byPath } of this.kindSections()) {
      const top = byPath.get('');
      if (!top) throw new Error(`${this.document.file}: kind ${kind} has no specification table`);
      const typeName = this.objectType(kind, '', top, byPath, kind);
      this.kinds.push({
        kind,
        group: API_GROUP,
        version: API_VERSION_NAME,
        apiVersion: API_VERSION,
        description: top.description ?? '',
        type: typeName,
        provenance: [this.at(top.line)],
      });
    }
  }

  private kindSections(): KindSections[] {
    const result = new Map<string, KindSections>();
    for (const section of this.document.sections) {
      if (!section.kind) continue;
      let entry = result.get(section.kind);
      if (!entry) result.set(section.kind, (entry = { kind: section.kind, byPath: new Map() }));
      if (entry.byPath.has(section.path)) {
        this.report.problem(this.document.file, section.line, `${section.kind} ${section.path || '(top)'}: section printed twice; first one kept`);
        continue;
      }
      entry.byPath.set(section.path, section);
    }
    return [...result.values()];
  }

  private at(line: number): Provenance {
    return { file: this.document.file, line };
  }

  /** Registers the object type a section describes and returns its name. */
  private objectType(kind: string, path: string, section: RawSection, byPath: Map<string, RawSection>, forcedName?: string): string {
    let name = forcedName ?? typeNameFromDescription(section.description);
    if (!name) {
      name = kind + path.replace(/\[\]|\{\}/g, '').split('.').filter(Boolean).map((s) => s[0]!.toUpperCase() + s.slice(1)).join('');
      this.report.decision(this.document.file, section.line, `${kind} ${path}: no type name in the description; named ${name} after its path`);
    }
    this.sectionTypes.set(`${kind} ${path}`, name);
    const fields = this.fields(kind, path, section, byPath);
    const where = `${kind} ${path || '(top)'}`;
    const existing = this.types.get(name);
    if (!existing) {
      this.types.set(name, {
        name,
        description: section.description ?? '',
        shape: 'object',
        open: false,
        fields,
        origin: 'documents',
        paths: [where],
        provenance: [this.at(section.line)],
      });
      return name;
    }
    if (existing.origin === 'hand-written') {
      this.report.problem(this.document.file, section.line, `${where} describes ${name}, which is also a hand-written type; the documents' version is ignored`);
      return name;
    }
    existing.paths.push(where);
    existing.provenance.push(this.at(section.line));
    this.mergeSameType(existing, fields, where, section.line);
    return name;
  }

  /** The same type printed at another path: fields must agree; differences are reported, first printing wins. */
  private mergeSameType(existing: TypeModel, fields: FieldModel[], where: string, line: number): void {
    const byName = new Map(existing.fields.map((f) => [f.name, f]));
    for (const field of fields) {
      const known = byName.get(field.name);
      if (!known) {
        this.report.conflict({
          subject: `${existing.name}.${field.name}`,
          kind: 'field-missing-elsewhere',
          detail: `printed at ${where} but not at ${existing.paths[0]}; added`,
          sources: [this.at(line)],
          winner: this.document.file,
        });
        existing.fields.push(field);
        continue;
      }
      known.provenance.push(...field.provenance);
      if (shapeToString(known.type) !== shapeToString(field.type)) {
        this.report.conflict({
          subject: `${existing.name}.${field.name}`,
          kind: 'type',
          detail: `${shapeToString(known.type)} at ${existing.paths[0]}, ${shapeToString(field.type)} at ${where}; first kept`,
          sources: [known.provenance[0]!, ...field.provenance],
          winner: this.document.file,
        });
      }
      if (known.documentedRequired !== field.documentedRequired) {
        this.report.conflict({
          subject: `${existing.name}.${field.name}`,
          kind: 'required',
          detail: `required=${known.documentedRequired} at ${existing.paths[0]}, required=${field.documentedRequired} at ${where}; required if either says so`,
          sources: [known.provenance[0]!, ...field.provenance],
          winner: this.document.file,
        });
        known.documentedRequired ||= field.documentedRequired;
        known.required = known.documentedRequired;
      }
    }
    for (const known of existing.fields) {
      if (!fields.some((f) => f.name === known.name)) {
        this.report.conflict({
          subject: `${existing.name}.${known.name}`,
          kind: 'field-missing-elsewhere',
          detail: `printed at ${existing.paths[0]} but not at ${where}; kept`,
          sources: [known.provenance[0]!, this.at(line)],
          winner: this.document.file,
        });
      }
    }
    existing.fields.sort((a, b) => compareText(a.name, b.name));
  }

  private fields(kind: string, path: string, section: RawSection, byPath: Map<string, RawSection>): FieldModel[] {
    const rows = new Map<string, RawRow>();
    for (const row of section.rows) {
      if (!row.name) continue;
      if (rows.has(row.name)) {
        this.report.problem(this.document.file, row.line, `${kind} ${path || '(top)'}: property ${row.name} printed twice; first kept`);
        continue;
      }
      rows.set(row.name, row);
    }
    const required = new Set(section.required ?? []);
    const fields: FieldModel[] = [];
    for (const [name, row] of rows) {
      if (/\[\]$|\{\}$/.test(name)) {
        if (!rows.has(name.slice(0, -2))) this.report.problem(this.document.file, row.line, `${kind} ${path}: item row ${name} without its property row`);
        continue;
      }
      const type = this.fieldShape(kind, `${path}.${name}`, row, rows, byPath);
      fields.push({
        name,
        type,
        required: required.has(name),
        documentedRequired: required.has(name),
        description: row.description,
        provenance: [this.at(row.line)],
      });
    }
    for (const name of required) {
      if (!rows.has(name)) this.report.problem(this.document.file, section.line, `${kind} ${path || '(top)'}: required ${name} is not a property of the table`);
    }
    return fields.sort((a, b) => compareText(a.name, b.name));
  }

  private fieldShape(kind: string, path: string, row: RawRow, rows: Map<string, RawRow>, byPath: Map<string, RawSection>): TypeShape {
    const printed = (row.type ?? '').trim();
    const wrapped = /^(array|object)\s*\(([^)]+)\)$/.exec(printed);
    if (wrapped) {
      const inner = this.namedShape(wrapped[2]!.trim(), row);
      return wrapped[1] === 'array' ? { array: inner } : { map: inner };
    }
    const name = path.slice(path.lastIndexOf('.') + 1);
    if (printed === 'array') {
      const itemPath = `${path}[]`;
      return { array: this.nestedShape(kind, itemPath, rows.get(`${name}[]`), byPath, row) };
    }
    if (printed === 'object') {
      if (rows.has(`${name}{}`)) return { map: this.nestedShape(kind, `${path}{}`, rows.get(`${name}{}`), byPath, row) };
      return this.nestedShape(kind, path, row, byPath, row);
    }
    return this.namedShape(printed, row);
  }

  /** The shape of `path`, described by its own section (objects) or by the item row's type. */
  private nestedShape(kind: string, path: string, itemRow: RawRow | undefined, byPath: Map<string, RawSection>, row: RawRow): TypeShape {
    const section = byPath.get(path);
    if (section && (section.type ?? 'object') === 'object' && section.rows.length > 0) {
      return { ref: this.objectType(kind, path, section, byPath) };
    }
    const itemType = itemRow?.type?.trim();
    if (itemRow && itemType && itemType !== 'object') return this.namedShape(itemType, itemRow);
    this.report.problem(this.document.file, row.line, `${kind} ${path}: object without a property table; treated as an open object`);
    return { ref: 'RawExtension' };
  }

  private namedShape(printed: string, row: RawRow): TypeShape {
    if (SCALARS.has(printed)) return { scalar: printed as 'string' };
    const name = canonicalTypeName(printed);
    if (!knownTypeNames.has(name) && !this.types.has(name)) {
      this.report.problem(this.document.file, row.line, `type ${printed} is neither described nor hand-written; treated as an open object`);
      return { ref: 'RawExtension' };
    }
    return { ref: name };
  }
}
