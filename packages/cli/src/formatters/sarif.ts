import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, RuleDefinition, TextEdit } from '@ocp-image/validator';
import type { ArtifactLocation, Fix, Log, ReportingDescriptor, Result } from 'sarif';
import { repositoryUrl, ruleDocsUrl, rules } from '@ocp-image/validator';
import { cliVersion } from '../project.js';
import type { FileResult } from '../results.js';
import type { FormatContext } from './index.js';

const sourceRoot = '%SRCROOT%';
/** Bump the version suffix if the fingerprint's ingredients ever change. */
const fingerprintKey = 'ocpImageFinding/v1';

function describeRule(rule: RuleDefinition): ReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} Source: ${rule.source}.` },
    helpUri: ruleDocsUrl(rule.id),
    help: { text: `${rule.description} See ${ruleDocsUrl(rule.id)}` },
    defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
    properties: { category: rule.category, tags: [rule.category] },
  };
}

/**
 * A text edit as a SARIF fix. The deleted region is given by `charOffset`/`charLength`: UTF-16 code
 * units (the run's `columnKind`) of the text after a byte order mark, which the results' columns
 * do not count either; an insertion deletes nothing (`charLength` 0).
 */
function sarifFix(artifactLocation: ArtifactLocation, edit: TextEdit, description: string, safe: boolean): Fix {
  const [start, end] = edit.range;
  return {
    description: { text: description },
    artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: edit.text } }] }],
    properties: { safe },
  };
}

/**
 * The finding's safe fix first (`properties.safe`: what `--fix` and `eslint --fix` apply), then
 * each suggestion as a fix of its own, described by the suggestion's message (offered, never applied unattended).
 */
function sarifFixes(artifactLocation: ArtifactLocation, finding: Finding): Fix[] {
  return [
    ...(finding.fix ? [sarifFix(artifactLocation, finding.fix, 'Safe fix: `ocp-image validate --fix` and `eslint --fix` apply it.', true)] : []),
    ...(finding.suggestions ?? []).map((suggestion) => sarifFix(artifactLocation, suggestion.fix, suggestion.desc, false)),
  ];
}

/** A relative URI under %SRCROOT% (the working directory), or an absolute file URI outside it. */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: sourceRoot };
}

/**
 * SARIF 2.1.0 for code scanning: one run, the whole rule registry as the tool's rules, 1-based
 * regions, fixes and suggestions as `fixes`, and fingerprints built from the finding's meaning (rule, file, object, field path)
 * rather than its line, so an alert survives edits elsewhere in the file.
 */
export function format(results: readonly FileResult[], context: FormatContext): string {
  const descriptors = rules.map(describeRule);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const sarifResults: Result[] = [];
  for (const result of results) {
    const location = artifactLocation(result.filePath, context.cwd);
    const occurrences = new Map<string, number>();
    for (const finding of result.findings) {
      let index = ruleIndex.get(finding.ruleId);
      if (index === undefined) {
        // Not in the registry (should not happen): still describe it, so the log stays valid.
        index = descriptors.length;
        ruleIndex.set(finding.ruleId, index);
        descriptors.push({ id: finding.ruleId, shortDescription: { text: finding.ruleId } });
      }
      const subject = finding.kind ? `${finding.kind}/${finding.name ?? `#${finding.documentIndex}`}` : `#${finding.documentIndex}`;
      const identity = [finding.ruleId, location.uri, subject, finding.path].join('\u0000');
      const occurrence = occurrences.get(identity) ?? 0;
      occurrences.set(identity, occurrence + 1);
      const endLine = Math.max(finding.endLine, finding.line);
      const endColumn = endLine === finding.line ? Math.max(finding.endColumn, finding.column) : Math.max(finding.endColumn, 1);
      const fixes = sarifFixes(location, finding);
      sarifResults.push({
        ruleId: finding.ruleId,
        ruleIndex: index,
        level: finding.severity === 'error' ? 'error' : 'warning',
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: { startLine: finding.line, startColumn: finding.column, endLine, endColumn },
            },
          },
        ],
        ...(fixes.length > 0 ? { fixes } : {}),
        partialFingerprints: {
          [fingerprintKey]: createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32),
        },
        properties: {
          path: finding.path,
          ...(finding.serverPath === undefined ? {} : { serverPath: finding.serverPath }),
          documentIndex: finding.documentIndex,
          ...(finding.kind === undefined ? {} : { kind: finding.kind }),
          ...(finding.name === undefined ? {} : { name: finding.name }),
        },
      });
    }
  }

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'ocp-image', version: cliVersion(), semanticVersion: cliVersion(), informationUri: repositoryUrl, rules: descriptors },
        },
        originalUriBaseIds: { [sourceRoot]: { uri: pathToFileURL(context.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
