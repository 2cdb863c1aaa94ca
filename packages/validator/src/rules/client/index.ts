import type { RuleDefinition } from '../../types.js';
import apiVersionMapping from './api-version-mapping.js';
import documentNotObject from './document-not-object.js';
import kindCase from './kind-case.js';
import kindNotCreatable from './kind-not-creatable.js';
import listItemType from './list-item-type.js';
import unknownKind from './unknown-kind.js';

/** What `oc apply -f` does with a file before the server validates an object: decoding, typing, REST mapping. */
export const clientRules: readonly RuleDefinition[] = [
  documentNotObject,
  listItemType,
  apiVersionMapping,
  kindCase,
  kindNotCreatable,
  unknownKind,
];
