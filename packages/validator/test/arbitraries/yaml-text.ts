/**
 * YAML and JSON stream texts for the differential tests against go-yaml v2 (tools/oracle): the
 * corners where YAML 1.1, YAML 1.2, go-yaml and oc's stream splitting part ways. Scalars of
 * every form (plain, quoted, block, tagged) as values, keys and flow items; anchors, aliases and
 * merge keys; directives, `---`/`...` markers and separator lines with content; every line break
 * go-yaml knows; byte order marks; control characters; tabs in indentation; JSON streams.
 */
import fc from 'fast-check';

/** Plain scalars whose type differs between YAML 1.1, YAML 1.2 and Go's strconv. */
const PLAIN_SCALARS = [
  // integers: decimal, signs, octal, hex, binary, underscores, beyond int64 and uint64
  '0', '-0', '+0', '12', '-12', '+12', '007', '0777', '08', '0o17', '0O17', '0x1F', '0X1f', '-0x1F', '0b101', '-0b1', '1_000',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615',
  '18446744073709551616', '123456789012345678901234567890',
  // floats: YAML 1.1 forms, exponent forms, specials, negative zero, 64-bit edge values
  '1.10', '1.0', '.5', '-.5', '5.', '1e3', '1E+3', '1.5e-7', '-0.0', '+0.0', '0.0', '1_0.5', '1e400', '1e-400', '6.02e23', '1000000.0',
  '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.NAN', 'inf', 'NaN', '1:20', '190:20:30.15',
  // booleans and nulls of YAML 1.1 and 1.2
  'true', 'False', 'TRUE', 'yes', 'No', 'ON', 'off', 'y', 'N', 'null', 'Null', 'NULL', '~',
  // timestamps
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2002-12-14T21:59:43Z', '2001-1-1',
  // strings that look like something else
  'abc', 'a b', '0x', '1.2.3', 'a:b', 'http://x/y', '=', '<<', '0o', '+', '.', '1e', 'e3', '0b2', '._1', '1__0',
  'héllo', '日本', 'a#b', 'x ', 'a\tb',
];

/** Double-quoted scalars: every escape go-yaml knows, some it does not. */
const DOUBLE_QUOTED = [
  '""', '"abc"', '"1.10"', '"yes"', '"a\\tb"', '"\\x41"', '"\\u00e9"', '"\\U0001F600"', '"\\N"', '"\\_"', '"\\L"', '"\\P"', '"\\/"',
  '"\\0"', '"\\a\\b\\e\\f\\v"', '"\\ "', '"\\""', '"\\\\"', '"\\q"', '"\\ud800"', '"\\x4"', '"a\nb"', '"a\n\nb"', '"a \\\n b"', '"\\\t"',
];

const SINGLE_QUOTED = ["''", "'abc'", "'it''s'", "'1.10'", "'a\n b'", "'~'", "'\\n'"];

const TAGS = [
  '!!str', '!!int', '!!float', '!!bool', '!!null', '!!binary', '!!timestamp', '!!map', '!!seq', '!!set', '!!omap', '!!merge',
  '!custom', '!', '!<tag:yaml.org,2002:str>', '!<tag:yaml.org,2002:int>', '!!foo', '!e!x',
];

const BINARY = ['aGVsbG8=', 'aGVsbG8', '@@', 'Zm9v\n  YmFy', '8J+YgA==', '/w==', 'a b', ''];

const scalar: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAIN_SCALARS) },
  { weight: 2, arbitrary: fc.constantFrom(...DOUBLE_QUOTED) },
  { weight: 1, arbitrary: fc.constantFrom(...SINGLE_QUOTED) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...PLAIN_SCALARS, ...DOUBLE_QUOTED)).map(([tag, text]) => `${tag} ${text}`) },
  { weight: 1, arbitrary: fc.constantFrom(...BINARY).map((text) => `!!binary ${text.includes('\n') ? `"${text.replaceAll('\n  ', ' ')}"` : text}`) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9 ._-]{0,8}$/) },
);

/** A YAML node tree, rendered in block or flow style. */
type YamlTree =
  | { kind: 'scalar'; text: string }
  | { kind: 'block'; text: string }
  | { kind: 'alias'; name: string }
  | { kind: 'map'; entries: [string, YamlTree][]; flow: boolean; anchor?: string; tag?: string }
  | { kind: 'seq'; items: YamlTree[]; flow: boolean; anchor?: string; tag?: string };

const anchorName = fc.constantFrom('a', 'b', 'x1');
const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'kind', 'name', 'tags', 'a b', 'x') },
  { weight: 3, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constantFrom('<<', '? [a]', '? {a: 1}', '?', '""', '~', 'null', '-0', '1.5', '1e3', '12345678901234567890123', '.inf', '.nan', 'true', 'y') },
);

const blockScalar = fc
  .tuple(fc.constantFrom('|', '>', '|-', '>+', '|+', '>-'), fc.array(fc.constantFrom('text', '  indented', '', 'more  words', '# not a comment'), { minLength: 0, maxLength: 3 }))
  .map(([header, lines]): YamlTree => ({ kind: 'block', text: `${header}\n${lines.map((line) => `\u0000${line}`).join('\n')}` }));

const tree: fc.Arbitrary<YamlTree> = fc.letrec<{ node: YamlTree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalar.map((text): YamlTree => ({ kind: 'scalar', text })) },
    { weight: 1, arbitrary: anchorName.map((name): YamlTree => ({ kind: 'alias', name })) },
    { weight: 1, arbitrary: blockScalar },
    {
      weight: 3,
      arbitrary: fc.record(
        {
          kind: fc.constant('map' as const),
          entries: fc.array(fc.tuple(key, tie('node')), { minLength: 0, maxLength: 4 }),
          flow: fc.boolean(),
          anchor: anchorName,
          tag: fc.constantFrom('!!map', '!!seq', '!!omap', '!m'),
        },
        { requiredKeys: ['kind', 'entries', 'flow'] },
      ),
    },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          kind: fc.constant('seq' as const),
          items: fc.array(tie('node'), { minLength: 0, maxLength: 4 }),
          flow: fc.boolean(),
          anchor: anchorName,
          tag: fc.constantFrom('!!seq', '!!map', '!s'),
        },
        { requiredKeys: ['kind', 'items', 'flow'] },
      ),
    },
  ),
})).node;

function properties(node: { anchor?: string; tag?: string }): string {
  return [node.anchor && `&${node.anchor}`, node.tag].filter(Boolean).join(' ');
}

function renderFlow(node: YamlTree): string {
  switch (node.kind) {
    case 'scalar':
      return node.text;
    case 'block':
      return '"block"';
    case 'alias':
      return `*${node.name}`;
    case 'map': {
      const body = node.entries.map(([name, value]) => `${name}: ${renderFlow(value)}`).join(', ');
      return `${properties(node)}${properties(node) ? ' ' : ''}{${body}}`;
    }
    case 'seq': {
      const body = node.items.map(renderFlow).join(', ');
      return `${properties(node)}${properties(node) ? ' ' : ''}[${body}]`;
    }
  }
}

/** The node as the value after `key:` or `- ` at `indent`: inline text or lines that follow. */
function renderValue(node: YamlTree, indent: number): string {
  if (node.kind === 'block') return ` ${node.text.replaceAll('\u0000', ' '.repeat(indent + 2))}`;
  if (node.kind === 'scalar' || node.kind === 'alias' || node.flow) return ` ${renderFlow(node)}`;
  const empty = node.kind === 'map' ? node.entries.length === 0 : node.items.length === 0;
  if (empty) return ` ${renderFlow({ ...node, flow: true })}`;
  const props = properties(node);
  return `${props ? ` ${props}` : ''}\n${renderBlock(node, indent + 2)}`;
}

function renderBlock(node: YamlTree, indent: number): string {
  const pad = ' '.repeat(indent);
  if (node.kind === 'map' && !node.flow && node.entries.length > 0) {
    return node.entries.map(([name, value]) => `${pad}${name}:${renderValue(value, indent)}`).join('\n');
  }
  if (node.kind === 'seq' && !node.flow && node.items.length > 0) {
    return node.items.map((item) => `${pad}-${renderValue(item, indent)}`).join('\n');
  }
  return `${pad}${renderValue(node, indent - 2).slice(1)}`;
}

/** What may stand between two documents, or before the first. */
const SEPARATORS = [
  '---\n', '---\n', '---\n', '--- # comment\n', '---   \n', '---\t\n', '---b: 2\n', '--- !!map\n', '--- a\n', '----\n',
  '...\n', '...\n---\n', '--- \n...\n', '%YAML 1.1\n---\n', '%YAML 1.2\n---\n', '%TAG !e! tag:example.com,2000:\n---\n', '\n---\n\n',
  '# comment\n---\n', ' ---\n', '---\n---\n', '\uFEFF---\n',
];

/** A document: a node tree (a block scalar too, which go-yaml indents by at least one), or a fixed corner. */
const documentText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: tree.map((node) => renderBlock(node, 0)) },
  { weight: 1, arbitrary: fc.constantFrom('', '# only a comment', '~', 'null', 'a: 1\n...\nb: 2', 'just text', '- a\n- b', 'a: &x 1\nb: *x\nc: *y') },
  { weight: 1, arbitrary: fc.constantFrom('base: &base\n  a: 1\n  b: 2\nmerged:\n  <<: *base\n  b: 3', 'm:\n  <<: [{a: 1}, {a: 2, b: 2}]', 'm:\n  <<: 1', 'm: {<<: {a: 1}, a: 2}') },
);

/** JSON streams: what oc decodes with encoding/json until a value fails. */
const jsonText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', ' ', '\n', '\t\n  ', '\u00a0', '\u2028'),
    fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify({ v: value })), fc.constantFrom('{"a":1}', '{"a": 1.10}', '{}', 'null', '[1]', '5', '"s"')), { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom('', '\n', ' ', '\n---\n', '\n---\nb: 2\n', '{"a":.inf}', '{a: 1}', '{"a":1,}', '\n# c\n'), { minLength: 1, maxLength: 3 }),
  )
  .map(([lead, values, glue]) => lead + values.map((value, index) => value + (glue[index % glue.length] ?? '')).join(''));

const LINE_BREAKS = ['\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029', '\r\r\n'];
const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\u0008', '\u001b', '\u007f', '\u0080', '\u009f', '\uFEFF', '\uFFFE', '\uFFFD', '\u00a0', '\t'];

/** Edits that change how the text is read, applied where a few drawn numbers point. */
const edit = fc.oneof(
  fc.record({ at: fc.nat(), breakIndex: fc.nat({ max: LINE_BREAKS.length - 1 }), type: fc.constant('lineBreak' as const) }),
  fc.record({ at: fc.nat(), breakIndex: fc.nat({ max: LINE_BREAKS.length - 1 }), type: fc.constant('allLineBreaks' as const) }),
  fc.record({ at: fc.nat(), charIndex: fc.nat({ max: CONTROL_CHARACTERS.length - 1 }), type: fc.constant('insert' as const) }),
  fc.record({ at: fc.nat(), type: fc.constant('tabIndent' as const) }),
  fc.record({ at: fc.nat(), type: fc.constant('bomAtLineStart' as const) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, change: Edit): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => (match.index ?? 0) + 1)];
  const lineStart = lineStarts[change.at % lineStarts.length] ?? 0;
  switch (change.type) {
    case 'lineBreak': {
      const newline = text.indexOf('\n', lineStart);
      return newline === -1 ? text : `${text.slice(0, newline)}${LINE_BREAKS[change.breakIndex]}${text.slice(newline + 1)}`;
    }
    case 'allLineBreaks':
      return text.replaceAll('\n', LINE_BREAKS[change.breakIndex] ?? '\n');
    case 'insert': {
      const at = text.length === 0 ? 0 : change.at % (text.length + 1);
      return `${text.slice(0, at)}${CONTROL_CHARACTERS[change.charIndex]}${text.slice(at)}`;
    }
    case 'tabIndent':
      return text[lineStart] === ' ' ? `${text.slice(0, lineStart)}\t${text.slice(lineStart + 1)}` : text;
    case 'bomAtLineStart':
      return `${text.slice(0, lineStart)}\uFEFF${text.slice(lineStart)}`;
  }
}

/** A YAML stream: a few documents with separators, directives and markers between them. */
const yamlStream: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '', '', '---\n', '\uFEFF', '%YAML 1.1\n---\n', '# head\n'), fc.array(fc.tuple(documentText, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '\n', '\n...\n', '\n---\n', '\n---'))
  .map(([head, documents, tail]) => head + documents.map(([text, separator], index) => (index === 0 ? text : separator + text)).join('\n') + tail);

/** A stream text: YAML (mostly) or JSON, then zero to three edits of how it is written. */
export const streamText: fc.Arbitrary<string> = fc
  .tuple(fc.oneof({ weight: 5, arbitrary: yamlStream }, { weight: 1, arbitrary: jsonText }), fc.array(edit, { maxLength: 3 }))
  .map(([text, edits]) => edits.reduce(applyEdit, text));
