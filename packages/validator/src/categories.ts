/** The rule categories, in the order the docs list them (see `RuleCategory`). */
export const ruleCategories = ['syntax', 'schema', 'server', 'docs', 'lint'] as const;
