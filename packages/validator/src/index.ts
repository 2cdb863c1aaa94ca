export type * from './types.js';
export { validate } from './validate.js';
export { rules, getRule } from './rules/index.js';
export { defineRule } from './rules/define.js';
export { isTemplateParameterValue, isNonStringTemplateParameter } from './template.js';
export { closestMatch } from './suggest.js';
export { renderPath } from './paths.js';
export { DEFAULT_LIMITS } from './limits.js';
export { resolvePlainScalar, type ResolvedScalar, type ScalarType } from './yaml/scalar.js';
