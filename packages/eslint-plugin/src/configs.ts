import type { ConfigObject, Plugin, RuleConfig } from '@eslint/core';
import { effectiveSeverity, notManifestFiles, severitySettingOf, type RuleDefinition, type Severity, type ValidationConfig } from '@ocp-image/validator';
import { pluginNamespace } from './meta.js';

export type ConfigName = 'recommended' | 'strict' | 'all';

/** Where manifests live. eslint-plugin-yml and @eslint/json use the same globs. */
export const manifestFiles = {
  yaml: ['**/*.yaml', '**/*.yml'],
  json: ['**/*.json'],
} as const;

/**
 * oc reads manifests as YAML 1.1, and so do the validator and ocp-image/yaml. A YAML language a later
 * config object switches these files to (eslint-plugin-yml's yml/yaml, whose parser reads YAML 1.2
 * unless told) must too: otherwise yml/plain-scalar unquotes the "on" or "yes" that yaml-implicit-type
 * quoted, `eslint --fix` loops between the two and may leave a boolean where oc needs a string.
 */
const yamlLanguageOptions = { parserOptions: { defaultYAMLVersion: '1.1' } };

/**
 * ESLint's JavaScript rules of js.configs.recommended that fail on any other language as they start
 * (they read comments the JavaScript way); the others listen for JavaScript nodes, which manifests
 * never have. Off for manifests, so that a JavaScript config without `files` placed before ours
 * does not stop the run on them (eslint-plugin-yml's configs do the same).
 */
const javascriptRulesOff: Record<string, RuleConfig> = { 'no-irregular-whitespace': 'off' };

/**
 * Which rules a config turns on, and how: the CLI's own severities (`effectiveSeverity`), so that
 * a config and the command line it names report the same findings.
 * - recommended: `ocp-image validate` without options — every rule at its default severity;
 * - strict: `ocp-image validate --strict` — every rule outside the lint category as an error;
 * - all: every rule at its default severity (today the same as recommended, as the CLI turns every rule on).
 */
const configSettings: Record<ConfigName, ValidationConfig> = { recommended: {}, strict: { strict: true }, all: {} };

function eslintSeverity(rule: RuleDefinition, config: ValidationConfig): (typeof severitySettingOf)[Severity] | undefined {
  const severity = effectiveSeverity(rule, config);
  return severity === undefined ? undefined : severitySettingOf[severity];
}

/** One config = two objects, YAML and JSON manifests, each with its language and the same rules. */
export function createConfigs(plugin: Plugin, registry: readonly RuleDefinition[]): Record<ConfigName, ConfigObject[]> {
  const build = (name: ConfigName): ConfigObject[] => {
    const rules: Record<string, RuleConfig> = { ...javascriptRulesOff };
    for (const rule of registry) {
      // Opt-in rules (unused directives) are off here as in the CLI: effectiveSeverity leaves them out.
      const severity = eslintSeverity(rule, configSettings[name]);
      if (severity) rules[`${pluginNamespace}/${rule.id}`] = severity;
    }
    return (['yaml', 'json'] as const).map((language) => ({
      name: `${pluginNamespace}/${name}/${language}`,
      files: [...manifestFiles[language]],
      ...(language === 'json' ? { ignores: [...notManifestFiles] } : { languageOptions: yamlLanguageOptions }),
      plugins: { [pluginNamespace]: plugin },
      language: `${pluginNamespace}/${language}`,
      rules,
    }));
  };
  return { recommended: build('recommended'), strict: build('strict'), all: build('all') };
}
