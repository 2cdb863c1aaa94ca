import { rules, type Finding } from '@ocp-image/validator';

/** An image.openshift.io object found in a file, without its content. */
export interface ObjectSummary {
  kind: string;
  name?: string;
  documentIndex: number;
  /** Where the object sits in its document (`items[2]`, `objects[0]`); '' at the top level. */
  path: string;
}

/** Everything the formatters need about one file. Plain data: it crosses worker boundaries. */
export interface FileResult {
  /** As shown to the user: relative to the working directory, or the stdin name. */
  filePath: string;
  findings: Finding[];
  objects: ObjectSummary[];
  /** Objects of other kinds (Deployment, Service…), by kind. */
  skipped: Record<string, number>;
  /** With --fix or --fix-dry-run, when fixes changed the file: its fixed text. */
  output?: string;
  /** A template for another tool whose template actions are not YAML: not validated (see the validator's result). */
  unrenderedTemplate?: true;
}

export interface RunSummary {
  files: number;
  objectsByKind: Map<string, number>;
  skippedByKind: Map<string, number>;
  /** Files that hold no Kubernetes object at all, and no error (or unread content) that could hide one. */
  filesWithoutObjects: number;
  errors: number;
  warnings: number;
}

/** Rules whose finding means the file could not be read as YAML or JSON at all (ESLint's fatal errors). */
const fatalRules: ReadonlySet<string> = new Set(rules.filter((rule) => rule.flags?.parseFatal || rule.flags?.inputLimit || rule.flags?.fileLevel).map((rule) => rule.id));

export function isFatal(finding: Finding): boolean {
  return finding.severity === 'error' && fatalRules.has(finding.ruleId);
}

export interface SeverityCounts {
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** ESLint's counts of a result. */
export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') {
      counts.errorCount += 1;
      if (isFatal(finding)) counts.fatalErrorCount += 1;
      if (finding.fix) counts.fixableErrorCount += 1;
    } else {
      counts.warningCount += 1;
      if (finding.fix) counts.fixableWarningCount += 1;
    }
  }
  return counts;
}

function addCount(counts: Map<string, number>, key: string, amount: number): void {
  counts.set(key, (counts.get(key) ?? 0) + amount);
}

/** Sorted by kind, so the summary reads the same for any order of discovery. */
function sortedByKey(counts: Map<string, number>): Map<string, number> {
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Rules whose finding means the file's content was not (fully) read, whatever their configured severity. */
const unreadFileRules: ReadonlySet<string> = new Set(rules.filter((rule) => rule.flags?.fileLevel || rule.flags?.inputLimit).map((rule) => rule.id));

export function summarize(results: readonly FileResult[]): RunSummary {
  const objectsByKind = new Map<string, number>();
  const skippedByKind = new Map<string, number>();
  let filesWithoutObjects = 0;
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    for (const object of result.objects) addCount(objectsByKind, object.kind, 1);
    for (const [kind, count] of Object.entries(result.skipped)) addCount(skippedByKind, kind, count);
    const mayHideObjects = result.findings.some((finding) => finding.severity === 'error' || unreadFileRules.has(finding.ruleId));
    if (!mayHideObjects && result.objects.length === 0 && Object.keys(result.skipped).length === 0) filesWithoutObjects += 1;
    const counts = countSeverities(result.findings);
    errors += counts.errorCount;
    warnings += counts.warningCount;
  }
  return {
    files: results.length,
    objectsByKind: sortedByKey(objectsByKind),
    skippedByKind: sortedByKey(skippedByKind),
    filesWithoutObjects,
    errors,
    warnings,
  };
}

/** Drops warnings (`--quiet`). */
export function errorsOnly(results: readonly FileResult[]): FileResult[] {
  return results.map((result) => ({ ...result, findings: result.findings.filter((finding) => finding.severity === 'error') }));
}
