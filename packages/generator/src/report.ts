import { compareText, type Provenance } from './model.js';

export interface Conflict {
  /** `Type.field` or `Kind path`. */
  subject: string;
  kind: 'type' | 'required' | 'description' | 'field-missing-elsewhere';
  detail: string;
  sources: Provenance[];
  /** File whose statement the model keeps. */
  winner: string;
}

export interface ReleaseDifference {
  subject: string;
  /** Present in these releases' documents… */
  presentIn: string[];
  /** …and absent from these. */
  absentFrom: string[];
  provenance: Provenance[];
}

export interface Alignment {
  file: string;
  section: string;
  /** Document whose named rows the nameless rows were matched to. */
  alignedTo: string;
  rows: { line: number; name: string | null; how: string }[];
}

export interface Deviation {
  subject: string;
  /** What the documents say. */
  documents: string;
  /** What the schemas do instead. */
  schemas: string;
  reason: string;
}

/** One release's documents after alignment, for a later version-aware mode. */
export interface ReleaseSummary {
  release: string;
  files: string[];
  sections: {
    section: string;
    required?: string[];
    fields: { name: string; type: string | null; required: boolean; provenance: Provenance[] }[];
  }[];
}

export interface Note {
  file: string;
  line: number;
  message: string;
}

/** Everything the reconciliation decided, in a form that serialises deterministically. */
export class MergeReport {
  readonly conflicts: Conflict[] = [];
  readonly releaseDifferences: ReleaseDifference[] = [];
  readonly alignments: Alignment[] = [];
  readonly deviations: Deviation[] = [];
  readonly decisions: Note[] = [];
  readonly problems: Note[] = [];
  readonly releases: ReleaseSummary[] = [];

  conflict(conflict: Conflict): void {
    this.conflicts.push(conflict);
  }

  decision(file: string, line: number, message: string): void {
    this.decisions.push({ file, line, message });
  }

  problem(file: string, line: number, message: string): void {
    this.problems.push({ file, line, message });
  }

  deviation(deviation: Deviation): void {
    this.deviations.push(deviation);
  }

  releaseDifference(difference: ReleaseDifference): void {
    this.releaseDifferences.push(difference);
  }

  alignment(alignment: Alignment): void {
    this.alignments.push(alignment);
  }

  release(summary: ReleaseSummary): void {
    this.releases.push(summary);
  }

  toJSON(): object {
    const bySubject = <T extends { subject: string }>(items: T[]): T[] =>
      [...items].sort((a, b) => compareText(a.subject, b.subject) || compareText(JSON.stringify(a), JSON.stringify(b)));
    const byPlace = (items: Note[]): Note[] =>
      [...items].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.message, b.message));
    return {
      summary: {
        conflicts: this.conflicts.length,
        releaseDifferences: this.releaseDifferences.length,
        alignedSections: this.alignments.length,
        deviations: this.deviations.length,
        decisions: this.decisions.length,
        problems: this.problems.length,
      },
      deviations: bySubject(this.deviations),
      conflicts: bySubject(this.conflicts),
      releaseDifferences: bySubject(this.releaseDifferences),
      alignments: [...this.alignments].sort((a, b) => compareText(a.file, b.file) || compareText(a.section, b.section)),
      decisions: byPlace(this.decisions),
      problems: byPlace(this.problems),
      releases: this.releases,
    };
  }
}
