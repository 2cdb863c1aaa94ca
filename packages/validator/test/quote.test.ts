/** Quoting, written once in src/quote.ts: YAML source written by fixes, and user input in messages. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { messageCode, messageEscaped, messageQuoted, yamlDoubleQuoted, yamlQuoted, yamlSingleQuoted } from '../src/quote.js';

const texts = ['1.10', 'yes', '~', 'a"b', "it's", 'back\\slash', 'tab\there', 'line\nbreak', 'ünï ✓', ''];

describe('quote.ts', () => {
  it('writes YAML scalars that read back as exactly the text', () => {
    for (const text of texts) {
      for (const quoted of [yamlQuoted(text), yamlDoubleQuoted(text), yamlSingleQuoted(text)]) {
        if (quoted.startsWith("'") && /[\n\t]/.test(text)) continue; // single quotes fold line breaks: yamlQuoted never picks them for such text
        expect((parse(`v: ${quoted}\n`, { version: '1.1' }) as { v: unknown }).v, quoted).toBe(text);
      }
    }
    expect(yamlQuoted('1.10')).toBe('"1.10"');
    expect(yamlQuoted('a"b')).toBe(`'a"b'`);
  });

  it('quotes user input for one-line messages: escaped and shortened', () => {
    expect(messageQuoted('a\nb')).toBe('"a\\nb"');
    expect(messageEscaped('a\nb')).toBe('a\\nb');
    expect(messageQuoted('x'.repeat(150))).toBe(`"${'x'.repeat(100)}…"`);
    expect(messageQuoted('x'.repeat(150), 80)).toBe(`"${'x'.repeat(80)}…"`);
  });

  it('shows code in backticks as written, but for line breaks and control characters', () => {
    expect(messageCode('"\\x31"')).toBe('"\\x31"');
    expect(messageCode("'a''b'")).toBe("'a''b'");
    expect(messageCode('a\nb\tc\u0085d\u2028e')).toBe('a\\nb\\tc\\u0085d\\u2028e');
    expect(messageCode('x'.repeat(50), 40)).toBe(`${'x'.repeat(40)}…`);
  });

  it('is the only place in the validator that quotes (JSON.stringify and doubled single quotes)', () => {
    const sourceRoot = fileURLToPath(new URL('../src/', import.meta.url));
    // paths.ts renders a key of a path (`labels["a.b"]`), a syntax of its own; errors.ts writes a
    // non-string value of an enum (a list or a mapping) as JSON; decode.ts serializes decoded
    // documents as encoding/json does (its doc comment names JSON.stringify once).
    const allowed: Record<string, number> = { 'quote.ts': 4, 'paths.ts': 1, [path.join('schema', 'errors.ts')]: 1, 'decode.ts': 3 };
    const counts = Object.fromEntries(
      readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.ts'))
        .map((name) => [name, (readFileSync(path.join(sourceRoot, name), 'utf8').match(/JSON\.stringify\(|replaceAll\("'", "''"\)/g) ?? []).length] as const)
        .filter(([, count]) => count > 0),
    );
    expect(counts).toEqual(allowed);
  });
});
