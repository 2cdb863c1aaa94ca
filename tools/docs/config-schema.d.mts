/** Types of config-schema.mjs, for the CLI's tests. */
export const schemaPath: string;
export const validatorPath: string;
export const schemaId: string;
/** Every generated file and the text it must hold. */
export function generate(): Promise<[file: string, text: string][]>;
