import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, schemaId, schemaPath } from '../../../tools/docs/config-schema.mjs';
import { loadConfigFile } from '../src/config.js';

const repoRoot = path.resolve(path.dirname(schemaPath), '../..');
const cliDocs = readFileSync(path.join(repoRoot, 'docs/cli.md'), 'utf8');
const docs = readdirSync(path.join(repoRoot, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ page: `docs/${name}`, text: readFileSync(path.join(repoRoot, 'docs', name), 'utf8') }));

/** The config examples of the docs: yaml blocks headed by the file name, json blocks naming the schema. */
const examples = docs.flatMap(({ page, text }) =>
  [...text.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].flatMap(([, language, body]) => {
    if (language === 'yaml') return body!.startsWith('# ocp-image.config.yaml\n') ? [{ page, name: 'ocp-image.config.yaml', body: body! }] : [];
    return body!.includes('ocp-image.config.schema.json') ? [{ page, name: 'ocp-image.config.json', body: body! }] : [];
  }),
);

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'ocp-image-config-schema-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('ocp-image.config.schema.json', () => {
  it('and the validator compiled from it match the rule registry (npm run update-docs)', async () => {
    for (const [file, text] of await generate()) expect(readFileSync(file, 'utf8'), `${path.relative(repoRoot, file)} is out of date: npm run update-docs`).toBe(text);
  });

  it("takes its limits from the validator's limitsSchema (the ESLint rules' option is that schema too)", async () => {
    const { limitsSchema } = await import('@ocp-image/validator');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { properties: { limits: unknown } };
    expect(schema.properties.limits).toEqual(limitsSchema);
  });

  it('is shipped with the CLI and is the schema docs/cli.md tells editors to use', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(expect.arrayContaining(['ocp-image.config.schema.json', 'generated']));
    expect(cliDocs).toContain('node_modules/@ocp-image/cli/ocp-image.config.schema.json');
    expect((JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id: string }).$id).toBe(schemaId);
  });

  it('accepts every config example in docs/, as the CLI does', async () => {
    expect(examples.filter((example) => example.page === 'docs/cli.md').length).toBeGreaterThanOrEqual(2);
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    for (const { page, name, body } of examples) {
      const file = path.join(directory, name);
      await writeFile(file, body);
      const { config } = await loadConfigFile(file, directory);
      expect(validate(config), `${page}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(Object.keys(config).length, page).toBeGreaterThan(0);
    }
  });
});
