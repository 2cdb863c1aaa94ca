/**
 * The rule pages in docs/rules: one per rule of the registry, the generated table up to date, and
 * every example doing what its page says. Examples are fenced ```yaml blocks preceded by a marker:
 *   <!-- invalid -->  the rule reports the example, exactly on the lines marked `# ✗`
 *   <!-- valid -->    no rule reports anything
 * A marker may carry JSON options: {"config": {...}} for validate(), {"also": ["rule-id"]} for
 * other rules an invalid example unavoidably triggers too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileRules } from '../src/rules/file.js';
import { schemaEnum } from '../src/rules/pipeline.js';
import { rules } from '../src/rules/index.js';
import type { ValidationConfig } from '../src/types.js';
import { validate } from '../src/validate.js';
import { updateRulesReadme } from '../../../tools/docs/update-rules.mjs';

const docsDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/rules');
const pageNames = readdirSync(docsDirectory).filter((name) => name.endsWith('.md') && name !== 'README.md');
const ruleIds = rules.map((rule) => rule.id);

/** Rules no text given to validate() can trigger — a bug in the validator, or a problem with the
 *  file itself that only front ends reading files report: their pages have no invalid example. */
// schema-enum: the schemas' only fixed values (root kind, apiVersion) are settled before the schema runs.
const UNTRIGGERABLE = new Set(['internal-error', schemaEnum.id, ...fileRules.map((rule) => rule.id)]);

interface Example {
  kind: 'valid' | 'invalid';
  text: string;
  /** 1-based line in the page where the YAML starts, for failure messages. */
  pageLine: number;
  config: ValidationConfig;
  also: string[];
}

const EXAMPLE = /<!--\s*(valid|invalid)\s*(\{.*?\})?\s*-->\s*\n```ya?ml\n([\s\S]*?)\n```/g;

function examplesOf(page: string): Example[] {
  return [...page.matchAll(EXAMPLE)].map((match) => {
    const options = match[2] ? (JSON.parse(match[2]) as { config?: ValidationConfig; also?: string[] }) : {};
    const before = page.slice(0, (match.index ?? 0) + match[0].indexOf('```'));
    return {
      kind: match[1] as Example['kind'],
      text: `${match[3] ?? ''}\n`,
      pageLine: before.split('\n').length + 1,
      config: options.config ?? {},
      also: options.also ?? [],
    };
  });
}

function markedLines(text: string): number[] {
  return text
    .split('\n')
    .flatMap((line, index) => (/#\s*✗/.test(line) ? [index + 1] : []))
    .sort((a, b) => a - b);
}

describe('docs/rules', () => {
  it('has a page for every rule and a rule for every page', () => {
    expect(pageNames.map((name) => name.replace(/\.md$/, '')).sort()).toEqual([...ruleIds].sort());
  });

  it('has an up-to-date rules table (npm run update-docs)', () => {
    const readme = readFileSync(path.join(docsDirectory, 'README.md'), 'utf8');
    expect(updateRulesReadme(readme, rules)).toBe(readme);
  });
});

describe.each(ruleIds.filter((id) => pageNames.includes(`${id}.md`)))('docs/rules/%s.md', (ruleId) => {
  const page = readFileSync(path.join(docsDirectory, `${ruleId}.md`), 'utf8');
  const examples = examplesOf(page);

  it('explains the rule: what, why, examples, options', () => {
    const rule = rules.find((candidate) => candidate.id === ruleId);
    expect(page.startsWith(`# ${ruleId}\n`)).toBe(true);
    expect(page).toContain(`**Category:** ${rule?.category} · **Default severity:** ${rule?.severity}`);
    expect(page, 'the page quotes the rule\'s source').toContain(`\`\`\`text\n${rule?.source}\n\`\`\``);
    for (const heading of ['## What it checks', '## Why', '## Examples', '## Options']) expect(page).toContain(heading);
    expect(page, 'the page traces what oc and the server do with this part of the manifest').toMatch(/^## (Server|Client) trace$/m);
    expect(examples.some((example) => example.kind === 'valid')).toBe(true);
    if (!UNTRIGGERABLE.has(ruleId)) expect(examples.some((example) => example.kind === 'invalid')).toBe(true);
  });

  it.each(examples.map((example) => [`${example.kind} example at line ${example.pageLine}`, example] as const))('%s', (_name, example) => {
    const findings = validate(example.text, { config: example.config }).findings;
    const summary = findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`);
    if (example.kind === 'valid') {
      expect(summary, 'a valid example is reported by no rule').toEqual([]);
      return;
    }
    const own = findings.filter((finding) => finding.ruleId === ruleId);
    expect(own.length, `the rule reports its invalid example:\n${summary.join('\n')}`).toBeGreaterThan(0);
    expect([...new Set(own.map((finding) => finding.line))].sort((a, b) => a - b), 'findings on exactly the lines marked # ✗').toEqual(
      markedLines(example.text),
    );
    const others = findings.filter((finding) => finding.ruleId !== ruleId && !example.also.includes(finding.ruleId));
    expect(others.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`), 'no other rule unless listed in "also"').toEqual([]);
  });
});
