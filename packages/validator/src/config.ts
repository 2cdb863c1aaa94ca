import { severities, severitySettingOf } from './categories.js';
import type { RuleDefinition, Severity, ValidationConfig } from './types.js';

/**
 * The severity a finding of `rule` gets under `config`, or undefined when the rule is off.
 * An explicit `rules` entry wins; otherwise an opt-in rule is off, `strict` makes every rule outside
 * the lint category an error (the warnings of documentation and file rules included), else the rule's default.
 */
export function effectiveSeverity(rule: Pick<RuleDefinition, 'id' | 'severity' | 'category' | 'flags'>, config: ValidationConfig): Severity | undefined {
  const setting = config.rules?.[rule.id];
  if (setting === 'off') return undefined;
  const configured = severities.find((severity) => severitySettingOf[severity] === setting);
  if (configured) return configured;
  if (rule.flags?.optIn) return undefined;
  if (config.strict && rule.category !== 'lint') return 'error';
  return rule.severity;
}

/** `{{name}}` placeholders replaced by `data.name`; unknown placeholders are left as written. */
export function interpolate(message: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return message.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (placeholder, name: string) =>
    data && Object.hasOwn(data, name) ? String(data[name]) : placeholder,
  );
}
