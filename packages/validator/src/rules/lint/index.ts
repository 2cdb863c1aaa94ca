import type { RuleDefinition } from '../../types.js';

export const lintRules: readonly RuleDefinition[] = [];
