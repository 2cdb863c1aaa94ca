import type { RuleDefinition } from '../../types.js';
import clusterScopedNamespace from './cluster-scoped-namespace.js';
import duplicateTagName from './duplicate-tag-name.js';
import legacyApiVersion from './legacy-api-version.js';
import serverPopulatedField from './server-populated-field.js';
import statusIgnored from './status-ignored.js';

/** Accepted by the server but almost certainly not what the author meant (it is dropped or replaced). */
export const lintRules: readonly RuleDefinition[] = [statusIgnored, serverPopulatedField, clusterScopedNamespace, duplicateTagName, legacyApiVersion];
