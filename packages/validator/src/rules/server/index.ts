import type { RuleDefinition } from '../../types.js';
import dockerImageMetadata from './docker-image-metadata.js';
import imageManifestDigest from './image-manifest-digest.js';
import imageMetadataVersion from './image-metadata-version.js';
import imageManifestMediaType from './image-manifest-media-type.js';
import imageManifestPlatform from './image-manifest-platform.js';
import imageManifestSize from './image-manifest-size.js';
import imageReference from './image-reference.js';
import imagestreamName from './imagestream-name.js';
import imagestreamimportSpec from './imagestreamimport-spec.js';
import imagestreammappingTag from './imagestreammapping-tag.js';
import imagestreamtagAnnotations from './imagestreamtag-annotations.js';
import imagestreamtagName from './imagestreamtag-name.js';
import imagetagSpec from './imagetag-spec.js';
import importFromKind from './import-from-kind.js';
import importMode from './import-mode.js';
import metadataAnnotations from './metadata-annotations.js';
import metadataFields from './metadata-fields.js';
import metadataLabels from './metadata-labels.js';
import metadataName from './metadata-name.js';
import metadataNamespace from './metadata-namespace.js';
import referencePolicyType from './reference-policy-type.js';
import repositoryReference from './repository-reference.js';
import signatureConditions from './signature-conditions.js';
import signatureMetadata from './signature-metadata.js';
import signatureName from './signature-name.js';
import signatureRequiredFields from './signature-required-fields.js';
import signatureUnknownState from './signature-unknown-state.js';
import tagFromKind from './tag-from-kind.js';
import tagFromName from './tag-from-name.js';
import tagScheduledImport from './tag-scheduled-import.js';
import templateName from './template-name.js';
import templateParameterName from './template-parameter-name.js';
import unrenderedPlaceholder from './unrendered-placeholder.js';

/** What the OpenShift API server rejects, checkable from one manifest (../shared/reference/server-rules.md). */
export const serverRules: readonly RuleDefinition[] = [
  unrenderedPlaceholder,
  metadataName,
  metadataNamespace,
  metadataLabels,
  metadataAnnotations,
  metadataFields,
  imagestreamName,
  imageReference,
  repositoryReference,
  tagFromKind,
  tagFromName,
  tagScheduledImport,
  referencePolicyType,
  importMode,
  imagestreamtagName,
  imagestreamtagAnnotations,
  imagetagSpec,
  imagestreamimportSpec,
  importFromKind,
  imagestreammappingTag,
  imageManifestDigest,
  imageMetadataVersion,
  imageManifestMediaType,
  imageManifestPlatform,
  imageManifestSize,
  signatureName,
  signatureMetadata,
  signatureRequiredFields,
  signatureConditions,
  signatureUnknownState,
  templateName,
  templateParameterName,
  dockerImageMetadata,
];
