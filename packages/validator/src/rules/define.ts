import type { CheckedMessage, MessageTable, RuleDefinition, RuleMessage } from '../types.js';

/**
 * Identity helper that keeps the message texts as literal types, so `report({ messageId, data })`
 * is checked at compile time: the message id must exist and `data` must name exactly its placeholders.
 */
export function defineRule<const Messages extends MessageTable>(rule: RuleDefinition<Messages>): RuleDefinition<Messages> {
  return rule;
}

/** A typed message of `rule`, for code that reports on a rule's behalf (the reading pipeline, front ends). */
export function ruleMessage<Messages extends MessageTable>(rule: RuleDefinition<Messages>, message: RuleMessage<Messages>): CheckedMessage {
  return { ruleId: rule.id, messageId: message.messageId, data: { ...message.data } } as CheckedMessage;
}
