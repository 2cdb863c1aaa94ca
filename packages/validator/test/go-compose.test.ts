/**
 * The go-yaml v2 composer (src/yaml/go/compose.ts) on event sequences written out by hand, each
 * as go-yaml's parser (parserc.go) gives them for the text beside it; the expected outcomes are
 * go-yaml's decode.go into interface{} and sigs.k8s.io/yaml's conversion (cited where not obvious).
 */
import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../src/limits.js';
import { composeGoDocument, type GoComposed } from '../src/yaml/go/compose.js';
import type { GoEvent, GoEventStream } from '../src/yaml/go/events.js';
import { GoYamlError, type GoMark } from '../src/yaml/go/tokens.js';

function markAt(text: string, offset: number): GoMark {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { offset, line, column: offset - (before.lastIndexOf('\n') + 1) };
}

type Properties = Pick<GoEvent, 'anchor' | 'tag'>;

/**
 * Writes a document's events in order, each located at the next occurrence of what it was
 * written as, from where the last one ended.
 */
class Events {
  readonly list: GoEvent[] = [];
  private cursor = 0;

  constructor(readonly text: string) {
    this.list.push(this.event('stream-start', 0, 0), this.event('document-start', 0, 0, { documentImplicit: true }));
  }

  private find(written: string): number {
    const at = this.text.indexOf(written, this.cursor);
    if (at < 0) throw new Error(`${JSON.stringify(written)} is not in the text after ${this.cursor}`);
    this.cursor = at + written.length;
    return at;
  }

  private event(type: GoEvent['type'], start: number, end: number, extra: Partial<GoEvent> = {}): GoEvent {
    return { type, start: markAt(this.text, start), end: markAt(this.text, end), ...extra };
  }

  /** A plain scalar (with its properties written before it, when given). */
  plain(written: string, properties: Properties & { value?: string } = {}): this {
    const start = this.find(written);
    const { value = written.replace(/^(?:[&!]\S*\s+)*/, ''), ...rest } = properties;
    const implicit = rest.tag === undefined || rest.tag === '!';
    this.list.push(this.event('scalar', start, start + written.length, { value, implicit, quotedImplicit: false, style: 'plain', tag: rest.tag ?? '', ...(rest.anchor ? { anchor: rest.anchor } : {}) }));
    return this;
  }

  quoted(written: string, value: string, properties: Properties = {}): this {
    const start = this.find(written);
    const style = written.endsWith('"') ? 'double-quoted' : 'single-quoted';
    const tag = properties.tag ?? '';
    this.list.push(this.event('scalar', start, start + written.length, { value, implicit: tag === '!', quotedImplicit: tag === '', style, tag, ...(properties.anchor ? { anchor: properties.anchor } : {}) }));
    return this;
  }

  /** An empty plain scalar where a value is missing (go-yaml marks it at the next token). */
  empty(): this {
    this.list.push(this.event('scalar', this.cursor, this.cursor, { value: '', implicit: true, style: 'plain', tag: '' }));
    return this;
  }

  alias(name: string): this {
    const start = this.find(`*${name}`);
    this.list.push(this.event('alias', start, start + name.length + 1, { anchor: name }));
    return this;
  }

  /** A collection start: flow when `written` ends with its bracket, else block at the first key or `-`. */
  start(kind: 'mapping' | 'sequence', written: string, properties: Properties = {}): this {
    const start = this.find(written);
    const flow = written.endsWith('{') || written.endsWith('[');
    const end = flow ? start + written.length : start;
    this.cursor = end;
    this.list.push(this.event(`${kind}-start`, start, end, { style: flow ? 'flow' : 'block', tag: properties.tag ?? '', ...(properties.anchor ? { anchor: properties.anchor } : {}) }));
    return this;
  }

  end(kind: 'mapping' | 'sequence', bracket?: '}' | ']'): this {
    const start = bracket ? this.find(bracket) : this.cursor;
    this.list.push(this.event(`${kind}-end`, start, bracket ? start + 1 : start));
    return this;
  }

  /** The events, then the document's and the stream's end; `failure` is thrown where the stream would go on. */
  stream(failure?: GoYamlError): GoEventStream {
    const events = failure ? this.list : [...this.list, this.event('document-end', this.text.length, this.text.length, { documentImplicit: true }), this.event('stream-end', this.text.length, this.text.length)];
    let next = 0;
    return {
      peek: () => {
        const event = events[next];
        if (event) return event;
        throw failure ?? new Error('read past the end of the stream');
      },
      skip: () => {
        next++;
      },
    };
  }
}

function compose(events: Events, failure?: GoYamlError): GoComposed {
  const { text } = events;
  return composeGoDocument(events.stream(failure), { text, index: 0, limits: resolveLimits({}), budget: { nodes: 0 }, lineOf: (offset) => markAt(text, offset).line + 1 });
}

const messages = (composed: GoComposed) => composed.problems.map((problem) => `${problem.ruleId}/${problem.messageId}@${problem.range.start}`);

describe('the go-yaml composer', () => {
  it('decodes a block mapping with flow and quoted values as go-yaml resolves them', () => {
    const text = 'a: 1.10\nb: [yes, "no", 0777]\nc: ~\nd:\n';
    const events = new Events(text)
      .start('mapping', 'a')
      .plain('a')
      .plain('1.10')
      .plain('b')
      .start('sequence', '[')
      .plain('yes')
      .quoted('"no"', 'no')
      .plain('0777')
      .end('sequence', ']')
      .plain('c')
      .plain('~')
      .plain('d')
      .empty()
      .end('mapping');
    const composed = compose(events);
    expect(composed.failed).toBe(false);
    expect(composed.value).toEqual({ a: 1.1, b: [true, 'no', 511], c: null, d: null });
    const root = composed.root;
    expect(root?.kind).toBe('map');
    expect(root?.head).toEqual({ start: 0, end: 7 });
    const b = root?.entries?.get('b');
    expect(b?.key).toMatchObject({ kind: 'scalar', style: 'plain', text: 'b', range: { start: 8, end: 9 } });
    expect(b?.value).toMatchObject({ kind: 'seq', flow: true, range: { start: 11, end: 28 } });
    expect(b?.value?.entries?.get(1)?.value).toMatchObject({ style: 'quoted', quote: 'double', text: 'no', range: { start: 17, end: 21 } });
    // An absent value is located where its key ends.
    expect(root?.entries?.get('d')?.value?.range).toEqual({ start: 35, end: 35 });
  });

  it('reads no document from an empty stream', () => {
    const text = '\n';
    const stream: GoEvent[] = [
      { type: 'stream-start', start: markAt(text, 0), end: markAt(text, 0) },
      { type: 'stream-end', start: markAt(text, 1), end: markAt(text, 1) },
    ];
    let next = 0;
    const composed = composeGoDocument({ peek: () => stream[next] as GoEvent, skip: () => void next++ }, { text, index: 0, limits: resolveLimits({}), budget: { nodes: 0 }, lineOf: () => 1 });
    expect(composed).toMatchObject({ noDocument: true, failed: false, value: null, root: null });
  });

  it('reports a scanner or parser error in go-yaml words at its problem mark', () => {
    const text = 'a: 1\n  b: 2\n';
    const events = new Events(text).start('mapping', 'a').plain('a').plain('1');
    const composed = compose(events, new GoYamlError('scanner', 'mapping values are not allowed in this context', markAt(text, 8)));
    expect(composed.failed).toBe(true);
    expect(composed.value).toBeUndefined();
    expect(composed.problems).toEqual([{ ruleId: 'yaml-syntax', messageId: 'parse', data: { message: 'mapping values are not allowed in this context' }, range: { start: 8, end: 9 } }]);
  });

  it('expands aliases, and fails on an unknown one and on one inside its own anchor', () => {
    const text = 'a: &x {k: v}\nb: *x\n';
    const ok = compose(new Events(text).start('mapping', 'a').plain('a').start('mapping', '&x {', { anchor: 'x' }).plain('k').plain('v').end('mapping', '}').plain('b').alias('x').end('mapping'));
    expect(ok.value).toEqual({ a: { k: 'v' }, b: { k: 'v' } });
    const b = ok.root?.entries?.get('b');
    expect(b?.alias).toEqual({ start: 16, end: 18 });
    expect(b?.value).toBe(ok.root?.entries?.get('a')?.value);
    // The anchored mapping starts after its anchor, as the `yaml` package ranges it.
    expect(b?.value?.range).toEqual({ start: 6, end: 12 });

    const unknown = compose(new Events('a: *y\n').start('mapping', 'a').plain('a').alias('y').end('mapping'));
    expect(unknown.failed).toBe(true);
    expect(messages(unknown)).toEqual(['yaml-syntax/unknownAlias@3']);

    // decode.go `alias`: "anchor 'x' value contains itself".
    const cycle = compose(new Events('&x [*x]\n').start('sequence', '&x [', { anchor: 'x' }).alias('x').end('sequence', ']'));
    expect(cycle.failed).toBe(true);
    expect(messages(cycle)).toEqual(['yaml-syntax/aliasCycle@4']);
  });

  it('an alias refers to the node last anchored with its name before it', () => {
    const text = '- &x 1\n- &x 2\n- *x\n';
    const composed = compose(new Events(text).start('sequence', '-').plain('&x 1', { anchor: 'x' }).plain('&x 2', { anchor: 'x' }).alias('x').end('sequence'));
    expect(composed.value).toEqual([1, 2, 2]);
  });

  it('merges mappings as go-yaml v2 does: in document order, a sequence from its last mapping to its first', () => {
    const text = 'a: &a {p: 1, q: 1}\nb: &b {q: 2, r: 2}\nc:\n  p: 0\n  <<: [*a, *b]\n  r: 3\n';
    const events = new Events(text)
      .start('mapping', 'a')
      .plain('a')
      .start('mapping', '&a {', { anchor: 'a' })
      .plain('p')
      .plain('1')
      .plain('q')
      .plain('1')
      .end('mapping', '}')
      .plain('b')
      .start('mapping', '&b {', { anchor: 'b' })
      .plain('q')
      .plain('2')
      .plain('r')
      .plain('2')
      .end('mapping', '}')
      .plain('c')
      .start('mapping', 'p')
      .plain('p')
      .plain('0')
      .plain('<<')
      .start('sequence', '[')
      .alias('a')
      .alias('b')
      .end('sequence', ']')
      .plain('r')
      .plain('3')
      .end('mapping')
      .end('mapping');
    const composed = compose(events);
    expect(composed.failed).toBe(false);
    // Merged keys replace the earlier `p: 0`; the first mapping of the sequence wins `q`; the later `r: 3` wins.
    expect((composed.value as Record<string, unknown>).c).toEqual({ p: 1, q: 1, r: 3 });
    const c = composed.root?.entries?.get('c')?.value;
    expect(c?.entries?.get('q')?.value).toBe(composed.root?.entries?.get('a')?.value?.entries?.get('q')?.value);
  });

  it('merges with `!!merge` and the non-specific tag, and fails when the value is no mapping', () => {
    const tagged = compose(new Events('!!merge <<: {a: 1}\n').start('mapping', '!!merge').plain('!!merge <<', { tag: 'tag:yaml.org,2002:merge', value: '<<' }).start('mapping', '{').plain('a').plain('1').end('mapping', '}').end('mapping'));
    expect(tagged.value).toEqual({ a: 1 });
    const quoted = compose(new Events('"<<": {a: 1}\n').start('mapping', '"<<"').quoted('"<<"', '<<').start('mapping', '{').plain('a').plain('1').end('mapping', '}').end('mapping'));
    expect(quoted.value).toEqual({ '<<': { a: 1 } });
    // decode.go `merge`: "map merge requires map or sequence of maps as the value".
    const scalar = compose(new Events('<<: 1\n').start('mapping', '<<').plain('<<').plain('1').end('mapping'));
    expect(messages(scalar)).toEqual(['yaml-syntax/mergeNotMap@4']);
    const inSequence = compose(new Events('<<: [{a: 1}, 2]\n').start('mapping', '<<').plain('<<').start('sequence', '[').start('mapping', '{').plain('a').plain('1').end('mapping', '}').plain('2').end('sequence', ']').end('mapping'));
    expect(messages(inSequence)).toEqual(['yaml-syntax/mergeNotMap@13']);
    const aliasOfScalar = compose(new Events('a: &s x\n<<: *s\n').start('mapping', 'a').plain('a').plain('&s x', { anchor: 's' }).plain('<<').alias('s').end('mapping'));
    expect(messages(aliasOfScalar)).toEqual(['yaml-syntax/mergeNotMap@12']);
  });

  it('resolves tags as resolve.go does and fails where it fails', () => {
    const text = 'a: !!binary aGVsbG8=\nb: !!str 12\nc: ! 12\nd: !local 12\ne: !!float 1\n';
    const events = new Events(text)
      .start('mapping', 'a')
      .plain('a')
      .plain('!!binary aGVsbG8=', { tag: 'tag:yaml.org,2002:binary' })
      .plain('b')
      .plain('!!str 12', { tag: 'tag:yaml.org,2002:str' })
      .plain('c')
      .plain('! 12', { tag: '!' })
      .plain('d')
      .plain('!local 12', { tag: '!local' })
      .plain('e')
      .plain('!!float 1', { tag: 'tag:yaml.org,2002:float' })
      .end('mapping');
    const composed = compose(events);
    expect(composed.value).toEqual({ a: 'hello', b: '12', c: '12', d: '12', e: 1 });
    const b = composed.root?.entries?.get('b')?.value;
    expect(b).toMatchObject({ style: 'other', tag: 'tag:yaml.org,2002:str', properties: true, range: { start: 30, end: 32 } });

    const badBase64 = compose(new Events('a: !!binary not*base64\n').start('mapping', 'a').plain('a').plain('!!binary not*base64', { tag: 'tag:yaml.org,2002:binary' }).end('mapping'));
    expect(messages(badBase64)).toEqual(['yaml-syntax/badTag@12']);
    const badInt = compose(new Events('a: !!int x\n').start('mapping', 'a').plain('a').plain('!!int x', { tag: 'tag:yaml.org,2002:int' }).end('mapping'));
    expect(badInt.failed).toBe(true);
    expect(badInt.problems[0]).toMatchObject({ messageId: 'badTag', data: { tag: '!!int', value: 'x' } });
  });

  it('converts keys as sigs.k8s.io/yaml does and fails on those JSON cannot carry, when they remain', () => {
    const text = '1e3: a\ntrue: b\n0x10: c\n-0.0: d\n';
    const keys = compose(new Events(text).start('mapping', '1e3').plain('1e3').plain('a').plain('true').plain('b').plain('0x10').plain('c').plain('-0.0').plain('d').end('mapping'));
    expect(keys.value).toEqual({ 1000: 'a', true: 'b', 16: 'c', '-0': 'd' });

    const nullKey = compose(new Events('~: a\n').start('mapping', '~').plain('~').plain('a').end('mapping'));
    expect(messages(nullKey)).toEqual(['yaml-syntax/nullKey@0']);
    const unsigned = compose(new Events('18446744073709551615: a\n').start('mapping', '1').plain('18446744073709551615').plain('a').end('mapping'));
    expect(messages(unsigned)).toEqual(['yaml-syntax/unsignedKey@0']);
    // A null key inside a value that a later duplicate replaces is gone before the conversion.
    const replaced = compose(new Events('a: {~: 1}\na: 2\n').start('mapping', 'a').plain('a').start('mapping', '{').plain('~').plain('1').end('mapping', '}').plain('a').plain('2').end('mapping'));
    expect(replaced.failed).toBe(false);
    expect(replaced.value).toEqual({ a: 2 });
    expect(messages(replaced)).toEqual(['yaml-duplicate-key/duplicate@10']);
    expect(replaced.problems[0]?.data).toEqual({ key: 'a', firstLine: 1 });
  });

  it('fails on a mapping or sequence as a key (decode.go "invalid map key")', () => {
    const composed = compose(new Events('? [a]\n: 1\n').start('mapping', '?').start('sequence', '[').plain('a').end('sequence', ']').plain('1').end('mapping'));
    expect(messages(composed)).toEqual(['yaml-syntax/complexKey@2']);
  });

  it('fails on infinities and NaN that remain in the value (encoding/json cannot write them)', () => {
    const remains = compose(new Events('a: [.inf]\n').start('mapping', 'a').plain('a').start('sequence', '[').plain('.inf').end('sequence', ']').end('mapping'));
    expect(messages(remains)).toEqual(['yaml-syntax/notJson@4']);
    expect(remains.problems[0]?.path).toEqual(['a', 0]);
    const replaced = compose(new Events('a: .nan\na: 1\n').start('mapping', 'a').plain('a').plain('.nan').plain('a').plain('1').end('mapping'));
    expect(replaced.failed).toBe(false);
  });

  it('fails on excessive aliasing as decode.go counts it, and on the configured alias limit', () => {
    // 12 aliases of a 100-item sequence: 1212 of 1330 decoded nodes come from aliases, under decode.go's 0.99.
    const items = Array.from({ length: 100 }, (_, index) => String(index));
    const text = `a: &x [${items.join(', ')}]\nb: [${Array.from({ length: 12 }, () => '*x').join(', ')}]\n`;
    const build = (aliases: number) => {
      const events = new Events(text).start('mapping', 'a').plain('a').start('sequence', '&x [', { anchor: 'x' });
      for (const item of items) events.plain(item);
      events.end('sequence', ']').plain('b').start('sequence', '[');
      for (let index = 0; index < aliases; index++) events.alias('x');
      return events.end('sequence', ']').end('mapping');
    };
    expect(compose(build(12)).failed).toBe(false);
    const { text: source } = build(12);
    const limited = composeGoDocument(build(12).stream(), { text: source, index: 0, limits: resolveLimits({ maxAliasCount: 5 }), budget: { nodes: 0 }, lineOf: () => 1 });
    expect(messages(limited)).toEqual([`input-too-large/aliases@${source.indexOf('*x') + 5 * 4}`]);

    // Nested aliases: nearly every node decoded comes from an alias expansion.
    const names = ['a', 'b', 'c', 'd'];
    const lines = names.map((name, level) => `${name}: &${name} [${Array.from({ length: 10 }, () => (level === 0 ? '1' : `*${names[level - 1]}`)).join(', ')}]`);
    const nested = new Events(`${lines.join('\n')}\ne: [${Array.from({ length: 10 }, () => '*d').join(', ')}]\n`).start('mapping', 'a');
    names.forEach((name, level) => {
      nested.plain(name).start('sequence', `&${name} [`, { anchor: name });
      for (let index = 0; index < 10; index++) {
        if (level === 0) nested.plain('1');
        else nested.alias(names[level - 1] ?? '');
      }
      nested.end('sequence', ']');
    });
    nested.plain('e').start('sequence', '[');
    for (let index = 0; index < 10; index++) nested.alias('d');
    nested.end('sequence', ']').end('mapping');
    const bomb = composeGoDocument(nested.stream(), { text: nested.text, index: 0, limits: resolveLimits({ maxAliasCount: 1_000_000 }), budget: { nodes: 0 }, lineOf: () => 1 });
    expect(bomb.failed).toBe(true);
    expect(bomb.problems[0]).toMatchObject({ messageId: 'parse', data: { message: 'document contains excessive aliasing' } });
  });

  it('stops reading nesting deeper than the depth limit', () => {
    const depth = 5;
    const text = `${'['.repeat(depth + 2)}${']'.repeat(depth + 2)}\n`;
    const events = new Events(text);
    for (let level = 0; level < depth + 2; level++) events.start('sequence', '[');
    for (let level = 0; level < depth + 2; level++) events.end('sequence', ']');
    const composed = composeGoDocument(events.stream(), { text, index: 0, limits: resolveLimits({ maxDepth: depth }), budget: { nodes: 0 }, lineOf: () => 1 });
    expect(messages(composed)).toEqual([`input-too-large/depth@${depth + 1}`]);
  });
});
