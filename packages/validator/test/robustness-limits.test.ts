/**
 * Hostile sizes end quickly with an `input-too-large` finding (or are validated within the bounds
 * documented in docs/security.md): alias bombs, huge files, deep nesting, huge sequences, many
 * documents. Timeouts here only guard against hangs; the bounds themselves are measured by
 * `npm run bench` and documented, not asserted as timings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, rules, validate } from '../src/index.js';
import type { Finding, ValidationConfig } from '../src/types.js';
import { invariantViolations } from './arbitraries/invariants.js';
import { fuzzing } from './arbitraries/settings.js';

const ruleIds = new Set(rules.map((rule) => rule.id));
const HANG_GUARD = 120_000;

function tooLarge(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.ruleId === 'input-too-large');
}

/** Validates and checks the invariants every result must meet. */
function check(text: string, config?: ValidationConfig) {
  const result = validate(text, config ? { config } : {});
  expect(invariantViolations(text, result.findings, ruleIds)).toEqual([]);
  return result;
}

/** Runs `action` with `frames` fewer stack frames available, as a caller deep in its own code would. */
function withStackUsed<T>(frames: number, action: () => T): T {
  return frames === 0 ? action() : withStackUsed(frames - 1, action);
}

function billionLaughs(levels: number): string {
  const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < levels; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('alias bombs', () => {
  it('a billion laughs stop at the alias limit, at the alias that crossed it', () => {
    const text = billionLaughs(10);
    const result = check(text);
    expect(tooLarge(result.findings)).toEqual([expect.objectContaining({ severity: 'error', line: 2 })]);
    expect(tooLarge(result.findings)[0]?.message).toBe(`More than ${DEFAULT_LIMITS.maxAliasCount} alias (*name) uses; this document was not validated.`);
  });

  it('with the alias limit raised, the node budget still stops the expansion', () => {
    const result = check(billionLaughs(10), { limits: { maxAliasCount: 1e9, maxNodes: 100_000 } });
    expect(tooLarge(result.findings)).toEqual([expect.objectContaining({ message: expect.stringContaining('More than 100000 YAML nodes') })]);
  });

  it('an alias inside the node it refers to, and a merge of itself, fail as in go-yaml ("value contains itself") instead of recursing', () => {
    for (const text of ['a: &a [*a]\n', 'b: &b {<<: *b}\n', 'c: &c {c: *c}\n']) {
      expect(check(text).findings.map((finding) => finding.messageId)).toContain('aliasCycle');
    }
  });

  it(
    'resolving aliases stays linear in the document size: many aliases after a large document',
    () => {
      // Each alias used to walk the whole document to find its anchor: 1,000 aliases after
      // 200,000 nodes took minutes.
      const body = Array.from({ length: 100_000 }, (_, index) => `  k${index}: v`).join('\n');
      const aliases = Array.from({ length: 999 }, (_, index) => `  u${index}: *x`).join('\n');
      const result = check(`anchor: &x value\nbig:\n${body}\nuse:\n${aliases}\n`);
      expect(result.findings).toEqual([]);
    },
    HANG_GUARD,
  );
});

describe('huge inputs', () => {
  it('a 50 MB text is refused before it is parsed', () => {
    const text = `data: ${'x'.repeat(50 * 1024 * 1024)}\n`;
    const result = check(text);
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: 'input-too-large', line: 1, column: 1, message: `The input has ${text.length} bytes, more than the limit of ${DEFAULT_LIMITS.maxBytes}; it was not validated.` }),
    ]);
  });

  it('the byte limit counts UTF-8 bytes, not UTF-16 code units', () => {
    const text = `a: ${'é'.repeat(600)}\n`;
    expect(tooLarge(check(text, { limits: { maxBytes: 1000 } }).findings)).toHaveLength(1);
    expect(tooLarge(check(text, { limits: { maxBytes: 1300 } }).findings)).toHaveLength(0);
  });

  it(
    'a 1,000,000-element sequence ends with a finding (token budget) instead of exhausting memory',
    () => {
      const result = check(`items:\n${'- a\n'.repeat(1_000_000)}`);
      expect(tooLarge(result.findings)).toEqual([expect.objectContaining({ message: expect.stringContaining(`More than ${DEFAULT_LIMITS.maxNodes} YAML tokens`) })]);
    },
    HANG_GUARD,
  );

  it(
    'a sequence under the budget is validated whole',
    () => {
      const result = check(`apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata: {name: x}\nspec:\n  tags:\n${'  - {name: t}\n'.repeat(20_000)}`);
      expect(tooLarge(result.findings)).toEqual([]);
      expect(result.findings.filter((finding) => finding.ruleId === 'duplicate-tag-name')).toHaveLength(19_999);
    },
    HANG_GUARD,
  );

  it(
    '10,000 documents in one file are all validated; one more is refused',
    () => {
      const stream = (index: number) => `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: s${index}\n`;
      const texts = Array.from({ length: DEFAULT_LIMITS.maxDocuments + 1 }, (_, index) => stream(index));
      const atLimit = check(texts.slice(0, DEFAULT_LIMITS.maxDocuments).join('---\n'));
      expect(atLimit.objects).toHaveLength(DEFAULT_LIMITS.maxDocuments);
      expect(atLimit.findings).toEqual([]);
      const beyond = check(texts.join('---\n'));
      expect(beyond.objects).toHaveLength(DEFAULT_LIMITS.maxDocuments);
      expect(beyond.findings).toEqual([expect.objectContaining({ ruleId: 'input-too-large', documentIndex: DEFAULT_LIMITS.maxDocuments, line: 4 * DEFAULT_LIMITS.maxDocuments + DEFAULT_LIMITS.maxDocuments + 1 })]);
    },
    HANG_GUARD,
  );
});

describe('deep nesting', () => {
  const DEPTH = 10_000;
  const shapes: Record<string, string> = {
    'flow sequences': `${'['.repeat(DEPTH)}x${']'.repeat(DEPTH)}\n`,
    'flow mappings': `${'{a: '.repeat(DEPTH)}x${'}'.repeat(DEPTH)}\n`,
    'unclosed flow sequences': `${'['.repeat(DEPTH)}\n`,
    'compact block sequences': `${'- '.repeat(DEPTH)}x\n`,
    'block mappings': Array.from({ length: 1_500 }, (_, level) => `${' '.repeat(level)}k:`).join('\n') + ' x\n',
    'block sequences of mappings': Array.from({ length: 1_500 }, (_, level) => `${'  '.repeat(level)}- k:`).join('\n') + ' x\n',
    'in the second document': `kind: ConfigMap\n---\n${'- '.repeat(DEPTH)}x\n`,
  };

  for (const [shape, text] of Object.entries(shapes)) {
    it(
      `${shape}: one input-too-large finding, the same however much stack the caller has used`,
      () => {
        const results = [0, 3_000, 6_000].map((frames) => withStackUsed(frames, () => check(text)));
        expect(tooLarge(results[0]?.findings ?? [])).toHaveLength(1);
        expect(results[1]).toEqual(results[0]);
        expect(results[2]).toEqual(results[0]);
      },
      HANG_GUARD,
    );
  }

  // The `yaml` library reads a lone CR as no line break, so every line nested one level deeper and
  // the next document made its parser close 3,000 levels by recursion (found by npm run fuzz).
  // go-yaml v2 reads a lone CR as a line break, and so does the fast reader: one flat mapping.
  it(
    'lone CR line ends, then another document: line breaks as go-yaml reads them, the same however much stack the caller has used',
    () => {
      const text = `${Array.from({ length: 3_000 }, (_, line) => `k${line}: v`).join('\r')}\n---\nkind: Secret\n`;
      const results = [0, 3_000, 6_000].map((frames) => withStackUsed(frames, () => check(text)));
      expect(results[0]?.findings).toEqual([]);
      expect(results[0]?.skipped).toEqual({ '(no kind)': 1, Secret: 1 });
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    },
    HANG_GUARD,
  );

  it('reading stops at the document nested too deep: the documents before it are validated, the rest not', () => {
    const stream = (name: string) => `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ${name}\n`;
    const result = check(`${stream('before')}---\n${'- '.repeat(DEPTH)}x\n---\n${stream('After_Invalid')}`);
    expect(result.objects.map((object) => object.name)).toEqual(['before']);
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'input-too-large', documentIndex: 1, line: 6 })]);
  });

  it('lone CR line ends are line breaks, as to go-yaml: thousands of them make a flat mapping, not a deep one', () => {
    const text = `${Array.from({ length: 3_000 }, (_, line) => `k${line}: v`).join('\r')}\n---\nkind: Secret\n`;
    const results = [0, 6_000].map((frames) => withStackUsed(frames, () => check(text)));
    expect(tooLarge(results[0]?.findings ?? [])).toEqual([]);
    expect(results[1]).toEqual(results[0]);
  });

  it('nesting within the limit is validated; one level more is refused', () => {
    const nested = (levels: number) => `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: x\n  annotations:\n    a: "1"\nx: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
    expect(tooLarge(check(nested(DEFAULT_LIMITS.maxDepth - 1)).findings)).toEqual([]);
    expect(tooLarge(check(nested(DEFAULT_LIMITS.maxDepth + 1)).findings)).toHaveLength(1);
  });
});

describe('limits are configurable', () => {
  const manifest = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: ruby\n  labels: &l {a: b}\n  annotations: *l\nspec:\n  tags:\n  - name: latest\n';
  const cases: [keyof typeof DEFAULT_LIMITS, number, string][] = [
    ['maxBytes', 50, 'bytes, more than the limit of 50'],
    ['maxDocuments', 1, 'More than 1 YAML documents'],
    ['maxDepth', 2, 'levels deep'],
    ['maxAliasCount', 0, 'More than 0 alias'],
    ['maxNodes', 10, 'More than 10 YAML'],
  ];
  for (const [limit, value, message] of cases) {
    it(`${limit}: ${value} refuses a small manifest; the default accepts it`, () => {
      const text = limit === 'maxDocuments' ? `${manifest}---\n${manifest}` : manifest;
      expect(tooLarge(check(text).findings)).toEqual([]);
      const refused = tooLarge(check(text, { limits: { [limit]: value } }).findings);
      expect(refused).toHaveLength(1);
      expect(refused[0]?.message).toContain(message);
    });
  }

  it('invalid limit values fall back to the defaults', () => {
    const limits = { maxBytes: -1, maxDepth: Number.NaN, maxNodes: '5' as unknown as number };
    expect(check(manifest, { limits }).findings).toEqual([]);
  });
});

// About a minute: run by `npm run fuzz`, not by `npm test`.
describe.runIf(fuzzing)('memory stays bounded (npm run fuzz only)', () => {
  const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

  it(
    'the worst inputs of each shape that the default limits let through fit in a 1.5 GB heap (separate process)',
    () => {
      expect(existsSync(distEntry), 'packages/validator/dist is missing: run `npm run build` first').toBe(true);
      // Each input is the worst of its shape that the default limits let through to the parser.
      const script = `
        const { validate, DEFAULT_LIMITS } = await import(${JSON.stringify(distEntry)});
        const bytes = DEFAULT_LIMITS.maxBytes - 16;
        const budget = DEFAULT_LIMITS.maxNodes;
        const inputs = {
          flowItems: ['[' + 'a,'.repeat(bytes / 2) + ']', 1],
          emptyPairs: ['{' + ':,'.repeat(bytes / 2) + '}', 1],
          blankLines: ['\\n'.repeat(bytes), 1],
          commentLines: ['#\\n'.repeat(bytes / 2), 1],
          dashes: ['-\\n'.repeat(bytes / 2), 1],
          flowItemsWithinBudget: ['[' + 'a,'.repeat(budget / 2 - 2) + ']', 0],
          aliasesWithinBudget: ['a: &a x\\nb: [' + '*a,'.repeat(budget * 0.45) + ']', 1],
        };
        const summary = {};
        for (const [name, [text, expected]] of Object.entries(inputs)) {
          const count = validate(text).findings.filter((f) => f.ruleId === 'input-too-large').length;
          summary[name] = count === expected ? 'ok' : count + ' input-too-large findings, expected ' + expected;
        }
        process.stdout.write(JSON.stringify(summary));
      `;
      const child = spawnSync(process.execPath, ['--max-old-space-size=1536', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 600_000 });
      expect(child.stderr).not.toMatch(/heap out of memory/);
      expect(child.status, child.stderr).toBe(0);
      const summary = JSON.parse(child.stdout) as Record<string, string>;
      for (const [name, outcome] of Object.entries(summary)) expect(outcome, name).toBe('ok');
    },
    600_000,
  );
});
