import { parse } from 'yaml';
import type { ManifestObject, PathSegment, RuleDefinition } from '../src/types.js';

/** Runs one rule's `check` on a manifest given as YAML, for unit tests of the rule logic alone. */

export interface Reported {
  path: string;
  messageId: string;
  message: string;
}

export function renderPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_$][\w$-]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

/** Fills `{{name}}` placeholders; a placeholder without data is a bug in the rule. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`message placeholder {{${name}}} has no data in "${template}"`);
    return String(data[name]);
  });
}

export function objectFrom(yamlText: string, options: { inTemplate?: boolean } = {}): ManifestObject {
  const value = parse(yamlText, { version: '1.1' }) as Record<string, unknown>;
  const metadata = (value['metadata'] ?? {}) as Record<string, unknown>;
  return {
    apiVersion: String(value['apiVersion'] ?? 'image.openshift.io/v1'),
    kind: String(value['kind']),
    ...(typeof metadata['name'] === 'string' ? { name: metadata['name'] } : {}),
    value,
    documentIndex: 0,
    pathPrefix: [],
    inTemplate: options.inTemplate ?? false,
  };
}

export function run(rule: RuleDefinition, yamlText: string, options: { inTemplate?: boolean } = {}): Reported[] {
  const object = objectFrom(yamlText, options);
  if (rule.kinds !== '*' && !rule.kinds.includes(object.kind)) return [];
  const reported: Reported[] = [];
  rule.check?.({
    object,
    config: {},
    report({ path, messageId, data }) {
      const template = rule.messages[messageId];
      if (template === undefined) throw new Error(`${rule.id} reported unknown messageId ${messageId}`);
      reported.push({ path: renderPath(path), messageId, message: formatMessage(template, data) });
    },
  });
  return reported;
}

/** The paths a rule reports, for compact assertions. */
export function paths(rule: RuleDefinition, yamlText: string, options: { inTemplate?: boolean } = {}): string[] {
  return run(rule, yamlText, options).map((entry) => entry.path);
}
