import { alignRows, describeMatch } from './align.js';
import { canonicalTypeName, type ModelBuilder } from './build-model.js';
import { compareText, type Provenance, type TypeModel } from './model.js';
import type { RawDocument, RawSection } from './readers/types.js';
import type { MergeReport } from './report.js';

export interface SourceRelease {
  document: RawDocument;
  release: string;
  releaseOrder: number;
}

export interface ResolvedField {
  name: string;
  /** Type as printed, when a document of the release prints it. */
  type?: string;
  description: string;
  required: boolean;
  provenance: Provenance[];
}

export interface ResolvedSection {
  kind: string;
  path: string;
  description?: string;
  /** Required list as the release's documents give it (undefined: no document prints one). */
  required?: string[];
  fields: ResolvedField[];
  provenance: Provenance[];
}

/** What the documents of one release say, after alignment, keyed by `Kind path`. */
export interface ReleaseView {
  release: string;
  releaseOrder: number;
  files: string[];
  sections: Map<string, ResolvedSection>;
}

const key = (kind: string, path: string): string => `${kind} ${path || '(top)'}`;

function hasNames(section: RawSection): boolean {
  return section.rows.length > 0 && section.rows.every((row) => row.name);
}

/**
 * Reconciles the secondary documents with the primary one: gives kinds to documents without kind
 * headers, names the rows of nameless documents by aligning them with a named document, merges the
 * documents of each release into one view, and compares every view with the model built from the
 * primary document. The model keeps the primary document's statements; everything else is reported.
 */
export class Reconciler {
  private readonly primarySections = new Map<string, RawSection>();

  constructor(
    private readonly primary: SourceRelease,
    private readonly builder: ModelBuilder,
    private readonly report: MergeReport,
  ) {
    for (const section of primary.document.sections) {
      if (section.kind) this.primarySections.set(key(section.kind, section.path), section);
    }
  }

  reconcile(others: readonly SourceRelease[]): ReleaseView[] {
    for (const source of others) this.assignKind(source.document);
    const byRelease = new Map<string, SourceRelease[]>();
    for (const source of others) {
      const group = byRelease.get(source.release) ?? [];
      group.push(source);
      byRelease.set(source.release, group);
    }
    const views = [...byRelease.values()].map((group) => this.releaseView(group));
    for (const view of views) this.compareWithModel(view);
    return views.sort((a, b) => a.releaseOrder - b.releaseOrder || compareText(a.release, b.release));
  }

  /** A document without kind headers gets the primary kind whose sections its sections match. */
  private assignKind(document: RawDocument): void {
    const unassigned = document.sections.filter((s) => !s.kind);
    if (unassigned.length === 0) return;
    const scores = new Map<string, number>();
    for (const section of unassigned) {
      for (const [sectionKey, reference] of this.primarySections) {
        if (reference.path !== section.path) continue;
        if (!section.description || !reference.description || !describeMatch(section.description, reference.description)) continue;
        const kind = sectionKey.slice(0, sectionKey.indexOf(' '));
        scores.set(kind, (scores.get(kind) ?? 0) + 1);
      }
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
    const [best, runnerUp] = ranked;
    if (!best || (runnerUp && runnerUp[1] === best[1])) {
      this.report.problem(document.file, unassigned[0]!.line, `cannot tell which kind ${unassigned.length} sections describe (${ranked.map(([k, n]) => `${k}: ${n}`).join(', ') || 'no matches'}); ignored`);
      return;
    }
    for (const section of unassigned) section.kind = best[0];
    this.report.decision(
      document.file,
      unassigned[0]!.line,
      `no kind header: assigned kind ${best[0]} to ${unassigned.length} sections (${best[1]} match ${best[0]} sections of ${this.primary.document.file} by path and description${runnerUp ? `; next best ${runnerUp[0]} with ${runnerUp[1]}` : ''})`,
    );
  }

  private releaseView(group: SourceRelease[]): ReleaseView {
    const first = group[0]!;
    const view: ReleaseView = { release: first.release, releaseOrder: first.releaseOrder, files: group.map((s) => s.document.file).sort(), sections: new Map() };
    const ordered = [...group].sort((a, b) => Number(isNameless(a.document)) - Number(isNameless(b.document)) || compareText(a.document.file, b.document.file));
    for (const { document } of ordered) {
      for (const section of document.sections) {
        if (!section.kind) continue;
        const sectionKey = key(section.kind, section.path);
        const existing = view.sections.get(sectionKey);
        const resolved = hasNames(section) || section.rows.length === 0 ? this.named(document.file, section) : this.aligned(document.file, section, existing);
        if (existing) this.mergeIntoView(existing, resolved, document.file, section.line);
        else view.sections.set(sectionKey, resolved);
      }
    }
    return view;
  }

  private named(file: string, section: RawSection): ResolvedSection {
    const required = new Set(section.required ?? []);
    return {
      kind: section.kind!,
      path: section.path,
      ...(section.description !== undefined && { description: section.description }),
      ...(section.required !== undefined && { required: section.required }),
      fields: section.rows
        .filter((row) => row.name)
        .map((row) => ({
          name: row.name!,
          ...(row.type !== undefined && { type: row.type }),
          description: row.description,
          required: required.has(row.name!),
          provenance: [{ file, line: row.line }],
        })),
      provenance: [{ file, line: section.line }],
    };
  }

  /**
   * Names nameless rows by aligning them with the same section of a named document: the
   * release's own named document when there is one, else the primary document.
   */
  private aligned(file: string, section: RawSection, sameRelease: ResolvedSection | undefined): ResolvedSection {
    const sectionKey = key(section.kind!, section.path);
    const primary = this.primarySections.get(sectionKey);
    const reference = sameRelease && sameRelease.fields.length > 0
      ? { file: sameRelease.provenance[0]!.file, rows: sameRelease.fields.map((f) => ({ name: f.name, type: f.type, description: f.description })) }
      : primary
        ? { file: this.primary.document.file, rows: primary.rows.map((r) => ({ name: r.name, type: r.type, description: r.description })) }
        : undefined;
    const resolved: ResolvedSection = {
      kind: section.kind!,
      path: section.path,
      ...(section.description !== undefined && { description: section.description }),
      ...(section.required !== undefined && { required: section.required }),
      fields: [],
      provenance: [{ file, line: section.line }],
    };
    if (!reference) {
      this.report.problem(file, section.line, `${sectionKey}: nameless rows and no named section to align them with; rows ignored`);
      return resolved;
    }
    const pairs = alignRows(
      section.rows.map((r) => r.description),
      reference.rows.map((r) => r.description),
      (from, to) => Boolean(section.rows[from]?.typeWasLink) && !isScalarType(reference.rows[to]?.type ?? 'string'),
    );
    const required = new Set(section.required ?? []);
    const alignmentRows: { line: number; name: string | null; how: string }[] = [];
    for (const pair of pairs) {
      const row = section.rows[pair.from]!;
      const target = pair.to === undefined ? undefined : reference.rows[pair.to];
      if (!target?.name) {
        alignmentRows.push({ line: row.line, name: null, how: pair.how });
        this.report.problem(file, row.line, `${sectionKey}: nameless row "${row.description.slice(0, 60)}" matches no row of ${reference.file}; ignored`);
        continue;
      }
      let how = pair.how;
      if (row.typeWasLink && target.type && isScalarType(target.type)) {
        how += `; layout suggests a linked type but ${reference.file} prints ${target.type}`;
        this.report.conflict({
          subject: `${sectionKey}.${target.name}`,
          kind: 'type',
          detail: `row layout in ${file} suggests a linked type, ${reference.file} prints ${target.type}; ${reference.file} kept`,
          sources: [{ file, line: row.line }],
          winner: reference.file,
        });
      } else if (row.typeWasLink) {
        how += `; linked type agrees with ${target.type ?? 'the reference'}`;
      }
      alignmentRows.push({ line: row.line, name: target.name, how });
      resolved.fields.push({
        name: target.name,
        ...(target.type !== undefined && { type: target.type }),
        description: row.description,
        required: required.has(target.name),
        provenance: [{ file, line: row.line }],
      });
    }
    this.report.alignment({ file, section: sectionKey, alignedTo: reference.file, rows: alignmentRows });
    return resolved;
  }

  /** Two documents of one release print the same section: union of fields, Required lists carried over. */
  private mergeIntoView(existing: ResolvedSection, incoming: ResolvedSection, file: string, line: number): void {
    const sectionKey = key(existing.kind, existing.path);
    existing.provenance.push(...incoming.provenance);
    const existingRequired = existing.required ?? [];
    const incomingRequired = incoming.required ?? [];
    if (incomingRequired.length > 0 && existingRequired.length === 0) {
      const before = existing.required === undefined ? 'absent' : 'empty';
      existing.required = incomingRequired;
      const carried = existing.fields.filter((f) => incomingRequired.includes(f.name));
      for (const field of carried) field.required = true;
      this.report.decision(
        file,
        line,
        `${sectionKey}: Required list (${incomingRequired.join(', ')}) carried onto the fields of ${existing.provenance[0]!.file}, whose list is ${before}`,
      );
    } else if (incomingRequired.length > 0 && incomingRequired.join() !== existingRequired.join()) {
      this.report.conflict({
        subject: sectionKey,
        kind: 'required',
        detail: `${existing.provenance[0]!.file} lists ${existingRequired.join(', ')}, ${file} lists ${incomingRequired.join(', ')}; first kept`,
        sources: [existing.provenance[0]!, { file, line }],
        winner: existing.provenance[0]!.file,
      });
    }
    if (!existing.description && incoming.description) existing.description = incoming.description;
    for (const field of incoming.fields) {
      const known = existing.fields.find((f) => f.name === field.name);
      if (!known) {
        existing.fields.push(field);
        continue;
      }
      known.provenance.push(...field.provenance);
      if (!known.description && field.description) known.description = field.description;
    }
  }

  /** Fields present in one release and not another, and conflicting statements; the primary document wins. */
  private compareWithModel(view: ReleaseView): void {
    const primaryFile = this.primary.document.file;
    const primaryRelease = this.primary.release;
    for (const [sectionKey, section] of [...view.sections].sort(([a], [b]) => compareText(a, b))) {
      const typeName = this.builder.sectionTypes.get(`${section.kind} ${section.path}`);
      const primarySection = this.primarySections.get(sectionKey);
      if (!primarySection) {
        this.report.releaseDifference({ subject: sectionKey, presentIn: [view.release], absentFrom: [primaryRelease], provenance: section.provenance });
        continue;
      }
      if (!typeName) continue;
      const type = this.builder.types.get(typeName)!;
      this.compareFields(view, section, type, sectionKey, primaryFile);
    }
  }

  private compareFields(view: ReleaseView, section: ResolvedSection, type: TypeModel, sectionKey: string, primaryFile: string): void {
    const primaryRelease = this.primary.release;
    const names = new Set(section.fields.map((f) => f.name));
    for (const field of section.fields) {
      if (/\[\]$|\{\}$/.test(field.name)) continue;
      const modelField = type.fields.find((f) => f.name === field.name);
      const subject = `${type.name}.${field.name}`;
      if (!modelField) {
        this.report.releaseDifference({ subject: `${subject} (${sectionKey})`, presentIn: [view.release], absentFrom: [primaryRelease], provenance: field.provenance });
        continue;
      }
      modelField.provenance.push(...field.provenance);
      if (field.type && !sameType(field.type, modelField, section, field.name)) {
        this.report.conflict({
          subject,
          kind: 'type',
          detail: `${field.provenance[0]!.file} prints ${field.type} at ${sectionKey}; ${primaryFile} kept`,
          sources: [...field.provenance, modelField.provenance[0]!],
          winner: primaryFile,
        });
      }
      if (section.required !== undefined && section.required.length > 0 && field.required !== modelField.documentedRequired) {
        this.report.conflict({
          subject,
          kind: 'required',
          detail: `${view.release} documents (${view.files.join(', ')}) say required=${field.required} at ${sectionKey}, ${primaryFile} says required=${modelField.documentedRequired}; ${primaryFile} kept`,
          sources: [...field.provenance, modelField.provenance[0]!],
          winner: primaryFile,
        });
      }
      const match = describeMatch(field.description, modelField.description);
      if (match?.score !== 1) {
        this.report.conflict({
          subject,
          kind: 'description',
          detail: `${match ? match.how : 'different text'}: ${field.provenance[0]!.file} "${field.description}", ${primaryFile} "${modelField.description}"; ${primaryFile} kept`,
          sources: [...field.provenance, modelField.provenance[0]!],
          winner: primaryFile,
        });
      }
    }
    for (const modelField of type.fields) {
      if (names.has(modelField.name) || section.fields.length === 0) continue;
      this.report.releaseDifference({
        subject: `${type.name}.${modelField.name} (${sectionKey})`,
        presentIn: [this.primary.release],
        absentFrom: [view.release],
        provenance: [modelField.provenance[0]!],
      });
    }
  }
}

function isNameless(document: RawDocument): boolean {
  return document.sections.some((s) => s.rows.length > 0 && !hasNames(s));
}

function isScalarType(printed: string): boolean {
  return /^(?:string|integer|boolean|number)$/.test(printed);
}

/** A printed type agrees with the model field when it names the same scalar, reference, or array/map wrapper. */
function sameType(printed: string, field: { type: import('./model.js').TypeShape }, section: ResolvedSection, name: string): boolean {
  const shape = field.type;
  if (isScalarType(printed)) return 'scalar' in shape && shape.scalar === printed;
  const wrapped = /^(array|object)\s*\(([^)]+)\)$/.exec(printed);
  if (wrapped) {
    const inner = 'array' in shape ? shape.array : 'map' in shape ? shape.map : undefined;
    if (!inner || (wrapped[1] === 'array') !== 'array' in shape) return false;
    const innerName = canonicalTypeName(wrapped[2]!);
    return 'scalar' in inner ? inner.scalar === innerName : 'ref' in inner && inner.ref === innerName;
  }
  if (printed === 'array') return 'array' in shape;
  if (printed === 'object') {
    const isMap = section.fields.some((f) => f.name === `${name}{}`);
    return isMap ? 'map' in shape : 'ref' in shape;
  }
  return 'ref' in shape && shape.ref === canonicalTypeName(printed);
}
