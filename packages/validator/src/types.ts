/**
 * The contracts shared by the validator, the rule registry and every front end
 * (CLI, ESLint plugin). Positions are 1-based; `endColumn` is exclusive like ESLint's.
 */

import type { IllFormedUtf8 } from './bytes.js';
import type { ruleCategories, severities, severitySettings } from './categories.js';
import type { LimitName } from './limits.js';

export type Severity = (typeof severities)[number];
export type SeveritySetting = (typeof severitySettings)[number];

/** syntax: YAML as the server reads it · client: what oc does with a document before any request
 *  (decoding, typing, REST mapping) · schema: JSON Schema · server: the API server's validation
 *  · docs: what the reference states but a schema cannot express · lint: accepted but almost
 *  certainly a mistake. */
export type RuleCategory = (typeof ruleCategories)[number];

/** A path into a document as written: `['spec', 'tags', 0, 'from', 'kind']`. */
export type PathSegment = string | number;

/** A text edit on the validated text (after a byte order mark), ESLint's `Fix` shape: `range` is [start, end) in UTF-16 code units. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** A fix offered but never applied unattended (ESLint's suggestion). */
export interface FindingSuggestion {
  messageId: string;
  data?: MessageValues;
  /** The suggestion's message, interpolated. */
  desc: string;
  fix: TextEdit;
}

export type MessageValues = Record<string, string | number>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Key into the rule's `messages`; `message` is that text with `data` filled in. */
  messageId: string;
  data?: MessageValues;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Rendered path, e.g. `spec.tags[0].from.kind` or `metadata.labels["app.kubernetes.io/name"]`. */
  path: string;
  /**
   * Server rules: the path the API server reports the error at (its field.Path, relative to the
   * object as created: `spec.tags[latest].from.kind`, `metadata.labels`), where it is certain.
   */
  serverPath?: string;
  /** 0-based index of the YAML document in the file. */
  documentIndex: number;
  /** The object the finding is about (the innermost one whose place contains `path`): its kind and name, */
  kind?: string;
  name?: string;
  /** … and where it sits in its document (rendered like `path`: `items[2]`, '' at the top level). */
  objectPath?: string;
  /** Safe to apply unattended (`--fix`, `eslint --fix`). */
  fix?: TextEdit;
  suggestions?: FindingSuggestion[];
}

export interface ValidationConfig {
  /** Every rule outside the lint category reports errors (the CLI's `--strict`). */
  strict?: boolean;
  /** Per-rule severity overrides. */
  rules?: Record<string, SeveritySetting>;
  /** Input limits; defaults are documented in docs/security.md. */
  limits?: Partial<InputLimits>;
}

/** A value for each input limit of `LIMIT_DEFINITIONS` (limits.ts): their names are written there only. */
export type InputLimits = Record<LimitName, number>;

export interface ValidateOptions {
  filePath?: string;
  config?: ValidationConfig;
  /** Also return the text's comments (`ValidationResult.comments`), for a front end that reads directives of its own. */
  comments?: boolean;
  /** Offsets in `text` of bytes oc passed to go-yaml unchecked: `DecodedBytes.illFormedUtf8`. */
  illFormedUtf8?: readonly IllFormedUtf8[];
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
  /** Inside a Template: the names of its parameters (a `${NAME}` of another name is left as written). */
  templateParameters?: ReadonlySet<string>;
  /** An item of a typed list (ImageStreamList…) written without kind and apiVersion: `value` carries the list's. */
  impliedType?: boolean;
}

export interface ValidationResult {
  findings: Finding[];
  objects: ManifestObject[];
  /** Objects of kinds that are not image.openshift.io kinds, by kind. */
  skipped: Record<string, number>;
  /** With the `comments` option: the comments of the text as far as the input limits let it be read. */
  comments?: SourceComment[];
  /** The text is a template for another tool (Helm, Jinja): its template actions make it invalid
   *  YAML, so it was not validated and has no findings. Validate its rendered output instead. */
  unrenderedTemplate?: true;
}

/** A rule's messages: message id -> text with `{{placeholder}}`s. */
export type MessageTable = Readonly<Record<string, string>>;

type Trim<Text extends string> = Text extends ` ${infer Rest}` ? Trim<Rest> : Text extends `${infer Rest} ` ? Trim<Rest> : Text;

/** The placeholder names of a message text: `'{{value}} is not {{field}}'` -> `'value' | 'field'`. */
export type Placeholders<Message extends string> = Message extends `${string}{{${infer Name}}}${infer Rest}` ? Trim<Name> | Placeholders<Rest> : never;

/** The `data` a message needs: exactly its placeholders (any names when the text is not known at compile time). */
export type MessageData<Message extends string> = string extends Message ? MessageValues : { [Name in Placeholders<Message>]: string | number };

/** `data` is required when the message has placeholders and refused when it has none. */
export type DataFor<Message extends string> = string extends Message
  ? { data?: MessageValues }
  : [Placeholders<Message>] extends [never]
    ? { data?: Record<string, never> }
    : { data: MessageData<Message> };

declare const checkedMessage: unique symbol;

/**
 * A rule's message with its data, ready to report outside `check` (the reading pipeline, the front
 * ends). Only `ruleMessage(rule, { messageId, data })` makes one, so the message id and placeholders
 * were checked against the rule at compile time: a pair of strings written by hand is not one.
 */
export interface CheckedMessage {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: MessageValues;
  readonly [checkedMessage]: true;
}

/** A message of a rule with its data, for reporting outside `check` (pipeline rules). */
export type RuleMessage<Messages extends MessageTable = MessageTable> = {
  [Id in keyof Messages & string]: { messageId: Id } & DataFor<Messages[Id]>;
}[keyof Messages & string];

/**
 * A change to the manifest, said by path (relative to the object); the engine turns it into a
 * minimal text edit in the file's own style (YAML or JSON, quoting, line ends untouched).
 */
export type PathEdit =
  /** Put the scalar's text as written in double quotes (YAML) — it becomes a string. */
  | { type: 'quote'; path: PathSegment[] }
  /** Drop the quotes around a quoted scalar, so YAML reads its plain value (a number or boolean). */
  | { type: 'unquote'; path: PathSegment[] }
  /** Replace a scalar by another scalar value, written as a JSON literal (valid YAML too) or plain when safe. */
  | { type: 'replace'; path: PathSegment[]; value: string | number | boolean }
  /** Rename a mapping key (the path names the entry). */
  | { type: 'renameKey'; path: PathSegment[]; key: string }
  /** Remove a mapping entry or sequence item: its whole lines in block style, it and a comma in flow style and JSON. */
  | { type: 'remove'; path: PathSegment[] };

export type SuggestionDescriptor<Messages extends MessageTable = MessageTable> = RuleMessage<Messages> & { edit: PathEdit };

export type ReportDescriptor<Messages extends MessageTable = MessageTable> = RuleMessage<Messages> & {
  /** Relative to the object (`['spec', 'tags', 0, 'from']`). For a missing field: the missing field's path. */
  path: PathSegment[];
  /** A safe fix (the rule must declare `fixable: 'code'`). */
  fix?: PathEdit;
  /** Fixes offered to the author (the rule must declare `hasSuggestions: true`). */
  suggest?: SuggestionDescriptor<Messages>[];
};

export interface RuleContext<Messages extends MessageTable = MessageTable> {
  object: ManifestObject;
  config: Readonly<ValidationConfig>;
  report(descriptor: ReportDescriptor<Messages>): void;
}

/** Facts about a rule that the engine and the front ends act on (they used to be sets of rule ids). */
/** `MessageId`: the rule's own message ids, so a flag naming messages cannot name one it lacks. */
export interface RuleFlags<MessageId extends string = string> {
  /** A finding means the text is not YAML/JSON the server reads: ESLint reports it as the file's parse error. */
  parseFatal?: boolean;
  /** Reported when input passes a configured limit: the rest was not read (ESLint: a parse error). */
  inputLimit?: boolean;
  /** About the file itself, reported by front ends that read files (the validator only sees text). */
  fileLevel?: boolean;
  /** Found by the JSON Schema: an object rule's finding at the same path makes it redundant. */
  schema?: boolean;
  /** Fails decoding the request: reported even in a part the server drops before validating (src/server-view.ts). */
  decoding?: boolean;
  /** Off unless configured (`rules`), whatever its default severity; the configs leave it out. */
  optIn?: boolean;
  /**
   * A server rule whose findings (all, or those of these message ids) the server rejects other than
   * as a field error at the finding's path (while decoding, or handling the request): no `serverPath`.
   */
  noServerPath?: true | readonly MessageId[];
  /**
   * Findings of these message ids are the ImageStream strategy's, reported when the stream is
   * written: an ImageStreamTag's or ImageTag's at its stream's `spec.tags[<tag>]` (server-path.ts).
   */
  streamServerPath?: readonly MessageId[];
  /** Says a value has the wrong type: a `valueConstraint` finding at the same value follows from it and is not reported. */
  wrongType?: boolean;
  /** Checks what a value holds (enum, range, pattern, format): nothing to say of a value of the wrong type. */
  valueConstraint?: boolean;
  /**
   * Findings (all, or those of these message ids) reported only in a text that holds a Kubernetes
   * object (a mapping with a kind): other YAML and JSON (a CI workflow, an Ansible playbook, a JSON
   * array) is not meant for oc.
   */
  manifestsOnly?: true | readonly MessageId[];
}

/** What the rule's docs page header says beyond the other fields (npm run update-docs writes it). */
export interface RuleDocs {
  /** "Applies to" when not the rule's kinds (file-level rules). */
  appliesTo?: string;
}

/**
 * A rule. Without a type argument: any rule of the registry. (A rule's `check` accepts only its own
 * message ids, so no concrete message table is wide enough for every rule; `any` is that type.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface RuleDefinition<Messages extends MessageTable = any> {
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
  messages: Messages;
  /** `'code'`: some findings carry a fix that is safe to apply unattended. */
  fixable?: 'code';
  /** Some findings offer suggestions (never applied by `--fix`). */
  hasSuggestions?: boolean;
  flags?: RuleFlags<keyof Messages & string>;
  docs?: RuleDocs;
  /** Object rules run per object. Pipeline rules (yaml-syntax, schema…) are reported by the engine and have no `check`. */
  check?(context: RuleContext<Messages>): void;
}
