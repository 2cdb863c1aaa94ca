/**
 * The contracts shared by the validator, the rule registry and every front end
 * (CLI, ESLint plugin). Positions are 1-based; `endColumn` is exclusive like ESLint's.
 */

export type Severity = 'error' | 'warning';
export type SeveritySetting = 'off' | 'warn' | 'error';

/** syntax: YAML as the server reads it · schema: JSON Schema · server: the API server's validation
 *  · docs: what the reference states but a schema cannot express · lint: accepted but almost
 *  certainly a mistake. */
export type RuleCategory = 'syntax' | 'schema' | 'server' | 'docs' | 'lint';

/** A path into a document as written: `['spec', 'tags', 0, 'from', 'kind']`. */
export type PathSegment = string | number;

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Rendered path, e.g. `spec.tags[0].from.kind` or `metadata.labels["app.kubernetes.io/name"]`. */
  path: string;
  /** 0-based index of the YAML document in the file. */
  documentIndex: number;
  kind?: string;
  name?: string;
}

export interface ValidationConfig {
  /** Unknown fields become errors (the CLI's `--strict`). */
  strict?: boolean;
  /** Per-rule severity overrides. */
  rules?: Record<string, SeveritySetting>;
  /** Input limits; defaults are documented in docs/security.md. */
  limits?: Partial<InputLimits>;
}

export interface InputLimits {
  maxBytes: number;
  maxDocuments: number;
  maxDepth: number;
  maxAliasCount: number;
  maxNodes: number;
}

export interface ValidateOptions {
  filePath?: string;
  config?: ValidationConfig;
  /** Also return the text's comments (`ValidationResult.comments`), for a front end that reads directives of its own. */
  comments?: boolean;
}

/** A YAML comment: its offset in the text (after a byte order mark) and its text from `#`. */
export interface SourceComment {
  offset: number;
  text: string;
}

/** An image.openshift.io object found in a file: top level, a List item or a Template object. */
export interface ManifestObject {
  /** The apiVersion as written (may be the legacy `v1`). */
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The object as the server decodes it (YAML 1.1 scalars resolved as go-yaml v2 does). */
  value: Record<string, unknown>;
  documentIndex: number;
  /** Where the object sits in its document, e.g. `['objects', 3]` inside a Template. */
  pathPrefix: PathSegment[];
  /** Inside a Template: values with `${PARAM}` / `${{PARAM}}` are not format-checked. */
  inTemplate: boolean;
}

export interface ValidationResult {
  findings: Finding[];
  objects: ManifestObject[];
  /** Objects of kinds that are not image.openshift.io kinds, by kind. */
  skipped: Record<string, number>;
  /** With the `comments` option: the comments of the text as far as the input limits let it be read. */
  comments?: SourceComment[];
}

export interface ReportDescriptor<MessageId extends string = string> {
  /** Relative to the object (`['spec', 'tags', 0, 'from']`). For a missing field: the missing field's path. */
  path: PathSegment[];
  messageId: MessageId;
  data?: Record<string, string | number>;
}

export interface RuleContext<MessageId extends string = string> {
  object: ManifestObject;
  config: Readonly<ValidationConfig>;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface RuleDefinition<MessageId extends string = string> {
  /** kebab-case, stable: it is the ESLint rule name, the SARIF rule id and the doc page name. */
  id: string;
  category: RuleCategory;
  /** Default severity; config can change or turn it off. */
  severity: Severity;
  /** One sentence, shown in `ocp-image rules`, ESLint meta.docs.description and the rules table. */
  description: string;
  /** Provenance: the server source or the reference sentence the rule implements. */
  source: string;
  /** Kinds the rule looks at; `'*'` for rules of the reading pipeline (syntax, schema). */
  kinds: readonly string[] | '*';
  messages: Record<MessageId, string>;
  /** Object rules run per object. Pipeline rules (yaml-syntax, schema…) are reported by the engine and have no `check`. */
  check?(context: RuleContext<MessageId>): void;
}
