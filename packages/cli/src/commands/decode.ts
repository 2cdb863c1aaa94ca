import { readFile } from 'node:fs/promises';
import { decode, fileEncodingRule, fileReadRule, messageText, ruleMessage, stringifyDecoded, type DecodedDocument } from '@ocp-image/validator';
import { stringify } from 'yaml';
import { describeReadError } from '../check-file.js';
import { decodeManifest } from '../decode.js';
import { ExitCode } from '../errors.js';
import { readStdin } from '../input.js';
import { writeStdout } from '../output.js';

export interface DecodedFile {
  filePath: string;
  documents: DecodedDocument[];
}

/**
 * `ocp-image decode [--format json|yaml] FILE…|-`: what `oc apply -f` would send for each
 * document, or the error it stops at. Exit code 1 when a file cannot be decoded.
 */
export async function runDecode(paths: string[], options: { format: 'json' | 'yaml' }): Promise<number> {
  const files: DecodedFile[] = [];
  for (const filePath of paths) files.push({ filePath, documents: await decodeFile(filePath) });
  await writeStdout(options.format === 'json' ? `${stringifyDecoded(files, 2)}\n` : files.map(asYaml).join(''));
  const failed = files.some((file) => file.documents.some((document) => 'error' in document));
  return failed ? ExitCode.problems : ExitCode.ok;
}

async function decodeFile(filePath: string): Promise<DecodedDocument[]> {
  let bytes: Uint8Array;
  try {
    bytes = filePath === '-' ? await readStdin() : await readFile(filePath);
  } catch (error) {
    const message = messageText(ruleMessage(fileReadRule, { messageId: 'failed', data: { reason: describeReadError(error) } }));
    return [{ index: 0, error: { message, line: 1, column: 1 } }];
  }
  const decoded = decodeManifest(bytes);
  if ('problem' in decoded) {
    const { line, column } = decoded.problem;
    return [{ index: 0, error: { message: messageText(ruleMessage(fileEncodingRule, decoded.problem)), line, column } }];
  }
  return decode(decoded.text, decoded);
}

/**
 * One YAML document per decoded document, headed by a comment naming the file and index. The
 * values are written for YAML 1.1 readers, so `oc` would read back exactly these values (but -0,
 * from a JSON stream: YAML gives oc no way to send it).
 */
function asYaml(file: DecodedFile): string {
  return file.documents
    .map((document) => {
      const heading = `--- # ${JSON.stringify(file.filePath)} document ${document.index}`;
      if ('error' in document) {
        const { line, column, message } = document.error;
        return `${heading}: error at ${line}:${column}: ${message.replaceAll(/[\r\n]+/g, ' ')}\n`;
      }
      return `${heading}\n${stringify(document.value, { version: '1.1' })}`;
    })
    .join('');
}
