/**
 * What `oc apply` does with an object's apiVersion and kind before any request: it parses the
 * apiVersion into group and version (apimachinery schema.ParseGroupVersion) and asks the REST
 * mapper built from the cluster's discovery (client-go restmapper/discovery.go) for the resource
 * of that group, version and kind. On OpenShift 4 the image kinds are served only by
 * image.openshift.io/v1: the core group (an apiVersion without "/") has none of them.
 */
import { distance } from 'fastest-levenshtein';
import { isTemplateParameterValue } from './template.js';
import type { PathSegment } from './types.js';

export const IMAGE_GROUP = 'image.openshift.io';
export const IMAGE_API_VERSION = `${IMAGE_GROUP}/v1`;
/** The pre-API-group spelling of OpenShift 3.x (`/oapi/v1`). */
export const LEGACY_API_VERSION = 'v1';

/**
 * The kinds library-go's templateprocessing moves from the legacy `v1` to image.openshift.io while
 * processing a Template (legacygroupification oapiKindsToGroup). ImageTag is not among them.
 */
const REGROUPED_BY_TEMPLATE_PROCESSING = new Set([
  'Image',
  'ImageList',
  'ImageSignature',
  'ImageStreamImage',
  'ImageStreamImport',
  'ImageStreamMapping',
  'ImageStream',
  'ImageStreamList',
  'ImageStreamTag',
  'ImageStreamTagList',
]);

/**
 * How oc maps an image kind's apiVersion:
 * - `mapped`: image.openshift.io/v1 (or a Template parameter, known only after processing);
 * - `absent`: no apiVersion at all (the schema reports the missing field);
 * - `other-group`: another API group, which may serve a kind of the same name (config.openshift.io/v1 Image);
 * - `legacy-rewritten`: `v1` on one of a Template's own objects, which processing rewrites;
 * - the rest cannot be mapped: `legacy`, `no-group` (an apiVersion without "/" names a core
 *   version), `group-spelling`, `unknown-version`, `malformed` (more than one "/").
 */
export type ApiVersionVerdict =
  | 'mapped'
  | 'absent'
  | 'other-group'
  | 'legacy-rewritten'
  | 'legacy'
  | 'no-group'
  | 'group-spelling'
  | 'unknown-version'
  | 'malformed';

/** image.openshift.io in other letters or with a typo or two; config.openshift.io (its own Image kind) is not. */
function isImageGroupSpelling(group: string): boolean {
  return distance(group.toLowerCase(), IMAGE_GROUP) <= 2;
}

/** Where an object sits: anywhere in a Template (its parameters are substituted), and whether it is one of the Template's own `objects`. */
export interface Placement {
  inTemplate: boolean;
  /** Processing regroups only the Template's own objects, not the items of a List among them. */
  templateObject: boolean;
}

/** The placement of a found object: a Template's own objects sit at `[…, 'objects', index]`. */
export function placementOf(inTemplate: boolean, pathPrefix: readonly PathSegment[]): Placement {
  return { inTemplate, templateObject: inTemplate && pathPrefix.at(-2) === 'objects' };
}

export function judgeApiVersion(apiVersion: unknown, kind: string, placement: Placement): ApiVersionVerdict {
  if (apiVersion === undefined || apiVersion === null || apiVersion === '') return 'absent';
  if (typeof apiVersion !== 'string') return 'other-group';
  if (apiVersion === IMAGE_API_VERSION || (placement.inTemplate && isTemplateParameterValue(apiVersion))) return 'mapped';
  if (apiVersion === LEGACY_API_VERSION) return placement.templateObject && REGROUPED_BY_TEMPLATE_PROCESSING.has(kind) ? 'legacy-rewritten' : 'legacy';
  const segments = apiVersion.split('/');
  if (segments.length === 1) return 'no-group';
  const group = segments[0] ?? '';
  if (!isImageGroupSpelling(group)) return 'other-group';
  if (segments.length > 2) return 'malformed';
  return group === IMAGE_GROUP ? 'unknown-version' : 'group-spelling';
}
