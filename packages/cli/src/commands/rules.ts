import { ruleDocsUrl, rules } from '@ocp-image/validator';
import { writeStdout } from '../output.js';

/** `ocp-image rules`: every rule with its category, default severity, description and doc page (and, as JSON, whether it fixes or suggests). */
export async function runRules(options: { format: 'text' | 'json' }): Promise<number> {
  if (options.format === 'json') {
    const list = rules.map((rule) => ({
      id: rule.id,
      category: rule.category,
      severity: rule.severity,
      description: rule.description,
      source: rule.source,
      fixable: rule.fixable === 'code',
      hasSuggestions: rule.hasSuggestions === true,
      url: ruleDocsUrl(rule.id),
    }));
    await writeStdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(4, ...rules.map((rule) => rule.id.length));
  const header = `${'RULE'.padEnd(idWidth)}  CATEGORY  SEVERITY  DESCRIPTION`;
  const indent = ' '.repeat(idWidth + 22);
  const lines = rules.map(
    (rule) => `${rule.id.padEnd(idWidth)}  ${rule.category.padEnd(8)}  ${rule.severity.padEnd(8)}  ${rule.description}\n${indent}${ruleDocsUrl(rule.id)}`,
  );
  await writeStdout(`${header}\n${lines.join('\n')}\n\n${rules.length} rules. Change a severity with --rule <id>=off|warn|error or the config's "rules".\n`);
  return 0;
}
