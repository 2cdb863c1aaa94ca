import { beforeAll, describe, expect, it } from 'vitest';
import { alignRows, describeMatch } from '../src/align.js';
import { canonicalTypeName, typeNameFromDescription } from '../src/build-model.js';
import { documentedValues } from '../src/documented-values.js';
import { buildModel, loadSources } from '../src/generate.js';
import type { ApiModel, FieldModel } from '../src/model.js';
import type { MergeReport } from '../src/report.js';

let model: ApiModel;
let report: MergeReport;

beforeAll(async () => {
  ({ model, report } = buildModel(await loadSources()));
});

function field(type: string, name: string): FieldModel {
  const found = model.types.find((t) => t.name === type)?.fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${type}.${name}`);
  return found;
}

const OLDER = 'older (no manifest lists, no importMode)';

function olderSection(section: string) {
  const release = report.releases.find((r) => r.release === OLDER)!;
  const found = release.sections.find((s) => s.section === section);
  if (!found) throw new Error(`no section ${section} in the older release`);
  return found;
}

describe('facts read from the seeds', () => {
  it('ImageStreamImport spec.images[].importPolicy.importMode exists in 002 and not in 000', () => {
    expect(field('TagImportPolicy', 'importMode').provenance[0]).toEqual({ file: '002_277ea7747e15fcce.txt', line: 1357 });
    expect(olderSection('ImageStreamImport .spec.images[].importPolicy').fields.map((f) => f.name)).toEqual(['insecure', 'scheduled']);
    expect(report.releaseDifferences).toContainEqual({
      subject: 'TagImportPolicy.importMode (ImageStreamImport .spec.images[].importPolicy)',
      presentIn: ['4.17'],
      absentFrom: [OLDER],
      provenance: [{ file: '002_277ea7747e15fcce.txt', line: 1357 }],
    });
  });

  it('carries the Required list of .spec in 003 onto the named fields of 000', () => {
    const spec = olderSection('ImageStreamImport .spec');
    expect(spec.required).toEqual(['import']);
    expect(spec.fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ['images', 'array', false],
      ['images[]', 'object', false],
      ['import', 'boolean', true],
      ['repository', 'object', false],
    ]);
    // The import row: named in 000 (line 23), aligned with the nameless row of 003 (line 21).
    expect(spec.fields[2]!.provenance).toEqual([
      { file: '000_412b9e5f817b54a6.txt', line: 23 },
      { file: '003_3da3113ac5aaf9d3.txt', line: 21 },
    ]);
    expect(report.decisions).toContainEqual({
      file: '003_3da3113ac5aaf9d3.txt',
      line: 8,
      message: 'ImageStreamImport .spec: Required list (import) carried onto the fields of 000_412b9e5f817b54a6.txt, whose list is empty',
    });
  });

  it('gives 000 and 004, which name no kind, the kind their sections match, and says so', () => {
    const messages = report.decisions.filter((d) => d.message.startsWith('no kind header'));
    expect(messages.map((d) => [d.file, d.message.slice(0, 60)])).toEqual([
      ['000_412b9e5f817b54a6.txt', 'no kind header: assigned kind ImageStreamImport to 46 sectio'],
      ['004_99c57445500a420e.txt', 'no kind header: assigned kind ImageStreamMapping to 12 secti'],
    ]);
  });

  it('names every nameless row of 001 by aligning it with 002, and records each decision', () => {
    const signatures = report.alignments.find((a) => a.file === '001_cab4ae39a00f3af5.txt' && a.section === 'ImageStreamImage .image.signatures[]')!;
    expect(signatures.alignedTo).toBe('002_277ea7747e15fcce.txt');
    expect(signatures.rows.map((r) => r.name)).toEqual([
      'apiVersion', 'conditions', 'conditions[]', 'content', 'created', 'imageIdentity', 'issuedBy', 'issuedTo', 'kind', 'metadata', 'signedClaims', 'type',
    ]);
    expect(signatures.rows[4]!.how).toBe('same description; linked type agrees with Time');
    const manifests = report.alignments.find((a) => a.file === '001_cab4ae39a00f3af5.txt' && a.section === 'ImageStreamImage .image.dockerImageManifests[]')!;
    expect(manifests.rows[0]).toEqual({ line: 116, name: 'architecture', how: 'description is a cut-off prefix' });
  });

  it('fills the empty metadata row of 003 .status.import only because it is the one row left between aligned neighbours', () => {
    const importStatus = report.alignments.find((a) => a.file === '003_3da3113ac5aaf9d3.txt' && a.section === 'ImageStreamImport .status.import')!;
    expect(importStatus.alignedTo).toBe('002_277ea7747e15fcce.txt');
    expect(importStatus.rows.find((r) => r.name === 'metadata')).toEqual({
      line: 272,
      name: 'metadata',
      how: 'only row left between aligned neighbours, and its type fits; linked type agrees with ObjectMeta_v2',
    });
    expect(report.problems).toEqual([]);
  });

  it('reports the older documents requiring dockerImageLayers, and keeps 002', () => {
    expect(report.conflicts.filter((c) => c.kind === 'required').map((c) => c.subject)).toEqual(
      expect.arrayContaining(['Image.dockerImageLayers', 'ImageLayer.mediaType', 'ImageStreamImport .status.import.status.tags[].items[]']),
    );
    expect(field('Image', 'dockerImageLayers').documentedRequired).toBe(false);
  });

  it('keeps provenance from every document that prints a field', () => {
    const files = new Set(field('ImageManifest', 'variant').provenance.map((p) => p.file));
    expect([...files].sort()).toEqual(['001_cab4ae39a00f3af5.txt', '002_277ea7747e15fcce.txt', '004_99c57445500a420e.txt']);
  });

  it('names types after their descriptions, merging every path that describes the same type', () => {
    const tagReference = model.types.find((t) => t.name === 'TagReference')!;
    expect(tagReference.paths).toEqual(['ImageStreamImport .status.import.spec.tags[]', 'ImageStream .spec.tags[]', 'ImageStreamTag .tag', 'ImageTag .spec']);
    expect(model.kinds.map((k) => k.kind)).toHaveLength(10);
    expect(report.conflicts.filter((c) => c.kind === 'field-missing-elsewhere')).toEqual([]);
  });
});

describe('server-accurate required lists', () => {
  it('keeps what the server enforces and drops what it fills in, each with a reason', () => {
    const required = (type: string): string[] => model.types.find((t) => t.name === type)!.fields.filter((f) => f.required).map((f) => f.name);
    expect(required('ImageStreamTag')).toEqual([]);
    expect(required('ImageTag')).toEqual(['spec']);
    expect(required('TagReferencePolicy')).toEqual([]);
    expect(required('ImageStreamImportSpec')).toEqual([]);
    expect(required('ImageImportSpec')).toEqual(['from']);
    expect(required('ImageStreamMapping')).toEqual(['image', 'tag']);
    expect(required('ImageSignature')).toEqual(['content', 'type']);
    expect(required('ImageManifest')).toEqual(['architecture', 'digest', 'mediaType', 'os']);
    expect(required('ObjectMeta')).toEqual([]);
    expect(field('TagReferencePolicy', 'type').documentedRequired).toBe(true);
    expect(report.deviations).toContainEqual({
      subject: 'TagReferencePolicy.type',
      documents: 'required',
      schemas: 'optional',
      reason: 'defaulted to Source when absent or empty',
    });
  });

  it('emits no enum: the documented sets are enforced per use (referencePolicy.type not in an ImageStreamImport), by server rules', () => {
    const withEnum = model.types.flatMap((t) => t.fields.filter((f) => f.enum).map((f) => `${t.name}.${f.name}`));
    expect(withEnum).toEqual([]);
    expect(field('TagReferencePolicy', 'type').documentedValues).toEqual(['Source', 'Local']);
    expect(field('TagImportPolicy', 'importMode').enum).toBeUndefined();
    expect(field('ObjectReference', 'kind').enum).toBeUndefined();
    expect(field('SignatureCondition', 'status').documentedValues).toEqual(['True', 'False', 'Unknown']);
  });
});

describe('alignment on hand-made rows', () => {
  it('matches equal, cut-off and reworded descriptions, never by position alone', () => {
    const named = ['Name of the tag', 'Size of the layer in bytes as defined by the store.', 'Owner.', 'Kind is a string value.'];
    const nameless = ['Name of the tag', 'Size of the layer in bytes as', 'Something else entirely', 'kind is a  string value'];
    expect(alignRows(nameless, named)).toEqual([
      { from: 0, to: 0, how: 'same description' },
      { from: 1, to: 1, how: 'description is a cut-off prefix' },
      { from: 2, to: undefined, how: 'no named row with a matching description' },
      { from: 3, to: 3, how: 'same description' },
    ]);
  });

  it('fills a one-row gap only when the caller agrees the row fits', () => {
    const named = ['A thing.', 'metadata is standard.', 'Z thing.'];
    const nameless = ['A thing.', '', 'Z thing.'];
    expect(alignRows(nameless, named)[1]).toEqual({ from: 1, to: undefined, how: 'no named row with a matching description' });
    expect(alignRows(nameless, named, () => true)[1]).toEqual({ from: 1, to: 1, how: 'only row left between aligned neighbours, and its type fits' });
  });

  it('keeps order: a row cannot match a named row before the previous match', () => {
    const pairs = alignRows(['Second.', 'First.'], ['First.', 'Second.']);
    expect(pairs.filter((p) => p.to !== undefined)).toHaveLength(1);
  });

  it('compares descriptions ignoring case, quotes and spacing before punctuation', () => {
    expect(describeMatch('the signature’s content', "The signature's content")).toEqual({ score: 1, how: 'same description' });
    expect(describeMatch('Status of the condition.', 'Completely unrelated words here.')).toBeUndefined();
  });
});

describe('small readers of description text', () => {
  it('finds type names in descriptions', () => {
    expect(typeNameFromDescription('TagReference specifies optional annotations')).toBe('TagReference');
    expect(typeNameFromDescription('An ImageStream stores a mapping')).toBe('ImageStream');
    expect(typeNameFromDescription('`ImageLayerData` contains metadata')).toBe('ImageLayerData');
    expect(typeNameFromDescription('Standard object’s metadata.')).toBeUndefined();
  });

  it('strips release suffixes and package qualifiers from type names', () => {
    expect(canonicalTypeName('ObjectMeta_v2')).toBe('ObjectMeta');
    expect(canonicalTypeName('ObjectReference_v2 core/v1')).toBe('ObjectReference');
    expect(canonicalTypeName('RawExtension pkg/none')).toBe('RawExtension');
  });

  it('reads the value lists the descriptions spell out', () => {
    expect(documentedValues('Status of the condition, one of True, False, Unknown.')).toEqual(['True', 'False', 'Unknown']);
    expect(documentedValues('Valid values are ImageStreamTag, ImageStreamImage, and DockerImage. More.')).toEqual(['ImageStreamTag', 'ImageStreamImage', 'DockerImage']);
    expect(documentedValues('The default value is Source, indicating x. The user may also specify Local, indicating y.')).toEqual(['Source', 'Local']);
    expect(documentedValues('Type of signature condition, Complete or Failed.')).toEqual(['Complete', 'Failed']);
    expect(documentedValues('ImportMode describes how to import an image manifest.')).toBeUndefined();
  });
});
