import type { RuleDefinition } from '../../types.js';
import deprecatedDockerImageRepository from './deprecated-docker-image-repository.js';
import imageManifestListConfig from './image-manifest-list-config.js';
import imageManifestListLayers from './image-manifest-list-layers.js';
import imageManifestMediaTypeKnown from './image-manifest-media-type-known.js';
import signatureConditionStatus from './signature-condition-status.js';

/** What the API reference states but a schema cannot express; each rule quotes its sentence. */
export const docsRules: readonly RuleDefinition[] = [
  imageManifestListLayers,
  imageManifestListConfig,
  imageManifestMediaTypeKnown,
  deprecatedDockerImageRepository,
  signatureConditionStatus,
];
