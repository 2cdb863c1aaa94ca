/**
 * kustomize overlays' patches are fragments that kustomize merges into its base's resources, not
 * manifests: the front ends skip a file that a kustomization in its directory or one above lists
 * as a patch (kustomize's load restrictor keeps a patch within its kustomization's directory).
 * Its own module (and package subpath) so that the CLI's main thread can ask without loading the
 * validator; the front ends read the kustomization files.
 */
import { parse } from 'yaml';

/** The names kustomize looks for in a directory, in its order (api/konfig: RecognizedKustomizationFileNames). */
export const kustomizationFileNames: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * The files a kustomization's text applies as patches, relative to its directory:
 * `patches[].path`, `patchesStrategicMerge[]` (an entry may be an inline patch instead of a path;
 * it then names no file) and `patchesJson6902[].path`. A text that is not YAML, or fields of
 * another shape, name none.
 */
export function kustomizationPatchPaths(text: string): string[] {
  let kustomization: unknown;
  try {
    kustomization = parse(text);
  } catch {
    return [];
  }
  if (kustomization === null || typeof kustomization !== 'object') return [];
  const { patches, patchesStrategicMerge, patchesJson6902 } = kustomization as Record<string, unknown>;
  const listed = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const pathOf = (entry: unknown): unknown => (entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>).path : undefined);
  return [...listed(patches).map(pathOf), ...listed(patchesStrategicMerge), ...listed(patchesJson6902).map(pathOf)].filter(
    (entry): entry is string => typeof entry === 'string' && entry !== '' && !entry.includes('\n'),
  );
}
