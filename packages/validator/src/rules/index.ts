import type { RuleDefinition } from '../types.js';
import { clientRules } from './client/index.js';
import { fileRules } from './file.js';
import { pipelineRules } from './pipeline.js';
import { serverRules } from './server/index.js';
import { docsRules } from './docs/index.js';
import { lintRules } from './lint/index.js';

/** The rule registry: the single source of truth for the validator, the CLI, the ESLint rules,
 *  the configs and the rule docs. */
export const rules: readonly RuleDefinition[] = [...fileRules, ...pipelineRules, ...clientRules, ...serverRules, ...docsRules, ...lintRules];

const rulesById = new Map(rules.map((rule) => [rule.id, rule]));

export function getRule(id: string): RuleDefinition | undefined {
  return rulesById.get(id);
}
