/** `npm run new-rule`: the files it creates and the registry entry it adds. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { argumentProblems, defaultSeverity, registerRule, scaffoldCategories, scaffoldFiles } from '../../../tools/new-rule/new-rule.mjs';
import { renderRulesTable, updateRulePage } from '../../../tools/docs/update-rules.mjs';
import { ruleCategories } from '../src/categories.js';
import { rules } from '../src/rules/index.js';
import { validate } from '../src/validate.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('npm run new-rule', () => {
  it('refuses ids that are not kebab-case, unknown categories and odd kinds', () => {
    expect(argumentProblems('image-thing', 'lint', ['ImageStream'])).toEqual([]);
    expect(argumentProblems('Thing', 'lint', [])).toHaveLength(1);
    expect(argumentProblems('image-thing', 'schema', [])).toHaveLength(1);
    expect(argumentProblems('image-thing', 'server', ['image stream'])).toHaveLength(1);
  });

  it("knows every category of the registry that has object rules, from ruleCategories and the rule folders", () => {
    const objectRuleCategories = [...new Set(rules.filter((rule) => rule.check).map((rule) => rule.category))];
    expect([...scaffoldCategories].sort()).toEqual(objectRuleCategories.sort());
    expect(scaffoldCategories).toEqual(ruleCategories.filter((category) => scaffoldCategories.includes(category)));
    expect(scaffoldCategories).toContain('client');
    expect(argumentProblems('image-thing', 'client', ['ImageStream'])).toEqual([]);
    expect(argumentProblems('image-thing', 'syntax', [])).toEqual([`the category must be one of ${scaffoldCategories.join(', ')}, got "syntax"`]);
  });

  it('gives a new rule the severity of most rules of its category, and registers it in that category\'s list', () => {
    expect(Object.fromEntries(scaffoldCategories.map((category) => [category, defaultSeverity(category)]))).toEqual({ client: 'error', server: 'error', docs: 'warning', lint: 'warning' });
    for (const category of scaffoldCategories) {
      const source = scaffoldFiles('image-thing', category, [])[`packages/validator/src/rules/${category}/image-thing.ts`] ?? '';
      expect(source, category).toContain(`category: '${category}',\n  severity: '${defaultSeverity(category)}',`);
      const index = readFileSync(path.join(repoRoot, `packages/validator/src/rules/${category}/index.ts`), 'utf8');
      const registered = registerRule(index, 'image-thing', category);
      expect(registered, category).toMatch(/\n {2}imageThing,\n\];/);
      // The list's type is left as it is.
      expect(registered, category).toContain(': readonly RuleDefinition[] = [\n');
    }
  });

  it('creates the rule, its fixtures and its docs page', () => {
    const files = scaffoldFiles('image-thing', 'server', ['ImageStreamTag']);
    expect(Object.keys(files).sort()).toEqual([
      'docs/rules/image-thing.md',
      'packages/validator/src/rules/server/image-thing.ts',
      'packages/validator/test/fixtures/image-thing/invalid.yaml',
      'packages/validator/test/fixtures/image-thing/valid.errors.json',
      'packages/validator/test/fixtures/image-thing/valid.yaml',
    ]);
    const source = files['packages/validator/src/rules/server/image-thing.ts'] ?? '';
    expect(source).toContain("id: 'image-thing',");
    expect(source).toContain("kinds: ['ImageStreamTag'],");
    // The valid fixture is valid, and the page has the markers update-docs fills in.
    expect(validate(files['packages/validator/test/fixtures/image-thing/valid.yaml'] ?? '').findings).toEqual([]);
    const rule = { id: 'image-thing', category: 'server', severity: 'error', description: 'D.', kinds: ['ImageStreamTag'] };
    const page = updateRulePage(files['docs/rules/image-thing.md'] ?? '', rule, [], []);
    expect(page).toContain('**Category:** server · **Default severity:** error · **Applies to:** ImageStreamTag');
    expect(renderRulesTable([rule])).toContain('[image-thing](image-thing.md)');
  });

  it('registers the rule at the end of its category list, imported with the others', () => {
    const index = readFileSync(path.join(repoRoot, 'packages/validator/src/rules/lint/index.ts'), 'utf8');
    const registered = registerRule(index, 'image-thing', 'lint');
    expect(registered).toContain("import imageThing from './image-thing.js';\n\n");
    expect(registered).toMatch(/\n {2}imageThing,\n\];/);
    expect(registered.replace("import imageThing from './image-thing.js';\n", '').replace(/\n {2}imageThing,/, '').replace(/\[\n([\s\S]*?),\n\]/, (_m, body: string) => `[${body.trim().split(/,\s*/).join(', ')}]`)).toBe(
      index.replace(/\[\n([\s\S]*?),\n\]/, (_m, body: string) => `[${body.trim().split(/,\s*/).join(', ')}]`),
    );
  });
});
