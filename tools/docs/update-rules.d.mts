/** Types of update-rules.mjs, for the docs test. */
export interface RuleSummary {
  id: string;
  category: string;
  severity: string;
  description: string;
}
export const TABLE_START: string;
export const TABLE_END: string;
export function renderRulesTable(rules: readonly RuleSummary[]): string;
export function updateRulesReadme(readme: string, rules: readonly RuleSummary[]): string;
