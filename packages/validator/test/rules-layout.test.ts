/**
 * Where rule helpers live: a helper that rules of several groups (or the engine's own steps) use is
 * in rules/utils; a helper of one group stays in that group's folder, and no group reaches into
 * another's folder for one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sourceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const rulesRoot = path.join(sourceRoot, 'rules');
const utilsRoot = path.join(rulesRoot, 'utils');
const groups = readdirSync(rulesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'utils')
  .map((entry) => entry.name);

/** Every TypeScript file under src, with the absolute paths of the modules it imports from within src. */
function sourceImports(): { file: string; imports: { names: string[]; module: string }[] }[] {
  return readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => {
      const file = path.join(sourceRoot, name);
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(\.[^']+)\.js'/g)].map(([, names = '', specifier = '']) => ({
        names: names
          .split(',')
          .map((entry) => entry.replace(/^\s*type\s+/, '').trim())
          .filter((entry) => entry !== ''),
        module: path.resolve(path.dirname(file), `${specifier}.ts`),
      }));
      return { file, imports };
    });
}

/** The folder of rules a file belongs to ('server', 'docs', …), or 'engine' outside the group folders. */
function groupOf(file: string): string {
  const relative = path.relative(rulesRoot, file);
  const top = relative.split(path.sep)[0] ?? '';
  return !relative.startsWith('..') && groups.includes(top) && relative.includes(path.sep) ? top : 'engine';
}

const files = sourceImports();

describe('rule helpers', () => {
  it('the groups are the rule folders the registry is built from', () => {
    expect(groups).toEqual(expect.arrayContaining(['client', 'docs', 'lint', 'server']));
  });

  it("no rule file imports a module from another group's folder", () => {
    const crossings = files.flatMap(({ file, imports }) => {
      const group = groupOf(file);
      if (group === 'engine') return [];
      return imports
        .filter(({ module }) => groupOf(module) !== 'engine' && groupOf(module) !== group)
        .map(({ module }) => `${path.relative(sourceRoot, file)} -> ${path.relative(sourceRoot, module)}`);
    });
    expect(crossings).toEqual([]);
  });

  it('rules/utils depends on no group', () => {
    const dependencies = files
      .filter(({ file }) => file.startsWith(utilsRoot + path.sep))
      .flatMap(({ file, imports }) => imports.filter(({ module }) => groupOf(module) !== 'engine').map(({ module }) => `${path.relative(sourceRoot, file)} -> ${path.relative(sourceRoot, module)}`));
    expect(dependencies).toEqual([]);
  });

  it('every helper in rules/utils is used by two groups at least (the engine counting as one); the others stay with their group (types go with their functions)', () => {
    const usersByHelper = new Map<string, Set<string>>();
    for (const { file, imports } of files) {
      for (const { names, module } of imports) {
        if (!module.startsWith(utilsRoot + path.sep) || file.startsWith(utilsRoot + path.sep)) continue;
        for (const name of names) {
          const helper = `${path.basename(module, '.ts')}.${name}`;
          usersByHelper.set(helper, (usersByHelper.get(helper) ?? new Set()).add(groupOf(file)));
        }
      }
    }
    const exported = readdirSync(utilsRoot).flatMap((name) =>
      [...readFileSync(path.join(utilsRoot, name), 'utf8').matchAll(/^export (?:const|function) (\w+)/gm)].map(
        ([, helper]) => `${path.basename(name, '.ts')}.${helper}`,
      ),
    );
    expect(exported.length).toBeGreaterThan(8);
    const usedByOneGroup = exported.filter((helper) => (usersByHelper.get(helper)?.size ?? 0) < 2).map((helper) => `${helper}: ${[...(usersByHelper.get(helper) ?? [])].join(', ') || 'unused'}`);
    expect(usedByOneGroup).toEqual([]);
  });
});
