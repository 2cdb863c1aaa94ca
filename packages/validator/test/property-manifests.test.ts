/**
 * Property tests over generated manifests of every kind (see arbitraries/): valid ones must draw
 * no error in any way of writing them and keep their findings through a YAML round trip; mutated
 * and hostile ones must never break the invariants (no internal error, positions inside the text,
 * known rule ids, one-line messages) and give the same result every time.
 *
 * `npm test` runs a fixed-seed sample; `npm run fuzz` runs the same properties with ≥ 100,000
 * cases and a printed seed (tools/fuzz/run.mjs).
 */
import fc from 'fast-check';
import { imageKinds } from '@ocp-image/schemas';
import { describe, expect, it } from 'vitest';
import { rules, validate } from '../src/index.js';
import type { Finding, ValidationResult } from '../src/types.js';
import { invariantViolations } from './arbitraries/invariants.js';
import { API_VERSION, creatableManifest, manifestsByKind, readOnlyManifest, validManifest } from './arbitraries/manifests.js';
import { mutate, mutations } from './arbitraries/mutate.js';
import { choices, hostileText, render, renderFile, rendering, textEdits } from './arbitraries/render.js';
import { runs, timeoutFor } from './arbitraries/settings.js';

const ruleIds = new Set(rules.map((rule) => rule.id));

function assertInvariants(text: string, result: ValidationResult): void {
  const violations = invariantViolations(text, result.findings, ruleIds);
  if (violations.length > 0) throw new Error(`${violations.slice(0, 5).join('\n')}\nin ${JSON.stringify(text.slice(0, 2000))}`);
}

/** Same input, same result — compared as JSON, the form every front end passes on. */
function assertDeterministic(text: string, first: ValidationResult): void {
  const again = validate(text);
  if (JSON.stringify(again) !== JSON.stringify(first)) throw new Error(`two runs differ on ${JSON.stringify(text.slice(0, 2000))}`);
}

const errorsOf = (findings: readonly Finding[]) => findings.filter((finding) => finding.severity === 'error');
const summary = (findings: readonly Finding[]) => findings.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.path}`).sort();

describe('generated valid manifests', () => {
  it('cover every kind of @ocp-image/schemas', () => {
    expect(Object.keys(manifestsByKind).sort()).toEqual([...imageKinds].sort());
  });

  it(
    'draw no error in any rendering, decode to the value written, and keep their findings through a YAML round trip',
    () => {
      fc.assert(
        fc.property(creatableManifest, rendering, choices, (manifest, renderingName, pick) => {
          const text = render(manifest, renderingName, pick);
          const result = validate(text);
          assertInvariants(text, result);
          expect(errorsOf(result.findings), text).toEqual([]);
          expect(result.objects).toHaveLength(1);
          const object = result.objects[0];
          // The reader gives back exactly what was written, whatever the style, aliases or merge keys.
          expect(object?.value, text).toEqual(manifest);
          // Round trip: the decoded value written out again is still valid, with the same findings.
          const again = render(object?.value, 'block', pick);
          const roundTrip = validate(again);
          assertInvariants(again, roundTrip);
          expect(summary(roundTrip.findings), again).toEqual(summary(result.findings));
        }),
        runs(300, 0.3),
      );
    },
    timeoutFor(300, 0.3),
  );

  it(
    'several in one file — documents, a List or a Template — are each found and valid',
    () => {
      fc.assert(
        fc.property(
          fc.array(creatableManifest, { minLength: 1, maxLength: 4 }),
          fc.constantFrom('documents' as const, 'list' as const, 'template' as const),
          rendering,
          choices,
          (manifests, layout, renderingName, pick) => {
            const text = renderFile(manifests, layout, renderingName, pick);
            const result = validate(text);
            assertInvariants(text, result);
            expect(errorsOf(result.findings), text).toEqual([]);
            expect(result.objects.map((object) => object.kind)).toEqual(manifests.map((manifest) => manifest.kind));
            expect(result.objects.every((object) => object.inTemplate === (layout === 'template'))).toBe(true);
          },
        ),
        runs(100, 0.05),
      );
    },
    timeoutFor(100, 0.05),
  );

  it('legacy apiVersion v1 gets only api-version-mapping, or in a Template only its warning (an error for ImageTag, which processing does not rewrite)', () => {
    fc.assert(
      fc.property(creatableManifest, fc.boolean(), choices, (manifest, inTemplate, pick) => {
        const legacy = { ...manifest, apiVersion: 'v1' };
        const text = inTemplate ? renderFile([legacy], 'template', 'block', pick) : render(legacy, 'block', pick);
        const result = validate(text);
        assertInvariants(text, result);
        const path = inTemplate ? 'objects[0].apiVersion' : 'apiVersion';
        const expected = inTemplate && manifest.kind !== 'ImageTag' ? 'warning legacy-api-version' : 'error api-version-mapping';
        expect(summary(result.findings)).toEqual([`${expected} ${path}`]);
      }),
      runs(50, 0.02),
    );
  }, timeoutFor(50, 0.02));

  it('kinds only read from the API get kind-not-creatable at their kind and no other error', () => {
    fc.assert(
      fc.property(readOnlyManifest, choices, (manifest, pick) => {
        const text = render(manifest, 'block', pick);
        const result = validate(text);
        assertInvariants(text, result);
        expect(errorsOf(result.findings).map((finding) => `${finding.ruleId} ${finding.path}`)).toEqual(['kind-not-creatable kind']);
      }),
      runs(30, 0.02),
    );
  }, timeoutFor(30, 0.02));
});

describe('mutated manifests', () => {
  it(
    'keep every invariant and give the same result twice',
    () => {
      fc.assert(
        fc.property(validManifest, mutations, rendering, choices, (manifest, changes, renderingName, pick) => {
          const text = render(mutate(manifest, changes), renderingName, pick);
          const result = validate(text);
          assertInvariants(text, result);
          assertDeterministic(text, result);
        }),
        runs(200, 0.25),
      );
    },
    timeoutFor(200, 0.25),
  );
});

describe('hostile text', () => {
  it(
    'truncated, spliced, re-indented, re-tagged, aliased, deepened or multiplied files keep every invariant',
    () => {
      fc.assert(
        fc.property(validManifest, fc.option(mutations, { nil: undefined }), textEdits, choices, (manifest, changes, edits, pick) => {
          const base = render(changes ? mutate(manifest, changes) : manifest, 'block', pick);
          const text = hostileText(base, edits, pick);
          const result = validate(text);
          assertInvariants(text, result);
          assertDeterministic(text, result);
        }),
        runs(200, 0.28),
      );
    },
    timeoutFor(200, 0.28),
  );

  it(
    'random strings and random bytes keep every invariant',
    () => {
      const bytesAsText = fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder('utf-8', { fatal: false }).decode(bytes));
      const yamlish = fc
        .array(fc.constantFrom('a', ':', ' ', '-', '\n', '  ', '[', ']', '{', '}', ',', '&x', '*x', '!!str', '!!binary', '<<', '#', '"', "'", '|', '>', '?', '---', '...', '%YAML 1.1', 'kind', 'ImageStream', 'apiVersion', 'image.openshift.io/v1', '\t', '\r'), { maxLength: 80 })
        .map((parts) => parts.join(''));
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), bytesAsText, yamlish), (text) => {
          const result = validate(text);
          assertInvariants(text, result);
          assertDeterministic(text, result);
        }),
        runs(500, 0.1),
      );
    },
    timeoutFor(500, 0.1),
  );

  it('prefixes of a valid manifest (every truncation point) keep every invariant', () => {
    fc.assert(
      fc.property(validManifest, choices, (manifest, pick) => {
        const text = render({ ...manifest, apiVersion: API_VERSION }, 'block', pick);
        for (let end = 0; end <= text.length; end += Math.max(1, Math.floor(text.length / 40))) {
          const prefix = text.slice(0, end);
          assertInvariants(prefix, validate(prefix));
        }
      }),
      runs(20, 0.002),
    );
  }, timeoutFor(20, 0.002, 1_000));
});
