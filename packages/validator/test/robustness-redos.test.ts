/**
 * No regular expression of ours backtracks super-linearly on hostile input. Every regular
 * expression in packages/<name>/src (found by parsing the TypeScript, so a new one cannot be missed)
 * and in the generated schemas and validators is checked with recheck, a maintained ReDoS checker
 * (its pure-JavaScript backend: no network, no native binary needed), and then run on adversarial
 * 100,000-character strings; the validator and CLI functions that use them get such strings in
 * every field.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { rules, validate } from '../src/index.js';
import { invariantViolations } from './arbitraries/invariants.js';
import { fuzzing } from './arbitraries/settings.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const LONG = 100_000;

interface FoundRegExp {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(directory: string, extensions: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) found.push(...sourceFiles(full, extensions));
    else if (extensions.some((extension) => entry.endsWith(extension)) && !entry.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/** The text of a pattern argument built from string literals, `String.raw` templates and constants of the same file. */
function staticText(node: ts.Node, file: ts.SourceFile, constants: ReadonlyMap<string, ts.Expression>): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'String.raw') {
    const template = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(template)) return template.rawText;
    let text = template.head.rawText ?? '';
    for (const span of template.templateSpans) {
      const part = staticText(span.expression, file, constants);
      if (part === undefined) return undefined;
      text += part + (span.literal.rawText ?? '');
    }
    return text;
  }
  if (ts.isIdentifier(node)) {
    const value = constants.get(node.text);
    return value ? staticText(value, file, constants) : undefined;
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'source' && ts.isRegularExpressionLiteral(node.expression)) {
    const literal = node.expression.text;
    return literal.slice(1, literal.lastIndexOf('/'));
  }
  return undefined;
}

/** Regular expression literals and `RegExp(...)` calls, with their patterns resolved. */
function regExpsIn(file: string): { found: FoundRegExp[]; unresolved: string[] } {
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const constants = new Map<string, ts.Expression>();
  const found: FoundRegExp[] = [];
  const unresolved: string[] = [];
  const where = (node: ts.Node) => `${path.relative(repository, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
  const collectConstants = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) {
      constants.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, collectConstants);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf('/');
      found.push({ where: where(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      const source = pattern ? staticText(pattern, sourceFile, constants) : undefined;
      const flagText = flags ? staticText(flags, sourceFile, constants) : '';
      if (source === undefined || flagText === undefined) unresolved.push(`${where(node)}: ${node.getText(sourceFile).slice(0, 120)}`);
      else found.push({ where: where(node), source, flags: flagText });
    }
    ts.forEachChild(node, visit);
  };
  collectConstants(sourceFile);
  visit(sourceFile);
  return { found, unresolved };
}

function allRegExps(): { found: FoundRegExp[]; unresolved: string[] } {
  const packages = path.join(repository, 'packages');
  const files = readdirSync(packages).flatMap((name) => {
    const sources = path.join(packages, name, 'src');
    const generated = path.join(packages, name, 'generated');
    return [
      ...(statSync(sources, { throwIfNoEntry: false })?.isDirectory() ? sourceFiles(sources, ['.ts']) : []),
      ...(statSync(generated, { throwIfNoEntry: false })?.isDirectory() ? sourceFiles(generated, ['.js']) : []),
    ];
  });
  const results = files.map(regExpsIn);
  const found = results.flatMap((result) => result.found);
  // JSON Schema `pattern`s become RegExps inside the validators.
  for (const schema of sourceFiles(path.join(packages, 'schemas', 'generated'), ['.json'])) {
    const stack: unknown[] = [JSON.parse(readFileSync(schema, 'utf8'))];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === null || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      if (typeof record.pattern === 'string') found.push({ where: path.relative(repository, schema), source: record.pattern, flags: 'u' });
      stack.push(...Object.values(record));
    }
  }
  return { found, unresolved: results.flatMap((result) => result.unresolved) };
}

/**
 * 100,000-character strings that make a backtracking matcher work hardest: long runs of what the
 * pattern accepts, then a character it refuses. `npm run fuzz` tries more of them.
 */
function adversarialInputs(regExp: FoundRegExp): string[] {
  const characters = new Set<string>(['a', '0', ' ', '-', '.', '/']);
  for (const match of regExp.source.matchAll(/\\([dDwWsS])|\\?([^\\[\]()|*+?{}^$])/g)) {
    const escape = match[1];
    if (escape) characters.add({ d: '7', D: 'x', w: 'w', W: '!', s: ' ', S: 'y' }[escape] ?? 'a');
    else if (match[2]) characters.add(match[2]);
  }
  const list = [...characters].slice(0, fuzzing ? 40 : 12);
  const inputs = list.map((character) => character.repeat(LONG) + '\u0000');
  if (fuzzing) {
    for (const character of list) inputs.push(`${character.repeat(LONG / 2)}x${character.repeat(LONG / 2)}!`);
    for (let index = 0; index + 1 < list.length; index += 2) inputs.push(`${list[index]}${list[index + 1]}`.repeat(LONG / 2) + '\u0000');
  }
  return inputs;
}

const { found, unresolved } = allRegExps();

/**
 * Patterns recheck calls super-linear (or cannot decide in time) that are acceptable because their
 * input is short or trusted. Keyed by file and pattern, with the reason.
 */
const ACCEPTED: Readonly<Record<string, string>> = {
  'packages/validator/src/rules/server/imagestream-name.ts /^[._-]+|[._-]+$/g':
    'suggestStreamName gives up above 1,020 characters, and runs of separators are collapsed first',
  'packages/validator/src/rules/server/kubernetes-names.ts /[^a-z0-9]+$/': 'sanitizeName gives up above 4 × 253 characters',
  'packages/validator/src/rules/server/kubernetes-names.ts /[^A-Za-z0-9]+$/': 'sanitizeLabelValue gives up above 4 × 63 characters',
};

/** The generator runs at development time on the API reference in this repository, never on user input. */
const TRUSTED_INPUT_DIRECTORY = 'packages/generator/';

/** `npm test` leaves the generator's patterns (accepted anyway, and slow to decide) to `npm run fuzz`. */
const checked = fuzzing ? found : found.filter((regExp) => !regExp.where.startsWith(TRUSTED_INPUT_DIRECTORY));

function acceptedKey(regExp: FoundRegExp): string {
  return `${regExp.where.replace(/:\d+$/, '')} /${regExp.source}/${regExp.flags}`;
}

function acceptance(regExp: FoundRegExp): string | undefined {
  if (regExp.where.startsWith(TRUSTED_INPUT_DIRECTORY)) return 'development-time code on trusted input';
  return ACCEPTED[acceptedKey(regExp)];
}

describe('regular expressions', () => {
  it('every RegExp built at run time has a pattern the test can read', () => {
    expect(unresolved).toEqual([]);
    // Sanity: the scan sees the code (the validator alone has dozens).
    expect(found.length).toBeGreaterThan(50);
  });

  it(
    'recheck finds none with super-linear backtracking',
    () => {
      process.env.RECHECK_SYNC_BACKEND = 'pure';
      const problems: string[] = [];
      const stillNeeded = new Set<string>();
      for (const regExp of checked) {
        const diagnostics = checkSync(regExp.source, regExp.flags, { timeout: 20_000 });
        if (diagnostics.status !== 'safe' && acceptance(regExp)) {
          stillNeeded.add(acceptedKey(regExp));
          continue;
        }
        if (diagnostics.status === 'vulnerable') {
          problems.push(`${regExp.where} /${regExp.source}/${regExp.flags}: ${diagnostics.complexity.summary}, attack ${diagnostics.attack.pattern}`);
        } else if (diagnostics.status === 'unknown') {
          problems.push(`${regExp.where} /${regExp.source}/${regExp.flags}: not decided (${diagnostics.error.kind})`);
        }
      }
      expect(problems).toEqual([]);
      // A pattern that was fixed or removed must leave the list of exceptions too.
      expect(Object.keys(ACCEPTED).filter((key) => !stillNeeded.has(key))).toEqual([]);
    },
    600_000,
  );

  it(
    'each runs on adversarial 100,000-character strings (a super-linear one would hang here)',
    () => {
      let runs = 0;
      for (const regExp of checked) {
        const compiled = new RegExp(regExp.source, regExp.flags.replace(/[gy]/g, ''));
        for (const input of adversarialInputs(regExp)) {
          compiled.exec(input);
          runs++;
        }
      }
      expect(runs).toBeGreaterThan(checked.length);
    },
    600_000,
  );
});

describe('the validator on 100,000-character values in every field', () => {
  const ruleIds = new Set(rules.map((rule) => rule.id));
  const values = [
    'a'.repeat(LONG),
    '0'.repeat(LONG),
    `${'a-'.repeat(LONG / 2)}!`,
    `${'a.'.repeat(LONG / 2)}-`,
    `${'1.'.repeat(LONG / 2)}x`,
    `quay.io/${'a/'.repeat(LONG / 2)}:`,
    `${'a:'.repeat(LONG / 2)}@`,
    `sha256:${'f'.repeat(LONG)}`,
    `${'${'.repeat(LONG / 2)}`,
    `${'${{A}}'.repeat(LONG / 7)}`,
    `${' '.repeat(LONG)}x`,
    `2024-01-01${'0'.repeat(LONG)}`,
    `# ocp-image-disable ${'a,'.repeat(LONG / 2)}`,
    `-${'-'.repeat(LONG)}\u0000`,
    `${'\u0000'.repeat(LONG)}0\u0000`,
  ];

  it(
    'an inline directive followed by 100,000 spaces and a CR or line separator (the directive pattern backtracked quadratically)',
    () => {
      for (const end of ['x\ry', 'x\u2028y', 'x\u0085y']) {
        for (const directive of ['# ocp-image-enable', '# ocp-image-disable-next-line', '#ocp-image-disable']) {
          const text = `${directive}${' '.repeat(LONG)}${end}\nkind: ImageStream\n`;
          expect(invariantViolations(text, validate(text).findings, ruleIds)).toEqual([]);
        }
      }
    },
    120_000,
  );

  function manifests(value: string): Record<string, unknown>[] {
    const tag = {
      name: value,
      annotations: { [value]: value },
      from: { kind: 'DockerImage', name: value },
      importPolicy: { importMode: value },
      referencePolicy: { type: value },
    };
    const metadata = { name: value, namespace: value, generateName: value, labels: { [value]: value, a: value }, annotations: { [value]: value } };
    const image = {
      metadata,
      dockerImageReference: value,
      dockerImageLayers: [{ name: value, mediaType: value, size: 1 }],
      dockerImageManifests: [{ digest: value, mediaType: value, architecture: value, os: value }],
      signatures: [{ metadata, type: value, content: value }],
    };
    const apiVersion = 'image.openshift.io/v1';
    return [
      { apiVersion, kind: 'ImageStream', metadata, spec: { dockerImageRepository: value, tags: [tag, { ...tag, from: { kind: 'ImageStreamTag', name: value } }] } },
      { apiVersion, kind: 'ImageStreamTag', metadata, tag: { ...tag, from: { kind: 'ImageStreamImage', name: value } } },
      { apiVersion, kind: 'ImageTag', metadata, spec: tag },
      { apiVersion, kind: 'ImageStreamImport', metadata, spec: { images: [{ from: { kind: 'DockerImage', name: value }, to: { name: value } }], repository: { from: { kind: 'DockerImage', name: value } } } },
      { apiVersion, kind: 'ImageStreamMapping', metadata, tag: value, image },
      { apiVersion, kind: 'Image', ...image },
      { apiVersion, kind: 'ImageSignature', metadata, type: value, content: value },
      { apiVersion: 'template.openshift.io/v1', kind: 'Template', objects: [{ apiVersion, kind: 'ImageStream', metadata, spec: { tags: [tag] } }] },
    ];
  }

  // `npm test` takes every third value; `npm run fuzz` all of them.
  for (const value of fuzzing ? values : values.filter((_, index) => index % 3 === 0)) {
    it(
      `${JSON.stringify(value.slice(0, 24))}… (${value.length} characters)`,
      () => {
        for (const manifest of manifests(value)) {
          for (const text of [stringify(manifest, { version: '1.1', lineWidth: 0 }), `${value}: ${value}\n`, `# ${value}\nkind: ${value}\n`]) {
            const result = validate(text);
            expect(invariantViolations(text, result.findings, ruleIds)).toEqual([]);
          }
        }
      },
      120_000,
    );
  }
});
