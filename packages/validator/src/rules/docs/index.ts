import type { RuleDefinition } from '../../types.js';

export const docsRules: readonly RuleDefinition[] = [];
