import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const require = createRequire(import.meta.url);
const readSchema = (name: string) => JSON.parse(readFileSync(require.resolve(`@ocp-image/schemas/schemas/${name}`), 'utf8')) as unknown;

describe('explain', () => {
  it('describes a kind like oc explain: group, kind, version, description and fields', async () => {
    const result = await runCli(['explain', 'ImageStream']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^GROUP: +image\.openshift\.io\nKIND: +ImageStream\nVERSION: +v1\n\nDESCRIPTION:\n {4}An ImageStream stores/);
    expect(result.stdout).toMatch(/\nFIELDS:\n {2}apiVersion\t<string>\n/);
    expect(result.stdout).toMatch(/\n {2}spec\t<ImageStreamSpec>\n/);
    // Descriptions are wrapped at 80 columns (a single long word, such as a URL, may overflow).
    for (const line of result.stdout.split('\n')) if (line.length > 80) expect(line.trim()).not.toContain(' ');
  });

  it('follows a field path (any case for the kind, oc short names, [] allowed) and shows valid values', async () => {
    const [byPath, shortName] = await Promise.all([
      runCli(['explain', 'imagestream.spec.tags[].referencePolicy.type']),
      runCli(['explain', 'is.spec.tags.referencePolicy.type']),
    ]);
    expect(byPath.code).toBe(0);
    expect(shortName.stdout).toBe(byPath.stdout);
    expect(byPath.stdout).toContain('FIELD: type <string>');
    // Not a schema enum (an ImageStreamImport's policy is never validated): the documented values.
    expect(byPath.stdout).toMatch(/VALUES:\n {4}Source\n {4}Local\n/);
    const tags = await runCli(['explain', 'ImageStreams.spec.tags']);
    expect(tags.stdout).toContain('FIELD: tags <[]TagReference>');
    expect(tags.stdout).toMatch(/\n {2}from\t<ObjectReference>\n/);
  });

  it('--recursive lists nested fields by indentation, without descriptions', async () => {
    const result = await runCli(['explain', 'ImageStream.spec', '--recursive']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n {2}tags\t<\[\]TagReference>\n {4}annotations\t<map\[string\]string>\n {4}from\t<ObjectReference>\n {6}apiVersion\t<string>\n/);
    expect(result.stdout).not.toContain('FIELDS:\n  dockerImageRepository\t<string>\n    ');
  });

  it('unknown kinds and fields are usage errors with a suggestion', async () => {
    const [kind, field, scalar] = await Promise.all([
      runCli(['explain', 'ImageStreem']),
      runCli(['explain', 'ImageStream.spec.tag']),
      runCli(['explain', 'ImageStream.metadata.name.first']),
    ]);
    expect(kind).toMatchObject({ code: 2, stdout: '' });
    expect(kind.stderr).toContain('Unknown kind "ImageStreem"; did you mean "ImageStream"?');
    expect(field.stderr).toBe('ocp-image: Field "tag" does not exist in ImageStream.spec (ImageStreamSpec); did you mean "tags"?\n');
    expect(scalar.stderr).toBe('ocp-image: ImageStream.metadata.name is <string> and has no field "first".\n');
  });
});

describe('schema', () => {
  it('prints the generated JSON Schema of a kind, standard or strict', async () => {
    const [standard, strict] = await Promise.all([runCli(['schema', 'ImageStream']), runCli(['schema', 'imagestream', '--strict'])]);
    expect(standard.code).toBe(0);
    expect(JSON.parse(standard.stdout)).toEqual(readSchema('ImageStream.json'));
    expect(JSON.parse(strict.stdout)).toEqual(readSchema('strict/ImageStream.json'));
    expect(strict.stdout).not.toBe(standard.stdout);
  });
});

describe('rules', () => {
  it('lists every rule with category, default severity and documentation link', async () => {
    const [text, json] = await Promise.all([runCli(['rules']), runCli(['rules', '--format', 'json'])]);
    expect(text.code).toBe(0);
    const list = JSON.parse(json.stdout) as { id: string; category: string; severity: string; description: string; url: string; fixable: boolean; hasSuggestions: boolean }[];
    expect(list.map((rule) => rule.id)).toEqual(expect.arrayContaining(['yaml-syntax', 'legacy-api-version', 'file-read', 'file-encoding']));
    expect(list.find((rule) => rule.id === 'legacy-api-version')).toMatchObject({ fixable: true, hasSuggestions: false });
    expect(list.find((rule) => rule.id === 'status-ignored')).toMatchObject({ fixable: false, hasSuggestions: true });
    for (const rule of list) {
      expect(rule.url).toBe(`https://github.com/ocp-image/ocp-image/blob/main/docs/rules/${rule.id}.md`);
      expect(text.stdout).toMatch(new RegExp(`^${rule.id} +${rule.category} +${rule.severity} +\\S`, 'm'));
      expect(text.stdout).toContain(rule.url);
    }
    expect(text.stdout).toContain(`${list.length} rules.`);
  });
});
