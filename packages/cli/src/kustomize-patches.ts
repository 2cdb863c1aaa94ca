import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { kustomizationFileNames, kustomizationPatchPaths } from '@ocp-image/validator/kustomize';

/**
 * Whether a file is a patch that a kustomization in its directory or one above applies: a
 * fragment kustomize merges into a resource, checked by validating `kustomize build`'s output.
 * Remembers each directory's patches: a walk asks about many files of the same overlay.
 */
export function createKustomizePatchTest(): (absolutePath: string) => Promise<boolean> {
  const patchesByDirectory = new Map<string, Promise<ReadonlySet<string>>>();
  const patchesOf = (directory: string): Promise<ReadonlySet<string>> => {
    let patches = patchesByDirectory.get(directory);
    if (!patches) {
      patches = (async () => {
        for (const name of kustomizationFileNames) {
          const text = await readFile(path.join(directory, name), 'utf8').catch(() => undefined);
          // kustomize reads the first of the names it finds.
          if (text !== undefined) return new Set(kustomizationPatchPaths(text).map((patch) => path.resolve(directory, patch)));
        }
        return new Set<string>();
      })();
      patchesByDirectory.set(directory, patches);
    }
    return patches;
  };
  return async (absolutePath) => {
    for (let directory = path.dirname(absolutePath); ; directory = path.dirname(directory)) {
      if ((await patchesOf(directory)).has(absolutePath)) return true;
      if (path.dirname(directory) === directory) return false;
    }
  };
}

/** The one line a run prints about the kustomize patches it skipped, or undefined when it skipped none. */
export function skippedPatchesNotice(count: number): string | undefined {
  if (count === 0) return undefined;
  const files = count === 1 ? '1 file that is a kustomize patch' : `${count} files that are kustomize patches`;
  return (
    `ocp-image: skipped ${files} (listed under patches in a kustomization.yaml); ` +
    'validate the built output instead: kustomize build <directory> | ocp-image validate -'
  );
}
