import { describe, expect, it } from 'vitest';
import { defineRule } from '../src/rules/define.js';
import { isTemplateParameterValue } from '../src/template.js';
import type { Finding } from '../src/types.js';
import { compileSchemaSet, engineWith, positionOf } from './helpers.js';

const definitions = {
  Thing: {
    type: 'object',
    properties: {
      apiVersion: { const: 'image.openshift.io/v1' },
      kind: { const: 'Thing' },
      metadata: { $ref: '#/definitions/Meta' },
      spec: { $ref: '#/definitions/Spec' },
    },
    required: ['apiVersion', 'kind'],
    additionalProperties: false,
  },
  Meta: {
    type: ['object', 'null'],
    properties: {
      name: { type: ['string', 'null'] },
      labels: { type: ['object', 'null'], additionalProperties: { type: ['string', 'null'] } },
      creationTimestamp: { $ref: '#/definitions/Time' },
    },
    additionalProperties: false,
  },
  Time: { type: ['string', 'null'] },
  Spec: {
    type: ['object', 'null'],
    properties: {
      tags: { type: ['array', 'null'], items: { $ref: '#/definitions/Tag' } },
      insecure: { type: ['boolean', 'null'] },
      count: { type: 'integer' },
      choice: {
        oneOf: [
          { type: 'string', enum: ['A', 'B'] },
          { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'], additionalProperties: false },
        ],
      },
    },
    additionalProperties: false,
  },
  Tag: {
    type: ['object', 'null'],
    properties: {
      name: { type: ['string', 'null'] },
      from: { $ref: '#/definitions/From' },
      policy: { type: ['string', 'null'], enum: ['', 'Source', 'Local', null] },
      size: { type: 'integer', minimum: 0 },
      digest: { type: 'string', pattern: '^sha256:' },
    },
    required: ['from'],
    additionalProperties: false,
  },
  From: {
    type: ['object', 'null'],
    properties: { kind: { type: 'string' }, name: { type: 'string' } },
    required: ['name'],
    additionalProperties: false,
  },
};

const schemaSet = compileSchemaSet(definitions, ['Thing']);
const validate = engineWith(schemaSet);

const thing = (spec: string, metadata = '  name: t\n') =>
  `apiVersion: image.openshift.io/v1\nkind: Thing\nmetadata:\n${metadata}spec:\n${spec}`;

const brief = (findings: Finding[]) => findings.map((finding) => `${finding.ruleId} ${finding.path}`);

describe('schema findings', () => {
  it('reports a missing field at its own path, positioned on the parent key', () => {
    const text = thing('  tags:\n  - name: x\n    from:\n      kind: DockerImage\n');
    const { findings } = validate(text);
    expect(findings).toEqual([
      {
        ruleId: 'schema-required',
        severity: 'error',
        messageId: 'missing',
        data: { field: 'name', parent: 'spec.tags[0].from' },
        message: 'Missing required field "name" in spec.tags[0].from.',
        ...positionOf(text, 'from'),
        endLine: positionOf(text, 'from').line,
        endColumn: positionOf(text, 'from').column + 4,
        path: 'spec.tags[0].from.name',
        documentIndex: 0,
        kind: 'Thing',
        name: 't',
        objectPath: '',
      },
    ]);
  });

  it('reports a YAML 1.1 number or boolean in a string field as yaml-implicit-type only', () => {
    const text = thing('  tags:\n  - name: 1.10\n    from: {name: x}\n', '  name: t\n  labels:\n    enabled: yes\n');
    const { findings } = validate(text);
    expect(brief(findings)).toEqual(['yaml-implicit-type metadata.labels.enabled', 'yaml-implicit-type spec.tags[0].name']);
    expect(findings[1]?.message).toBe(
      'Unquoted 1.10 is read as the number 1.1 (YAML 1.1, as oc apply reads it), but this field must be a string and the server rejects a number; quote it: "1.10".',
    );
    expect(findings[0]?.message).toContain('read as the boolean true');
    expect(findings[1]).toMatchObject({ ...positionOf(text, '1.10'), endColumn: positionOf(text, '1.10').column + 4 });
  });

  it('warns about ~ in a string field but not about an empty value or a null Time', () => {
    const text = thing('  tags:\n  - name: ~\n    from: {name: x}\n  - name:\n    from: {name: w}\n', '  name: t\n  creationTimestamp: null\n');
    const { findings } = validate(text);
    expect(brief(findings)).toEqual(['yaml-null-value spec.tags[0].name']);
    expect(findings[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('write "~" if you meant the text') });
  });

  it('names the value to write when a quoted value would have the right type unquoted', () => {
    const { findings } = validate(thing('  count: "5"\n  insecure: "maybe"\n'));
    expect(findings.map((finding) => finding.message)).toEqual([
      'spec.count must be an integer, not the string "5"; write 5, without quotes.',
      'spec.insecure must be a boolean (true or false), not the string "maybe".',
    ]);
    // The value the text means unquoted (YAML 1.1, as go-yaml v2 reads it), not the text itself.
    const written = (yaml: string) => validate(thing(yaml)).findings.map((finding) => finding.message);
    expect(written('  insecure: "yes"\n')).toEqual(['spec.insecure must be a boolean (true or false), not the string "yes"; write true, without quotes.']);
    expect(written('  insecure: "Off"\n')).toEqual(['spec.insecure must be a boolean (true or false), not the string "Off"; write false, without quotes.']);
    expect(written('  count: "0x10"\n')).toEqual(['spec.count must be an integer, not the string "0x10"; write 16, without quotes.']);
    expect(written('  count: "1_000"\n')).toEqual(['spec.count must be an integer, not the string "1_000"; write 1000, without quotes.']);
    // Unquoted, go-yaml reads 012 as octal 10, while whoever quoted it most likely meant twelve: no value is named, no fix.
    const leadingZero = validate(thing('  count: "012"\n')).findings;
    expect(leadingZero.map((finding) => finding.message)).toEqual(['spec.count must be an integer, not the string "012".']);
    expect(leadingZero[0]?.fix).toBeUndefined();
  });

  it('reports a value of the wrong type once, not also against its enum', () => {
    expect(brief(validate(thing('  tags:\n  - from: {name: x}\n    policy: 1.0\n')).findings)).toEqual(['yaml-implicit-type spec.tags[0].policy']);
  });

  it('suggests the closest enum value', () => {
    const { findings } = validate(thing('  tags:\n  - from: {name: x}\n    policy: source\n'));
    expect(findings).toMatchObject([
      { ruleId: 'schema-enum', path: 'spec.tags[0].policy', message: '"source" is not a valid spec.tags[0].policy; use one of "", "Source", "Local", null (did you mean "Source"?).' },
    ]);
  });

  it('reports unknown fields as errors with a suggestion, warnings or nothing when configured so', () => {
    const text = thing('  tags:\n  - from: {Name: x, name: z}\n');
    const { findings } = validate(text);
    expect(findings).toMatchObject([
      {
        ruleId: 'unknown-field',
        severity: 'error',
        path: 'spec.tags[0].from.Name',
        message:
          'Unknown field "Name" in spec.tags[0].from (did you mean "name"?): the API server drops it, and `oc apply` with its default --validate=strict rejects the manifest.',
        ...positionOf(text, 'Name'),
      },
    ]);
    expect(validate(text, { config: { rules: { 'unknown-field': 'warn' } } }).findings[0]?.severity).toBe('warning');
    expect(validate(text, { config: { strict: true, rules: { 'unknown-field': 'warn' } } }).findings[0]?.severity).toBe('warning');
    expect(validate(text, { config: { rules: { 'unknown-field': 'off' } } }).findings).toEqual([]);
  });

  it('merges a misspelt required key into one finding', () => {
    const text = 'apiversion: image.openshift.io/v1\nkind: Thing\n';
    expect(validate(text).findings).toMatchObject([
      { ruleId: 'schema-required', path: 'apiVersion', message: expect.stringContaining('"apiversion" is a different key'), line: 1, column: 1, endColumn: 11 },
    ]);
  });

  it('collapses a oneOf cascade to the branch that fits', () => {
    expect(brief(validate(thing('  choice: {x: "a"}\n')).findings)).toEqual(['schema-type spec.choice.x']);
    expect(brief(validate(thing('  choice: C\n')).findings)).toEqual(['schema-enum spec.choice']);
    expect(validate(thing('  choice: {x: 1}\n')).findings).toEqual([]);
  });

  it('maps pattern and other keywords to schema-other', () => {
    const { findings } = validate(thing('  tags:\n  - from: {name: x}\n    size: -1\n    digest: md5:0\n'));
    expect(findings).toMatchObject([
      { ruleId: 'schema-other', path: 'spec.tags[0].size', message: 'spec.tags[0].size must be >= 0.' },
      { ruleId: 'schema-other', path: 'spec.tags[0].digest', message: '"md5:0" does not match the pattern ^sha256: required for spec.tags[0].digest.' },
    ]);
  });

  it('leaves an apiVersion oc cannot map to api-version-mapping and validates the rest as image.openshift.io/v1', () => {
    expect(validate('apiVersion: image.openshift.io/v2\nkind: Thing\nspec: {count: x}\n').findings).toMatchObject([
      { ruleId: 'api-version-mapping', path: 'apiVersion', message: expect.stringContaining('image.openshift.io serves only v1') },
      { ruleId: 'schema-type', path: 'spec.count' },
    ]);
  });
});

describe('objects', () => {
  it('reports the legacy apiVersion v1 outside a Template as one error and validates the object as image.openshift.io/v1', () => {
    const text = 'apiVersion: v1\nkind: Thing\nmetadata: {name: old}\n';
    expect(validate(text).findings).toMatchObject([
      { ruleId: 'api-version-mapping', severity: 'error', path: 'apiVersion', line: 1, column: 13, endColumn: 15, kind: 'Thing', name: 'old' },
    ]);
  });

  it('finds objects in Lists and Templates and prefixes their paths', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
- apiVersion: image.openshift.io/v1
  kind: Thing
  spec: {count: x}
---
apiVersion: template.openshift.io/v1
kind: Template
metadata: {name: t}
objects:
- apiVersion: image.openshift.io/v1
  kind: Thing
  spec: {count: y}
`;
    const result = validate(text);
    expect(result.objects.map((object) => [object.kind, object.documentIndex, object.pathPrefix, object.inTemplate])).toEqual([
      ['Thing', 0, ['items', 1], false],
      ['Thing', 1, ['objects', 0], true],
    ]);
    expect(result.skipped).toEqual({ Service: 1 });
    expect(brief(result.findings)).toEqual(['schema-type items[1].spec.count', 'schema-type objects[0].spec.count']);
    expect(result.findings.map((finding) => finding.documentIndex)).toEqual([0, 1]);
  });

  it('does not type-check template parameters but still checks the structure around them', () => {
    const text = `kind: Template
metadata: {name: t}
objects:
- apiVersion: image.openshift.io/v1
  kind: Thing
  metadata: {name: "\${NAME}"}
  spec:
    insecure: \${{INSECURE}}
    count: \${{COUNT}}
    choice: \${CHOICE}
    tags:
    - from: {name: "\${IMAGE}:\${TAG}", nmae: x}
      policy: \${POLICY}
`;
    expect(brief(validate(text).findings)).toEqual(['unknown-field objects[0].spec.tags[0].from.nmae']);
    // Outside a Template the same values are ordinary strings.
    expect(brief(validate(text.replace('kind: Template\nmetadata: {name: t}\nobjects:\n- ', '').replaceAll('\n  ', '\n')).findings)).toEqual([
      'schema-type spec.insecure',
      'schema-type spec.count',
      'schema-enum spec.choice',
      'unknown-field spec.tags[0].from.nmae',
      'schema-enum spec.tags[0].policy',
    ]);
  });
});

describe('object rules', () => {
  const policyRule = defineRule({
    id: 'test-policy',
    category: 'server',
    severity: 'error',
    description: 'test',
    source: 'test',
    kinds: ['Thing'],
    messages: { bad: 'policy {{value}} is bad' },
    check({ object, report }) {
      const tags = (object.value.spec as { tags?: { policy?: unknown }[] } | undefined)?.tags ?? [];
      tags.forEach((tag, index) => {
        if (tag.policy !== undefined && !isTemplateParameterValue(tag.policy)) {
          report({ path: ['spec', 'tags', index, 'policy'], messageId: 'bad', data: { value: String(tag.policy) } });
        }
      });
    },
  });
  const throwingRule = defineRule({
    id: 'test-throws',
    category: 'lint',
    severity: 'warning',
    description: 'test',
    source: 'test',
    kinds: '*',
    messages: {},
    check() {
      throw new TypeError('boom');
    },
  });

  it('replaces the schema finding at a path a rule reported', () => {
    const { findings } = engineWith(schemaSet, [policyRule])(thing('  tags:\n  - from: {name: x}\n    policy: source\n'));
    expect(findings).toMatchObject([{ ruleId: 'test-policy', path: 'spec.tags[0].policy', message: 'policy source is bad' }]);
  });

  it('points a missing-field finding at a misspelt key and drops the unknown-field warning for it', () => {
    const fromKindRule = defineRule({
      id: 'test-from-kind',
      category: 'server',
      severity: 'error',
      description: 'test',
      source: 'test',
      kinds: ['Thing'],
      messages: { missing: 'from.kind is missing' },
      check({ object, report }) {
        const tags = (object.value.spec as { tags?: { from?: { kind?: unknown } }[] } | undefined)?.tags ?? [];
        tags.forEach((tag, index) => {
          if (tag.from && tag.from.kind === undefined) report({ path: ['spec', 'tags', index, 'from', 'kind'], messageId: 'missing' });
        });
      },
    });
    const text = thing('  tags:\n  - from: {Kind: DockerImage, name: x, Nmae: y}\n');
    const { findings } = engineWith(schemaSet, [fromKindRule])(text);
    expect(findings).toMatchObject([
      { ruleId: 'test-from-kind', path: 'spec.tags[0].from.kind', ...positionOf(text, 'Kind'), endColumn: positionOf(text, 'Kind').column + 4 },
      { ruleId: 'unknown-field', path: 'spec.tags[0].from.Nmae' },
    ]);
  });

  it('turns an exception in a rule into an internal-error finding and keeps the others', () => {
    const { findings } = engineWith(schemaSet, [throwingRule, policyRule])(thing('  tags:\n  - from: {name: x}\n    policy: source\n'));
    expect(brief(findings)).toEqual(['internal-error ', 'test-policy spec.tags[0].policy']);
    expect(findings[0]?.message).toContain('Rule test-throws failed on this object (TypeError: boom)');
  });

  it('skips a rule that is turned off and applies severity overrides', () => {
    const run = engineWith(schemaSet, [policyRule]);
    const text = thing('  tags:\n  - from: {name: x}\n    policy: source\n');
    expect(run(text, { config: { rules: { 'test-policy': 'warn' } } }).findings[0]?.severity).toBe('warning');
    // With the rule off, the schema speaks again.
    expect(brief(run(text, { config: { rules: { 'test-policy': 'off' } } }).findings)).toEqual(['schema-enum spec.tags[0].policy']);
  });
});

describe('text that is not meant for oc', () => {
  const ruleIdsOf = (text: string) => validate(text).findings.map((finding) => finding.ruleId);

  it('reports the rules flagged manifestsOnly only where the text holds a Kubernetes object, or a document that could not be read', () => {
    const notForOc = '- hosts: all\n---\nratio: .nan\nname: a\nname: b\n';
    expect(ruleIdsOf(notForOc)).toEqual([]);
    // A kind in any document makes the file oc's, and every finding counts.
    expect(ruleIdsOf(`${notForOc}---\nkind: ConfigMap\n`)).toEqual(['document-not-object', 'yaml-syntax', 'yaml-duplicate-key']);
    // A document that cannot be read may hold one: nothing is left out.
    expect(ruleIdsOf(`${notForOc}---\na: [\n`)).toEqual(['document-not-object', 'yaml-syntax', 'yaml-duplicate-key', 'yaml-syntax']);
    // Syntax errors are reported whatever the file holds.
    expect(ruleIdsOf('a: [\n')).toEqual(['yaml-syntax']);
  });
});

describe('robustness', () => {
  it('never throws', () => {
    const inputs = ['', '\u0000\u0001', '[', ']]]', '- - - -', '{"a":', 'kind: Thing\n\tbad: tab', '*unknown', '&a [*a]', '%YAML 9.9\n---\na: 1'];
    for (const input of inputs) expect(() => validate(input)).not.toThrow();
    const stream = { toString: () => 'kind: Foo\n---\n42\n' };
    expect(validate(stream as unknown as string).findings).toMatchObject([{ ruleId: 'document-not-object', message: expect.stringContaining('it is a number') }]);
  });

  it('does not count a byte order mark as a column', () => {
    expect(validate('\uFEFFapiVersion: v1\nkind: Thing\n').findings).toMatchObject([{ ruleId: 'api-version-mapping', line: 1, column: 13 }]);
  });

  it('positions findings in CRLF files', () => {
    expect(validate('apiVersion: v1\r\nkind: Thing\r\nspec:\r\n  count: x\r\n').findings).toMatchObject([
      { ruleId: 'api-version-mapping', line: 1, column: 13, endLine: 1, endColumn: 15 },
      { ruleId: 'schema-type', line: 4, column: 10, endLine: 4, endColumn: 11 },
    ]);
  });

  it('sorts findings by line, column and rule id', () => {
    const text = 'apiVersion: v1\nkind: Thing\nspec: {count: x, insecure: 1}\nmetadata: {name: a, name: b}\n';
    const { findings } = validate(text);
    const keys = findings.map((finding) => [finding.line, finding.column, finding.ruleId] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2])));
    expect(findings.length).toBeGreaterThan(2);
  });
});
