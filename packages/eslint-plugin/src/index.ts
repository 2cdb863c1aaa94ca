import type { ConfigObject, Plugin } from '@eslint/core';
import { rules as registry } from '@ocp-image/validator';
import { createConfigs, type ConfigName } from './configs.js';
import { languages } from './languages.js';
import { pluginMeta } from './meta.js';
import { createEslintRule, type ManifestRule } from './rules.js';

export type { RuleOptions } from './validation.js';
export type { ConfigName } from './configs.js';

export interface OcpImagePlugin extends Plugin {
  meta: typeof pluginMeta;
  languages: typeof languages;
  rules: Record<string, ManifestRule>;
  configs: Record<ConfigName, ConfigObject[]>;
}

const plugin: OcpImagePlugin = {
  meta: pluginMeta,
  languages,
  rules: Object.fromEntries(registry.map((rule) => [rule.id, createEslintRule(rule)])),
  // Filled in below: the configs refer to the plugin object itself.
  configs: {} as OcpImagePlugin['configs'],
};
plugin.configs = createConfigs(plugin, registry);

export default plugin;
