import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import {
  effectiveSeverity,
  encodeText,
  fileEncodingRule,
  fileReadRule,
  fileSymlinkSkippedRule,
  fixText,
  inputTooLarge,
  messageQuoted,
  messageText,
  renderPath,
  resolveLimits,
  ruleMessage,
  validate,
} from '@ocp-image/validator';
import type { ByteEncoding, DecodedBytes, Finding, MessageTable, RuleCategory, RuleDefinition, RuleMessage, ValidationConfig } from '@ocp-image/validator';
import { getRule } from '@ocp-image/validator';
import { decodeManifest, positionOf } from './decode.js';
import { hashContent, type FileStamp } from './file-stamp.js';
import type { FileResult } from './results.js';
import type { SkippedLink } from './targets.js';

/**
 * One file to check: read from disk, or bytes already in hand (stdin); or, to report, a link a
 * walk did not follow or a directory it could not list (the errno code or system message why).
 */
export type FileTask =
  /** `stamp`: return the file's stamp with its result, for the cache. */
  | { filePath: string; absolutePath: string; stamp?: boolean }
  | { filePath: string; bytes: Uint8Array }
  | { filePath: string; skippedLink: SkippedLink }
  | { filePath: string; unreadableDirectory: string };

/** `--fix` (write) and `--fix-dry-run` (do not): apply the safe fixes, of these rule categories only when given. */
export interface FixOptions {
  write: boolean;
  categories?: readonly RuleCategory[];
}

/** A file's text as `decodeBytes` gives it (a file whose rule is off reads as empty, of no encoding), or a finding about it. */
type Read = (Omit<DecodedBytes, 'encoding'> & { encoding?: ByteEncoding }) | { finding: Finding };

/** A file's result, and its stamp when the task asked for one and the file's bytes were read. */
export interface CheckedFile {
  result: FileResult;
  stamp?: FileStamp;
}

/**
 * Reads and validates one file. Used by the main thread and by every worker alike, so the output
 * does not depend on `--jobs`. Problems with the file itself become findings of that file.
 */
export async function checkFile(task: FileTask, config: ValidationConfig, fix?: FixOptions): Promise<CheckedFile> {
  let stamp: FileStamp | undefined;
  let read: Read;
  if ('bytes' in task) read = readBytes(task.bytes, config);
  else if ('skippedLink' in task) read = linkFinding(task.skippedLink, config);
  else if ('unreadableDirectory' in task) read = fileFinding(fileReadRule, { messageId: 'directory', data: { reason: describeErrorCode(task.unreadableDirectory) } }, 1, 1, config);
  else {
    const loaded = readManifest(task.absolutePath, config);
    if ('bytes' in loaded) {
      read = readBytes(loaded.bytes, config);
      if (task.stamp) stamp = { size: loaded.size, mtimeMs: loaded.mtimeMs, contentHash: hashContent(loaded.bytes) };
    } else {
      read = loaded;
    }
  }
  if ('finding' in read) return { result: { filePath: task.filePath, findings: [read.finding], objects: [], skipped: {} }, ...(stamp && { stamp }) };
  const options = { filePath: task.filePath, config, ...(read.illFormedUtf8 && { illFormedUtf8: read.illFormedUtf8 }) };
  let fixed = fix ? fixText(read.text, { ...options, shouldFix: fixFilter(fix) }) : undefined;
  let refusal: Read | undefined;
  // Writing the fixed text would also turn the ill-formed bytes into U+FFFD for good: not done.
  if (fixed?.fixed && read.firstIllFormed !== undefined) {
    refusal = fixRefusal(read.text, read.firstIllFormed, read.encoding ?? 'utf-8', config);
    fixed = undefined;
  }
  const result = fixed ?? validate(read.text, options);
  const output = fixed?.fixed ? fixed.output : undefined;
  // Only a file named by a path is written, in its own encoding, and only when a fix changed it.
  if (output !== undefined && fix?.write && 'absolutePath' in task) await writeFile(task.absolutePath, encodeText(output, read.encoding ?? 'utf-8'));
  return {
    result: {
      filePath: task.filePath,
      findings: refusal && 'finding' in refusal ? [refusal.finding, ...result.findings] : result.findings,
      ...(output === undefined ? {} : { output }),
      objects: result.objects.map((object) => ({
        kind: object.kind,
        ...(object.name === undefined ? {} : { name: object.name }),
        documentIndex: object.documentIndex,
        path: renderPath(object.pathPrefix),
      })),
      skipped: result.skipped,
      ...(result.unrenderedTemplate ? { unrenderedTemplate: true } : {}),
    },
    ...(stamp && { stamp }),
  };
}

function fixFilter(fix: FixOptions): ((finding: Finding) => boolean) | undefined {
  const { categories } = fix;
  if (!categories || categories.length === 0) return undefined;
  return (finding) => {
    const category = getRule(finding.ruleId)?.category;
    return category !== undefined && categories.includes(category);
  };
}

/**
 * The file's bytes with the size and modification time of what was read, or a finding about the
 * file. Synchronous: a file is read whole before it is checked anyway, and the four thread-pool
 * round trips of fs/promises (open, stat, read, close) left a worker idle between files.
 */
function readManifest(absolutePath: string, config: ValidationConfig): { bytes: Buffer; size: number; mtimeMs: number } | Read {
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    const descriptor = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = fstatSync(descriptor);
      // A FIFO, socket or device (/dev/zero) has no end to read to.
      if (!stats.isFile()) return fileFinding(fileReadRule, { messageId: 'failed', data: { reason: 'not a regular file (a FIFO, socket or device)' } }, 1, 1, config);
      // Refuse before reading a huge file into memory; the validator would refuse its text anyway.
      const limit = resolveLimits(config.limits).maxBytes;
      const { size } = stats;
      if (size > limit) return fileFinding(inputTooLarge, { messageId: 'bytes', data: { actual: size, limit } }, 1, 1, config);
      return { bytes: readFileSync(descriptor), size, mtimeMs: stats.mtimeMs };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return fileFinding(fileReadRule, { messageId: 'failed', data: { reason: describeReadError(error) } }, 1, 1, config);
  }
}

function linkFinding(link: SkippedLink, config: ValidationConfig): Read {
  // The link's text comes with the pull request and may hold line breaks.
  const data = { target: messageQuoted(link.target), reason: link.reason === undefined ? '' : describeErrorCode(link.reason) };
  return fileFinding(fileSymlinkSkippedRule, { messageId: link.kind, data }, 1, 1, config);
}

function readBytes(bytes: Uint8Array, config: ValidationConfig): Read {
  const decoded = decodeManifest(bytes);
  if ('text' in decoded) return decoded;
  const { line, column } = decoded.problem;
  return fileFinding(fileEncodingRule, decoded.problem, line, column, config);
}

const encodingNames: Record<ByteEncoding, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

function fixRefusal(text: string, firstIllFormed: number, encoding: ByteEncoding, config: ValidationConfig): Read {
  const { line, column } = positionOf(text, firstIllFormed);
  return fileFinding(fileEncodingRule, { messageId: 'fixWouldReplaceBytes', data: { encoding: encodingNames[encoding], line, column } }, line, column, config);
}

/** A finding about the whole file; with its rule turned off the file counts as empty. */
function fileFinding<Messages extends MessageTable>(
  rule: RuleDefinition<Messages>,
  message: RuleMessage<Messages>,
  line: number,
  column: number,
  config: ValidationConfig,
): Read {
  const severity = effectiveSeverity(rule, config);
  if (severity === undefined) return { text: '' };
  const checked = ruleMessage(rule, message);
  return {
    finding: {
      ruleId: rule.id,
      severity,
      messageId: checked.messageId,
      data: checked.data,
      message: messageText(checked),
      line,
      column,
      endLine: line,
      endColumn: column + 1,
      path: '',
      documentIndex: 0,
    },
  };
}

const readErrorReasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOENT: 'it no longer exists',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
  ENAMETOOLONG: 'a name in the path is too long',
};

export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && code in readErrorReasons) return describeErrorCode(code);
  return error instanceof Error ? error.message : String(error);
}

/** An errno code as words, when it has some; anything else (a system message) as it is. */
function describeErrorCode(code: string): string {
  return Object.hasOwn(readErrorReasons, code) ? `${readErrorReasons[code]} (${code})` : code;
}
