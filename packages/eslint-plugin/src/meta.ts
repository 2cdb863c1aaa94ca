import { createRequire } from 'node:module';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The prefix of every rule id (`ocp-image/tag-from-kind`) and of the languages (`ocp-image/yaml`). */
export const pluginNamespace = 'ocp-image';

export const pluginMeta = { name: packageJson.name, version: packageJson.version, namespace: pluginNamespace };
