/** The generated parts of every rule page (header, options) match the registry and the plugin's metadata. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '@ocp-image/validator';
import { configMembership, renderRuleHeader, renderRuleOptions, updateRulePage } from '../../../tools/docs/update-rules.mjs';
import plugin from '../src/index.js';
import { repoRoot } from './support.js';

describe.each(rules.map((rule) => [rule.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
  it('has the generated header and options (npm run update-docs)', () => {
    const page = readFileSync(path.join(repoRoot, 'docs/rules', `${id}.md`), 'utf8');
    const eslintRule = plugin.rules[id];
    expect(updateRulePage(page, rule, configMembership(plugin, id), eslintRule?.meta?.schema)).toBe(page);
  });
});

describe('generated rule page parts', () => {
  it('say what fixes a rule has and which configs turn it on', () => {
    const header = (id: string) => {
      const rule = rules.find((candidate) => candidate.id === id);
      if (!rule) throw new Error(id);
      return renderRuleHeader(rule, configMembership(plugin, id));
    };
    expect(header('legacy-api-version')).toContain('**Fixes:** safe fixes, applied by `ocp-image validate --fix` and `eslint --fix` · **In the ESLint configs:** recommended (warn), strict (warn), all (warn)');
    expect(header('status-ignored')).toContain('**Fixes:** suggestions, offered in the editor and never applied by `--fix`');
    expect(header('unused-disable-directive')).toContain('**In the ESLint configs:** none: turn it on yourself');
    expect(renderRuleOptions(plugin.rules['import-mode']?.meta?.schema)).toContain('| `limits.maxDepth` | integer ≥ 1 | Levels of nesting of mappings and sequences; default 200. |');
  });
});
