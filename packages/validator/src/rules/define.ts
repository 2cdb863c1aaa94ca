import type { RuleDefinition } from '../types.js';

/** Identity helper that infers message ids, so `report({ messageId })` is type-checked. */
export function defineRule<MessageId extends string>(rule: RuleDefinition<MessageId>): RuleDefinition<MessageId> {
  return rule;
}
