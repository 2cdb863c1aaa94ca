/**
 * Finds the objects in a document: the document itself, the items of a `List` (or any `*List`),
 * the `objects` of a Template, and the items of a bare top-level sequence — recursively, so a
 * Template inside a List works too.
 */
import type { ManifestObject, PathSegment } from './types.js';
import { addCount } from './paths.js';
import { isTemplateParameterValue } from './template.js';

export const IMAGE_API_VERSION = 'image.openshift.io/v1';
/** The pre-API-group spelling of OpenShift 3.x, still accepted by `oc` for these kinds. */
export const LEGACY_API_VERSION = 'v1';

export interface Discovery {
  objects: ManifestObject[];
  skipped: Record<string, number>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The kind an object is written as. `Kind: ImageStream` is not `kind:` for the server, but it is
 * plainly meant as an image object: take it, so the schema reports the misspelt key.
 */
function writtenKind(value: Record<string, unknown>, imageKinds: ReadonlySet<string>): unknown {
  if (value.kind !== undefined) return value.kind;
  const misspelt = Object.keys(value).find((key) => key.toLowerCase() === 'kind');
  const kind = misspelt === undefined ? undefined : value[misspelt];
  return typeof kind === 'string' && imageKinds.has(kind) ? kind : undefined;
}

/** An image kind whose apiVersion is absent, `v1` or of the image.openshift.io group (a misspelt version is the schema's to report). */
function isImageObject(value: Record<string, unknown>, kind: unknown, imageKinds: ReadonlySet<string>): kind is string {
  if (typeof kind !== 'string' || !imageKinds.has(kind)) return false;
  const apiVersion = value.apiVersion;
  return (
    apiVersion === undefined ||
    apiVersion === null ||
    apiVersion === LEGACY_API_VERSION ||
    (typeof apiVersion === 'string' && (apiVersion.startsWith('image.openshift.io/') || isTemplateParameterValue(apiVersion)))
  );
}

export function discoverObjects(root: unknown, documentIndex: number, imageKinds: ReadonlySet<string>): Discovery {
  const discovery: Discovery = { objects: [], skipped: {} };
  const skip = (kind: string): void => {
    addCount(discovery.skipped, kind, 1);
  };
  const visit = (value: unknown, pathPrefix: PathSegment[], inTemplate: boolean): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...pathPrefix, index], inTemplate));
      return;
    }
    if (!isRecord(value)) {
      skip('(not an object)');
      return;
    }
    const kind = value.kind;
    if (kind === 'Template' && Array.isArray(value.objects)) {
      value.objects.forEach((item, index) => visit(item, [...pathPrefix, 'objects', index], true));
      return;
    }
    // `List`, `ImageStreamList`… (and the API's SecretList, which is never a manifest) only hold objects.
    if (typeof kind === 'string' && kind.endsWith('List')) {
      if (Array.isArray(value.items)) value.items.forEach((item, index) => visit(item, [...pathPrefix, 'items', index], inTemplate));
      return;
    }
    const objectKind = writtenKind(value, imageKinds);
    if (!isImageObject(value, objectKind, imageKinds)) {
      skip(typeof kind === 'string' ? kind : '(no kind)');
      return;
    }
    const metadata = isRecord(value.metadata) ? value.metadata : {};
    discovery.objects.push({
      apiVersion: typeof value.apiVersion === 'string' ? value.apiVersion : '',
      kind: objectKind,
      ...(typeof metadata.name === 'string' ? { name: metadata.name } : {}),
      ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
      value,
      documentIndex,
      pathPrefix,
      inTemplate,
    });
  };
  visit(root, [], false);
  return discovery;
}
