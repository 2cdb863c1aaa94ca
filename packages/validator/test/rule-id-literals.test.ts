/**
 * One fact in one place: a rule's id is written in its own rule file only. Everywhere else in
 * packages/<name>/src, code refers to the rule object (`rule.id`), so renaming a rule, or looking
 * up what refers to it, cannot miss a copy. Tests, fixtures and docs are outside this check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';

const packagesRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ruleIds = new Set(rules.map((rule) => rule.id));

function sourceFiles(): string[] {
  return readdirSync(packagesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const src = path.join(packagesRoot, entry.name, 'src');
      try {
        return readdirSync(src, { recursive: true, encoding: 'utf8' })
          .filter((name) => /\.[cm]?ts$/.test(name) && !name.endsWith('.d.ts'))
          .map((name) => path.join(src, name));
      } catch {
        return [];
      }
    });
}

/** The string literals of a TypeScript text (template literals without substitutions too), with their lines. */
export function stringLiterals(text: string): { value: string; line: number }[] {
  const literals: { value: string; line: number }[] = [];
  const file = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      literals.push({ value: node.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
    }
    node.forEachChild(visit);
  };
  visit(file);
  return literals;
}

/** Ids of the rules a file defines (`id: 'rule-id'` in a rule object). */
function definedIds(text: string): Set<string> {
  return new Set([...text.matchAll(/\bid:\s*['"]([a-z0-9-]+)['"]/g)].map((match) => match[1] ?? ''));
}

describe('rule ids as string literals', () => {
  it('finds the literals of a text, not its comments', () => {
    expect(stringLiterals("// 'yaml-syntax'\nconst a = 'yaml-syntax';\nconst b = `x ${a} schema-type`;").map((literal) => literal.value)).toEqual([
      'yaml-syntax',
      'x ',
      ' schema-type',
    ]);
  });

  it('appear in packages/*/src only in the rule file that defines the rule', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const own = definedIds(text);
      for (const { value, line } of stringLiterals(text)) {
        if (ruleIds.has(value.trim()) && !own.has(value.trim())) offenders.push(`${path.relative(packagesRoot, file)}:${line} '${value}'`);
      }
    }
    expect(offenders, 'import the rule object and use rule.id instead').toEqual([]);
  });
});
