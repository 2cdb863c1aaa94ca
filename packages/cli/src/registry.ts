import { rules as validatorRules, type RuleDefinition } from '@ocp-image/validator';
import { fileRules } from './file-rules.js';

/** Every rule a CLI run can report: the validator's registry, then the CLI's file rules. */
export const allRules: readonly RuleDefinition[] = [
  ...validatorRules,
  ...fileRules.filter((rule) => !validatorRules.some((known) => known.id === rule.id)),
];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));
