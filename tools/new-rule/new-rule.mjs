#!/usr/bin/env node
/**
 * Scaffolds a rule: its file and registry entry, fixtures and docs page, ready to be filled in.
 *   npm run new-rule -- <rule-id> <category> [Kind,Kind…]
 * The categories are those of the registry (ruleCategories) whose rules are object rules, in a
 * folder of their own under packages/validator/src/rules (the syntax and schema rules belong to
 * the reading pipeline).
 * Then: write the check and the messages, the fixtures' manifests, the page's sections; run
 * `UPDATE_FIXTURES=1 npx vitest run packages/validator/test/fixtures.test.ts -t <rule-id>` and
 * `npm run update-docs`, and review both diffs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ruleCategories, rules } from '@ocp-image/validator';
import { HEADER_END, HEADER_START, OPTIONS_END, OPTIONS_START } from '../docs/update-rules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const categoryIndex = (category) => path.join(root, 'packages/validator/src/rules', category, 'index.ts');

/** The categories a rule can be scaffolded in: those with a folder of object rules. */
export const scaffoldCategories = ruleCategories.filter((category) => existsSync(categoryIndex(category)));

/** A new rule's default severity: the one most rules of its category have (docs and lint warn, the others fail). */
export function defaultSeverity(category) {
  const severities = rules.filter((rule) => rule.category === category).map((rule) => rule.severity);
  const errors = severities.filter((severity) => severity === 'error').length;
  return errors * 2 >= severities.length && severities.length > 0 ? 'error' : 'warning';
}

/** The name of the rule list a category's index.ts exports (`export const serverRules … = [`). */
function listName(index) {
  return /export const (\w+)\b[^=]*=\s*\[/.exec(index)?.[1];
}

const camelCase = (id) => id.replace(/-([a-z0-9])/g, (_match, letter) => letter.toUpperCase());

/** Problems with the arguments, or an empty list. */
export function argumentProblems(id, category, kinds) {
  const problems = [];
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(id ?? '')) problems.push(`the rule id must be kebab-case with at least two words, got "${id ?? ''}"`);
  if (!scaffoldCategories.includes(category ?? '')) problems.push(`the category must be one of ${scaffoldCategories.join(', ')}, got "${category ?? ''}"`);
  if (kinds.some((kind) => !/^[A-Z][A-Za-z]+$/.test(kind))) problems.push(`kinds are names like ImageStream, got "${kinds.join(',')}"`);
  return problems;
}

/** The new files (path relative to the repository -> content). */
export function scaffoldFiles(id, category, kinds) {
  const kindList = kinds.length > 0 ? kinds : ['ImageStream'];
  // A valid start for every kind's examples, to be replaced by manifests of the rule's kinds.
  const manifest = '# TODO: a manifest of the kinds the rule checks\napiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: example\n';
  return {
    [`packages/validator/src/rules/${category}/${id}.ts`]: `import { defineRule } from '../define.js';

export default defineRule({
  id: '${id}',
  category: '${category}',
  severity: '${defaultSeverity(category)}',
  description: 'TODO: one sentence: what a manifest must (not) do.',
  source: 'TODO: the server source (repository, file, function) or the API reference sentence this rule implements',
  kinds: [${kindList.map((name) => `'${name}'`).join(', ')}],
  messages: {
    invalid: 'TODO: what is wrong with {{value}} and how to repair it.',
  },
  check({ object, report }) {
    // TODO: read object.value and report each mistake at its path, relative to the object.
    void object;
    void report;
  },
});
`,
    [`packages/validator/test/fixtures/${id}/valid.yaml`]: manifest,
    [`packages/validator/test/fixtures/${id}/valid.errors.json`]: '[]\n',
    [`packages/validator/test/fixtures/${id}/invalid.yaml`]: `${manifest}# TODO: the mistake the rule reports\n`,
    [`docs/rules/${id}.md`]: `# ${id}

${HEADER_START}
${HEADER_END}

## What it checks

TODO

## Why

TODO

Source, as the rule records it:

\`\`\`text
TODO: the rule's source, exactly
\`\`\`

## Examples

### ✗ Invalid

<!-- invalid -->
\`\`\`yaml
${manifest}# TODO: the mistake  # ✗
\`\`\`

### ✓ Valid

<!-- valid -->
\`\`\`yaml
${manifest.trimEnd()}
\`\`\`

## Options

${OPTIONS_START}
${OPTIONS_END}

Change its severity or turn it off in \`ocp-image.config.yaml\` (\`rules: { ${id}: off }\`, or \`warn\` / \`error\`), with \`--rule ${id}=off\` on the command line, or as \`ocp-image/${id}\` in the ESLint configuration. Silence a single finding with \`# ocp-image-disable-next-line ${id}\` on the line above it.
`,
  };
}

/** The category's index with the rule imported and appended to its list. */
export function registerRule(index, id, category) {
  const name = camelCase(id);
  const list = listName(index);
  // The list's own bracket, after the `=`: not the one of its type (`readonly RuleDefinition[]`).
  const listOpen = list === undefined ? -1 : index.indexOf('[', index.indexOf('=', index.indexOf(`export const ${list}`)));
  const listClose = listOpen === -1 ? -1 : index.indexOf('];', listOpen);
  if (listClose === -1) throw new Error(`rules/${category}/index.ts: no "export const <name>Rules = [ … ];"`);
  const entries = index
    .slice(listOpen + 1, listClose)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const withEntry = `${index.slice(0, listOpen + 1)}\n${[...entries, name].map((entry) => `  ${entry},`).join('\n')}\n${index.slice(listClose)}`;
  const lastImportEnd = withEntry.indexOf('\n', withEntry.lastIndexOf('\nimport ', listOpen) + 1) + 1;
  return `${withEntry.slice(0, lastImportEnd)}import ${name} from './${id}.js';\n${withEntry.slice(lastImportEnd)}`;
}

function main() {
  const [id, category, kindsArgument] = process.argv.slice(2);
  const kinds = kindsArgument ? kindsArgument.split(',').map((kind) => kind.trim()) : [];
  const problems = argumentProblems(id, category, kinds);
  if (problems.length > 0) {
    console.error(`npm run new-rule -- <rule-id> <${scaffoldCategories.join('|')}> [Kind,Kind…]\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    process.exitCode = 2;
    return;
  }
  const files = scaffoldFiles(id, category, kinds);
  const existing = Object.keys(files).filter((file) => existsSync(path.join(root, file)));
  if (existing.length > 0) {
    console.error(`Not overwriting ${existing.join(', ')}.`);
    process.exitCode = 1;
    return;
  }
  const indexPath = categoryIndex(category);
  writeFileSync(indexPath, registerRule(readFileSync(indexPath, 'utf8'), id, category));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  console.log(`Created ${Object.keys(files).join(', ')}; registered in packages/validator/src/rules/${category}/index.ts.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
