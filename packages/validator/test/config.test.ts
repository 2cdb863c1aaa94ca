import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { effectiveSeverity, interpolate } from '../src/config.js';
import { DEFAULT_LIMITS, isValidLimit, LIMIT_DEFINITIONS, limitsSchema, resolveLimits, type LimitName } from '../src/limits.js';
import { validate } from '../src/validate.js';

describe('effectiveSeverity', () => {
  const docsWarning = { id: 'deprecated-docker-image-repository', category: 'docs', severity: 'warning' } as const;
  const lintWarning = { id: 'status-ignored', category: 'lint', severity: 'warning' } as const;
  const other = { id: 'schema-type', category: 'schema', severity: 'error' } as const;

  it('uses the default, or the configured setting', () => {
    expect(effectiveSeverity(other, {})).toBe('error');
    expect(effectiveSeverity(other, { rules: { 'schema-type': 'warn' } })).toBe('warning');
    expect(effectiveSeverity(other, { rules: { 'schema-type': 'off' } })).toBeUndefined();
    expect(effectiveSeverity(docsWarning, {})).toBe('warning');
    expect(effectiveSeverity(docsWarning, { rules: { 'deprecated-docker-image-repository': 'error' } })).toBe('error');
  });

  it('makes every rule outside the lint category an error in strict mode unless the rule is configured explicitly', () => {
    expect(effectiveSeverity(docsWarning, { strict: true })).toBe('error');
    expect(effectiveSeverity(other, { strict: true })).toBe('error');
    expect(effectiveSeverity(lintWarning, { strict: true })).toBe('warning');
    expect(effectiveSeverity(docsWarning, { strict: true, rules: { 'deprecated-docker-image-repository': 'off' } })).toBeUndefined();
    expect(effectiveSeverity(docsWarning, { strict: true, rules: { 'deprecated-docker-image-repository': 'warn' } })).toBe('warning');
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

  it('accepts exactly what limitsSchema accepts (the schema of the config file and the ESLint option)', () => {
    const validateLimits = new Ajv({ strict: true }).compile(limitsSchema);
    for (const name of Object.keys(LIMIT_DEFINITIONS) as LimitName[]) {
      const { minimum, default: value } = LIMIT_DEFINITIONS[name];
      for (const candidate of [minimum - 1, minimum, minimum + 0.5, value, 2 ** 53, Infinity, Number.NaN, -1, '5', null, true]) {
        const valid = validateLimits({ [name]: candidate });
        expect(isValidLimit(name, candidate), `${name}: ${String(candidate)}`).toBe(valid);
        expect(resolveLimits({ [name]: candidate as number })[name], `${name}: ${String(candidate)}`).toBe(valid ? candidate : value);
      }
    }
  });

  it('0 is a limit only for aliases: no manifest has no byte, document, level or node', () => {
    const zeroAllowed = (Object.keys(LIMIT_DEFINITIONS) as LimitName[]).filter((name) => isValidLimit(name, 0));
    expect(zeroAllowed).toEqual(['maxAliasCount']);
    const manifest = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ruby\n  labels: &l {a: b}\n  annotations: *l\n';
    expect(validate(manifest, { config: { limits: { maxAliasCount: 0 } } }).findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['input-too-large/aliases']);
    expect(validate(manifest.replace('&l ', '').replace('*l', '{a: b}'), { config: { limits: { maxAliasCount: 0 } } }).findings).toEqual([]);
  });
});

describe('config through validate', () => {
  const text = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ruby\nspec:\n  lookupPolicy: {locale: true}\n';
  const deprecated = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ruby\nspec:\n  dockerImageRepository: quay.io/org/ruby\n';

  it('applies rule settings and strict mode to the findings', () => {
    const severities = (config: object, input = text) =>
      validate(input, { config }).findings.map((finding) => `${finding.ruleId}:${finding.severity}`);
    expect(severities({})).toEqual(['unknown-field:error']);
    expect(severities({ rules: { 'unknown-field': 'warn' } })).toEqual(['unknown-field:warning']);
    // Strict: every rule outside the lint category is an error.
    expect(severities({}, deprecated)).toEqual(['deprecated-docker-image-repository:warning']);
    expect(severities({ strict: true }, deprecated)).toEqual(['deprecated-docker-image-repository:error']);
    expect(severities({ strict: true, rules: { 'deprecated-docker-image-repository': 'warn' } }, deprecated)).toEqual(['deprecated-docker-image-repository:warning']);
  });

  it('passes limits through', () => {
    expect(validate(text, { config: { limits: { maxBytes: 10 } } }).findings).toMatchObject([
      { ruleId: 'input-too-large', line: 1, column: 1, endLine: 1, endColumn: 2, message: expect.stringContaining('more than the limit of 10') },
    ]);
  });
});
