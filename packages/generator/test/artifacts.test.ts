import { Ajv, type ValidateFunction } from 'ajv';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithDisk, runGenerateCommand } from '../src/cli.js';
import { enumValueMeanings } from '../src/documented-values.js';
import { EDITOR_KEYWORDS } from '../src/emit/json-schema.js';
import { generate, type GenerationResult } from '../src/generate.js';

type Schema = Record<string, unknown> & { definitions?: Record<string, Schema>; properties?: Record<string, Schema> };

let result: GenerationResult;
const schemaFile = (relative: string): Schema => JSON.parse(result.files.get(`packages/schemas/generated/schemas/${relative}`)!) as Schema;

beforeAll(async () => {
  result = await generate();
});

/** Where each error is (or what is missing), leaving out the `if` that selected the kind's schema. */
const problems = (validate: ValidateFunction) => validate.errors!.filter((e) => e.keyword !== 'if').map((e) => e.instancePath || e.params);

/** ajv in strict mode, as a user would compile the shipped schemas: only the editor keywords declared. */
function compile(schema: Schema): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  return ajv.compile(schema);
}

const imageStream = {
  apiVersion: 'image.openshift.io/v1',
  kind: 'ImageStream',
  metadata: { name: 'ruby', creationTimestamp: null, annotations: null },
  spec: { tags: [{ name: 'latest', generation: null, from: { kind: 'DockerImage', name: 'quay.io/a/b:1' }, referencePolicy: { type: 'Local' } }] },
};

describe('JSON Schemas', () => {
  it('give every kind a self-contained schema with a stable $id and apiVersion/kind constants', () => {
    for (const kind of result.model.kinds) {
      for (const prefix of ['', 'strict/']) {
        const schema = schemaFile(`${prefix}${kind.kind}.json`);
        expect(schema.$id).toBe(`https://ocp-image.dev/schemas/v1/${prefix}${kind.kind}.json`);
        expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
        expect(schema.properties!.apiVersion).toMatchObject({ const: 'image.openshift.io/v1' });
        expect(schema.properties!.kind).toMatchObject({ const: kind.kind });
        expect(schema.required).toEqual(expect.arrayContaining(['apiVersion', 'kind']));
        expect(() => compile(schema)).not.toThrow();
      }
    }
  });

  it('accept what the server accepts: nulls, "" for referencePolicy.type, a missing ImageStreamTag image', () => {
    const validate = compile(schemaFile('strict/ImageStream.json'));
    expect(validate(imageStream), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...imageStream, spec: { tags: [{ name: 'a', referencePolicy: { type: '' } }] } })).toBe(true);
    const tag = compile(schemaFile('strict/ImageStreamTag.json'));
    expect(tag({ apiVersion: 'image.openshift.io/v1', kind: 'ImageStreamTag', metadata: { name: 'ruby:latest' }, tag: { from: { kind: 'DockerImage', name: 'x' } } })).toBe(true);
  });

  it('reject wrong types and fractional int64 values; referencePolicy values are left to the server rules', () => {
    const validate = compile(schemaFile('ImageStream.json'));
    const wrong = { ...imageStream, spec: { tags: [{ name: 3, generation: 1.5, referencePolicy: { type: 'Remote' } }] } };
    expect(validate(wrong)).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      '/spec/tags/0/generation type',
      '/spec/tags/0/name type',
    ]);
  });

  it('close API objects in the strict flavour only, and never maps or raw JSON', () => {
    const strict = schemaFile('strict/index.json').definitions!;
    const standard = schemaFile('index.json').definitions!;
    const open = ['RawExtension', 'FieldsV1'];
    for (const [name, definition] of Object.entries(strict)) {
      if (definition.properties === undefined) continue;
      expect([name, definition.additionalProperties]).toEqual([name, open.includes(name) ? true : false]);
      expect(standard[name]!.additionalProperties).toBe(open.includes(name) ? true : undefined);
    }
    expect(strict.ObjectMeta!.properties!.labels).toMatchObject({ additionalProperties: { type: ['string', 'null'] } });
    expect(strict.EmbeddedImage!.properties!.dockerImageMetadata).toMatchObject({ $ref: '#/definitions/RawExtension' });
    const validate = compile(schemaFile('strict/Image.json'));
    expect(validate({ apiVersion: 'image.openshift.io/v1', kind: 'Image', dockerImageMetadata: { Architecture: 'amd64', anything: { nested: 1 } } })).toBe(true);
    expect(validate({ apiVersion: 'image.openshift.io/v1', kind: 'Image', dockerImageReferenceTypo: 'x' })).toBe(false);
  });

  it('dispatch on apiVersion and kind in the index schema, as ocp-image selects the objects it checks', () => {
    const validate = compile(schemaFile('strict/index.json'));
    expect(validate(imageStream)).toBe(true);
    expect(validate({ apiVersion: 'image.openshift.io/v1', kind: 'ImageStreamMapping', metadata: { name: 'x' } })).toBe(false);
    expect(validate.errors!.map((e) => e.params)).toContainEqual({ missingProperty: 'image' });
    // Other groups' objects pass untouched, even with an image kind's name (the cluster image config).
    expect(validate({ apiVersion: 'v1', kind: 'ConfigMap' })).toBe(true);
    expect(validate({ apiVersion: 'config.openshift.io/v1', kind: 'Image', spec: { registrySources: { insecureRegistries: ['r'] } } })).toBe(true);
    expect(validate({ apiVersion: 'image.openshift.io/v1' })).toBe(true);
    // The legacy `v1`, a wrong version of the group or no apiVersion: checked as the kind, and the apiVersion reported.
    for (const apiVersion of ['v1', 'image.openshift.io/v2', undefined]) {
      expect(validate({ ...imageStream, apiVersion }), String(apiVersion)).toBe(false);
      expect(problems(validate), String(apiVersion)).toEqual([apiVersion === undefined ? { missingProperty: 'apiVersion' } : '/apiVersion']);
    }
    expect(validate({ ...imageStream, apiVersion: 'v1', spec: { tags: [{ name: 'a', nope: 1 }] } })).toBe(false);
    expect(problems(validate)).toEqual(['/apiVersion', '/spec/tags/0']);
  });

  it('compile under ajv strict mode with the byte fields as base64 text or a list of bytes', () => {
    const validate = compile(schemaFile('strict/ImageSignature.json'));
    const signature = { apiVersion: 'image.openshift.io/v1', kind: 'ImageSignature', metadata: { name: 'sha256:0@a' }, type: 'atomic' };
    expect(validate({ ...signature, content: 'aGVsbG8=' })).toBe(true);
    expect(validate({ ...signature, content: [104, 105] })).toBe(true);
    expect(validate({ ...signature, content: null })).toBe(true);
    expect(validate({ ...signature, content: 5 })).toBe(false);
    expect(validate({ ...signature, content: [256] })).toBe(false);
  });

  it('carry what editors show: field descriptions beside $ref, snippets for a new ImageStream and tag', () => {
    const stream = schemaFile('ImageStream.json');
    expect(stream.properties!.spec).toMatchObject({ $ref: '#/definitions/ImageStreamSpec', description: expect.stringMatching(/\w/) });
    expect(stream.defaultSnippets).toMatchObject([{ label: 'New ImageStream', body: { apiVersion: 'image.openshift.io/v1', kind: 'ImageStream' } }]);
    expect(stream.definitions!.TagReference!.defaultSnippets).toMatchObject([{ label: 'New tag', body: { from: { kind: 'DockerImage' } } }]);
    // A snippet is a valid object once its tab stops are filled in with their defaults.
    const filled = JSON.parse(JSON.stringify((stream.defaultSnippets as Schema[])[0]!.body).replace(/\$\{\d+:([^}]*)\}/g, '$1')) as unknown;
    expect(compile(schemaFile('strict/ImageStream.json'))(filled)).toBe(true);
    // The precompiled validators leave the editor keywords out.
    expect(result.files.get('packages/schemas/generated/validators/strict.js')).not.toMatch(/defaultSnippets|enumDescriptions/);
  });

  it("explain enum values in the reference's words, for a schema enum (enumDescriptions)", () => {
    const policyType = result.model.types.find((type) => type.name === 'TagReferencePolicy')!.fields.find((field) => field.name === 'type')!;
    expect(enumValueMeanings(policyType.description, ['', 'Source', 'Local'])).toEqual([
      'Not set: the default, Source.',
      'Source: the original location of the image should be used (if imported).',
      expect.stringMatching(/^Local: the pull spec should point to the integrated container image registry/),
    ]);
    // Only where every value is explained.
    expect(enumValueMeanings(policyType.description, ['Source', 'Mirror'])).toBeUndefined();
  });

  it('emit no format keyword that would need ajv-formats, and Time as a string or null', () => {
    const text = result.files.get('packages/schemas/generated/schemas/strict/index.json')!;
    expect(text).not.toContain('"format"');
    expect(schemaFile('strict/index.json').definitions!.Time).toMatchObject({ type: ['string', 'null'] });
  });
});

describe('TypeScript types and validator modules', () => {
  it('declare every kind with literal apiVersion and kind, the union and guards', () => {
    const types = result.files.get('packages/schemas/generated/types.d.ts')!;
    expect(types).toContain('export type ImageApiObject = (Image | ImageSignature | ImageStreamImage | ImageStreamImport | ImageStreamLayers | ImageStreamMapping | ImageStream | ImageStreamTag | ImageTag | SecretList)');
    expect(types).toMatch(/export interface ImageStream \{[^}]*apiVersion: "image\.openshift\.io\/v1"[^}]*kind: "ImageStream"/);
    // Not an enum: an ImageStreamImport accepts any policy type unless it imports (reference-policy-type).
    expect(types).toMatch(/\* TagReferencePolicy describes how pull-specs[^]*?export interface TagReferencePolicy \{[^}]*type\?: string\n/);
    expect(types).toMatch(/export interface ImageStreamMapping \{[^}]*image: EmbeddedImage/);
    const index = result.files.get('packages/schemas/generated/index.d.ts')!;
    expect(index).toContain("export type * from './types.js';");
    expect(index).toContain('export declare function isImageStream(value: unknown): value is ImageStream;');
  });

  it('precompile validators for every kind into ESM without run-time compilation', async () => {
    const code = result.files.get('packages/schemas/generated/validators/strict.js')!;
    expect(code).not.toMatch(/\brequire\(|new Function|\bcompile\(/);
    const module = (await import('../../schemas/generated/validators/strict.js')) as { validators: Record<string, ValidateFunction> };
    expect(Object.keys(module.validators)).toEqual(result.model.kinds.map((k) => k.kind));
    expect(module.validators.ImageStream!(imageStream)).toBe(true);
  });
});

describe('generate command', () => {
  it('is deterministic', async () => {
    const again = await generate();
    expect([...again.files.keys()]).toEqual([...result.files.keys()]);
    for (const [file, content] of again.files) expect(content, file).toBe(result.files.get(file));
  });

  it('--check passes on the committed artifacts', async () => {
    const lines: string[] = [];
    const code = await runGenerateCommand(['--check'], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/^generate --check: up to date \(10 kinds/);
    expect(code).toBe(0);
  });

  describe('--check on a tree that differs', () => {
    let root: string;
    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'ocp-image-generate-'));
      for (const [file, content] of result.files) {
        await mkdir(path.dirname(path.join(root, file)), { recursive: true });
        await writeFile(path.join(root, file), content);
      }
      await writeFile(path.join(root, 'packages/schemas/generated/model.json'), '{}\n');
      await rm(path.join(root, 'docs/api/ImageTag.md'));
      await writeFile(path.join(root, 'packages/schemas/generated/schemas/Old.json'), '{}\n');
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('lists missing, different and stale files and exits 1', async () => {
      expect(await compareWithDisk(result.files, root)).toEqual([
        { file: 'docs/api/ImageTag.md', state: 'missing' },
        { file: 'packages/schemas/generated/model.json', state: 'different' },
        { file: 'packages/schemas/generated/schemas/Old.json', state: 'stale' },
      ]);
      const errors: string[] = [];
      const code = await runGenerateCommand(['--check'], { root, log: () => undefined, error: (l) => errors.push(l) });
      expect(code).toBe(1);
      expect(errors).toEqual([
        'generate --check: 3 generated file(s) differ from the committed ones:',
        '  missing   docs/api/ImageTag.md',
        '  different packages/schemas/generated/model.json',
        '  stale     packages/schemas/generated/schemas/Old.json',
        'Run `npm run generate` and commit the result.',
      ]);
    });
  });

  it('rejects unknown options with the usage and exit code 2', async () => {
    const errors: string[] = [];
    expect(await runGenerateCommand(['--chek'], { error: (l) => errors.push(l) })).toBe(2);
    expect(errors[0]).toMatch(/^generate: Unknown option '--chek'[^]*Usage: npm run generate/);
  });
});
