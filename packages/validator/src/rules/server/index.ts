import type { RuleDefinition } from '../../types.js';

export const serverRules: readonly RuleDefinition[] = [];
