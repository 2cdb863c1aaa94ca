import XMLBuilder from 'fast-xml-builder';
import type { Finding } from '@ocp-image/validator';
import type { FileResult, ObjectSummary } from '../results.js';

// XML 1.0 cannot carry most control characters, even escaped.
// eslint-disable-next-line no-control-regex
const invalidXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlText(value: string): string {
  return value.replace(invalidXmlCharacters, '\uFFFD');
}

/** Attribute values lose their line breaks when read back, so they are written on one line. */
function xmlAttribute(value: string): string {
  return xmlText(value).replace(/\r?\n|\r/g, ' ');
}

function testcaseName(object: ObjectSummary): string {
  const where = object.path ? `document ${object.documentIndex + 1}, ${object.path}` : `document ${object.documentIndex + 1}`;
  return `${object.kind}/${object.name ?? '(unnamed)'} (${where})`;
}

/** `12:9 error tag-from-kind spec.tags[0].from.kind: message` */
function describe(finding: Finding): string {
  const subject = finding.path ? ` ${finding.path}:` : '';
  return `${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}${subject} ${finding.message}`;
}

function testcase(filePath: string, name: string, findings: readonly Finding[]): Record<string, unknown> {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  const element: Record<string, unknown> = { '@_classname': xmlAttribute(filePath), '@_name': xmlAttribute(name), '@_file': xmlAttribute(filePath) };
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    element.failure = {
      '@_message': xmlAttribute(`${first.message}${more}`),
      '@_type': first.ruleId,
      '#text': xmlText(errors.map(describe).join('\n')),
    };
  }
  // Warnings do not fail a test case; they are kept as its output.
  if (warnings.length > 0) element['system-out'] = xmlText(warnings.map(describe).join('\n'));
  return element;
}

/** JUnit XML: a test suite per file, a test case per image object, a failure per object with errors. */
export function format(results: readonly FileResult[]): string {
  let totalTests = 0;
  let totalFailures = 0;
  const suites = results.map((result) => {
    const byObject = new Map<ObjectSummary | undefined, Finding[]>();
    for (const object of result.objects) byObject.set(object, []);
    // The validator says which object a finding is about; a Template's own findings go to the file.
    const objectAt = new Map(result.objects.map((object) => [`${object.documentIndex}\u0000${object.path}`, object]));
    for (const finding of result.findings) {
      const owner = finding.objectPath === undefined ? undefined : objectAt.get(`${finding.documentIndex}\u0000${finding.objectPath}`);
      const list = byObject.get(owner) ?? [];
      byObject.set(owner, list);
      list.push(finding);
    }
    const cases = [...byObject].map(([object, findings]) => testcase(result.filePath, object ? testcaseName(object) : '(file)', findings));
    const failures = cases.filter((element) => 'failure' in element).length;
    totalTests += cases.length;
    totalFailures += failures;
    return {
      '@_name': xmlAttribute(result.filePath),
      '@_tests': cases.length,
      '@_failures': failures,
      '@_errors': 0,
      '@_skipped': 0,
      testcase: cases,
    };
  });
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '  ', suppressBooleanAttributes: false });
  const xml = builder.build({
    testsuites: { '@_name': 'ocp-image', '@_tests': totalTests, '@_failures': totalFailures, '@_errors': 0, testsuite: suites },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.trimEnd()}\n`;
}
