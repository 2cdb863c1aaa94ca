import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyServerPolicy } from './apply-policy.js';
import { ModelBuilder } from './build-model.js';
import { apiDocs } from './emit/docs.js';
import { indexDeclarations, indexModule } from './emit/index-module.js';
import { SchemaEmitter, type JsonSchema } from './emit/json-schema.js';
import { typeDeclarations } from './emit/typescript.js';
import { validatorDeclarations, validatorModule } from './emit/validators.js';
import { API_GROUP, API_VERSION, API_VERSION_NAME, compareText, type ApiModel, type SourceInfo } from './model.js';
import { readDocument } from './readers/index.js';
import type { RawDocument } from './readers/types.js';
import { Reconciler, type ReleaseView, type SourceRelease } from './reconcile.js';
import { MergeReport, type ReleaseSummary } from './report.js';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repositoryRoot = path.resolve(packageRoot, '..', '..');
export const defaultSeedsDirectory = path.join(packageRoot, 'seeds');

/** Where the artifacts go, relative to the repository root. */
export const SCHEMAS_OUT = 'packages/schemas/generated';
export const DOCS_OUT = 'docs/api';

interface SourceEntry extends SourceInfo {
  releaseOrder: number;
}

export interface LoadedSource {
  info: SourceEntry;
  document: RawDocument;
}

export interface GenerationResult {
  model: ApiModel;
  report: MergeReport;
  sources: LoadedSource[];
  /** Output files keyed by path relative to the repository root. */
  files: Map<string, string>;
}

export async function loadSources(seedsDirectory = defaultSeedsDirectory): Promise<LoadedSource[]> {
  const manifest = JSON.parse(await readFile(path.join(seedsDirectory, 'sources.json'), 'utf8')) as {
    sources: Omit<SourceEntry, 'format'>[];
  };
  return Promise.all(
    manifest.sources.map(async (entry) => {
      const text = await readFile(path.join(seedsDirectory, entry.file), 'utf8');
      const document = readDocument(text, entry.file);
      return { info: { ...entry, format: document.format }, document };
    }),
  );
}

/** True when every row of the document has a name and a type. */
function isNamedAndTyped(document: RawDocument): boolean {
  const rows = document.sections.flatMap((s) => s.rows);
  return rows.length > 0 && rows.every((row) => row.name && row.type);
}

/** The primary source: the newest release among documents that print names and types, most kinds first. */
export function primarySource(sources: LoadedSource[]): LoadedSource {
  const candidates = sources.filter((s) => isNamedAndTyped(s.document));
  candidates.sort((a, b) => b.info.releaseOrder - a.info.releaseOrder || b.document.kinds.length - a.document.kinds.length);
  const primary = candidates[0];
  if (!primary) throw new Error('no source prints both property names and types');
  return primary;
}

export function buildModel(sources: LoadedSource[]): { model: ApiModel; report: MergeReport } {
  const report = new MergeReport();
  const primary = primarySource(sources);
  const builder = new ModelBuilder(primary.document, report);
  builder.build();
  const asRelease = (source: LoadedSource): SourceRelease => ({ document: source.document, release: source.info.release, releaseOrder: source.info.releaseOrder });
  const views = new Reconciler(asRelease(primary), builder, report).reconcile(sources.filter((s) => s !== primary).map(asRelease));
  for (const view of views) report.release(summariseView(view));
  applyServerPolicy(builder.types, report);
  const model: ApiModel = {
    group: API_GROUP,
    version: API_VERSION_NAME,
    apiVersion: API_VERSION,
    sources: sources.map(({ info }) => ({ file: info.file, format: info.format, release: info.release, description: info.description })),
    kinds: builder.kinds,
    types: [...builder.types.values()].sort((a, b) => compareText(a.name, b.name)),
  };
  return { model, report };
}

function summariseView(view: ReleaseView): ReleaseSummary {
  return {
    release: view.release,
    files: view.files,
    sections: [...view.sections.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([section, resolved]) => ({
        section,
        ...(resolved.required !== undefined && { required: resolved.required }),
        fields: resolved.fields.map((f) => ({ name: f.name, type: f.type ?? null, required: f.required, provenance: f.provenance })),
      })),
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export async function generate(seedsDirectory = defaultSeedsDirectory): Promise<GenerationResult> {
  const sources = await loadSources(seedsDirectory);
  const { model, report } = buildModel(sources);
  const files = new Map<string, string>();
  const out = (relative: string, content: string): void => {
    files.set(`${SCHEMAS_OUT}/${relative}`, content);
  };

  const emitters = { standard: new SchemaEmitter(model, 'standard'), strict: new SchemaEmitter(model, 'strict') };
  const indexSchemas: Record<string, JsonSchema> = {};
  for (const [flavour, emitter] of Object.entries(emitters)) {
    const prefix = flavour === 'strict' ? 'schemas/strict/' : 'schemas/';
    for (const kind of model.kinds) out(`${prefix}${kind.kind}.json`, json(emitter.kindSchema(kind.kind)));
    const indexSchema = emitter.indexSchema();
    indexSchemas[flavour] = indexSchema;
    out(`${prefix}index.json`, json(indexSchema));
    out(`validators/${flavour}.js`, validatorModule(model, indexSchema));
    out(`validators/${flavour}.d.ts`, validatorDeclarations(model));
  }
  const authoring = new SchemaEmitter(model, 'strict', { acceptNull: false });
  out('types.d.ts', await typeDeclarations(model, authoring.definitions()));
  out('index.js', indexModule(model));
  out('index.d.ts', indexDeclarations(model));
  out('model.json', json(model));
  out('merge-report.json', json(report));
  for (const [page, content] of apiDocs(model, report)) files.set(`${DOCS_OUT}/${page}`, content);
  return { model, report, sources, files };
}
