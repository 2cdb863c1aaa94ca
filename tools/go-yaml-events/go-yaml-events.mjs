// go-yaml v2's own tokens and events from Node: builds the Go program on demand (build.sh) and
// reads many texts per process, for the differential tests of the port in src/yaml/go.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goProgram } from '../go-program.mjs';

const program = goProgram({ directory: dirname(fileURLToPath(import.meta.url)), name: 'go-yaml-events', sources: ['main.go', 'export.go.in'], label: 'go-yaml-events' });

/** Builds the program when it is missing or older than its source: `{ available }` or `{ available: false, reason }`. */
export function goYamlAvailability() {
  return program.availability();
}

/** Per text, go-yaml's tokens (yaml_parser_scan), the last one `{ error }` if it fails. */
export function goYamlTokens(texts) {
  return program.lines(texts, 't').map((line) => JSON.parse(line));
}

/** Per text, go-yaml's events (yaml_parser_parse), the last one `{ error }` if it fails. */
export function goYamlEvents(texts) {
  return program.lines(texts, 'e').map((line) => JSON.parse(line));
}
