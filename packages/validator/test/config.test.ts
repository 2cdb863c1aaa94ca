import { describe, expect, it } from 'vitest';
import { effectiveSeverity, interpolate } from '../src/config.js';
import { DEFAULT_LIMITS, resolveLimits } from '../src/limits.js';
import { validate } from '../src/validate.js';
import { schemaType, unknownField } from '../src/rules/pipeline.js';

describe('effectiveSeverity', () => {
  const other = schemaType;

  it('uses the default, or the configured setting', () => {
    expect(effectiveSeverity(other, {})).toBe('error');
    expect(effectiveSeverity(other, { rules: { 'schema-type': 'warn' } })).toBe('warning');
    expect(effectiveSeverity(other, { rules: { 'schema-type': 'off' } })).toBeUndefined();
    expect(effectiveSeverity(unknownField, { rules: { 'unknown-field': 'error' } })).toBe('error');
  });

  it('makes the rules flagged errorWhenStrict (unknown fields) errors in strict mode unless configured explicitly', () => {
    expect(effectiveSeverity(unknownField, { strict: true })).toBe('error');
    expect(effectiveSeverity(other, { strict: true })).toBe('error');
    expect(effectiveSeverity(unknownField, { strict: true, rules: { 'unknown-field': 'off' } })).toBeUndefined();
    expect(effectiveSeverity({ ...unknownField, flags: {} }, { strict: true })).toBe('warning');
  });
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(interpolate('{{a}} and {{ b }} but {{c}}', { a: 1, b: 'two' })).toBe('1 and two but {{c}}');
  });
});

describe('resolveLimits', () => {
  it('keeps defaults for missing or invalid overrides', () => {
    expect(resolveLimits(undefined)).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ maxDepth: 5, maxBytes: -1 })).toEqual({ ...DEFAULT_LIMITS, maxDepth: 5 });
  });
});

describe('config through validate', () => {
  const text = 'apiVersion: v1\nkind: ImageStream\nmetadata:\n  name: ruby\nspec:\n  lookupPolicy: {locale: true}\n';

  it('applies rule settings and strict mode to the findings', () => {
    const severities = (config: object) => validate(text, { config }).findings.map((finding) => `${finding.ruleId}:${finding.severity}`);
    expect(severities({})).toEqual(['api-version-mapping:error', 'unknown-field:warning']);
    expect(severities({ strict: true })).toEqual(['api-version-mapping:error', 'unknown-field:error']);
    expect(severities({ rules: { 'api-version-mapping': 'warn', 'unknown-field': 'error' } })).toEqual(['api-version-mapping:warning', 'unknown-field:error']);
    expect(severities({ rules: { 'api-version-mapping': 'off' } })).toEqual(['unknown-field:warning']);
  });

  it('passes limits through', () => {
    expect(validate(text, { config: { limits: { maxBytes: 10 } } }).findings).toMatchObject([
      { ruleId: 'input-too-large', line: 1, column: 1, endLine: 1, endColumn: 2, message: expect.stringContaining('more than the limit of 10') },
    ]);
  });
});
