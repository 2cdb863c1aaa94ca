/**
 * One document as `ocp-image decode --format json` prints it: the JSON value oc sends (integers
 * beyond Number's exact range as BigInt), or oc's error.
 */
export type OracleDocument =
  | { index: number; value: unknown }
  | { index: number; error: { message: string; line: number; column: number } };

export type OracleAvailability = { available: true } | { available: false; reason: string };

export function oracleAvailability(): OracleAvailability;

/** Per text, its documents (empty ones left out; the list ends at the first error, where oc stops). */
export function decodeWithOracle(texts: readonly (string | Uint8Array)[]): OracleDocument[][];

/** Per text, the oracle's answer as JSON text (numbers exactly as encoding/json writes what oc sends). */
export function oracleLines(texts: readonly (string | Uint8Array)[]): string[];

/** One answer of `oracleLines` as `decodeWithOracle` gives it. */
export function parseOracleLine(line: string): OracleDocument[];
