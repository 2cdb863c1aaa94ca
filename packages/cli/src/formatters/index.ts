import type { FileResult } from '../results.js';

export interface FormatContext {
  /** The working directory: SARIF's base for relative artifact URIs. */
  cwd: string;
  /** Whether to use ANSI colours (stylish only). */
  color: boolean;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

// Loaded on demand so a run pays only for the formatter it uses.
const loaders = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  junit: () => import('./junit.js'),
  github: () => import('./github.js'),
  compact: () => import('./compact.js'),
} satisfies Record<string, () => Promise<{ format: Formatter }>>;

export type FormatName = keyof typeof loaders;
export const formatNames = Object.keys(loaders) as FormatName[];

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  return (await loaders[name]()).format;
}
