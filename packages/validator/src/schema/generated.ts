/** The generated schemas the validator runs with (precompiled; nothing is compiled at run time). */
import { imageKinds } from '@ocp-image/schemas';
import { validators } from '@ocp-image/schemas/validators/strict';
import strictIndex from '@ocp-image/schemas/schemas/strict/index.json' with { type: 'json' };
import type { SchemaSet } from '../engine.js';

export const schemaSet: SchemaSet = {
  imageKinds,
  validators,
  definitions: strictIndex.definitions,
};
