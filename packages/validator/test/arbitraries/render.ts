/**
 * Ways to write a manifest as text. `renderings` keep the meaning (what go-yaml v2 decodes is the
 * value given): block and flow styles, quoting styles, JSON, comments everywhere, anchors and
 * aliases, merge keys, explicit tags. `hostileText` then breaks the text in the ways real files
 * and attackers do, for invariants that must hold on any input.
 */
import fc from 'fast-check';
import { Document, isScalar, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';

/** Deterministic choices drawn by fast-check, consumed in turn. */
export class Choices {
  private index = 0;
  constructor(private readonly values: readonly number[]) {}
  /** An integer in [0, bound). */
  next(bound: number): number {
    if (this.values.length === 0 || bound <= 1) return 0;
    const value = this.values[this.index % this.values.length] ?? 0;
    this.index += 1;
    return value % bound;
  }
  chance(percent: number): boolean {
    return this.next(100) < percent;
  }
}

export const choices = fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 40 }).map((values) => new Choices(values));

/**
 * A careful YAML writer quotes what looks like a number, boolean or null to YAML 1.1 or Go's
 * strconv (`0o17`, `1_000`, `y`), which the `yaml` package's 1.1 schema alone does not all quote,
 * text holding a character that breaks lines for go-yaml, and text holding a `?`, which ends a
 * plain scalar in a flow collection for go-yaml (scannerc.go yaml_parser_scan_plain_scalar).
 */
const LOOKS_TYPED = /^(?:[-+.~0-9]|(?:y|n|yes|no|on|off|true|false|null)$)/i;

function quoteLookalikes(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      // NEL, LS and PS break lines for go-yaml: unquoted, they would end the scalar.
      if (typeof node.value === 'string' && (node.value === '' || node.value === '<<' || node.value === '=' || LOOKS_TYPED.test(node.value) || /[\u0085\u2028\u2029?]/.test(node.value))) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
}

function yamlDocument(value: unknown): Document {
  const doc = new Document(value, { version: '1.1' });
  quoteLookalikes(doc);
  return doc;
}

/** Comments before keys and after values, directives that change nothing included. */
function addComments(doc: Document, pick: Choices): void {
  doc.commentBefore = pick.chance(50) ? ' generated manifest' : null;
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key as YamlNode | null;
      if (key && isScalar(key) && pick.chance(30)) key.commentBefore = pick.chance(20) ? ' ocp-image-disable-next-line no-such-rule' : ' a comment: with # marks';
      const value = pair.value as YamlNode | null;
      if (value && isScalar(value) && pick.chance(30)) value.comment = ' trailing # comment';
    },
  });
}

/** Repeated scalars and collections become aliases of their first occurrence. */
function addAliases(doc: Document, pick: Choices): void {
  const first = new Map<string, Scalar | YAMLMap | YAMLSeq>();
  const fingerprint = (node: YamlNode) => `${node.constructor.name}:${node.tag ?? ''}:${JSON.stringify(node.toJSON())}`;
  const alias = (key: unknown, node: Scalar | YAMLMap | YAMLSeq): YamlNode | undefined => {
    if (key === 'key') return undefined;
    const id = fingerprint(node);
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, node);
      return undefined;
    }
    return pick.chance(60) ? doc.createAlias(earlier) : undefined;
  };
  visit(doc, {
    Scalar: (key, node) => alias(key, node),
    Map: (key, node) => (node === doc.contents ? undefined : alias(key, node)),
    Seq: (key, node) => alias(key, node),
  });
}

/** Some keys of some mappings move into a `<<:` merge of an inline mapping (same decoded value). */
function addMergeKeys(doc: Document, pick: Choices): void {
  visit(doc, {
    Map(_key, map) {
      if (map.items.length < 2 || !pick.chance(40)) return;
      const moved = new YAMLMap();
      moved.flow = pick.chance(50);
      const count = 1 + pick.next(map.items.length - 1);
      moved.items = map.items.splice(map.items.length - count, count);
      map.items.unshift(new Pair(new Scalar('<<'), moved));
      return visit.SKIP;
    },
  });
}

/** Explicit core tags on scalars: `!!str 1.10`, `!!int 3`, `!!bool true`. */
function addTags(doc: Document, pick: Choices): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || !pick.chance(40)) return;
      if (typeof node.value === 'string') node.tag = 'tag:yaml.org,2002:str';
      else if (typeof node.value === 'number' && Number.isInteger(node.value)) node.tag = 'tag:yaml.org,2002:int';
      else if (typeof node.value === 'boolean') node.tag = 'tag:yaml.org,2002:bool';
    },
  });
}

export type RenderingName =
  | 'block'
  | 'block-indent4'
  | 'double-quoted'
  | 'single-quoted'
  | 'flow'
  | 'json'
  | 'json-compact'
  | 'comments'
  | 'aliases'
  | 'merge-keys'
  | 'tags';

export const RENDERING_NAMES: readonly RenderingName[] = [
  'block', 'block-indent4', 'double-quoted', 'single-quoted', 'flow', 'json', 'json-compact', 'comments', 'aliases', 'merge-keys', 'tags',
];

/** The manifest written one way; every rendering decodes (as go-yaml v2 would) to `value`. */
export function render(value: unknown, rendering: RenderingName, pick: Choices): string {
  const doc = yamlDocument(value);
  const lineWidth = pick.chance(50) ? 0 : 40;
  switch (rendering) {
    case 'block':
      return doc.toString({ lineWidth });
    case 'block-indent4':
      return doc.toString({ indent: 4, indentSeq: false, lineWidth });
    case 'double-quoted':
      return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth });
    case 'single-quoted':
      return doc.toString({ defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth });
    case 'flow':
      return doc.toString({ collectionStyle: 'flow', lineWidth });
    case 'json':
      return `${JSON.stringify(value, null, 2)}\n`;
    case 'json-compact':
      return JSON.stringify(value);
    case 'comments':
      addComments(doc, pick);
      return doc.toString({ lineWidth });
    case 'aliases':
      addAliases(doc, pick);
      return doc.toString({ lineWidth });
    case 'merge-keys':
      addMergeKeys(doc, pick);
      return doc.toString({ lineWidth });
    case 'tags':
      addTags(doc, pick);
      return doc.toString({ lineWidth });
  }
}

export const rendering = fc.constantFrom(...RENDERING_NAMES);

/** Several manifests in one file: documents, a List or a Template. */
export function renderFile(values: readonly unknown[], layout: 'documents' | 'list' | 'template', renderingName: RenderingName, pick: Choices): string {
  if (layout === 'list') return render({ apiVersion: 'v1', kind: 'List', items: values }, renderingName, pick);
  if (layout === 'template') {
    return render({ apiVersion: 'template.openshift.io/v1', kind: 'Template', metadata: { name: 'fuzz' }, objects: values }, renderingName, pick);
  }
  const separator = renderingName === 'json' || renderingName === 'json-compact' ? '\n---\n' : '---\n';
  return values.map((value) => render(value, renderingName, pick)).join(separator);
}

/** Characters that are trouble anywhere in a YAML file. */
const TROUBLE = [
  '\u0000', '\u0001', '\u0007', '\u001b', '\t', '\r', '\r\n', '\n', '\u0085', '\u2028', '\u2029', '\ufeff', '\ufffe', '\ud800', '\udc00', '\ud83d',
  ':', '- ', '? ', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '{', '}', '[', ']', ',', '---', '...', '<<', '${X}', '${{Y}}',
];

const RANDOM_TAGS = [
  '!!binary', '!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq', '!!set', '!!omap', '!!pairs', '!!timestamp', '!!merge', '!!value',
  '!local', '!<tag:example.com,2000:app/foo>', '!e!x', '!!', '!',
];

export const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

type TextEdit = (text: string, pick: Choices) => string;

/** Keeps generated inputs small enough for 100,000 cases (the size limits have their own tests). */
const MAX_TEXT_SIZE = 60_000;

const at = (text: string, pick: Choices): number => pick.next(text.length + 1);

/** Edits that break a text the way broken files and attackers do. */
export const TEXT_EDITS: Readonly<Record<string, TextEdit>> = {
  truncate: (text, pick) => text.slice(0, at(text, pick)),
  insertTrouble: (text, pick) => {
    const offset = at(text, pick);
    return text.slice(0, offset) + TROUBLE[pick.next(TROUBLE.length)] + text.slice(offset);
  },
  insertCodeUnit: (text, pick) => {
    const offset = at(text, pick);
    return text.slice(0, offset) + String.fromCharCode(pick.next(0x10000)) + text.slice(offset);
  },
  deleteRange: (text, pick) => {
    const start = at(text, pick);
    return text.slice(0, start) + text.slice(start + pick.next(40));
  },
  duplicateRange: (text, pick) => {
    const start = at(text, pick);
    const end = start + pick.next(80);
    return text.slice(0, end) + text.slice(start, end) + text.slice(end);
  },
  commentEveryLine: (text) =>
    text
      .split('\n')
      .map((line, index) => (index % 2 === 0 ? `${line} # c${index}` : `# ocp-image-disable-line\n${line}`))
      .join('\n'),
  directives: (text, pick) =>
    [
      '%YAML 1.1\n---\n',
      '%YAML 1.2\n---\n',
      '%TAG ! tag:example.com,2000:\n---\n',
      '# ocp-image-disable\n',
      '# ocp-image-disable schema-required, not-a-rule -- why\n',
      '# ocp-image-enable\n',
      '\ufeff',
      '---\n...\n---\n',
    ][pick.next(8)] + text,
  tabsForIndent: (text) => text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2)),
  crlf: (text) => text.replaceAll('\n', '\r\n'),
  loneCr: (text) => text.replaceAll('\n', '\r'),
  anchorAndAlias: (text, pick) => {
    const lines = text.split('\n');
    const index = pick.next(lines.length);
    lines[index] = (lines[index] ?? '').replace(/: (\S)/, ': &x $1');
    lines.splice(Math.min(lines.length, index + 1 + pick.next(5)), 0, pick.chance(50) ? 'alias: *x' : '<<: *x');
    return lines.join('\n');
  },
  selfAlias: (text) => `${text}\nloop: &loop [*loop]\nmerge: &m {<<: *m}\n`,
  randomTag: (text, pick) => text.replace(/: (?=\S)/, `: ${RANDOM_TAGS[pick.next(RANDOM_TAGS.length)]} `),
  dangerousKey: (text, pick) => {
    const lines = text.split('\n');
    const index = pick.next(lines.length);
    const indent = /^\s*(?:- )?/.exec(lines[index] ?? '')?.[0].replace('- ', '  ') ?? '';
    lines.splice(index + 1, 0, `${indent}${DANGEROUS_KEYS[pick.next(DANGEROUS_KEYS.length)]}: {polluted: yes, kind: ImageStream}`);
    return lines.join('\n');
  },
  deepFlow: (text, pick) => {
    const depth = 1 + pick.next(400);
    return `${text}\ndeep: ${'['.repeat(depth)}x${']'.repeat(pick.chance(80) ? depth : pick.next(depth))}\n`;
  },
  deepBlock: (text, pick) => {
    const depth = 1 + pick.next(300);
    return `${text}\n${Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')} end\n`;
  },
  manyDocuments: (text, pick) => {
    const copies = Math.max(2, Math.min(2 + pick.next(20), Math.floor(MAX_TEXT_SIZE / Math.max(1, text.length))));
    return Array.from({ length: copies }, () => text).join(pick.chance(50) ? '\n---\n' : '\n...\n---\n');
  },
  duplicateKeys: (text) => text.replace(/^(\s*)(name: .*)$/m, '$1$2\n$1$2'),
  blockScalars: (text) => text.replace(/: (\S.*)$/m, ': |-\n    $1\n    more'),
  casing: (text) => text.replace(/\bkind:/, 'Kind:').replace(/\bapiVersion:/, 'ApiVersion:'),
};

export const TEXT_EDIT_NAMES = Object.keys(TEXT_EDITS);

/** A text after a few hostile edits. */
export function hostileText(text: string, edits: readonly string[], pick: Choices): string {
  return edits.reduce((current, name) => TEXT_EDITS[name]?.(current, pick) ?? current, text);
}

/** Edits that multiply the text: rarer, to keep the average case small. */
const GROWING_EDITS = ['manyDocuments', 'duplicateRange', 'commentEveryLine'];

export const textEdits = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...TEXT_EDIT_NAMES.filter((name) => !GROWING_EDITS.includes(name))) },
    { weight: 1, arbitrary: fc.constantFrom(...GROWING_EDITS) },
  ),
  { minLength: 1, maxLength: 4 },
);
