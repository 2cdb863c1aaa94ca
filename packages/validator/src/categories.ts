/** The rule categories, in the order the docs list them (see `RuleCategory`). */
export const ruleCategories = ['syntax', 'client', 'schema', 'server', 'docs', 'lint'] as const;

/** What a config may set a rule to (see `SeveritySetting`). */
export const severitySettings = ['off', 'warn', 'error'] as const;
