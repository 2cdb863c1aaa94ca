import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  containsOciDigest,
  isReferencePathComponent,
  isRepositoryNameComponent,
  isRfc6838MediaType,
  parseImageReference,
  REFERENCE_ERRORS,
} from '../src/reference/index.js';

const SHA = '3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25';

function parsed(spec: string) {
  const result = parseImageReference(spec);
  if (!result.ok) throw new Error(`${spec}: ${result.error} (${result.reason})`);
  return result.reference;
}

function failure(spec: string) {
  const result = parseImageReference(spec);
  if (result.ok) throw new Error(`${spec} parsed but should not`);
  return result;
}

describe('parseImageReference: what library-go reference.Parse accepts, split the same way', () => {
  // The cases of openshift/library-go pkg/image/reference/reference_test.go, plus the edges of each grammar part.
  const accepted: [string, Partial<Record<'registry' | 'namespace' | 'name' | 'tag' | 'id', string>>][] = [
    ['foo', { name: 'foo' }],
    ['foo:tag', { name: 'foo', tag: 'tag' }],
    [`sha256:${SHA}`, { name: 'sha256', tag: SHA }],
    [`foo@sha256:${SHA}`, { name: 'foo', id: `sha256:${SHA}` }],
    ['bar/foo', { namespace: 'bar', name: 'foo' }],
    ['bar/foo:tag', { namespace: 'bar', name: 'foo', tag: 'tag' }],
    ['bar/foo/baz', { namespace: 'bar', name: 'foo/baz' }],
    ['bar/foo/baz/biz', { namespace: 'bar', name: 'foo/baz/biz' }],
    ['bar:5000/foo/baz', { registry: 'bar:5000', namespace: 'foo', name: 'baz' }],
    ['bar:5000/baz', { registry: 'bar:5000', name: 'baz' }],
    [`bar:5000/foo/baz:tag@sha256:${SHA}`, { registry: 'bar:5000', namespace: 'foo', name: 'baz', tag: 'tag', id: `sha256:${SHA}` }],
    ['myregistry.io/foo', { registry: 'myregistry.io', name: 'foo' }],
    ['localhost/bar', { registry: 'localhost', name: 'bar' }],
    ['docker.io/library/myapp', { registry: 'docker.io', namespace: 'library', name: 'myapp' }],
    ['docker.io/user/project/myapp', { registry: 'docker.io', namespace: 'user', name: 'project/myapp' }],
    // Registry only: no '/', and a '.' or a "localhost" prefix. The whole string becomes the registry.
    ['quay.io', { registry: 'quay.io' }],
    ['localhost:5000', { registry: 'localhost:5000' }],
    ['registry.example.com:5000', { registry: 'registry.example.com:5000' }],
    ['localhost:5000/org', { registry: 'localhost:5000', name: 'org' }],
    // Host names may use uppercase; path components may not.
    ['Registry.Example.COM/team/app', { registry: 'Registry.Example.COM', namespace: 'team', name: 'app' }],
    // Separators of the reference grammar: '.', '_', '__' and any number of dashes.
    ['a__b/c---d/e.f_g', { namespace: 'a__b', name: 'c---d/e.f_g' }],
    // Tags: word characters first, then '.', '-' too; up to 128 characters; any case.
    ['app:V1.0_rc-1', { name: 'app', tag: 'V1.0_rc-1' }],
    [`app:_${'x'.repeat(127)}`, { name: 'app', tag: `_${'x'.repeat(127)}` }],
    // registry + path of exactly 255 characters
    [`bar:5000/${'a'.repeat(63)}/${'b'.repeat(182)}:tag`, { registry: 'bar:5000', namespace: 'a'.repeat(63), name: 'b'.repeat(182), tag: 'tag' }],
    [`app@sha512:${'a'.repeat(128)}`, { name: 'app', id: `sha512:${'a'.repeat(128)}` }],
    [`app@sha384:${'0'.repeat(96)}`, { name: 'app', id: `sha384:${'0'.repeat(96)}` }],
  ];
  it('accepts digest hex digits in either case, as library-go pkg/image/internal/digest Digest.Validate does', () => {
    expect(parsed(`app@sha256:${SHA.toUpperCase()}`)).toMatchObject({ name: 'app', id: `sha256:${SHA.toUpperCase()}` });
  });
  it.each(accepted)('%s', (spec, expected) => {
    expect(parsed(spec)).toEqual({ registry: '', namespace: '', name: '', tag: '', id: '', ...expected });
  });

  const rejected: [string, string][] = [
    ['', REFERENCE_ERRORS.nameEmpty],
    ['registry:3000/integration/imageStream:success', REFERENCE_ERRORS.uppercase],
    ['Nginx', REFERENCE_ERRORS.uppercase],
    ['registry.io/foo/bar/:Tag', REFERENCE_ERRORS.invalidFormat],
    ['https://bar:5000/foo/baz', REFERENCE_ERRORS.invalidFormat],
    [`http://bar:5000/foo/baz@sha256:${SHA}`, REFERENCE_ERRORS.invalidFormat],
    ['registry:5000/integration/test-image-stream@sha256:00000000000000000000000000000001', REFERENCE_ERRORS.digestLength],
    ['abc@badid', REFERENCE_ERRORS.invalidFormat],
    ['index.docker.io/mysql@sha256:bad', REFERENCE_ERRORS.invalidFormat],
    [`@sha256:${SHA}`, REFERENCE_ERRORS.invalidFormat],
    [':tag', REFERENCE_ERRORS.invalidFormat],
    ['bar/foo/baz////biz', REFERENCE_ERRORS.invalidFormat],
    ['//foo/baz/biz', REFERENCE_ERRORS.invalidFormat],
    ['ftp://baz/baz/biz', REFERENCE_ERRORS.invalidFormat],
    [`bar:5000/${'a'.repeat(63)}/${'b'.repeat(183)}:tag`, REFERENCE_ERRORS.nameTooLong],
    [`docker.io/${'b'.repeat(246)}:tag`, REFERENCE_ERRORS.nameTooLong],
    ['app:', REFERENCE_ERRORS.invalidFormat],
    ['app:.hidden', REFERENCE_ERRORS.invalidFormat],
    [`app:${'x'.repeat(129)}`, REFERENCE_ERRORS.invalidFormat],
    ['app/', REFERENCE_ERRORS.invalidFormat],
    ['a..b', REFERENCE_ERRORS.invalidFormat],
    ['a___b', REFERENCE_ERRORS.invalidFormat],
    ['a-', REFERENCE_ERRORS.invalidFormat],
    ['-a', REFERENCE_ERRORS.invalidFormat],
    ['my_registry:5000/app', REFERENCE_ERRORS.invalidFormat],
    ['host:port/app', REFERENCE_ERRORS.invalidFormat],
    ['[::1]:5000/app', REFERENCE_ERRORS.invalidFormat],
    [' nginx', REFERENCE_ERRORS.invalidFormat],
    ['nginx@sha256:abc@sha256:def', REFERENCE_ERRORS.invalidFormat],
    [`app@md5:${'a'.repeat(32)}`, REFERENCE_ERRORS.digestUnsupported],
    [`app@SHA256:${SHA}`, REFERENCE_ERRORS.digestUnsupported],
    [`app@sha256:${SHA}0`, REFERENCE_ERRORS.digestLength],
  ];
  it.each(rejected)('%j is rejected with the parser message', (spec, error) => {
    expect(failure(spec).error).toBe(error);
  });

  it('explains the problem and suggests a fix that parses', () => {
    expect(failure('Quay.io/MyOrg/App:V1')).toMatchObject({ suggestion: 'quay.io/myorg/app:V1' });
    expect(failure('https://quay.io/org/app:1')).toMatchObject({ reason: expect.stringContaining('https://'), suggestion: 'quay.io/org/app:1' });
    expect(failure('quay.io/org/app:1 ')).toMatchObject({ reason: 'it contains whitespace', suggestion: 'quay.io/org/app:1' });
    expect(failure('quay.io/org/app/')).toMatchObject({ suggestion: 'quay.io/org/app' });
    expect(failure('quay.io/org/app:')).toMatchObject({ suggestion: 'quay.io/org/app' });
    expect(failure(`app@SHA256:${SHA}`)).toMatchObject({ suggestion: `app@sha256:${SHA}` });
    expect(failure('quay.io/org/My_App').reason).toContain('lowercase');
    expect(failure('quay.io/org/app:v1@sha256:abc').reason).toContain('digest "sha256:abc"');
    expect(failure('my_registry:5000/app').reason).toContain('registry "my_registry:5000"');
    expect(failure('quay.io/org/app+x').reason).toContain('path component "app+x"');
    expect(failure('app:.x').reason).toContain('tag ".x"');
    expect(failure(`app:${'x'.repeat(129)}`).reason).toContain('129 characters');
  });

  it('stays linear on hostile input of 100,000 characters', () => {
    const hostile = [
      'a'.repeat(100_000),
      `${'a-'.repeat(50_000)}!`,
      `${'a/'.repeat(50_000)}`,
      `${'a:'.repeat(50_000)}`,
      `${'@'.repeat(100_000)}`,
      `a@${'a'.repeat(99_990)}:`,
      `${'A'.repeat(99_999)}!`,
      `${'a.'.repeat(50_000)}/b`,
    ];
    const started = performance.now();
    for (const spec of hostile) parseImageReference(spec);
    // A generous bound: a quadratic scan of these inputs would take minutes.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

// The grammar as regular expressions, written from library-go's regexp.go — an oracle for the
// hand-written scanner on short random inputs. The separator `[-]*` is written `-+` (the same
// language): an empty separator makes a backtracking engine exponential, which RE2 is not.
const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const hostComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const hostname = `${hostComponent}(?:\\.${hostComponent})*(?::[0-9]+)?`;
const nameRegex = `(?:${hostname}/)?${component}(?:/${component})*`;
const digestRegex = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const referenceOracle = new RegExp(`^(${nameRegex})(?::([\\w][\\w.-]{0,127}))?(?:@(${digestRegex}))?$`);

describe('the scanner matches the grammar regex (differential, fast-check)', () => {
  const alphabet = fc.constantFrom(...'ab09AZ._-_/:@'.split(''), 'sha256:', 'localhost', 'x.io', ':5000/', '0123456789abcdef'.repeat(2));
  const specs = fc.array(alphabet, { maxLength: 14 }).map((pieces) => pieces.join(''));

  it('accepts exactly what ReferenceRegexp accepts (modulo the post-match checks)', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const result = parseImageReference(spec);
        const matches = referenceOracle.exec(spec);
        if (matches === null) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect([REFERENCE_ERRORS.invalidFormat, REFERENCE_ERRORS.uppercase, REFERENCE_ERRORS.nameEmpty]).toContain(result.error);
        } else if (result.ok) {
          expect(result.reference.id).toBe(matches[3] ?? '');
        } else {
          // Only the checks made after a regex match may reject a matching string.
          expect([REFERENCE_ERRORS.nameTooLong, REFERENCE_ERRORS.digestLength, REFERENCE_ERRORS.digestUnsupported]).toContain(result.error);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('component scanners agree with their regexes', () => {
    const componentOracle = new RegExp(`^${component}$`);
    const streamOracle = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'a0Z._-/'.split('')), { maxLength: 10 }).map((p) => p.join('')), (text) => {
        expect(isReferencePathComponent(text)).toBe(componentOracle.test(text));
        expect(isRepositoryNameComponent(text)).toBe(streamOracle.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('manifest digest and media type (the server regexes)', () => {
  it('containsOciDigest is the unanchored digest regex', () => {
    expect(containsOciDigest(`sha256:${SHA}`)).toBe(true);
    expect(containsOciDigest(`sha256+b64u.x:${'a'.repeat(32)}`)).toBe(true);
    expect(containsOciDigest(`junk ${'0'.repeat(3)}sha256:${'F'.repeat(32)} junk`)).toBe(true);
    expect(containsOciDigest('sha256:abc')).toBe(false);
    expect(containsOciDigest(`256:${SHA}`)).toBe(false);
    expect(containsOciDigest(SHA)).toBe(false);
    expect(containsOciDigest('')).toBe(false);
    const oracle = new RegExp(digestRegex);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '1', 'Z', ':', '-', '.', ' ', 'f'.repeat(16)), { maxLength: 12 }).map((p) => p.join('')), (text) => {
        expect(containsOciDigest(text)).toBe(oracle.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('isRfc6838MediaType is the anchored media type regex', () => {
    expect(isRfc6838MediaType('application/vnd.oci.image.manifest.v1+json')).toBe(true);
    expect(isRfc6838MediaType('  application/json  ')).toBe(true);
    expect(isRfc6838MediaType('application')).toBe(false);
    expect(isRfc6838MediaType('application/')).toBe(false);
    expect(isRfc6838MediaType('vnd.x/json')).toBe(false);
    expect(isRfc6838MediaType(`${'a'.repeat(127)}/json`)).toBe(true);
    expect(isRfc6838MediaType(`${'a'.repeat(128)}/json`)).toBe(false);
    const oracle = /^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})\/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *$/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '0', '/', '.', '+', ' ', '-', '#', 'x'.repeat(60)), { maxLength: 10 }).map((p) => p.join('')), (text) => {
        expect(isRfc6838MediaType(text)).toBe(oracle.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});
