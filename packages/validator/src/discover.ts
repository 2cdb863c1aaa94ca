/**
 * Finds the objects in a document the way `oc apply -f` types them before any request:
 * cli-runtime's StreamVisitor decodes each document with apimachinery's UnstructuredJSONScheme
 * (a list when it has `items`), FlattenListVisitor types each item (recursively), and the Templates
 * found are objects themselves whose `objects` library-go's templateprocessing decodes later.
 * What oc cannot decode or type becomes a problem here, at the value that fails.
 */
import type { CheckedMessage, ManifestObject, PathEdit, PathSegment } from './types.js';
import { addCount, renderPath } from './paths.js';
import { ruleMessage } from './rules/define.js';
import { IMAGE_API_VERSION, judgeApiVersion, placementOf } from './rest-mapping.js';
import apiVersionMapping, { unmappedApiVersion } from './rules/client/api-version-mapping.js';
import documentNotObject from './rules/client/document-not-object.js';
import kindCase from './rules/client/kind-case.js';
import kindNotCreatable, { subresourceOf } from './rules/client/kind-not-creatable.js';
import listItemType from './rules/client/list-item-type.js';
import unknownKind from './rules/client/unknown-kind.js';
import { closestMatch } from './suggest.js';
import { isRecord } from './rules/utils/object.js';
import { didYouMean } from './rules/utils/message.js';
import { messageEscaped, messageQuoted } from './quote.js';

/** How `skipped` counts mappings without a kind: CI configuration, Helm values, Ansible tasks… */
export const NO_KIND = '(no kind)';

/** A problem oc meets while decoding or typing, before any object rule runs. */
export interface DiscoveryProblem extends CheckedMessage {
  /** Document path of the failing value. */
  path: PathSegment[];
  fix?: PathEdit;
}

export interface Discovery {
  objects: ManifestObject[];
  /** Templates, which `oc apply` creates as objects of their own. */
  templates: ManifestObject[];
  skipped: Record<string, number>;
  problems: DiscoveryProblem[];
}

/** A kind for a message: as written when it is a plain word, else quoted (it is user input). */
function kindText(kind: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(kind) ? kind : messageQuoted(kind);
}

/** The JSON type Go's decoder names for a value that is not an object. */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'number' ? 'number' : 'string';
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

/** An image kind whose apiVersion oc would send to image.openshift.io, or that is plainly meant for it (another API group's kind of the same name is not). */
function isImageObject(value: Record<string, unknown>, kind: unknown, imageKinds: ReadonlySet<string>, inTemplate: boolean): kind is string {
  return typeof kind === 'string' && imageKinds.has(kind) && judgeApiVersion(value.apiVersion, kind, { inTemplate, templateObject: false }) !== 'other-group';
}

/** The item kind of a typed image list (`ImageStreamList` → `ImageStream`), as decodeToList derives it. */
function typedItemKind(listKind: string, imageKinds: ReadonlySet<string>): string | undefined {
  const itemKind = listKind.slice(0, -'List'.length);
  return listKind.endsWith('List') && imageKinds.has(itemKind) ? itemKind : undefined;
}

const kindsByLowerCaseCache = new WeakMap<ReadonlySet<string>, ReadonlyMap<string, string>>();

/** The image kinds and their typed list kinds (ImageStreamList), by their lowercase spelling. */
function kindsByLowerCase(imageKinds: ReadonlySet<string>): ReadonlyMap<string, string> {
  let kinds = kindsByLowerCaseCache.get(imageKinds);
  if (!kinds) {
    kinds = new Map([...imageKinds].flatMap((kind) => [kind, `${kind}List`]).map((kind) => [kind.toLowerCase(), kind]));
    kindsByLowerCaseCache.set(imageKinds, kinds);
  }
  return kinds;
}

export function discoverObjects(root: unknown, documentIndex: number, imageKinds: ReadonlySet<string>): Discovery {
  const discovery: Discovery = { objects: [], templates: [], skipped: {}, problems: [] };
  const skip = (kind: string): void => {
    addCount(discovery.skipped, kind, 1);
  };
  const problem = (path: PathSegment[], message: Omit<DiscoveryProblem, 'path'>): void => {
    discovery.problems.push({ ...message, path });
  };
  /**
   * An image kind (or typed image list kind) written in another case (so letters only), with an
   * apiVersion oc sends to the image group (or its legacy v1): reported, and the kind meant returned.
   */
  const caseCorrectedKind = (value: Record<string, unknown>, written: string, pathPrefix: PathSegment[], inTemplate: boolean): string | undefined => {
    const kind = kindsByLowerCase(imageKinds).get(written.toLowerCase());
    if (kind === undefined || kind === written) return undefined;
    const verdict = judgeApiVersion(value.apiVersion, written, placementOf(inTemplate, pathPrefix));
    if (verdict === 'other-group' || verdict === 'absent') return undefined;
    // The discovery REST mapper also maps each served kind in lowercase, so oc sends it; the server's scheme does not know it.
    const messageId = verdict === 'mapped' && written === written.toLowerCase() && imageKinds.has(kind) ? 'notRegistered' : 'noMatch';
    const data = { value: written, kind, version: messageEscaped(String(value.apiVersion)) };
    const path = [...pathPrefix, 'kind'];
    problem(path, { ...ruleMessage(kindCase, { messageId, data }), fix: { type: 'replace', path, value: kind } });
    return kind;
  };
  /** The parameters declared by the Template whose objects are being visited. */
  let templateParameters: ReadonlySet<string> | undefined;
  const toObject = (value: Record<string, unknown>, kind: string, pathPrefix: PathSegment[], inTemplate: boolean): ManifestObject => {
    const metadata = isRecord(value.metadata) ? value.metadata : {};
    return {
      apiVersion: typeof value.apiVersion === 'string' ? value.apiVersion : '',
      kind,
      ...(typeof metadata.name === 'string' ? { name: metadata.name } : {}),
      ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
      value,
      documentIndex,
      pathPrefix,
      inTemplate,
      ...(inTemplate && templateParameters ? { templateParameters } : {}),
    };
  };

  /** An object oc has typed (a document, a List item or a Template object). */
  const visitObject = (value: Record<string, unknown>, pathPrefix: PathSegment[], inTemplate: boolean): void => {
    const kind = value.kind;
    // UnstructuredJSONScheme decodes an object with `items` as a list, whatever its kind.
    if (typeof kind === 'string' && value.items !== undefined && value.items !== null) {
      visitList(value, caseCorrectedKind(value, kind, pathPrefix, inTemplate) ?? kind, pathPrefix, inTemplate);
      return;
    }
    if (kind === 'Template') {
      discovery.templates.push(toObject(value, kind, pathPrefix, inTemplate));
      if (Array.isArray(value.objects)) {
        const outer = templateParameters;
        // Processing the outer Template fills in its parameters in the inner one's objects too.
        templateParameters = new Set([...(outer ?? []), ...declaredParameters(value)]);
        value.objects.forEach((item, index) => visitTemplateObject(item, [...pathPrefix, 'objects', index]));
        templateParameters = outer;
      }
      return;
    }
    const written = writtenKind(value, imageKinds);
    const objectKind = (typeof written === 'string' && !imageKinds.has(written) && caseCorrectedKind(value, written, pathPrefix, inTemplate)) || written;
    if (!isImageObject(value, objectKind, imageKinds, inTemplate)) {
      if (typeof kind === 'string') reportUnknownKind(value, kind, pathPrefix);
      skip(typeof kind === 'string' && kind !== '' ? kind : NO_KIND);
      return;
    }
    discovery.objects.push(toObject(value, objectKind, pathPrefix, inTemplate));
  };

  /** A kind that image.openshift.io/v1 does not serve, in an object written for it (case variants are kind-case's). */
  const reportUnknownKind = (value: Record<string, unknown>, kind: string, pathPrefix: PathSegment[]): void => {
    if (value.apiVersion !== IMAGE_API_VERSION || kind === '' || kindsByLowerCase(imageKinds).has(kind.toLowerCase())) return;
    const meant = closestMatch(kind, kindsByLowerCase(imageKinds).values());
    problem([...pathPrefix, 'kind'], ruleMessage(unknownKind, { messageId: 'unknown', data: { value: kindText(kind), hint: didYouMean(meant) } }));
  };

  const visitList = (list: Record<string, unknown>, listKind: string, pathPrefix: PathSegment[], inTemplate: boolean): void => {
    const where = (index: number) => `${renderPath([...pathPrefix, 'items', index])} of this ${kindText(listKind)}`;
    if (!Array.isArray(list.items)) {
      problem([...pathPrefix, 'items'], ruleMessage(listItemType, { messageId: 'itemsNotSequence', data: { kind: kindText(listKind), type: jsonType(list.items) } }));
      return;
    }
    const itemKind = typedItemKind(listKind, imageKinds);
    // oc maps the list's own kind before it reads the items; the generic List is not a group's.
    if (itemKind === undefined && listKind !== 'List') reportUnknownKind(list, listKind, pathPrefix);
    if (itemKind !== undefined && !isImageObject(list, itemKind, imageKinds, inTemplate)) {
      skip(listKind);
      return;
    }
    if (itemKind !== undefined) {
      const mapping = unmappedApiVersion(list.apiVersion, listKind, placementOf(inTemplate, pathPrefix));
      if (mapping) problem([...pathPrefix, 'apiVersion'], ruleMessage(apiVersionMapping, mapping));
    }
    // The SecretList of image.openshift.io is a subresource: the list itself cannot be mapped.
    if (listKind === 'SecretList' && judgeApiVersion(list.apiVersion, listKind, { inTemplate, templateObject: false }) !== 'other-group' && list.apiVersion !== 'v1') {
      problem(
        [...pathPrefix, 'kind'],
        ruleMessage(kindNotCreatable, { messageId: 'subresource', data: { kind: listKind, subresource: subresourceOf(listKind), apiVersion: IMAGE_API_VERSION } }),
      );
      return;
    }
    list.items.forEach((item, index) => {
      const path = [...pathPrefix, 'items', index];
      if (item !== null && !isRecord(item)) {
        // decodeToList fails on the whole list.
        problem(path, ruleMessage(listItemType, { messageId: 'notObject', data: { step: 'oc', where: where(index), type: jsonType(item), consequence: 'none of its items is sent' } }));
        return;
      }
      const written = item ?? {};
      const hasKind = written.kind !== undefined && written.kind !== null && written.kind !== '';
      const hasApiVersion = written.apiVersion !== undefined && written.apiVersion !== null && written.apiVersion !== '';
      if (!hasKind && !hasApiVersion && itemKind !== undefined) {
        // decodeToList gives the item the typed list's kind and apiVersion.
        discovery.objects.push({ ...toObject({ ...written, kind: itemKind, apiVersion: list.apiVersion }, itemKind, path, inTemplate), impliedType: true });
        return;
      }
      if (!hasKind && writtenKind(written, imageKinds) === undefined) {
        const note = item === null ? ' (the item is empty)' : listKind === 'List' ? ' (only a typed list such as ImageStreamList gives its items a kind)' : '';
        problem(path, ruleMessage(listItemType, { messageId: 'noKind', data: { step: 'oc', where: where(index), note } }));
        return;
      }
      if (!hasApiVersion) {
        const fix = imageKinds.has(String(written.kind)) ? `: ${IMAGE_API_VERSION}` : '';
        problem([...path, 'apiVersion'], ruleMessage(listItemType, { messageId: 'noApiVersion', data: { where: where(index), kind: kindText(String(written.kind)), fix } }));
      }
      visitObject(written, path, inTemplate);
    });
  };

  /** library-go templateprocessing decodes each Template object on its own; a Template nested here is processed only when it is. */
  const visitTemplateObject = (item: unknown, path: PathSegment[]): void => {
    const where = `${renderPath(path)} of this Template`;
    const step = 'Template processing';
    if (item === null) {
      problem(path, ruleMessage(listItemType, { messageId: 'noKind', data: { step, where, note: ' (the object is empty)' } }));
      return;
    }
    if (!isRecord(item)) {
      const data = { step, where, type: jsonType(item), consequence: 'oc process fails ("unable to handle object")' };
      problem(path, ruleMessage(listItemType, { messageId: 'notObject', data }));
      return;
    }
    if ((item.kind === undefined || item.kind === null || item.kind === '') && writtenKind(item, imageKinds) === undefined) {
      problem(path, ruleMessage(listItemType, { messageId: 'noKind', data: { step, where, note: '' } }));
      return;
    }
    visitObject(item, path, true);
  };

  // StreamVisitor skips a null document like an empty one.
  if (isRecord(root)) visitObject(root, [], false);
  else if (Array.isArray(root)) problem([], ruleMessage(documentNotObject, { messageId: 'sequence' }));
  else if (root !== null) problem([], ruleMessage(documentNotObject, { messageId: 'scalar', data: { type: jsonType(root) } }));
  // The objects of a top-level sequence are checked all the same, ready for when they are split or wrapped in a List.
  if (Array.isArray(root)) root.forEach((item, index) => isRecord(item) && visitObject(item, [index], false));
  return discovery;
}

/** The names of a Template's `parameters`: `oc process` replaces `${NAME}` only for these. */
function declaredParameters(template: Record<string, unknown>): ReadonlySet<string> {
  const parameters = Array.isArray(template.parameters) ? template.parameters : [];
  return new Set(parameters.flatMap((parameter) => (isRecord(parameter) && typeof parameter.name === 'string' ? [parameter.name] : [])));
}
