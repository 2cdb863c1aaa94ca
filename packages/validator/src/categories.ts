/** The rule categories, in the order the docs list them (see `RuleCategory`). */
export const ruleCategories = ['syntax', 'client', 'schema', 'server', 'docs', 'lint'] as const;
