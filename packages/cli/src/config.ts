import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS, severitySettings, type InputLimits, type SeveritySetting } from '@ocp-image/validator';
import { UsageError } from './errors.js';
import { patternProblem } from './ignore.js';

export const configFileNames = ['ocp-image.config.json', 'ocp-image.config.yaml', 'ocp-image.config.yml'] as const;

/** What a config file may say; see docs/cli.md. */
export interface FileConfig {
  strict?: boolean;
  rules?: Record<string, SeveritySetting>;
  ignores?: string[];
  limits?: Partial<InputLimits>;
}

export interface Position {
  line: number;
  column: number;
}

export interface LoadedConfig {
  filePath: string;
  config: FileConfig;
  /** Where each rule id is written, to point at unknown ids once the registry is loaded. */
  ruleLocations: Map<string, Position>;
}

export interface ConfigProblem {
  position?: Position;
  message: string;
}

const limitKeys = Object.keys(DEFAULT_LIMITS) as (keyof InputLimits)[];
const topLevelKeys = ['strict', 'rules', 'ignores', 'limits', '$schema'];

/** The config file in the nearest directory from `startDirectory` upward, if any. */
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

export async function loadConfigFile(filePath: string, cwd: string): Promise<LoadedConfig> {
  let text: string;
  const unreadable = (reason: string) => new UsageError(`Cannot read config file ${path.relative(cwd, filePath) || filePath}: ${reason}.`);
  try {
    // The config may come with the pull request being checked: refuse what is not a small file
    // (opening a FIFO would wait forever, a device or a huge file would exhaust memory).
    const handle = await open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) throw unreadable('it is a directory');
      if (!stats.isFile()) throw unreadable('it is not a regular file (a FIFO, socket or device)');
      if (stats.size > MAX_CONFIG_BYTES) throw unreadable(`it is larger than ${MAX_CONFIG_BYTES} bytes, far more than any config needs`);
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw unreadable(code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = await import('yaml');
  const lineCounter = new LineCounter();
  const problems: ConfigProblem[] = [];
  const positionOf = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (filePath.endsWith('.json')) {
    // YAML would accept more than JSON does (comments, trailing commas); a .json file must be JSON.
    try {
      JSON.parse(text);
    } catch (error) {
      throw configError(filePath, [jsonProblem((error as Error).message, text)], cwd);
    }
  }
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw configError(
      filePath,
      document.errors.map((error) => ({ position: positionOf(error.pos[0]), message: error.message.split('\n')[0] ?? error.message })),
      cwd,
    );
  }

  const config: FileConfig = {};
  const ruleLocations = new Map<string, Position>();
  const root = document.contents;
  if (root !== null && !(isScalar(root) && root.value === null)) {
    if (!isMap(root)) {
      throw configError(filePath, [{ position: positionOf(root.range?.[0]), message: 'the config must be a mapping of strict, rules, ignores, limits' }], cwd);
    }
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const keyPosition = positionOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
      const value = pair.value;
      const valuePosition = positionOf(value && 'range' in value ? value.range?.[0] : undefined) ?? keyPosition;
      switch (key) {
        case 'strict':
          if (isScalar(value) && typeof value.value === 'boolean') config.strict = value.value;
          else problems.push({ position: valuePosition, message: '"strict" must be true or false' });
          break;
        case 'rules':
          if (!isMap(value)) {
            problems.push({ position: valuePosition, message: '"rules" must map rule ids to off, warn or error' });
            break;
          }
          config.rules = {};
          for (const rule of value.items) {
            const id = isScalar(rule.key) ? String(rule.key.value) : '';
            const idPosition = positionOf(isScalar(rule.key) ? rule.key.range?.[0] : undefined);
            const setting = isScalar(rule.value) ? rule.value.value : undefined;
            if (typeof setting === 'string' && (severitySettings as readonly string[]).includes(setting)) {
              config.rules[id] = setting as SeveritySetting;
              if (idPosition) ruleLocations.set(id, idPosition);
            } else {
              const at = positionOf(rule.value && 'range' in rule.value ? rule.value.range?.[0] : undefined) ?? idPosition;
              problems.push({ position: at, message: `"rules.${id}" must be off, warn or error` });
            }
          }
          break;
        case 'ignores':
          if (!isSeq(value)) {
            problems.push({ position: valuePosition, message: '"ignores" must be a list of patterns' });
            break;
          }
          config.ignores = [];
          for (const item of value.items) {
            const at = positionOf(item && typeof item === 'object' && 'range' in item ? item.range?.[0] : undefined) ?? valuePosition;
            if (!isScalar(item) || typeof item.value !== 'string') {
              problems.push({ position: at, message: 'each entry of "ignores" must be a string pattern' });
              continue;
            }
            const problem = patternProblem(item.value);
            if (problem) problems.push({ position: at, message: problem });
            else config.ignores.push(item.value);
          }
          break;
        case 'limits':
          if (!isMap(value)) {
            problems.push({ position: valuePosition, message: `"limits" must be a mapping of ${limitKeys.join(', ')}` });
            break;
          }
          config.limits = {};
          for (const limit of value.items) {
            const name = isScalar(limit.key) ? String(limit.key.value) : '';
            const namePosition = positionOf(isScalar(limit.key) ? limit.key.range?.[0] : undefined);
            const number = isScalar(limit.value) ? limit.value.value : undefined;
            if (!(limitKeys as readonly string[]).includes(name)) {
              problems.push({ position: namePosition, message: `unknown limit "${name}"; known limits: ${limitKeys.join(', ')}` });
            } else if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) {
              config.limits[name as keyof InputLimits] = number;
            } else {
              const at = positionOf(limit.value && 'range' in limit.value ? limit.value.range?.[0] : undefined) ?? namePosition;
              problems.push({ position: at, message: `"limits.${name}" must be a positive integer` });
            }
          }
          break;
        case '$schema':
          break;
        default:
          problems.push({ position: keyPosition, message: `unknown key "${key ?? '?'}"; the config accepts ${topLevelKeys.slice(0, 4).join(', ')}` });
      }
    }
  }
  if (problems.length > 0) throw configError(filePath, problems, cwd);
  return { filePath, config, ruleLocations };
}

/** JSON.parse's message, with its offset turned into a line and column. */
function jsonProblem(message: string, text: string): ConfigProblem {
  const offsetMatch = /at position (\d+)/.exec(message);
  const lineMatch = /\(line (\d+) column (\d+)\)/.exec(message);
  const cleaned = message.replace(/,? ?"[^"]*" is not valid JSON/, '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)/, '');
  if (lineMatch) return { position: { line: Number(lineMatch[1]), column: Number(lineMatch[2]) }, message: `invalid JSON: ${cleaned}` };
  if (!offsetMatch) return { message: `invalid JSON: ${cleaned}` };
  const before = text.slice(0, Number(offsetMatch[1]));
  const lines = before.split('\n');
  return { position: { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }, message: `invalid JSON: ${cleaned}` };
}
