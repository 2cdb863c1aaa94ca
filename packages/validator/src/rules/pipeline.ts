import type { RuleDefinition } from '../types.js';

export const pipelineRules: readonly RuleDefinition[] = [];
