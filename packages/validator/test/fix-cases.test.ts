/**
 * `--fix` on manifests with the mistakes it repairs (YAML with comments, JSON, a List with CRLF
 * line ends, a Template, a byte order mark): test/fix-cases/<name> is fixed into <name>.fixed.<ext>.
 * The fixed file has no fixable finding left and no new one, keeps every comment, changes only
 * lines that had a fixable finding, and fixing it again changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/fix-text.js';
import { validate } from '../src/validate.js';

const casesRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fix-cases');
const inputs = readdirSync(casesRoot)
  .filter((name) => !name.includes('.fixed.'))
  .sort();

const read = (name: string) => readFileSync(path.join(casesRoot, name), 'utf8');
const fixedName = (name: string) => name.replace(/\.(ya?ml|json)$/, '.fixed.$1');

describe.each(inputs)('%s', (name) => {
  const input = read(name);
  const expected = read(fixedName(name));
  const before = validate(input, { filePath: name, comments: true });
  const fixed = fixText(input, { filePath: name });

  it('is fixed into its .fixed file, leaving no fixable finding and adding none', () => {
    expect(before.findings.filter((finding) => finding.fix).length).toBeGreaterThan(0);
    expect(fixed.output).toBe(expected);
    expect(fixed.findings.filter((finding) => finding.fix)).toEqual([]);
    const earlier = new Set(before.findings.map((finding) => `${finding.ruleId} ${finding.path}`));
    expect(fixed.findings.filter((finding) => !earlier.has(`${finding.ruleId} ${finding.path}`))).toEqual([]);
  });

  it('keeps every comment, line end and line without a fixable finding', () => {
    const after = validate(fixed.output, { comments: true });
    expect(after.comments?.map((comment) => comment.text)).toEqual(before.comments?.map((comment) => comment.text));
    const inputLines = input.split('\n');
    const outputLines = fixed.output.split('\n');
    expect(outputLines).toHaveLength(inputLines.length);
    const fixableLines = new Set(before.findings.filter((finding) => finding.fix).map((finding) => finding.line));
    const changed = inputLines.flatMap((line, index) => (line === outputLines[index] ? [] : [index + 1]));
    expect(changed.filter((line) => !fixableLines.has(line))).toEqual([]);
    expect(outputLines.map((line) => line.endsWith('\r'))).toEqual(inputLines.map((line) => line.endsWith('\r')));
    expect(fixed.output.startsWith('\uFEFF')).toBe(input.startsWith('\uFEFF'));
  });

  it('is idempotent', () => {
    expect(fixText(fixed.output, { filePath: name })).toMatchObject({ fixed: false, output: fixed.output });
  });
});
