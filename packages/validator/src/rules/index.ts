import { interpolate } from '../config.js';
import type { CheckedMessage, RuleDefinition } from '../types.js';
import { clientRules } from './client/index.js';
import { fileRules } from './file.js';
import { internalError, pipelineRules } from './pipeline.js';
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

/**
 * The text of a message made by `ruleMessage`, its placeholders filled in. Its id was checked
 * against its rule at compile time; a rule the registry lacks is a bug, said as one, never shown
 * as a bare message id.
 */
export function messageText(message: CheckedMessage): string {
  const text = getRule(message.ruleId)?.messages[message.messageId];
  if (text === undefined) return interpolate(internalError.messages.rule, { rule: message.ruleId, error: `no message "${message.messageId}"` });
  return interpolate(text, message.data);
}
