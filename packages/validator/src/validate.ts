import { rules } from './rules/index.js';
import { createEngine } from './engine.js';
import { schemaSet } from './schema/generated.js';
import type { ValidateOptions, ValidationResult } from './types.js';

const engine = createEngine(schemaSet, rules);

/**
 * Validates a YAML or JSON text holding OpenShift manifests. Never throws; every problem,
 * including unreadable input, is a finding.
 */
export function validate(text: string, options: ValidateOptions = {}): ValidationResult {
  return engine(text, options);
}
