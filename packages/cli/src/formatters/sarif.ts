import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleDefinition } from '@ocp-image/validator';
import type { Log, ReportingDescriptor, Result } from 'sarif';
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
 * regions, and fingerprints built from the finding's meaning (rule, file, object, field path)
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
