// The go-yaml v2 oracle from Node: builds tools/oracle/main.go on demand (Debian's Go packages,
// see build.sh) and decodes many texts per process, each as `oc apply -f` would (see main.go).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goProgram } from '../go-program.mjs';

const oracle = goProgram({ directory: dirname(fileURLToPath(import.meta.url)), name: 'oracle', sources: ['main.go'], label: 'the go-yaml oracle' });

/**
 * Builds the oracle when it is missing or older than its source. Returns `{ available: true }`
 * or `{ available: false, reason }` (e.g. `go` or the Debian packages are not installed).
 */
export function oracleAvailability() {
  return oracle.availability();
}

/** Decodes each text (a string is sent as UTF-8; bytes as they are) as `oc apply -f` would. */
export function decodeWithOracle(texts) {
  return oracleLines(texts).map(parseOracleLine);
}

/** The same, each answer as the oracle's JSON text: numbers exactly as encoding/json writes what oc sends. */
export function oracleLines(texts) {
  return oracle.lines(texts);
}

const exactIntegerKey = '__oracle_exact_integer__';

/**
 * JSON.parse, but an integer beyond Number's exact range becomes a BigInt, as `decode` gives it
 * (oc sends int64 values exactly): such integers are wrapped before parsing and unwrapped after.
 */
export function parseOracleLine(line) {
  const wrapped = line.replace(/"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g, (token) =>
    token.startsWith('"') ? token : `{"${exactIntegerKey}":"${token}"}`,
  );
  return JSON.parse(wrapped, (_key, value) => {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, exactIntegerKey)) return value;
    const number = Number(value[exactIntegerKey]);
    return Number.isSafeInteger(number) ? number : BigInt(value[exactIntegerKey]);
  });
}
