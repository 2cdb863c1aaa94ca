import type { ManifestObject, PathSegment } from '../../types.js';
import { tagReferences } from './support.js';
import { images } from '../utils/images.js';
import { array, isRecord, record, string } from '../utils/object.js';

export type ReferenceRole =
  | 'stream-repository'
  | 'tag-from'
  | 'import-image'
  | 'import-repository'
  | 'mapping-repository'
  | 'image-docker-reference';

export interface ReferenceSite {
  text: string;
  path: PathSegment[];
  role: ReferenceRole;
}

/**
 * Every non-empty field the server parses with library-go `reference.Parse`, in the cases where it
 * does (a tag's `from.name` only for kind DockerImage; import `from.name` "*" is a legacy wildcard).
 */
export function referenceSites(object: ManifestObject): ReferenceSite[] {
  const sites: ReferenceSite[] = [];
  const add = (text: string | undefined, path: PathSegment[], role: ReferenceRole) => {
    if (text) sites.push({ text, path, role });
  };
  const value = object.value;
  switch (object.kind) {
    case 'ImageStream':
      add(string(record(value, 'spec'), 'dockerImageRepository'), ['spec', 'dockerImageRepository'], 'stream-repository');
      break;
    case 'ImageStreamImport': {
      const spec = record(value, 'spec');
      (array(spec, 'images') ?? []).forEach((image, index) => {
        const from = record(image, 'from');
        const name = string(from, 'name');
        if (string(from, 'kind') === 'DockerImage' && name !== '*') add(name, ['spec', 'images', index, 'from', 'name'], 'import-image');
      });
      const from = record(record(spec, 'repository'), 'from');
      if (string(from, 'kind') === 'DockerImage') add(string(from, 'name'), ['spec', 'repository', 'from', 'name'], 'import-repository');
      break;
    }
    case 'ImageStreamMapping':
      add(string(value, 'dockerImageRepository'), ['dockerImageRepository'], 'mapping-repository');
      break;
    default:
      break;
  }
  for (const { tag, path } of tagReferences(object)) {
    const from = record(tag, 'from');
    if (string(from, 'kind') === 'DockerImage') add(string(from, 'name'), [...path, 'from', 'name'], 'tag-from');
  }
  for (const { image, path } of images(object)) {
    if (isRecord(image)) add(string(image, 'dockerImageReference'), [...path, 'dockerImageReference'], 'image-docker-reference');
  }
  return sites;
}
