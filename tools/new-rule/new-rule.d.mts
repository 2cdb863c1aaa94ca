/** Types of new-rule.mjs, for its test. */
import type { RuleCategory, Severity } from '@ocp-image/validator';
export const scaffoldCategories: readonly RuleCategory[];
export function defaultSeverity(category: string): Severity;
export function argumentProblems(id: string | undefined, category: string | undefined, kinds: readonly string[]): string[];
export function scaffoldFiles(id: string, category: string, kinds: readonly string[]): Record<string, string>;
export function registerRule(index: string, id: string, category: string): string;
