export type * from './types.js';
export { rules, getRule } from './rules/index.js';
export { defineRule } from './rules/define.js';
