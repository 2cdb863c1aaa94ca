export { runGenerateCommand, compareWithDisk, type FileDifference } from './cli.js';
export { generate, buildModel, loadSources, primarySource, type GenerationResult, type LoadedSource } from './generate.js';
export { readDocument, readers } from './readers/index.js';
export type * from './readers/types.js';
export type * from './model.js';
export { MergeReport } from './report.js';
