import { readFile } from 'node:fs/promises';
import { imageKinds } from '@ocp-image/schemas';
import { resolveKind } from '../kinds.js';
import { writeStdout } from '../output.js';

/** `ocp-image schema <Kind> [--strict]`: the generated JSON Schema of one kind. */
export async function runSchema(kindArgument: string, options: { strict?: boolean }): Promise<number> {
  const kind = resolveKind(kindArgument, imageKinds);
  const specifier = `@ocp-image/schemas/schemas/${options.strict ? 'strict/' : ''}${kind}.json`;
  await writeStdout(await readFile(new URL(import.meta.resolve(specifier)), 'utf8'));
  return 0;
}
