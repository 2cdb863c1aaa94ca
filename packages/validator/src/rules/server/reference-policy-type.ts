import type { ManifestObject, PathSegment } from '../../types.js';
import { parseImageReference } from '../../reference/index.js';
import { defineRule } from '../define.js';
import { has, TAG_REFERENCE_KINDS, tagReferences } from './support.js';
import { caseFix, closestValue, didYouMean, quote } from '../utils/message.js';
import { array, isRecord, isTemplateValue, record, string } from '../utils/object.js';

const REFERENCE_POLICY_TYPES = ['Source', 'Local'] as const;

interface PolicySite {
  owner: Record<string, unknown>;
  path: PathSegment[];
  messageId: 'invalid' | 'imported';
}

/**
 * An ImageStreamImport's policies are never validated as such (ValidateImageStreamImport skips
 * them); with spec.import true the server copies them onto the stream tags it writes
 * (imagestreamimport/rest.go ensureSpecTag), and the stream's validation then judges them. An
 * image entry without a target tag (no `to`, and no tag in from.name to default it from) writes none.
 */
function importedPolicies(object: ManifestObject): PolicySite[] {
  const spec = record(object.value, 'spec');
  if (spec?.['import'] !== true) return [];
  const sites: PolicySite[] = [];
  (array(spec, 'images') ?? []).forEach((image, index) => {
    if (!isRecord(image)) return;
    const from = string(record(image, 'from'), 'name') ?? '';
    const parsed = parseImageReference(from);
    const hasTarget = has(image, 'to') || (parsed.ok && parsed.reference.tag !== '');
    if (hasTarget) sites.push({ owner: image, path: ['spec', 'images', index], messageId: 'imported' });
  });
  const repository = record(spec, 'repository');
  if (repository) sites.push({ owner: repository, path: ['spec', 'repository'], messageId: 'imported' });
  return sites;
}

export default defineRule({
  id: 'reference-policy-type',
  category: 'server',
  severity: 'error',
  description:
    "A tag's referencePolicy.type must be Source or Local (empty or absent means Source); an ImageStreamImport's only when spec.import writes it to the stream.",
  source:
    'openshift/openshift-apiserver pkg/image/apis/image/validation/validation.go: ValidateImageStreamTagReference (\'valid values are "Source", "Local"\'), after SetDefaults_TagReferencePolicy in pkg/image/apis/image/v1/defaults.go turns "" into Source; ValidateImageStreamImport does not check policies, pkg/image/apiserver/registry/imagestreamimport/rest.go ensureSpecTag copies them to the stream when spec.import is true',
  kinds: [...TAG_REFERENCE_KINDS, 'ImageStreamImport'],
  // An import's policy fails in the validation of the image stream it writes, at that stream's tag.
  flags: { noServerPath: ['imported'] },
  fixable: 'code',
  messages: {
    invalid: 'The referencePolicy.type {{value}} is not valid: valid values are "Source", "Local" (leave it out for Source).{{hint}}',
    imported:
      'The referencePolicy.type {{value}} is not valid: with spec.import true the server writes it to the image stream tag it imports, and the image stream\'s validation rejects it (valid values are "Source", "Local"; leave it out for Source).{{hint}}',
  },
  check({ object, report }) {
    const sites: PolicySite[] =
      object.kind === 'ImageStreamImport'
        ? importedPolicies(object)
        : tagReferences(object).map(({ tag, path }) => ({ owner: tag, path, messageId: 'invalid' as const }));
    for (const { owner, path, messageId } of sites) {
      const type = string(record(owner, 'referencePolicy'), 'type');
      if (!type || isTemplateValue(object, type) || (REFERENCE_POLICY_TYPES as readonly string[]).includes(type)) continue;
      report({
        path: [...path, 'referencePolicy', 'type'],
        messageId,
        data: { value: quote(type), hint: didYouMean(closestValue(type, REFERENCE_POLICY_TYPES)) },
        ...caseFix(type, REFERENCE_POLICY_TYPES, [...path, 'referencePolicy', 'type']),
      });
    }
  },
});
