/**
 * Property: generated valid manifests (any rendering, alone or in a List or Template) with fixable
 * mistakes injected into their text — a YAML 1.1 lookalike left unquoted, a boolean or integer
 * quoted, the legacy `apiVersion: v1`, an enum value in lower case — are repaired by fixText: none
 * of the mistakes is reported any more, and the fixed text decodes (as go-yaml v2 would, through
 * the validator's reader) to the very objects that were generated.
 */
import fc from 'fast-check';
import { isScalar, parseDocument, visit, type Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/fix-text.js';
import { validate } from '../src/validate.js';
import type { PathSegment } from '../src/types.js';
import { resolvePlainScalar } from '../src/yaml/scalar.js';
import { validManifest } from './arbitraries/manifests.js';
import { choices, render, renderFile, rendering, type Choices } from './arbitraries/render.js';
import { runs, timeoutFor } from './arbitraries/settings.js';

interface Injection {
  path: string;
  start: number;
  end: number;
  text: string;
}

const ENUM_FIELDS = new Set(['from.kind', 'referencePolicy.type', 'importPolicy.importMode']);
/** An Image's dockerImageMetadata is a RawExtension: the server takes any JSON there, so nothing in it is a mistake. */
const FREE_FORM = 'dockerImageMetadata';

/** The server checks referencePolicy.type on tags only, not on ImageStreamImport's images and repository. */
function isCheckedEnum(field: string, path: readonly PathSegment[]): boolean {
  if (!ENUM_FIELDS.has(field)) return false;
  return field !== 'referencePolicy.type' || !(path.includes('images') || path.includes('repository'));
}

/** Where a fixable mistake can be written into the text, and the mistaken text. */
function injections(text: string): Injection[] {
  const found: Injection[] = [];
  const document = parseDocument(text, { version: '1.1' });
  visit(document, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || !node.range || node.anchor || node.tag) return;
      const path = pathOf(ancestors);
      if (path.includes(FREE_FORM)) return;
      const [start, end] = node.range;
      const written = text.slice(start, end);
      if (/[\r\n]/.test(written)) return;
      const value: unknown = node.value;
      const field = path.slice(-2).join('.');
      if (typeof value === 'string' && isQuoted(node) && ['int', 'float', 'bool'].includes(resolvePlainScalar(value).type) && /^[\w.+-]+$/.test(value)) {
        found.push({ path: path.join('.'), start, end, text: value });
      } else if (node.type === 'PLAIN' && (typeof value === 'boolean' || (typeof value === 'number' && Number.isInteger(value))) && /^(true|false|-?\d+)$/.test(written)) {
        found.push({ path: path.join('.'), start, end, text: `"${written}"` });
      } else if (value === 'image.openshift.io/v1' && path.at(-1) === 'apiVersion') {
        found.push({ path: path.join('.'), start, end, text: written.replace('image.openshift.io/v1', 'v1') });
      } else if (typeof value === 'string' && isCheckedEnum(field, path) && value !== value.toLowerCase()) {
        found.push({ path: path.join('.'), start, end, text: written.replace(value, value.toLowerCase()) });
      }
    },
  });
  return found;
}

function isQuoted(node: Scalar): boolean {
  return node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
}

function pathOf(ancestors: readonly unknown[]): PathSegment[] {
  const path: PathSegment[] = [];
  ancestors.forEach((ancestor, index) => {
    const child = ancestors[index + 1];
    if (ancestor && typeof ancestor === 'object' && 'key' in ancestor && 'value' in ancestor) {
      const keyNode = (ancestor as { key: unknown }).key;
      path.push(isScalar(keyNode) ? String(keyNode.value) : String(keyNode));
    } else if (ancestor && typeof ancestor === 'object' && 'items' in ancestor && child !== undefined) {
      const items = (ancestor as { items: unknown[] }).items;
      const index = items.indexOf(child);
      if (index >= 0 && !(child && typeof child === 'object' && 'key' in child)) path.push(index);
    }
  });
  return path;
}

/** Some of the possible mistakes, applied from the end so earlier offsets stay right. */
function inject(text: string, pick: Choices): { text: string; injected: Injection[] } {
  const chosen = injections(text).filter(() => pick.chance(40));
  let mistaken = text;
  for (const injection of [...chosen].sort((a, b) => b.start - a.start)) {
    mistaken = mistaken.slice(0, injection.start) + injection.text + mistaken.slice(injection.end);
  }
  return { text: mistaken, injected: chosen };
}

const layout = fc.constantFrom('single' as const, 'list' as const, 'template' as const);

describe('fixing injected mistakes', () => {
  it(
    'leaves none of them and decodes to the generated objects',
    () => {
      let fixedCases = 0;
      fc.assert(
        fc.property(fc.array(validManifest.filter((manifest) => manifest.kind !== 'SecretList'), { minLength: 1, maxLength: 3 }), layout, rendering, choices, (manifests, shape, renderingName, pick) => {
          const values = shape === 'single' ? manifests.slice(0, 1) : manifests;
          const text = shape === 'single' ? render(values[0], renderingName, pick) : renderFile(values, shape, renderingName, pick);
          const intended = validate(text).objects.map((object) => object.value);
          const { text: mistaken, injected } = inject(text, pick);
          if (injected.length === 0) return;
          const fixed = fixText(mistaken);
          const remaining = fixed.findings.filter((finding) => finding.fix);
          expect(remaining, mistaken).toEqual([]);
          expect(fixed.objects.map((object) => object.value), `${mistaken}\n---- fixed:\n${fixed.output}`).toEqual(intended);
          fixedCases += 1;
        }),
        runs(150, 0.2),
      );
      expect(fixedCases).toBeGreaterThan(50);
    },
    timeoutFor(150, 0.2, 200),
  );
});
