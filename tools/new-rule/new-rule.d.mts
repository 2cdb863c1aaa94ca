/** Types of new-rule.mjs, for its test. */
export function argumentProblems(id: string | undefined, category: string | undefined, kinds: readonly string[]): string[];
export function scaffoldFiles(id: string, category: string, kinds: readonly string[]): Record<string, string>;
export function registerRule(index: string, id: string, category: string): string;
