import type { ConfigObject, Plugin, RuleConfig } from '@eslint/core';
import type { RuleDefinition } from '@ocp-image/validator';
import { pluginNamespace } from './meta.js';

export type ConfigName = 'recommended' | 'strict' | 'all';

/** Where manifests live. eslint-plugin-yml and @eslint/json use the same globs. */
export const manifestFiles = {
  yaml: ['**/*.yaml', '**/*.yml'],
  json: ['**/*.json'],
} as const;

/** JSON files that are never manifests: JSONC configs (their comments are JSON syntax errors) and
 *  lock files (large, and read for nothing). */
export const notManifests = ['**/tsconfig*.json', '**/jsconfig*.json', '**/.vscode/**', '**/.devcontainer/**', '**/devcontainer.json', '**/package-lock.json'];

type SeverityName = 'error' | 'warn';

/**
 * Which rules a config turns on, and how, decided from registry metadata only:
 * - recommended: what the API server (or the reference) rejects — syntax, schema and server rules
 *   that are errors by default — plus the documentation rules at their default severity;
 * - strict: like the CLI's `--strict` — every syntax, schema, server and docs rule as an error
 *   (unknown fields included, the one schema rule that is a warning by default), lint rules as warnings;
 * - all: every rule at its default severity.
 */
const selectors: Record<ConfigName, (rule: RuleDefinition) => SeverityName | undefined> = {
  recommended(rule) {
    if (rule.category === 'docs') return defaultSeverity(rule);
    if (rule.category === 'lint' || rule.severity !== 'error') return undefined;
    return 'error';
  },
  strict(rule) {
    return rule.category === 'lint' ? 'warn' : 'error';
  },
  all: defaultSeverity,
};

function defaultSeverity(rule: RuleDefinition): SeverityName {
  return rule.severity === 'error' ? 'error' : 'warn';
}

/** One config = two objects, YAML and JSON manifests, each with its language and the same rules. */
export function createConfigs(plugin: Plugin, registry: readonly RuleDefinition[]): Record<ConfigName, ConfigObject[]> {
  const build = (name: ConfigName): ConfigObject[] => {
    const rules: Record<string, RuleConfig> = {};
    for (const rule of registry) {
      // Opt-in rules (unused directives) are the user's to turn on, as in the CLI.
      if (rule.flags?.optIn) continue;
      const severity = selectors[name](rule);
      if (severity) rules[`${pluginNamespace}/${rule.id}`] = severity;
    }
    return (['yaml', 'json'] as const).map((language) => ({
      name: `${pluginNamespace}/${name}/${language}`,
      files: [...manifestFiles[language]],
      ...(language === 'json' ? { ignores: [...notManifests] } : {}),
      plugins: { [pluginNamespace]: plugin },
      language: `${pluginNamespace}/${language}`,
      rules,
    }));
  };
  return { recommended: build('recommended'), strict: build('strict'), all: build('all') };
}
