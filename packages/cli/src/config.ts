import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { InputLimits, SeveritySetting } from '@ocp-image/validator';
import type { ConfigSchemaError } from '../generated/validate-config.js';
import { UsageError } from './errors.js';
import { patternProblem } from './ignore.js';
import { readRegularFile, UnreadableFileError } from './regular-file.js';

export const configFileNames = ['ocp-image.config.json', 'ocp-image.config.yaml', 'ocp-image.config.yml'] as const;

/** What a config file may say: ocp-image.config.schema.json (generated from the rule registry); see docs/cli.md. */
export interface FileConfig {
  strict?: boolean;
  rules?: Record<string, SeveritySetting>;
  ignores?: string[];
  gitignore?: boolean;
  limits?: Partial<InputLimits>;
}

export interface LoadedConfig {
  filePath: string;
  config: FileConfig;
}

export interface Position {
  line: number;
  column: number;
}

export interface ConfigProblem {
  position?: Position;
  message: string;
}

/**
 * The config file in the nearest directory from `startDirectory` upward, if any. Only regular
 * files count (a directory of that name does not), and two in one directory are ambiguous.
 */
export async function findConfigFile(startDirectory: string): Promise<string | undefined> {
  for (let directory = startDirectory; ; ) {
    const present: string[] = [];
    for (const name of configFileNames) {
      const candidate = path.join(directory, name);
      if (await isFile(candidate)) present.push(candidate);
    }
    if (present.length > 1) {
      throw new UsageError(`Found more than one config file in ${directory}: ${present.map((file) => path.basename(file)).join(', ')}. Keep one.`);
    }
    if (present[0]) return present[0];
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

async function isFile(candidate: string): Promise<boolean> {
  try {
    return (await stat(candidate)).isFile();
  } catch {
    return false;
  }
}

/** Formats problems of a config file as `file:line:column: message` lines. */
export function configError(filePath: string, problems: readonly ConfigProblem[], cwd: string): UsageError {
  const shown = path.relative(cwd, filePath) || filePath;
  const lines = problems.map(({ position, message }) => (position ? `  ${shown}:${position.line}:${position.column}: ${message}` : `  ${shown}: ${message}`));
  return new UsageError(`Invalid config file ${shown}:\n${lines.join('\n')}`);
}

/** A config is a few hundred bytes; anything near this size is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads, parses and checks a config file against its JSON Schema. Every problem is reported at
 * once, at its line and column: JSON syntax (a .json config must be strict JSON) from
 * momoa, YAML syntax and duplicate keys from `yaml`, the rest from the schema's validator.
 */
export async function loadConfigFile(filePath: string, cwd: string): Promise<LoadedConfig> {
  let text: string;
  try {
    // The config may come with the pull request being checked: only a small regular file is read.
    text = (await readRegularFile(filePath, MAX_CONFIG_BYTES)).toString('utf8');
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const reason = error.message.startsWith('it is larger') ? `${error.message}, far more than any config needs` : error.message;
    throw new UsageError(`Cannot read config file ${path.relative(cwd, filePath) || filePath}: ${reason}.`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const { isMap, LineCounter, parseDocument } = await import('yaml');
  const lineCounter = new LineCounter();
  const positionOf = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (filePath.endsWith('.json')) {
    // YAML would accept more than JSON does (comments, trailing commas); a .json file must be JSON.
    const problems = await jsonSyntaxProblems(text);
    if (problems.length > 0) throw configError(filePath, problems, cwd);
  }
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw configError(
      filePath,
      document.errors.map((error) => ({ position: positionOf(error.pos[0]), message: error.message.split('\n')[0] ?? error.message })),
      cwd,
    );
  }
  const data: unknown = document.toJS() ?? {};
  const { validate } = await import('../generated/validate-config.js');
  const problems: ConfigProblem[] = [];
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      const segments = error.instancePath.split('/').slice(1).map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
      const unknownKey = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
      // An unknown key is pointed at by its key, any other problem by the value.
      const node = unknownKey === undefined ? document.getIn(segments, true) : findKey(document.getIn(segments, true) ?? document.contents, unknownKey);
      const range = node && typeof node === 'object' && 'range' in node ? (node.range as [number, number, number] | undefined) : undefined;
      problems.push({ position: positionOf(range?.[0]), message: await describeSchemaError(error, segments) });
    }
  }
  const ignores = (data as { ignores?: unknown }).ignores;
  if (Array.isArray(ignores)) {
    ignores.forEach((pattern, index) => {
      const problem = typeof pattern === 'string' ? patternProblem(pattern) : undefined;
      const node = document.getIn(['ignores', index], true) as { range?: [number, number, number] } | undefined;
      if (problem) problems.push({ position: positionOf(node?.range?.[0]), message: problem });
    });
  }
  if (problems.length > 0) throw configError(filePath, problems.sort(byPosition), cwd);
  return { filePath, config: data as FileConfig };

  function findKey(parent: unknown, key: string): unknown {
    return isMap(parent) ? parent.items.find((pair) => String((pair.key as { value?: unknown } | null)?.value) === key)?.key : undefined;
  }
}

function byPosition(a: ConfigProblem, b: ConfigProblem): number {
  return (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0);
}

const topLevelKeys = 'strict, rules, ignores, gitignore, limits';
const typeWords: Record<string, string> = { boolean: 'true or false', object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer' };

/** A schema error in the words of the config's documentation. */
async function describeSchemaError(error: ConfigSchemaError, segments: readonly string[]): Promise<string> {
  // rules.tag-from-kind, ignores[1]
  const where = segments.map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      if (segments.length === 0) return `unknown key "${key}"; the config accepts ${topLevelKeys}`;
      // Only here is the validator needed: for the limits' names and the closest rule id.
      const { DEFAULT_LIMITS, rules } = await import('@ocp-image/validator');
      if (where === 'limits') return `unknown limit "${key}"; known limits: ${Object.keys(DEFAULT_LIMITS).join(', ')}`;
      const { closestMatch } = await import('@ocp-image/validator/suggest');
      const suggestion = closestMatch(key, rules.map((rule) => rule.id));
      return `unknown rule "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ' (ocp-image rules lists them)'}`;
    }
    case 'type':
      if (segments.length === 0) return `the config must be a mapping of ${topLevelKeys}`;
      return `"${where}" must be ${typeWords[String(error.params.type)] ?? String(error.params.type)}`;
    case 'enum':
      return `"${where}" must be ${orList((error.params.allowedValues as unknown[]).map(String))}`;
    case 'minimum':
      return `"${where}" must be an integer of at least ${String(error.params.limit)}`;
    default:
      return `"${where}" ${error.message ?? 'is not valid'}`;
  }
}

function orList(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** Where and why strict JSON parsing stops (momoa, ESLint's JSON parser), if it does. */
async function jsonSyntaxProblems(text: string): Promise<ConfigProblem[]> {
  const { parse } = await import('@humanwhocodes/momoa');
  try {
    parse(text, { mode: 'json' });
    return [];
  } catch (error) {
    const { line, column, message } = error as Error & Partial<Position>;
    // "Unexpected token RBrace found. (4:3)": the position is given apart.
    const reason = message.replace(/ \(\d+:\d+\)$/, '').replace(/\.$/, '');
    return [{ position: line === undefined || column === undefined ? undefined : { line, column }, message: `invalid JSON: ${reason}` }];
  }
}
