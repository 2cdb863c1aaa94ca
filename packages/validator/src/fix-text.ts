import { applyFixes, MAX_FIX_PASSES } from './fixes.js';
import type { Finding, ValidateOptions, ValidationResult } from './types.js';
import { validate } from './validate.js';

export interface FixTextOptions extends ValidateOptions {
  /** Which fixes to apply (all by default), e.g. by rule category for `--fix-type`. */
  shouldFix?: (finding: Finding) => boolean;
}

export interface FixTextResult extends ValidationResult {
  /** The text with the fixes applied (a byte order mark kept); equal to the input when nothing was fixed. */
  output: string;
  fixed: boolean;
}

/**
 * Validates `text` and applies its safe fixes the way `eslint --fix` does: in passes, each on the
 * text the previous pass made, until a pass applies nothing or after {@link MAX_FIX_PASSES}. The
 * result holds the findings of the fixed text. Suggestions are never applied.
 */
export function fixText(text: string, options: FixTextOptions = {}): FixTextResult {
  const { shouldFix, ...validateOptions } = options;
  // Edits are offsets into the text after a byte order mark, as in ESLint.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  let current = text.slice(bom.length);
  let result = validate(current, validateOptions);
  let fixed = false;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const applied = applyFixes(current, result.findings, shouldFix);
    if (!applied.fixed) break;
    fixed = true;
    current = applied.output;
    result = validate(current, validateOptions);
  }
  return { ...result, output: bom + current, fixed };
}
