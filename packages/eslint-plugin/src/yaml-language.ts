import type { File, FileProblem, Language, OkParseResult, ParseResult, RulesConfig, SourceLocation } from '@eslint/core';
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import { LINE_BREAK, type Finding, type SourceComment } from '@ocp-image/validator';
import { pluginNamespace } from './meta.js';
import { parseErrorRules, toFileError, unreadableYamlRules } from './parse-errors.js';
import { rememberFindings, validateManifest, validationOptions } from './validation.js';

/**
 * The `ocp-image/yaml` language: YAML manifests read once, by the validator. The rules need only
 * the text and the validator's findings, so this language builds no YAML syntax tree — just the
 * root node and the comments that hold ESLint directives, which the same reading returns (within
 * the input limits). A YAML syntax tree (eslint-plugin-yml's language) would cost a second full
 * parse. eslint-plugin-yml's rules need that tree: they run on its own `yml/yaml` language, where
 * the ocp-image rules run too.
 */

/** The root: the YAML stream, all documents of the file. Not `Program`, for which ESLint's JavaScript
 *  rules listen and then ask for a JavaScript scope: a JavaScript config without `files` would fail here. */
interface StreamNode {
  type: 'Stream';
  range: [number, number];
  loc: SourceLocation;
}

interface CommentNode {
  type: 'Comment';
  /** The comment's text after `#`, as ESLint's directive parser expects. */
  value: string;
  range: [number, number];
  loc: SourceLocation;
}

/** A `# eslint rule-id: severity` comment's rules, where it stands. */
interface InlineConfigElement {
  config: { rules: RulesConfig };
  loc: SourceLocation;
}

type ManifestParseResult = OkParseResult<StreamNode> & { findings: readonly Finding[]; comments: readonly SourceComment[] };

/** ESLint's directive comments: `eslint`, `eslint-disable`, `eslint-enable`, `eslint-disable-line`, `eslint-disable-next-line`. */
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;
const commentParser = new ConfigCommentParser();

const notATree = `${pluginNamespace}/yaml builds no YAML syntax tree, so rules of eslint-plugin-yml cannot run on it. Lint these files with language "yml/yaml" instead (the ${pluginNamespace} rules run there too): put eslint-plugin-yml's config after ${pluginNamespace}'s, or set language: "yml/yaml".`;

/** eslint-plugin-yml's rules ask `parserServices.isYAML` first: tell them, loudly, instead of letting them skip the file. */
const parserServices = Object.freeze({
  get isYAML(): never {
    throw new Error(notATree);
  },
});

class ManifestSourceCode extends TextSourceCodeBase<{ LangOptions: Record<string, never>; RootNode: StreamNode; SyntaxElementWithLoc: StreamNode | CommentNode; ConfigNode: CommentNode }> {
  readonly hasBOM: boolean;
  readonly visitorKeys = { Stream: [] };
  readonly parserServices = parserServices;
  readonly #inlineConfigNodes: CommentNode[];

  constructor(text: string, ast: StreamNode, hasBOM: boolean, comments: readonly SourceComment[]) {
    // Lines end where the validator's findings say they do.
    super({ text, ast, lineEndingPattern: LINE_BREAK });
    this.hasBOM = hasBOM;
    this.#inlineConfigNodes = comments
      .filter((comment) => INLINE_CONFIG.test(comment.text.slice(1)))
      .map(({ offset, text: source }) => {
        const range: [number, number] = [offset, offset + source.length];
        return { type: 'Comment', value: source.slice(1), range, loc: { start: this.getLocFromIndex(range[0]), end: this.getLocFromIndex(range[1]) } };
      });
  }

  /** The root is the only node: rules listen to it. */
  override traverse(): VisitNodeStep[] {
    return [new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast] }), new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast] })];
  }

  getInlineConfigNodes(): CommentNode[] {
    return this.#inlineConfigNodes;
  }

  /** A YAML comment ends at its line's end, so no directive can span lines: there are no problems to report. */
  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const directive = commentParser.parseDirective(comment.value);
      const type = directive?.label.startsWith('eslint-') ? directive.label.slice('eslint-'.length) : undefined;
      if (directive && (type === 'disable' || type === 'enable' || type === 'disable-line' || type === 'disable-next-line')) {
        directives.push(new Directive({ type, node: comment, value: directive.value, justification: directive.justification }));
      }
    }
    return { problems: [], directives };
  }

  /** `# eslint rule-id: severity` comments. */
  applyInlineConfig(): { configs: InlineConfigElement[]; problems: FileProblem[] } {
    const configs: InlineConfigElement[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const directive = commentParser.parseDirective(comment.value);
      if (directive?.label !== 'eslint') continue;
      const parsed = commentParser.parseJSONLikeConfig(directive.value);
      if (parsed.ok) configs.push({ config: { rules: parsed.config as RulesConfig }, loc: comment.loc });
      else problems.push({ ruleId: null, message: parsed.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }
}

function streamNode(text: string): StreamNode {
  const lines = text.split(LINE_BREAK);
  return {
    type: 'Stream',
    range: [0, text.length],
    loc: { start: { line: 1, column: 0 }, end: { line: lines.length, column: lines.at(-1)?.length ?? 0 } },
  };
}

export const yamlLanguage: Language = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: 'type',
  visitorKeys: { Stream: [] },
  validateLanguageOptions() {
    // No options: the validator reads YAML as the API server does, whatever a config says (the
    // configs' YAML version is for eslint-plugin-yml's language, see configs.ts).
  },
  parse(file: File): ParseResult<StreamNode> {
    const text = String(file.body);
    // Most manifests have no ESLint comment: comments are asked for only where one may be.
    const { findings, comments = [] } = validateManifest(text, { ...validationOptions(file.path), comments: text.includes('eslint') });
    // Text the validator cannot read as YAML is what a parser would reject: ESLint's fatal errors.
    if (findings.some((finding) => unreadableYamlRules.has(finding.ruleId))) {
      return { ok: false, errors: findings.filter((finding) => parseErrorRules.has(finding.ruleId)).map(toFileError) };
    }
    const result: ManifestParseResult = { ok: true, ast: streamNode(text), findings, comments };
    return result;
  },
  createSourceCode(file: File, parseResult: OkParseResult<StreamNode>) {
    const { ast, findings, comments } = parseResult as ManifestParseResult;
    const sourceCode = new ManifestSourceCode(String(file.body), ast, file.bom, comments);
    // The rules report these findings; without rule options they need no second validation.
    rememberFindings(sourceCode, findings);
    return sourceCode;
  },
};
