/**
 * What ocp-image never does, checked on the code itself: it never turns text into code (`eval`,
 * `new Function`, `vm`, string timers) — not in our sources, not in what they compile to, not in
 * the precompiled ajv validators — and its shipped packages never open network connections or
 * start other programs. The generated schemas never refer to a remote schema. The CLI run under
 * Node's own guards (code generation disallowed, network denied) is in
 * packages/cli/test/robustness-network.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packages = fileURLToPath(new URL('../../', import.meta.url));
const repository = path.resolve(packages, '..');

function files(directory: string, extensions: readonly string[], skip: readonly string[] = []): string[] {
  if (!existsSync(directory)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (skip.includes(entry)) continue;
    if (statSync(full).isDirectory()) found.push(...files(full, extensions, skip));
    else if (extensions.some((extension) => entry.endsWith(extension)) && !entry.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

const packageNames = readdirSync(packages).filter((name) => existsSync(path.join(packages, name, 'package.json')));
/** Shipped to users: everything but the development-time generator. */
const shipped = packageNames.filter((name) => name !== 'generator');

/** Our code as written and as compiled (the CLI's bundle also holds third-party code: the run-time test covers it). */
const ourCode = packageNames.flatMap((name) => [
  ...files(path.join(packages, name, 'src'), ['.ts']),
  ...files(path.join(packages, name, 'dist'), ['.js'], ['bundle']),
  ...files(path.join(packages, name, 'bin'), ['.js']),
]);
const generatedValidators = files(path.join(packages, 'schemas', 'generated'), ['.js']);

const CODE_FROM_TEXT_MODULES = new Set(['vm', 'node:vm']);
const NETWORK_MODULES = new Set(['net', 'tls', 'dns', 'http', 'https', 'http2', 'dgram', 'undici', 'dns/promises']);
const PROCESS_MODULES = new Set(['child_process', 'cluster']);

function moduleName(specifier: string): string {
  return specifier.replace(/^node:/, '');
}

interface Use {
  where: string;
  what: string;
}

const scanned = new Map<string, ReturnType<typeof scan>>();

function uses(file: string): ReturnType<typeof scan> {
  let found = scanned.get(file);
  if (!found) scanned.set(file, (found = scan(file)));
  return found;
}

/** Calls that turn text into code, network and process modules, and network globals used by `file`. */
function scan(file: string, text = readFileSync(file, 'utf8')): { codeFromText: Use[]; network: Use[]; processes: Use[] } {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found = { codeFromText: [] as Use[], network: [] as Use[], processes: [] as Use[] };
  const where = (node: ts.Node) => `${path.relative(repository, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
  const importOf = (specifier: string, node: ts.Node) => {
    const name = moduleName(specifier);
    if (CODE_FROM_TEXT_MODULES.has(specifier) || name === 'vm') found.codeFromText.push({ where: where(node), what: `import ${specifier}` });
    if (NETWORK_MODULES.has(name)) found.network.push({ where: where(node), what: `import ${specifier}` });
    if (PROCESS_MODULES.has(name)) found.processes.push({ where: where(node), what: `import ${specifier}` });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      importOf(node.moduleSpecifier.text, node);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const firstArgument = node.arguments?.[0];
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        if (firstArgument && ts.isStringLiteralLike(firstArgument)) importOf(firstArgument.text, node);
      }
      if (name === 'eval' || (name === 'Function' && ts.isIdentifier(callee))) found.codeFromText.push({ where: where(node), what: node.getText(sourceFile).slice(0, 80) });
      if ((name === 'setTimeout' || name === 'setInterval') && firstArgument && ts.isStringLiteralLike(firstArgument)) {
        found.codeFromText.push({ where: where(node), what: `${name} with a string` });
      }
      if (name === 'fetch' && ts.isIdentifier(callee)) found.network.push({ where: where(node), what: 'fetch()' });
    }
    if (ts.isIdentifier(node) && (node.text === 'WebSocket' || node.text === 'XMLHttpRequest')) found.network.push({ where: where(node), what: node.text });
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('code is never made from text', () => {
  it('the scan recognises each construct it looks for', () => {
    const sample = [
      "eval('1');",
      "new Function('return 1');",
      "Function('return 1')();",
      "setTimeout('alert(1)', 1);",
      "import vm from 'node:vm';",
      "await import('node:https');",
      "fetch('https://example.com');",
      "const cp = require('child_process');",
      "export { connect } from 'node:net';",
    ].join('\n');
    const found = scan(path.join(repository, 'sample.ts'), sample);
    expect(found.codeFromText.map((use) => use.where)).toEqual(['sample.ts:1', 'sample.ts:2', 'sample.ts:3', 'sample.ts:4', 'sample.ts:5']);
    expect(found.network.map((use) => use.where)).toEqual(['sample.ts:6', 'sample.ts:7', 'sample.ts:9']);
    expect(found.processes.map((use) => use.where)).toEqual(['sample.ts:8']);
  });

  it('scans real code (sanity)', () => {
    expect(ourCode.length).toBeGreaterThan(100);
    expect(generatedValidators.map((file) => path.basename(file)).sort()).toEqual(expect.arrayContaining(['standard.js', 'strict.js']));
  });

  it('no eval, new Function, vm or string timers in our sources, our compiled output, or the precompiled ajv validators', () => {
    const found = [...ourCode, ...generatedValidators].flatMap((file) => uses(file).codeFromText);
    // The one use, by file (line numbers move): the CLI's launcher compiles the package's own
    // bundle file with V8's code cache (vm.Script is how Node 20 can take a cache); no input reaches it.
    const launcher = { where: expect.stringMatching(/^packages\/cli\/bin\/ocp-image\.js:\d+$/), what: 'import node:vm' };
    expect(found).toEqual([launcher]);
  }, 120_000);

  it('the precompiled validators are self-contained: they import nothing', () => {
    for (const file of generatedValidators) {
      const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      const imports = sourceFile.statements.filter((statement) => ts.isImportDeclaration(statement) || (ts.isExportDeclaration(statement) && statement.moduleSpecifier));
      expect(imports.map((statement) => statement.getText(sourceFile)), file).toEqual([]);
      expect(readFileSync(file, 'utf8')).not.toMatch(/\brequire\s*\(/);
    }
  });
});

describe('shipped packages stay on the machine', () => {
  const shippedCode = ourCode.filter((file) => shipped.some((name) => file.startsWith(path.join(packages, name) + path.sep)));

  it('no network modules, fetch or sockets in the shipped packages', () => {
    expect(shippedCode.length).toBeGreaterThan(50);
    expect(shippedCode.flatMap((file) => uses(file).network)).toEqual([]);
  }, 120_000);

  it('no child processes either (worker threads are the only concurrency)', () => {
    expect(shippedCode.flatMap((file) => uses(file).processes)).toEqual([]);
  }, 120_000);

  it('no generated schema refers to a remote schema: every $ref points inside its own document', () => {
    const schemas = files(path.join(packages, 'schemas', 'generated'), ['.json']);
    const references: string[] = [];
    for (const file of schemas) {
      const stack: unknown[] = [JSON.parse(readFileSync(file, 'utf8'))];
      while (stack.length > 0) {
        const node = stack.pop();
        if (node === null || typeof node !== 'object') continue;
        const ref = (node as Record<string, unknown>).$ref;
        if (typeof ref === 'string') references.push(`${path.relative(repository, file)}: ${ref}`);
        stack.push(...Object.values(node));
      }
    }
    expect(references.length).toBeGreaterThan(100);
    expect(references.filter((reference) => !/: #(?:\/|$)/.test(reference))).toEqual([]);
  });
});
