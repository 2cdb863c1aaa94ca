/** The rule categories, in the order the docs list them (see `RuleCategory`). */
export const ruleCategories = ['syntax', 'client', 'schema', 'server', 'docs', 'lint'] as const;

/** What a finding can be (see `Severity`). */
export const severities = ['error', 'warning'] as const;

/** What a config may set a rule to (see `SeveritySetting`). */
export const severitySettings = ['off', 'warn', 'error'] as const;

/** The config word for each severity: a warning is written `warn`, as in ESLint. */
export const severitySettingOf = Object.freeze({ error: 'error', warning: 'warn' } as const satisfies Record<(typeof severities)[number], (typeof severitySettings)[number]>);
