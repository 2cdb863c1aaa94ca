import type { GoEvent } from '../../packages/validator/src/yaml/go/events.js';
import type { GoToken } from '../../packages/validator/src/yaml/go/tokens.js';

/** A mark as go-yaml reports it (no offset: go-yaml counts characters of its UTF-8 input). */
export interface GoYamlMark {
  line: number;
  column: number;
}

/** go-yaml's failure: reader errors have no marks. */
export interface GoYamlFailure {
  error: { stage: 'reader' | 'scanner' | 'parser'; problem: string; problemMark?: GoYamlMark; context?: string; contextMark?: GoYamlMark };
}

type WithoutOffsets<T> = Omit<T, 'start' | 'end'> & { start: GoYamlMark; end: GoYamlMark };

export type GoYamlAvailability = { available: true } | { available: false; reason: string };

export function goYamlAvailability(): GoYamlAvailability;

/** Per text, go-yaml's tokens (yaml_parser_scan), the last one a failure if it fails. */
export function goYamlTokens(texts: readonly string[]): (WithoutOffsets<GoToken> | GoYamlFailure)[][];

/** Per text, go-yaml's events (yaml_parser_parse), the last one a failure if it fails. */
export function goYamlEvents(texts: readonly string[]): (WithoutOffsets<GoEvent> | GoYamlFailure)[][];
