/** Types of update-rules.mjs, for the docs test. */
export interface RuleSummary {
  id: string;
  category: string;
  severity: string;
  description: string;
  kinds: readonly string[] | '*';
  fixable?: 'code';
  hasSuggestions?: boolean;
  docs?: { appliesTo?: string };
}
export interface ConfigMembership {
  name: string;
  severity: string;
}
export const TABLE_START: string;
export const TABLE_END: string;
export function renderRulesTable(rules: readonly RuleSummary[]): string;
export function updateRulesReadme(readme: string, rules: readonly RuleSummary[]): string;
export const HEADER_START: string;
export const HEADER_END: string;
export const OPTIONS_START: string;
export const OPTIONS_END: string;
export const CONFIG_NAMES: readonly string[];
export function configMembership(plugin: { configs: Record<string, unknown> }, ruleId: string): ConfigMembership[];
export function renderRuleHeader(rule: RuleSummary, membership: readonly ConfigMembership[]): string;
export function renderRuleOptions(schema: unknown): string;
export function updateRulePage(page: string, rule: RuleSummary, membership: readonly ConfigMembership[], schema: unknown): string;
