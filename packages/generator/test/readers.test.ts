import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSeedsDirectory } from '../src/generate.js';
import { blankLineCellsReader } from '../src/readers/blank-line-cells.js';
import { cellPerLineReader } from '../src/readers/cell-per-line.js';
import { readDocument, readers } from '../src/readers/index.js';
import { pipeTableUnnamedReader } from '../src/readers/pipe-table-unnamed.js';
import { tabBoldMarkdownReader } from '../src/readers/tab-bold-markdown.js';
import type { RawDocument, RawSection } from '../src/readers/types.js';

const seed = (file: string): string => readFileSync(path.join(defaultSeedsDirectory, file), 'utf8');
const SEEDS = {
  '000': '000_412b9e5f817b54a6.txt',
  '001': '001_cab4ae39a00f3af5.txt',
  '002': '002_277ea7747e15fcce.txt',
  '003': '003_3da3113ac5aaf9d3.txt',
  '004': '004_99c57445500a420e.txt',
};

function section(document: RawDocument, path: string, kind?: string): RawSection {
  const found = document.sections.find((s) => s.path === path && (kind === undefined || s.kind === kind));
  if (!found) throw new Error(`no section ${kind ?? ''} ${path} in ${document.file}`);
  return found;
}

const names = (s: RawSection): (string | undefined)[] => s.rows.map((r) => r.name);

describe('format recognition', () => {
  it('recognises each seed by content alone, whatever the file is called', () => {
    const formats = Object.fromEntries(Object.entries(SEEDS).map(([id, file]) => [id, readDocument(seed(file), 'renamed.txt').format]));
    expect(formats).toEqual({
      '000': 'cell-per-line',
      '001': 'pipe-table-unnamed',
      '002': 'tab-bold-markdown',
      '003': 'pipe-table-unnamed',
      '004': 'blank-line-cells',
    });
    for (const file of Object.values(SEEDS)) expect(readers.filter((r) => r.recognises(seed(file)))).toHaveLength(1);
  });

  it('refuses text no reader recognises', () => {
    expect(() => readDocument('# Just a heading\n\nSome prose.\n', 'notes.md')).toThrow(/notes\.md: expected exactly one reader.*none/);
  });
});

describe('tab-bold-markdown reader (002)', () => {
  const document = tabBoldMarkdownReader.read(seed(SEEDS['002']), SEEDS['002']);

  it('finds the 10 kinds from the chapter headings, spelled as in the text', () => {
    expect(document.kinds.map((k) => k.kind)).toEqual([
      'Image',
      'ImageSignature',
      'ImageStreamImage',
      'ImageStreamImport',
      'ImageStreamLayers',
      'ImageStreamMapping',
      'ImageStream',
      'ImageStreamTag',
      'ImageTag',
      'SecretList',
    ]);
  });

  it('reads ImageStreamImport .spec.images[].importPolicy with importMode', () => {
    const policy = section(document, '.spec.images[].importPolicy', 'ImageStreamImport');
    expect(names(policy)).toEqual(['importMode', 'insecure', 'scheduled']);
    expect(policy.rows[0]).toMatchObject({ type: 'string', description: 'ImportMode describes how to import an image manifest.' });
  });

  it('joins a table split by a page break and keeps rows in order', () => {
    const image = section(document, '', 'Image');
    expect(image.rows).toHaveLength(16);
    expect(names(image).slice(4, 7)).toEqual(['dockerImageManifest', 'dockerImageManifestMediaType', 'dockerImageManifests']);
  });

  it('reads kind-level Required lists and map rows', () => {
    const layers = section(document, '', 'ImageStreamLayers');
    expect(layers.required).toEqual(['blobs', 'images']);
    expect(names(layers)).toEqual(['apiVersion', 'blobs', 'blobs{}', 'images', 'images{}', 'kind', 'metadata']);
    expect(section(document, '.blobs{}', 'ImageStreamLayers').description).toBe('ImageLayerData contains metadata about an image layer.');
  });

  it('normalises path headings spelled with backticks, [.] and without the leading dot', () => {
    expect(section(document, '.image', 'ImageStreamImage').rows).toHaveLength(16);
    expect(section(document, '.status.images[].image.dockerImageLayers[]', 'ImageStreamImport').required).toEqual(['name', 'size', 'mediaType']);
    expect(section(document, '.status.images[].image', 'ImageStreamImport').line).toBe(1483);
  });

  it('keeps a required item called `type` and drops a duplicated bullet', () => {
    expect(section(document, '.image.signatures[]', 'ImageStreamMapping').required).toEqual(['type', 'content']);
  });

  it('reads SecretList with its array (Secret) and ListMeta rows', () => {
    const list = section(document, '', 'SecretList');
    expect(list.rows.map((r) => `${r.name}:${r.type}`)).toEqual(['apiVersion:string', 'items:array (Secret)', 'kind:string', 'metadata:ListMeta']);
    expect(list.required).toEqual(['items']);
  });

  it('handles the quirks on a hand-made excerpt', () => {
    const excerpt = [
      '## CHAPTER 3. WIDGET',
      '',
      '### [IMAGE.OPENSIFT.IO/V1]',
      '',
      '#### Description',
      '',
      'Widget is a thing. Create a Widget with care.',
      '',
      '## 3.1. SPECIFICATION',
      '',
      'Property\tType\tDescription',
      '<b>from</b>\t<a href="#">ObjectReference</a>\t<p>From <code>x</code> &amp; y.</p> <p>Second paragraph.</p>',
      '',
      'Property\tType\tDescription',
      '----------\t------\t-------------',
      '<b>parts</b>\t<b>array</b>\tParts.',
      '<b>parts[]</b>\t<b>object</b>\tPart is one part.',
      '',
      '**3.1.1. .parts[]****Description**',
      '',
      'Part is one part.',
      '',
      'Type  ',
      'object',
      '',
      '#### Required',
      '',
      '• type',
      '',
      '- type',
      '- size',
      '',
      'Property\tType\tDescription',
      '<b>size</b>\t<b>integer</b>\tSize.',
      '<b>type</b>\t<b>string</b>\tType of part.',
      '',
      '### 3.1.2. `.parts[.].labels`',
      '',
      '## Type',
      '',
      '### object',
      '',
      '## 3.2. API ENDPOINTS',
      '',
      'Parameter\tType\tDescription',
      '<b>dryRun</b>\t<b>string</b>\tIgnored.',
    ].join('\n');
    const widget = tabBoldMarkdownReader.read(excerpt, 'excerpt');
    expect(widget.kinds).toEqual([{ kind: 'Widget', line: 1 }]);
    const top = section(widget, '', 'Widget');
    expect(top.description).toBe('Widget is a thing. Create a Widget with care.');
    expect(top.rows.map((r) => [r.name, r.type, r.description])).toEqual([
      ['from', 'ObjectReference', 'From x & y.\n\nSecond paragraph.'],
      ['parts', 'array', 'Parts.'],
      ['parts[]', 'object', 'Part is one part.'],
    ]);
    const parts = section(widget, '.parts[]', 'Widget');
    expect(parts).toMatchObject({ type: 'object', required: ['type', 'size'], description: 'Part is one part.' });
    expect(names(parts)).toEqual(['size', 'type']);
    expect(section(widget, '.parts[].labels', 'Widget').type).toBe('object');
    expect(widget.sections.flatMap((s) => s.rows).some((r) => r.name === 'dryRun')).toBe(false);
  });
});

describe('cell-per-line reader (000)', () => {
  const document = cellPerLineReader.read(seed(SEEDS['000']), SEEDS['000']);

  it('has no kind header and starts at .spec', () => {
    expect(document.kinds).toEqual([]);
    expect(document.sections[0]).toMatchObject({ path: '.spec', line: 1 });
    expect(document.sections.every((s) => s.kind === undefined)).toBe(true);
  });

  it('prints empty Required lists', () => {
    expect(section(document, '.spec').required).toEqual([]);
    expect(section(document, '.spec.images[]').required).toEqual([]);
  });

  it('has no importMode in .spec.images[].importPolicy', () => {
    expect(names(section(document, '.spec.images[].importPolicy'))).toEqual(['insecure', 'scheduled']);
  });

  it('reads qualified types, empty descriptions and the last row up to the end of the file', () => {
    const images = section(document, '.spec.images[]');
    expect(images.rows.find((r) => r.name === 'from')).toMatchObject({ type: 'ObjectReference_v2 core/v1', line: 52 });
    expect(section(document, '.status.images[].image').rows.find((r) => r.name === 'metadata')).toMatchObject({ type: 'ObjectMeta meta/v1', description: '' });
    const last = document.sections.at(-1)!;
    expect(last.path).toBe('.status.repository.images[].image.signatures[].issuedTo');
    expect(last.rows.at(-1)).toMatchObject({ name: 'publicKeyID', type: 'string', line: 1205 });
    expect(last.rows.at(-1)!.description).toMatch(/^If present, .*\(e\.g\. 0x685ebe62bf278440\)\.$/);
  });

  it('handles a hand-made excerpt', () => {
    const excerpt = [
      '.spec',
      '- Description',
      '-',
      'Spec of a widget.',
      '- Type',
      '-',
      'object',
      '- Required',
      '-',
      'Property |',
      'Type |',
      'Description |',
      'size',
      '|',
      'integer',
      '|',
      'Size of the',
      'widget. |',
      'owner',
      '|',
      'ObjectReference_v2 core/v1',
      '|',
      '|',
      '.spec.parts',
      '- Description',
      '-',
      'Parts.',
    ].join('\n');
    const widget = cellPerLineReader.read(excerpt, 'excerpt');
    expect(widget.sections.map((s) => s.path)).toEqual(['.spec', '.spec.parts']);
    expect(section(widget, '.spec')).toMatchObject({ description: 'Spec of a widget.', type: 'object', required: [] });
    expect(section(widget, '.spec').rows).toEqual([
      { name: 'size', type: 'integer', description: 'Size of the widget.', line: 13 },
      { name: 'owner', type: 'ObjectReference_v2 core/v1', description: '', line: 19 },
    ]);
  });
});

describe('pipe-table-unnamed reader (003, 001)', () => {
  const older = pipeTableUnnamedReader.read(seed(SEEDS['003']), SEEDS['003']);
  const image = pipeTableUnnamedReader.read(seed(SEEDS['001']), SEEDS['001']);

  it('003: keeps the Required lists, has no names or types', () => {
    expect(older.kinds).toEqual([{ kind: 'ImageStreamImport', line: 1 }]);
    expect(section(older, '', 'ImageStreamImport').required).toEqual(['spec', 'status']);
    const spec = section(older, '.spec', 'ImageStreamImport');
    expect(spec.required).toEqual(['import']);
    expect(spec.rows.map((r) => [r.name, r.type])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(spec.rows[1]!.description).toBe('ImageImportSpec describes a request to import a specific image.');
  });

  it('003: marks rows whose type cell was a link and keeps cut-off descriptions', () => {
    const images = section(older, '.spec.images[]', 'ImageStreamImport');
    expect(images.rows.map((r) => Boolean(r.typeWasLink))).toEqual([true, false, false, false, true]);
    expect(section(older, '.spec.images[].referencePolicy', 'ImageStreamImport').rows[0]!.description).toMatch(/The default value is$/);
  });

  it('001: reads ImageStreamImage with bulleted markers and Required items', () => {
    expect(image.kinds).toEqual([{ kind: 'ImageStreamImage', line: 2 }]);
    expect(section(image, '', 'ImageStreamImage')).toMatchObject({ type: 'object', required: ['image'] });
    expect(section(image, '.image.dockerImageManifests[]', 'ImageStreamImage').required).toEqual(['digest', 'mediaType', 'manifestSize', 'architecture', 'os']);
    expect(section(image, '.image.dockerImageLayers', 'ImageStreamImage').description).toMatch(/^DockerImageLayers represents/);
  });

  it('001: reads a description on its own line after two pipes', () => {
    const manifests = section(image, '.image.dockerImageManifests[]', 'ImageStreamImage');
    expect(manifests.rows[0]).toMatchObject({ description: 'Architecture specifies the supported CPU architecture, for example', line: 116 });
    expect(manifests.rows).toHaveLength(6);
  });

  it('handles a hand-made excerpt of every row layout', () => {
    const excerpt = [
      'Chapter 9. Widget [image.openshift.io/v1]',
      '- Description',
      '- Widget is a thing.',
      '- Type',
      '-',
      'object',
      '- Required',
      '-',
      'size',
      '-',
      'Property | Type | Description |',
      '---|---|---|',
      '|',
      '| Size in bytes. |',
      '| Owner of the widget. | |',
      '| ||',
      '|',
      '|',
      'Colour, for example |',
      '| Metadata link row |',
      'API endpoints',
      'Property | Type | Description |',
      '---|---|---|',
      '|',
      '| ignored |',
    ].join('\n');
    const widget = pipeTableUnnamedReader.read(excerpt, 'excerpt');
    const top = section(widget, '', 'Widget');
    expect(top).toMatchObject({ description: 'Widget is a thing.', type: 'object', required: ['size'] });
    expect(top.rows.map((r) => [r.description, Boolean(r.typeWasLink), r.line])).toEqual([
      ['Size in bytes.', false, 13],
      ['Owner of the widget.', true, 15],
      ['', true, 16],
      ['Colour, for example', false, 17],
      ['Metadata link row', true, 20],
    ]);
  });
});

describe('blank-line-cells reader (004)', () => {
  const document = blankLineCellsReader.read(seed(SEEDS['004']), SEEDS['004']);

  it('reads the unnamed top-level section with its Required list', () => {
    expect(document.kinds).toEqual([]);
    const top = section(document, '');
    expect(top.required).toEqual(['image', 'tag']);
    expect(top.description).toMatch(/^ImageStreamMapping represents a mapping/);
    expect(names(top)).toEqual(['apiVersion', 'image', 'kind', 'metadata', 'tag']);
  });

  it('joins multi-paragraph descriptions and stops at the API endpoints', () => {
    const image = section(document, '.image');
    expect(image.rows).toHaveLength(16);
    expect(image.rows.at(-1)!.description).toMatch(/purpose\.\n\nCompatibility level 1:/);
    expect(document.sections.flatMap((s) => s.rows).some((r) => r.name === 'dryRun')).toBe(false);
  });

  it('handles a hand-made excerpt', () => {
    const excerpt = [
      '×',
      'Description',
      '',
      'Widget is a thing.',
      '',
      'Required',
      '  • size',
      '',
      '  • owner',
      '',
      'Specification',
      '',
      'Property Type Description',
      '',
      'owner',
      '',
      'ObjectReference',
      '',
      'Who owns it.',
      '',
      'Second paragraph: owner',
      '',
      'size',
      '',
      'integer',
      '',
      'Size.',
      '',
      '.owner',
      '',
      'Description',
      '',
      'Owner.',
    ].join('\n');
    const widget = blankLineCellsReader.read(excerpt, 'excerpt');
    const top = section(widget, '');
    expect(top).toMatchObject({ description: 'Widget is a thing.', required: ['size', 'owner'] });
    expect(top.rows.map((r) => [r.name, r.type, r.description])).toEqual([
      ['owner', 'ObjectReference', 'Who owns it.\n\nSecond paragraph: owner'],
      ['size', 'integer', 'Size.'],
    ]);
    expect(section(widget, '.owner').description).toBe('Owner.');
  });
});
