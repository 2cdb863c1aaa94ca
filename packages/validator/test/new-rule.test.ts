/** `npm run new-rule`: the files it creates and the registry entry it adds. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { argumentProblems, registerRule, scaffoldFiles } from '../../../tools/new-rule/new-rule.mjs';
import { renderRulesTable, updateRulePage } from '../../../tools/docs/update-rules.mjs';
import { validate } from '../src/validate.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('npm run new-rule', () => {
  it('refuses ids that are not kebab-case, unknown categories and odd kinds', () => {
    expect(argumentProblems('image-thing', 'lint', ['ImageStream'])).toEqual([]);
    expect(argumentProblems('Thing', 'lint', [])).toHaveLength(1);
    expect(argumentProblems('image-thing', 'schema', [])).toHaveLength(1);
    expect(argumentProblems('image-thing', 'server', ['image stream'])).toHaveLength(1);
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
