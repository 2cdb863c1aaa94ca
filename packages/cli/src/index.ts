export { main } from './main.js';
export type { FileResult, ObjectSummary } from './results.js';
