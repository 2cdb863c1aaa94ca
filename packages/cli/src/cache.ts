import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { severities, type Finding, type ValidationConfig } from '@ocp-image/validator';
import { hashContent, type FileStamp } from './file-stamp.js';
import { packageVersion } from './project.js';
import { readRegularFile, UnreadableFileError } from './regular-file.js';
import type { FileResult, ObjectSummary } from './results.js';

/**
 * `--cache`: results of unchanged files are reused from the previous run, as ESLint's `--cache`
 * does. The file holds one run key (the versions and everything in the validation config, which
 * decide what a file's findings are) and per absolute path the stamp of the file a result was
 * made from and that result. A file written with another key is discarded whole.
 */
export type CacheStrategy = 'metadata' | 'content';
export const cacheStrategies: readonly CacheStrategy[] = ['metadata', 'content'];

export const defaultCacheFileName = '.ocp-image-cache';

/** The first key of every cache file: it tells ocp-image's cache files from any other file. */
const formatStamp = 'ocpImageCache';
const formatVersion = 1;
/** Far above any real cache (a 20,000-document run with findings writes a few MB). */
const maxCacheBytes = 256 * 1024 * 1024;

type CachedResult = Omit<FileResult, 'filePath'>;
interface CacheEntry extends FileStamp, CachedResult {}
interface CacheFile {
  [formatStamp]: typeof formatVersion;
  key: string;
  files: Record<string, unknown>;
}

/** The cache file for `--cache-location` (a file, or a directory to hold one), as ESLint places it. */
export async function cacheFilePath(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return path.join(cwd, defaultCacheFileName);
  const resolved = path.resolve(cwd, location);
  const isDirectory = /[/\\]$/.test(location) || (await stat(resolved).then((stats) => stats.isDirectory(), () => false));
  // Named after the working directory, so that projects sharing a directory do not share a file.
  return isDirectory ? path.join(resolved, `${defaultCacheFileName}_${createHash('sha256').update(cwd).digest('hex').slice(0, 12)}`) : resolved;
}

/** JSON with object keys sorted, so that equal configs give equal keys. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What decides a file's findings besides its content: the code (by version) and the validation config. */
export function runKey(config: ValidationConfig): string {
  const identity = { cli: packageVersion('@ocp-image/cli'), validator: packageVersion('@ocp-image/validator'), config };
  return createHash('sha256').update(canonicalJson(identity)).digest('base64');
}

export interface ResultCache {
  /** The result of a file from an earlier run, if the file is unchanged (by the strategy's measure). */
  lookup(absolutePath: string): Promise<CachedResult | undefined>;
  store(absolutePath: string, result: FileResult, stamp: FileStamp): void;
  /** Writes the file if anything changed; a reason when it could not. */
  save(): Promise<string | undefined>;
  /** Why the file found at the location was not used, if it was not. */
  readonly notice: string | undefined;
}

/** `shownPath`: the file as messages name it. */
export async function openCache(filePath: string, shownPath: string, key: string, strategy: CacheStrategy): Promise<ResultCache> {
  let files: Record<string, unknown> = {};
  let notice: string | undefined;
  // A file that is not an ocp-image cache (a mistyped --cache-location) is never overwritten.
  let writable = true;
  try {
    const text = (await readRegularFile(filePath, maxCacheBytes)).toString('utf8');
    if (text.trim() !== '') {
      if (!text.startsWith(`{"${formatStamp}":`)) {
        writable = false;
        notice = `${shownPath} is not an ocp-image cache file; it is left alone and no cache is used (choose another --cache-location)`;
      } else {
        const parsed = parseCacheFile(text);
        if (parsed === undefined) notice = `the cache file ${shownPath} is damaged or from another version; it is rebuilt`;
        else if (parsed.key === key) files = parsed.files;
      }
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError) || error.code !== 'ENOENT') {
      writable = false;
      notice = `the cache file ${shownPath} cannot be read (${(error as Error).message}); no cache is used`;
    }
  }
  let changed = false;

  return {
    notice,
    async lookup(absolutePath) {
      if (!writable || !Object.hasOwn(files, absolutePath)) return undefined;
      const entry = files[absolutePath];
      if (!isCacheEntry(entry)) return undefined;
      if (strategy === 'metadata') {
        const stats = await stat(absolutePath).catch(() => undefined);
        if (!stats?.isFile() || stats.size !== entry.size || stats.mtimeMs !== entry.mtimeMs) return undefined;
      } else {
        // Equal content has equal size: a file of another size is not read.
        const bytes = await readRegularFile(absolutePath, entry.size).catch(() => undefined);
        if (bytes?.length !== entry.size || hashContent(bytes) !== entry.contentHash) return undefined;
      }
      return { findings: entry.findings, objects: entry.objects, skipped: entry.skipped };
    },
    store(absolutePath, result, stamp) {
      const { findings, objects, skipped } = result;
      files[absolutePath] = { ...stamp, findings, objects, skipped } satisfies CacheEntry;
      changed = true;
    },
    async save() {
      if (!writable || !changed) return undefined;
      const content: CacheFile = { [formatStamp]: formatVersion, key, files };
      const { mkdir, rename, rm, writeFile } = await import('node:fs/promises');
      // Written beside and renamed over, so that a run that stops midway never leaves half a file
      // (and a symbolic link at the location is replaced, not written through).
      const temporary = `${filePath}.${process.pid}.tmp`;
      try {
        await mkdir(path.dirname(filePath), { recursive: true });
        await writeFile(temporary, JSON.stringify(content));
        await rename(temporary, filePath);
        return undefined;
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        return `cannot write the cache file ${shownPath}: ${(error as Error).message}`;
      }
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseCacheFile(text: string): CacheFile | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed[formatStamp] !== formatVersion || typeof parsed.key !== 'string' || !isRecord(parsed.files)) return undefined;
  return parsed as unknown as CacheFile;
}

// Entries are checked when used: what the formatters receive has the shape they rely on.

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isOptionalString = (value: unknown) => value === undefined || isString(value);

const isMessageValues = (value: unknown) => value === undefined || (isRecord(value) && Object.values(value).every((item) => isString(item) || typeof item === 'number'));
const isTextEdit = (value: unknown) => isRecord(value) && Array.isArray(value.range) && value.range.length === 2 && value.range.every(isCount) && isString(value.text);

function isSuggestion(value: unknown): boolean {
  return isRecord(value) && isString(value.messageId) && isMessageValues(value.data) && isString(value.desc) && isTextEdit(value.fix);
}

function isFinding(value: unknown): value is Finding {
  if (!isRecord(value)) return false;
  const { ruleId, severity, messageId, data, message, line, column, endLine, endColumn, path: fieldPath, documentIndex, kind, name, objectPath, fix, suggestions } = value;
  return (
    isString(ruleId) &&
    (severities as readonly unknown[]).includes(severity) &&
    isString(messageId) &&
    isMessageValues(data) &&
    isString(message) &&
    [line, column, endLine, endColumn, documentIndex].every(isCount) &&
    isString(fieldPath) &&
    isOptionalString(kind) &&
    isOptionalString(name) &&
    isOptionalString(objectPath) &&
    (fix === undefined || isTextEdit(fix)) &&
    (suggestions === undefined || (Array.isArray(suggestions) && suggestions.every(isSuggestion)))
  );
}

function isObjectSummary(value: unknown): value is ObjectSummary {
  return isRecord(value) && isString(value.kind) && isOptionalString(value.name) && isCount(value.documentIndex) && isString(value.path);
}

function isCacheEntry(value: unknown): value is CacheEntry {
  if (!isRecord(value)) return false;
  const { size, mtimeMs, contentHash, findings, objects, skipped } = value;
  return (
    isCount(size) &&
    typeof mtimeMs === 'number' &&
    isString(contentHash) &&
    Array.isArray(findings) &&
    findings.every(isFinding) &&
    Array.isArray(objects) &&
    objects.every(isObjectSummary) &&
    isRecord(skipped) &&
    Object.values(skipped).every(isCount)
  );
}
