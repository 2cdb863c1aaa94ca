import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { readDocuments } from '../src/yaml/read.js';

const read = (text: string, limits = {}) => readDocuments(text, { ...DEFAULT_LIMITS, ...limits });
const values = (text: string) => read(text).documents.map((document) => document.value);

describe('readDocuments: values as go-yaml v2 + sigs.k8s.io/yaml produce them', () => {
  it('resolves plain scalars with YAML 1.1 rules and keeps quoted and block scalars as strings', () => {
    const [value] = values(`
plainFloat: 1.10
quoted: "1.10"
single: 'yes'
bool: yes
octal: 0777
nothing:
tilde: ~
block: |
  1.10
folded: >
  on
str: !!str 1.10
timestamp: 2018-02-18T22:47:02Z
dot: .
`);
    expect(value).toEqual({
      plainFloat: 1.1,
      quoted: '1.10',
      single: 'yes',
      bool: true,
      octal: 511,
      nothing: null,
      tilde: null,
      block: '1.10\n',
      folded: 'on\n',
      str: '1.10',
      timestamp: '2018-02-18T22:47:02Z',
      dot: '.',
    });
  });

  it('turns number and boolean keys into strings, case-sensitively', () => {
    expect(values('1: a\ntrue: b\n0x10: d\nKind: e\nkind: f\n')[0]).toEqual({ '1': 'a', true: 'b', '16': 'd', Kind: 'e', kind: 'f' });
  });

  it('sees `true` and `yes` as the same key, as go-yaml does', () => {
    const result = read('true: b\nyes: c\n');
    expect(result.documents[0]?.value).toEqual({ true: 'c' });
    expect(result.problems.map((problem) => problem.data)).toEqual([{ key: 'true', firstLine: 1 }]);
  });

  it('reads JSON, tabs included', () => {
    expect(values('{\n\t"kind": "ImageStream",\n\t"spec": {"tags": [1, true, null]}\n}\n')[0]).toEqual({
      kind: 'ImageStream',
      spec: { tags: [1, true, null] },
    });
  });

  it('expands aliases and merges like go-yaml v2 (later entries win, earlier sequence items win)', () => {
    const [value] = values(`
base: &base {a: 1, b: 2}
other: &other {b: 3, c: 4}
explicitFirst:
  a: 0
  <<: *base
explicitLast:
  <<: *base
  a: 9
list:
  <<: [*base, *other]
copy: *base
`);
    expect(value).toMatchObject({
      explicitFirst: { a: 1, b: 2 },
      explicitLast: { a: 9, b: 2 },
      list: { a: 1, b: 2, c: 4 },
      copy: { a: 1, b: 2 },
    });
  });

  it('keeps a quoted "<<" as an ordinary key', () => {
    expect(values('"<<": {a: 1}\n')[0]).toEqual({ '<<': { a: 1 } });
  });

  it('reads block scalars by go-yaml rules: content indented by one at the top level, indicators from the enclosing collection, LS and PS kept', () => {
    // Expected values are go-yaml v2's (tools/oracle).
    expect(values('|\ntext\n')).toEqual(['']);
    expect(values('|+\n\ntext\n')).toEqual(['\n']);
    expect(values('|1\n  x\n')).toEqual([' x\n']);
    expect(values('a:\n  b: |2\n     x\n')).toEqual([{ a: { b: ' x\n' } }]);
    expect(values('a: >+\n  x\n  ')).toEqual([{ a: 'x\n\n' }]);
    expect(values('a: >\n  x\u2028  y\n  z\n')).toEqual([{ a: 'x\u2028y z\n' }]);
  });

  it('folds LS and PS in quoted and plain scalars as go-yaml does, and keeps NBSP as text', () => {
    expect(values('"a\u2028\nb"')).toEqual(['a\u2028\nb']);
    expect(values('"a\n\u2028b"')).toEqual(['a\u2028b']);
    expect(values('a\u2028\nb')).toEqual(['a\u2028\nb']);
    expect(values('[\u00a0a, \u00a0"b"]')).toEqual([['\u00a0a', '\u00a0"b"']]);
    // A `-` before a flow indicator starts a plain scalar to go-yaml.
    expect(values('a: [-, b, {c: -}]\n')).toEqual([{ a: ['-', 'b', { c: '-' }] }]);
  });

  it('ends a root node empty at a second tag, and merges with a `! <<` key, as go-yaml does', () => {
    expect(values('!\t!map {}\n')).toEqual(['']);
    expect(values('! <<: {a: 1}\nb: 2\n')).toEqual([{ a: 1, b: 2 }]);
  });

  it('skips empty documents but counts them in documentIndex, as oc does (not the nothing between two ---)', () => {
    const result = read('---\n---\n# only a comment\n---\nkind: A\n---\n~\n---\nkind: B\n');
    expect(result.documents.map((document) => [document.index, document.value])).toEqual([
      [1, { kind: 'A' }],
      [3, { kind: 'B' }],
    ]);
  });
});

describe('readDocuments: problems', () => {
  it('reports every syntax error and still reads the other documents', () => {
    const result = read('a: [1, 2\n---\nkind: Good\n---\nb: c: d\n---\ne: "unterminated\n');
    const syntax = result.problems.filter((problem) => problem.ruleId === 'yaml-syntax');
    expect(new Set(syntax.map((problem) => problem.documentIndex))).toEqual(new Set([0, 2, 3]));
    expect(result.documents.find((document) => document.index === 1)).toMatchObject({ value: { kind: 'Good' }, unreadable: false });
    expect(result.documents.filter((document) => document.unreadable).map((document) => document.index)).toEqual([0, 2, 3]);
  });

  it('positions an unclosed quote or bracket at its opening character', () => {
    const starts = (text: string) => read(text).problems.map((problem) => [problem.range.start, problem.data.message]);
    expect(starts('a: "abc\nb: 1\n')).toEqual([[3, 'Missing closing "quote']]);
    expect(starts('x: 1\na: [1, {b: 2}\n---\nc: 1\n')).toEqual([[8, 'Flow sequence in block collection must be sufficiently indented and end with a ]']]);
    expect(starts('{"a": 1\n')).toEqual([[0, 'Flow map must end with a }']]);
  });

  it('names the character a JSON stream string fails at, and places an unclosed one at its quote', () => {
    const failures = (text: string) => read(text).problems.map((problem) => [problem.range.start, problem.data.message]);
    // Two values or more make it a JSON stream: encoding/json's error is final.
    expect(failures('{}\n{}\n{"a\nb": 1}\n')).toEqual([[9, 'invalid character "\\n" in string literal']]);
    expect(failures('{}\n{}\n{"x": "\\q"}')).toEqual([[14, 'invalid character "q" in string escape code']]);
    expect(failures('{}\n{}\n{"x": "\\u12"}')).toEqual([[17, 'invalid character "\\"" in \\u hexadecimal character escape']]);
    expect(failures('{}\n{}\n{"x": "abc')).toEqual([[12, 'unexpected EOF']]);
  });

  it('reports a duplicate key at the second key with the line of the first', () => {
    const text = 'metadata:\n  name: a\n  labels: {}\n  name: b\n';
    const result = read(text);
    expect(result.problems).toEqual([
      {
        ruleId: 'yaml-duplicate-key',
        messageId: 'duplicate',
        data: { key: 'name', firstLine: 2 },
        range: { start: text.lastIndexOf('name'), end: text.lastIndexOf('name') + 4 },
        documentIndex: 0,
        path: ['metadata', 'name'],
      },
    ]);
    expect(result.documents[0]?.value).toEqual({ metadata: { name: 'b', labels: {} } });
  });

  it('treats keys that decode to the same string as duplicates, and different cases as different keys', () => {
    expect(read('1: a\n"1": b\n').problems.map((problem) => problem.ruleId)).toEqual(['yaml-duplicate-key']);
    expect(read('name: a\nName: b\n').problems).toEqual([]);
  });

  it('reports a duplicate inside an anchored mapping once, however often it is aliased', () => {
    const result = read('a: &x {k: 1, k: 2}\nb: *x\nc: *x\n');
    expect(result.problems.filter((problem) => problem.ruleId === 'yaml-duplicate-key')).toHaveLength(1);
  });

  it('rejects null and complex keys, bad merges and impossible tags', () => {
    const ids = (text: string) => read(text).problems.map((problem) => problem.messageId);
    expect(ids('~: a\n')).toEqual(['nullKey']);
    expect(ids('? [a, b]\n: c\n')).toEqual(['complexKey']);
    expect(ids('<<: 1\n')).toEqual(['mergeNotMap']);
    expect(ids('a: !!int abc\n')).toEqual(['badTag']);
  });

  it('rejects tags go-yaml cannot scan and block scalars it fails on or ends early', () => {
    const ids = (text: string) => read(text).problems.map((problem) => problem.messageId);
    expect(ids('a: !!str\u00a0x\n')).toContain('tag');
    expect(ids('a: !<tag:ya\u00a0ml.org,2002:str> x\n')).toContain('tag');
    expect(ids('a: !! x\n')).toContain('tag');
    expect(ids('a: !%ZZ x\n')).toContain('tag');
    expect(ids('a: |\n   \n\t x\n')).toContain('blockScalar');
    expect(ids('a: |\n      \n    text\n')).toEqual(['blockScalarEnd']);
  });

  it('stops an alias bomb at the alias limit', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => {
      const previous = String.fromCharCode(97 + i);
      const name = String.fromCharCode(98 + i);
      return `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`;
    })].join('\n');
    const result = read(bomb);
    expect(result.problems.map((problem) => [problem.ruleId, problem.messageId])).toEqual([['input-too-large', 'aliases']]);
    expect(result.documents[0]?.unreadable).toBe(true);
  });

  it('enforces the byte, document, depth and node limits', () => {
    const messageIds = (text: string, limits: object) => read(text, limits).problems.map((problem) => `${problem.ruleId}/${problem.messageId}`);
    expect(messageIds('a: ééé\n', { maxBytes: 8 })).toEqual(['input-too-large/bytes']);
    expect(messageIds('a: 1\n---\nb: 2\n---\nc: 3\n', { maxDocuments: 2 })).toEqual(['input-too-large/documents']);
    expect(messageIds(`${'['.repeat(30)}${']'.repeat(30)}\n`, { maxDepth: 10 })).toEqual(['input-too-large/flowDepth']);
    expect(messageIds(Array.from({ length: 12 }, (_, depth) => `${'  '.repeat(depth)}k:`).join('\n'), { maxDepth: 10 })).toEqual(['input-too-large/depth']);
    // The node budget bounds the tokens read and, after aliases are expanded, the nodes built.
    expect(messageIds('[1, 2, 3, 4, 5, 6]\n', { maxNodes: 5 })).toEqual(['input-too-large/tokens']);
    expect(messageIds('a: &a [1, 2, 3, 4, 5, 6]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n', { maxNodes: 60 })).toEqual(['input-too-large/nodes']);
  });

  it('checks bracket depth before parsing, ignoring brackets inside strings', () => {
    const deep = `a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    const result = read(deep);
    expect(result.problems).toMatchObject([{ ruleId: 'input-too-large', messageId: 'flowDepth', range: { start: 3 + DEFAULT_LIMITS.maxDepth } }]);
    expect(result.documents).toEqual([]);
    expect(read(`a: "${'['.repeat(300)}"\nb: '${'{'.repeat(300)}'\nc: |\n  ${'['.repeat(300)}\n`).problems).toEqual([]);
  });

  it('reports parser stack exhaustion on deep block nesting as too deep, not as a syntax error', () => {
    const deep = Array.from({ length: 3000 }, (_, depth) => `${' '.repeat(depth)}- `).join('\n') + 'x\n';
    expect(read(deep).problems.map((problem) => `${problem.ruleId}/${problem.messageId}`)).toEqual(['input-too-large/depth']);
  });

  it('collects comments with their offsets when the text may hold a directive', () => {
    const text = 'a: 1 # one\n# ocp-image-disable\nb: "#not"\n';
    expect(read(text).comments).toEqual([
      { offset: text.indexOf('# one'), text: '# one' },
      { offset: text.indexOf('# ocp'), text: '# ocp-image-disable' },
    ]);
    expect(read('a: 1 # one\n').comments).toEqual([]);
  });
});

describe('readDocuments: go-yaml v2 (the port in src/yaml/go) decides what the complete reader reads', () => {
  // A `# ocp-image-` comment sends every text to the complete reader.
  const complete = (text: string) => read(`${text}# ocp-image-disable-line\n`);

  it('reports go-yaml\'s problem, at its mark and in its words, where only go-yaml fails', () => {
    // go-yaml takes `]` into the tag (scannerc.go yaml_parser_scan_tag_uri), then misses the closing bracket.
    const text = 'a: 1\nb: [!!str] \n';
    const result = complete(text);
    expect(result.documents[0]?.unreadable).toBe(true);
    // go-yaml notices the missing bracket where the text ends.
    expect(result.problems.map((problem) => [problem.ruleId, problem.data.message, problem.range.start])).toEqual([['yaml-syntax', "did not find expected ',' or ']'", `${text}# ocp-image-disable-line\n`.length]]);
  });

  it('gives go-yaml\'s value, located from its marks, where the yaml package reads otherwise', () => {
    // In a flow collection `?` is a key indicator to go-yaml, also after a plain scalar started.
    const result = complete('kind: x\nitems: [?a, b]\n');
    expect(result.problems).toEqual([]);
    const [document] = result.documents;
    expect(document?.value).toEqual({ kind: 'x', items: [{ a: null }, 'b'] });
    const items = document?.source()?.entries?.get('items')?.value;
    expect(items).toMatchObject({ kind: 'seq', flow: true, range: { start: 15, end: 22 } });
    expect(items?.entries?.get(1)?.value).toMatchObject({ kind: 'scalar', style: 'plain', text: 'b', range: { start: 20, end: 21 } });
  });

  it('keeps the yaml package\'s findings where both fail', () => {
    const result = complete('a: "abc\nb: 1\n');
    expect(result.problems.map((problem) => [problem.range.start, problem.data.message])).toEqual([[3, 'Missing closing "quote']]);
  });

  it('locates a collection\'s first line at its first key as written, a merge key or a key repeated later too', () => {
    const text = 'base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\nd:\n  k: 1\n  k: 2\n';
    const root = complete(text).documents[0]?.source();
    expect(root?.entries?.get('m')?.value?.head).toEqual({ start: text.indexOf('<<'), end: text.indexOf('*b') + 2 });
    expect(root?.entries?.get('d')?.value?.head).toEqual({ start: text.indexOf('k: 1'), end: text.indexOf('k: 1') + 4 });
  });

  it('ends block collections for removal where the yaml package does: after the line break, and the comments after a nested collection', () => {
    const text = 'a:\n  b:\n    c: 1\n    # inner\n  # outer\nd: 2 # same line\n';
    const [document] = complete(text).documents;
    const exactA = document?.exactSource()?.entries?.get('a')?.value;
    expect(text.slice(exactA?.range.start, exactA?.range.end)).toBe('b:\n    c: 1\n    # inner\n  # outer\n');
    expect(text.slice(exactA?.entries?.get('b')?.value?.range.start, exactA?.entries?.get('b')?.value?.range.end)).toBe('c: 1\n');
    // source() ends a block collection with its last value, as the fast reader does.
    const a = document?.source()?.entries?.get('a')?.value;
    expect(text.slice(a?.range.start, a?.range.end)).toBe('b:\n    c: 1');
  });

  it('still validates a document only the conversion to JSON fails on, with go-yaml\'s value', () => {
    const result = complete('a: .nan\nb: x\n');
    expect(result.problems.map((problem) => [problem.messageId, problem.path])).toEqual([['notJson', ['a']]]);
    expect(result.documents[0]).toMatchObject({ unreadable: false, value: { a: Number.NaN, b: 'x' } });
  });

  it('counts the tokens of documents only go-yaml read when a later one could reach the token budget', () => {
    // 13 tokens a document as the yaml lexer counts them (parseBounded): the third crosses 30, not 45.
    const text = 'a: [1, 2, 3]\n---\na: [1, 2, 3]\n---\na: [1, 2, 3]\n# ocp-image-disable-line\n';
    const limited = read(text, { maxNodes: 30 });
    expect(limited.problems.map((problem) => [problem.ruleId, problem.messageId, problem.documentIndex])).toEqual([['input-too-large', 'tokens', 2]]);
    expect(limited.documents.map((document) => document.value)).toEqual([{ a: [1, 2, 3] }, { a: [1, 2, 3] }]);
    expect(read(text, { maxNodes: 45 }).problems).toEqual([]);
  });
});
