/** `validate --fix`, `--fix-dry-run` and `--fix-type`: what is written, where, and what is reported. */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import type { Fix, Log } from 'sarif';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, runCli, sharedDirectory } from './helpers.js';

const fixCasesRoot = fileURLToPath(new URL('../../validator/test/fix-cases/', import.meta.url));
const fixedName = (name: string) => name.replace(/\.(ya?ml|json)$/, '.fixed.$1');

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; fix?: { range: [number, number]; text: string } }[];
  errorCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
}

describe('validate --fix', () => {
  let directory: string;
  let remove: () => Promise<void>;
  let cases: string[];
  beforeEach(async () => {
    ({ directory, remove } = await makeTempDirectory());
    cases = (await readdir(fixCasesRoot)).filter((name) => !name.includes('.fixed.'));
    for (const name of cases) await copyFile(path.join(fixCasesRoot, name), path.join(directory, name));
  });
  afterEach(() => remove());

  it('writes the fixed bytes (the same eslint --fix writes) and reports what remains', async () => {
    const untouched = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ok\n';
    await writeFile(path.join(directory, 'ok.yaml'), untouched);
    const result = await runCli(['validate', '--fix', '--format', 'json', '.'], { cwd: directory });
    expect(result.stderr).toBe('');
    for (const name of cases) {
      expect(await readFile(path.join(directory, name)), name).toEqual(await readFile(path.join(fixCasesRoot, fixedName(name))));
    }
    expect(await readFile(path.join(directory, 'ok.yaml'), 'utf8')).toBe(untouched);
    const results = JSON.parse(result.stdout) as JsonResult[];
    expect(results.flatMap((file) => file.messages.filter((message) => message.fix))).toEqual([]);
    expect(results.find((file) => file.filePath === 'ok.yaml')?.output).toBeUndefined();
    expect(result.code).toBe(0);
  });

  it('writes a UTF-16 file back in UTF-16, its byte order and mark kept', async () => {
    const name = 'template.yaml';
    const utf16 = (text: string, littleEndian: boolean) => (littleEndian ? Buffer.from(`\uFEFF${text}`, 'utf16le') : Buffer.from(`\uFEFF${text}`, 'utf16le').swap16());
    const [text, fixed] = await Promise.all([readFile(path.join(fixCasesRoot, name), 'utf8'), readFile(path.join(fixCasesRoot, fixedName(name)), 'utf8')]);
    await writeFile(path.join(directory, 'le.yaml'), utf16(text, true));
    await writeFile(path.join(directory, 'be.yaml'), utf16(text, false));
    const result = await runCli(['validate', '--fix', '--format', 'json', 'le.yaml', 'be.yaml'], { cwd: directory });
    expect(result.stderr).toBe('');
    expect(await readFile(path.join(directory, 'le.yaml'))).toEqual(utf16(fixed, true));
    expect(await readFile(path.join(directory, 'be.yaml'))).toEqual(utf16(fixed, false));
  });

  it('does not fix a file whose bytes oc reads as U+FFFD, and says why', async () => {
    const name = 'template.yaml';
    const text = await readFile(path.join(fixCasesRoot, name), 'utf8');
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from('# caf\xe9\n', 'latin1')]);
    await writeFile(path.join(directory, name), bytes);
    const result = await runCli(['validate', '--fix', '--format', 'json', name], { cwd: directory });
    expect(await readFile(path.join(directory, name))).toEqual(bytes);
    const [file] = JSON.parse(result.stdout) as JsonResult[];
    const line = text.split('\n').length;
    expect(file?.messages[0]).toMatchObject({
      ruleId: 'file-encoding',
      message: `Not fixed: the file holds bytes that are not UTF-8 characters (oc reads each as U+FFFD, the first at ${line}:6), and writing the fixed text would replace them too; repair the encoding first.`,
    });
    // The findings are those of the file as it is, fixable ones included.
    expect(file?.messages.some((message) => message.fix)).toBe(true);
    expect(result.code).toBe(1);
  });

  it('does not fix a file with a UTF-8 byte order mark whose bytes are not all UTF-8, a document go-yaml reads as UTF-16 among them', async () => {
    const text = await readFile(path.join(fixCasesRoot, 'template.yaml'), 'utf8');
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const utf16be = Buffer.from('\uFEFFapiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: Bad_Name\n', 'utf16le').swap16();
    const files = {
      'latin1.yaml': Buffer.concat([bom, Buffer.from(text), Buffer.from('# caf\xe9\n', 'latin1')]),
      'utf16-document.yaml': Buffer.concat([bom, Buffer.from(text), Buffer.from('---\n'), utf16be]),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(directory, name), bytes);
    const result = await runCli(['validate', '--fix', '--format', 'json', ...Object.keys(files)], { cwd: directory });
    for (const [name, bytes] of Object.entries(files)) expect(await readFile(path.join(directory, name)), name).toEqual(bytes);
    const results = JSON.parse(result.stdout) as (Omit<JsonResult, 'messages'> & { messages: { ruleId: string; line: number; message: string }[] })[];
    for (const file of results) {
      expect(file.messages[0], file.filePath).toMatchObject({ ruleId: 'file-encoding', message: expect.stringMatching(/^Not fixed: the file holds bytes that are not UTF-8 characters/) });
      expect(file.output, file.filePath).toBeUndefined();
    }
    // The UTF-16 document is validated as go-yaml reads it: its name is found, on the line its bytes are on.
    const separatorLine = text.split('\n').length;
    const utf16Document = results.find((file) => file.filePath === 'utf16-document.yaml');
    expect(utf16Document?.messages.find((message) => message.message.includes('Bad_Name'))).toMatchObject({ line: separatorLine + 4 });
    expect(result.code).toBe(1);
  });

  it('--fix-dry-run writes nothing and shows the fixed text as output', async () => {
    const name = 'imagestream.json';
    const result = await runCli(['validate', '--fix-dry-run', '--format', 'json', name], { cwd: directory });
    const [file] = JSON.parse(result.stdout) as JsonResult[];
    expect(file?.output).toBe(await readFile(path.join(fixCasesRoot, fixedName(name)), 'utf8'));
    expect(await readFile(path.join(directory, name), 'utf8')).toBe(await readFile(path.join(fixCasesRoot, name), 'utf8'));
  });

  it('counts fixable findings and fixes only the categories --fix-type names', async () => {
    const name = 'imagestream-comments.yaml';
    const plain = JSON.parse((await runCli(['validate', '--format', 'json', name], { cwd: directory })).stdout) as JsonResult[];
    expect(plain[0]).toMatchObject({ fatalErrorCount: 0, fixableErrorCount: 10, fixableWarningCount: 0 });
    const result = await runCli(['validate', '--fix', '--fix-type', 'server', '--format', 'json', name], { cwd: directory });
    const [file] = JSON.parse(result.stdout) as JsonResult[];
    expect(file?.messages.map((message) => message.ruleId).sort()).toEqual(['api-version-mapping', 'schema-type', 'schema-type', 'yaml-implicit-type', 'yaml-implicit-type', 'yaml-implicit-type']);
    expect(await readFile(path.join(directory, name), 'utf8')).toContain('kind: DockerImage   # letter case');
  });

  it('refuses standard input, an unknown --fix-type and --fix-type alone', async () => {
    for (const args of [['--fix', '-'], ['--fix', '--fix-type', 'style', '.'], ['--fix-type', 'lint', '.']]) {
      const result = await runCli(['validate', ...args], { cwd: directory, input: 'kind: x\n' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--fix/);
    }
  });
});

describe('validate --report-unused-disable-directives', () => {
  it('reports an ocp-image-disable comment that suppresses nothing as an error, only when asked', async () => {
    const { directory, remove } = await makeTempDirectory();
    try {
      await writeFile(path.join(directory, 'a.yaml'), 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: a # ocp-image-disable-line metadata-name\n');
      const quiet = await runCli(['validate', '--format', 'json', 'a.yaml'], { cwd: directory });
      expect((JSON.parse(quiet.stdout) as JsonResult[])[0]?.messages).toEqual([]);
      const asked = await runCli(['validate', '--report-unused-disable-directives', '--format', 'json', 'a.yaml'], { cwd: directory });
      expect((JSON.parse(asked.stdout) as JsonResult[])[0]).toMatchObject({ errorCount: 1, messages: [{ ruleId: 'unused-disable-directive' }] });
      expect(asked.code).toBe(1);
    } finally {
      await remove();
    }
  });
});

describe('validate --format sarif: fixes and suggestions', () => {
  // A BOM and CRLF line ends: offsets count neither the BOM nor anything but UTF-16 code units.
  const text = 'apiVersion: image.openshift.io/v1\r\nkind: ImageStream\r\nmetadata:\r\n  name: app\r\nspec:\r\n  lookupPolicy: {locl: true}\r\n  tags:\r\n  - name: 1.10\r\n    from: {kind: dockerimage, name: quay.io/a/b:1}\r\n';
  const schemaPath = path.join(sharedDirectory, 'reference', 'sarif-schema-2.1.0.json');

  /** The text with one SARIF fix's replacements applied (the artifact's text after its BOM). */
  const applied = (fix: Fix): string =>
    fix.artifactChanges
      .flatMap((change) => change.replacements)
      .sort((a, b) => (b.deletedRegion.charOffset ?? 0) - (a.deletedRegion.charOffset ?? 0))
      .reduce((result, { deletedRegion: { charOffset = 0, charLength = 0 }, insertedContent }) => `${result.slice(0, charOffset)}${insertedContent?.text ?? ''}${result.slice(charOffset + charLength)}`, text);

  it('carries the safe fix and every suggestion as SARIF fixes: the JSON output\'s edits, valid SARIF 2.1.0', async () => {
    const { directory, remove } = await makeTempDirectory();
    try {
      await writeFile(path.join(directory, 'a.yaml'), `\uFEFF${text}`);
      const sarif = JSON.parse((await runCli(['validate', '--format', 'sarif', 'a.yaml'], { cwd: directory })).stdout) as Log;
      const json = JSON.parse((await runCli(['validate', '--format', 'json', 'a.yaml'], { cwd: directory })).stdout) as {
        messages: { ruleId: string; fix?: { range: [number, number]; text: string }; suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[] }[];
      }[];
      const results = sarif.runs[0]!.results!;
      const messages = json[0]!.messages;
      expect(results.map((result) => result.ruleId)).toEqual(messages.map((message) => message.ruleId));
      results.forEach((result, index) => {
        const { fix, suggestions = [] } = messages[index]!;
        const edits = [...(fix ? [{ safe: true, edit: fix, desc: undefined }] : []), ...suggestions.map((suggestion) => ({ safe: false, edit: suggestion.fix, desc: suggestion.desc }))];
        expect(
          (result.fixes ?? []).map((sarifFix) => ({
            safe: sarifFix.properties?.safe,
            artifact: sarifFix.artifactChanges.map((change) => change.artifactLocation),
            replacements: sarifFix.artifactChanges.flatMap((change) => change.replacements),
            ...(sarifFix.properties?.safe ? {} : { desc: sarifFix.description?.text }),
          })),
          result.ruleId,
        ).toEqual(
          edits.map(({ safe, edit, desc }) => ({
            safe,
            artifact: [result.locations![0]!.physicalLocation!.artifactLocation],
            replacements: [{ deletedRegion: { charOffset: edit.range[0], charLength: edit.range[1] - edit.range[0] }, insertedContent: { text: edit.text } }],
            ...(safe ? {} : { desc }),
          })),
        );
      });
      const fixesOf = (ruleId: string) => results.find((result) => result.ruleId === ruleId)?.fixes ?? [];
      expect(fixesOf('unknown-field').map((fix) => fix.properties?.safe)).toEqual([false]);
      expect(applied(fixesOf('unknown-field')[0]!)).toBe(text.replace('{locl:', '{local:'));
      expect(applied(fixesOf('yaml-implicit-type')[0]!)).toBe(text.replace('name: 1.10', 'name: "1.10"'));
      expect(applied(fixesOf('tag-from-kind')[0]!)).toBe(text.replace('kind: dockerimage', 'kind: DockerImage'));
      if (existsSync(schemaPath)) {
        const validate = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
        validate(sarif);
        expect(validate.errors ?? []).toEqual([]);
      }
    } finally {
      await remove();
    }
  });
});
