/**
 * text → documents → objects → schema and rule checks → located, filtered, sorted findings.
 * Pure and synchronous: no file system, console, process or network.
 */
import type {
  CheckedMessage,
  Finding,
  FindingSuggestion,
  ManifestObject,
  MessageValues,
  PathEdit,
  PathSegment,
  ReportDescriptor,
  RuleDefinition,
  SuggestionDescriptor,
  ValidateOptions,
  ValidationConfig,
  ValidationResult,
} from './types.js';
import { withoutByteOrderMark, type IllFormedUtf8 } from './bytes.js';
import { effectiveSeverity, interpolate } from './config.js';
import { Directives } from './directives.js';
import { discoverObjects, NO_KIND } from './discover.js';
import { resolveLimits } from './limits.js';
import { Locator, type LocateTarget } from './locate.js';
import { addCount, renderPath, valueAt } from './paths.js';
import { closestMatch } from './suggest.js';
import { nullStringProblems, schemaProblems, type SchemaErrorContext, type SchemaProblem, type SchemaValidator } from './schema/errors.js';
import { SchemaIndex } from './schema/walk.js';
import { textEditFor } from './fixes.js';
import { IMAGE_API_VERSION } from './rest-mapping.js';
import { ruleMessage } from './rules/define.js';
import { internalError, schemaRequired, unknownField, unusedDisableDirective } from './rules/pipeline.js';
import { decodingProblems } from './schema/decoding.js';
import { discardedBeforeValidation } from './server-view.js';
import { serverPathNote, serverPathOf, streamServerPathOf } from './server-path.js';
import { hasTemplateAction } from './placeholders.js';
import unrenderedPlaceholder from './rules/server/unrendered-placeholder.js';
import { readDocuments } from './yaml/read.js';
import type { ReadDocument } from './yaml/result.js';
import type { SourceRange } from './yaml/source.js';

/** What the engine needs from the generated schemas. */
export interface SchemaSet {
  imageKinds: readonly string[];
  /** Precompiled strict validators (`additionalProperties: false`) by kind. */
  validators: Readonly<Record<string, SchemaValidator | undefined>>;
  /** The `definitions` of the strict index schema (one per kind, plus shared types): field names for hints, types for null checks. */
  definitions?: Readonly<Record<string, unknown>>;
}

/** A finding before severity, message and position are settled. */
interface PendingFinding extends CheckedMessage {
  /** Edits by document path. */
  fix?: PathEdit;
  suggest?: SuggestionDescriptor[];
  documentIndex: number;
  /** Document path; undefined for problems with a range but no path (syntax errors). */
  path?: PathSegment[];
  range?: SourceRange;
  target: LocateTarget;
  /** Document path to position the finding at, when not `path`. */
  locateAt?: PathSegment[];
  serverPath?: string;
}

/** What turning pending findings into findings needs besides them. */
interface FindingContext {
  config: ValidationConfig;
  text: string;
  locator: Locator;
  documents: ReadonlyMap<number, ReadDocument>;
  /** The objects and templates found, which own the findings at their paths. */
  owners: readonly ManifestObject[];
  directives: Directives;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function createEngine(schemaSet: SchemaSet, registry: readonly RuleDefinition[]) {
  const imageKinds = new Set(schemaSet.imageKinds);
  const rulesById = new Map(registry.map((rule) => [rule.id, rule]));
  const objectRules = registry.filter((rule) => rule.check);
  const templateRules = objectRules.filter((rule) => rule.kinds !== '*' && rule.kinds.includes('Template'));
  const schemaIndex = new SchemaIndex(schemaSet.definitions ?? {});

  return function validate(text: string, options: ValidateOptions = {}): ValidationResult {
    const config: ValidationConfig = options.config ?? {};
    try {
      const input = typeof text === 'string' ? text : String(text);
      // Editors and ESLint do not count a byte order mark as a column.
      const read = withoutByteOrderMark(input, options.illFormedUtf8);
      return run(read.text, config, options.comments === true, read.illFormedUtf8);
    } catch (error) {
      // Never throw on any input: a failure here is a bug, reported like any finding.
      const data = { error: errorText(error) };
      return {
        findings: [
          {
            ruleId: internalError.id,
            severity: 'error',
            messageId: 'validator',
            data,
            message: interpolate(internalError.messages.validator, data),
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 2,
            path: '',
            documentIndex: 0,
          },
        ],
        objects: [],
        skipped: {},
      };
    }
  };

  function run(text: string, config: ValidationConfig, withComments: boolean, illFormedUtf8: readonly IllFormedUtf8[]): ValidationResult {
    const read = readDocuments(text, resolveLimits(config.limits), withComments, illFormedUtf8);
    // Template actions that make the text unreadable: a template for another tool, not a manifest.
    if (read.problems.some((problem) => rulesById.get(problem.ruleId)?.flags?.parseFatal) && hasTemplateAction(text)) {
      return { findings: [], objects: [], skipped: {}, unrenderedTemplate: true, ...(withComments ? { comments: read.comments } : {}) };
    }
    const locator = new Locator(read.lines, text);
    // Arrays the hot path pushes to start as literals, not as results of map(): a literal's
    // allocation site remembers that it came to hold objects, so every later array from it starts
    // so; a map() of an empty list starts as small integers, and optimised code that saw one kind
    // is thrown away when the other comes (measured: `run` compiled 3-5 times per process).
    const pendingFindings: PendingFinding[] = [];
    for (const problem of read.problems) pendingFindings.push({ ...problem, target: 'value' });
    const objects: ManifestObject[] = [];
    const templates: ManifestObject[] = [];
    const skipped: Record<string, number> = {};
    const documents = new Map<number, ReadDocument>();

    for (const document of read.documents) {
      documents.set(document.index, document);
      if (document.unreadable || document.value === undefined) continue;
      const discovery = discoverObjects(document.value, document.index, imageKinds);
      for (const [kind, count] of Object.entries(discovery.skipped)) addCount(skipped, kind, count);
      const problems: PendingFinding[] = [];
      for (const problem of discovery.problems) problems.push({ ...problem, documentIndex: document.index, target: 'value' });
      for (const problem of problems) pendingFindings.push(problem);
      for (const object of discovery.objects) {
        objects.push(object);
        for (const finding of checkObject(object, objectRules, config, document, locator, problems)) pendingFindings.push(finding);
      }
      // Templates are created as objects too: only their own rules apply (there is no Template schema).
      for (const template of discovery.templates) {
        templates.push(template);
        for (const finding of checkObject(template, templateRules, config, document, locator, [])) pendingFindings.push(finding);
      }
    }

    // Only where every document was read can a text be known to hold no Kubernetes object.
    const holdsObject =
      objects.length > 0 || templates.length > 0 || Object.keys(skipped).some((kind) => kind !== NO_KIND) || read.documents.some((document) => document.value === undefined);
    const reported = holdsObject ? pendingFindings : pendingFindings.filter((finding) => !isManifestsOnly(rulesById.get(finding.ruleId), finding.messageId));
    const directives = new Directives(read.comments, read.lines);
    const findings = toFindings(reported, { config, text, locator, documents, owners: [...objects, ...templates], directives });
    const unusedSeverity = effectiveSeverity(unusedDisableDirective, config);
    if (unusedSeverity) {
      for (const unused of directives.unused()) {
        const data: MessageValues = unused.ruleId === undefined ? { type: unused.type } : { type: unused.type, rule: unused.ruleId };
        const messageId = unused.ruleId === undefined ? 'unused' : 'unusedRule';
        findings.push({
          ruleId: unusedDisableDirective.id,
          severity: unusedSeverity,
          messageId,
          data,
          message: interpolate(unusedDisableDirective.messages[messageId], data),
          ...locator.position(unused.range),
          path: '',
          documentIndex: documentAt(read.documents, unused.range.start),
        });
      }
    }
    findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
    return { findings, objects, skipped, ...(withComments ? { comments: read.comments } : {}) };
  }

  /** The read's and the rules' findings as the user sees them: severity, position, owner, fixes; suppressed ones left out. */
  function toFindings(pendingFindings: readonly PendingFinding[], { config, text, locator, documents, owners, directives }: FindingContext): Finding[] {
    const findings: Finding[] = [];
    const shown = new Set<string>();
    for (const pending of pendingFindings) {
      let item = pending;
      let rule = rulesById.get(item.ruleId);
      // A message id the rule does not have (the finding's or a suggestion's) is a bug in the
      // validator, never silently shown as text or dropped.
      const messages = rule?.messages;
      const unknownMessageId = messages ? unknownMessageIdOf(item, messages) : item.messageId;
      if (!rule || unknownMessageId !== undefined) {
        const error = `no message "${unknownMessageId}"`;
        item = { ...item, ...ruleMessage(internalError, { messageId: 'rule', data: { rule: item.ruleId, error } }), fix: undefined, suggest: undefined, serverPath: undefined };
        rule = internalError;
      }
      const severity = effectiveSeverity(rule, config);
      if (severity === undefined) continue;
      const document = documents.get(item.documentIndex);
      const range =
        item.range ??
        (document && item.path ? locator.locate(document, item.locateAt ?? item.path, item.target).range : { start: 0, end: 0 });
      const owner = item.path ? ownerOf(owners, item.documentIndex, item.path) : undefined;
      const fix = rule.fixable && item.fix && document ? textEditFor(item.fix, item.fix.path, document, locator, text) : undefined;
      const suggestions: FindingSuggestion[] = [];
      if (rule.hasSuggestions && document) {
        for (const suggestion of item.suggest ?? []) {
          const edit = textEditFor(suggestion.edit, suggestion.edit.path, document, locator, text);
          if (!edit) continue;
          const data = suggestion.data ?? {};
          suggestions.push({ messageId: suggestion.messageId, data, desc: interpolate(rule.messages[suggestion.messageId], data), fix: edit });
        }
      }
      const path = item.path ? renderPath(item.path) : '';
      const words = interpolate(rule.messages[item.messageId], item.data);
      const finding: Finding = {
        ruleId: item.ruleId,
        severity,
        messageId: item.messageId,
        data: item.data,
        message: words + serverPathNote(path, item.serverPath),
        ...locator.position(range),
        path,
        ...(item.serverPath === undefined ? {} : { serverPath: item.serverPath }),
        documentIndex: item.documentIndex,
        ...(owner ? { kind: owner.kind, objectPath: renderPath(owner.pathPrefix) } : {}),
        ...(owner?.name !== undefined ? { name: owner.name } : {}),
        ...(fix ? { fix } : {}),
        ...(suggestions.length > 0 ? { suggestions } : {}),
      };
      // A node written once and reached by several paths (an anchor's, through `*alias` or a `<<`
      // merge key) is one place in the text, judged alike at each path: one finding there, at the
      // first path, and one fix that settles them all.
      const written = sharedNodeKey(finding, words);
      if (shown.has(written)) continue;
      shown.add(written);
      if (!directives.isSuppressed(finding)) findings.push(finding);
    }
    return findings;
  }

  function checkObject(
    object: ManifestObject,
    rules: readonly RuleDefinition[],
    config: ValidationConfig,
    document: ReadDocument,
    locator: Locator,
    discoveryFindings: readonly PendingFinding[],
  ): PendingFinding[] {
    const found: PendingFinding[] = [];
    const inDocument = (path: readonly PathSegment[]): PathSegment[] => [...object.pathPrefix, ...path];
    const inDocumentEdit = <Edit extends PathEdit>(edit: Edit): Edit => ({ ...edit, path: inDocument(edit.path) });
    const report = (
      message: CheckedMessage,
      path: readonly PathSegment[],
      target: LocateTarget = 'value',
      locateAt?: readonly PathSegment[],
      fixes: Pick<ReportDescriptor, 'fix' | 'suggest'> = {},
      serverPath?: string,
    ) =>
      found.push({
        ...message,
        documentIndex: object.documentIndex,
        path: inDocument(path),
        target,
        ...(locateAt ? { locateAt: inDocument(locateAt) } : {}),
        ...(fixes.fix ? { fix: inDocumentEdit(fixes.fix) } : {}),
        ...(fixes.suggest ? { suggest: fixes.suggest.map((suggestion) => ({ ...suggestion, edit: inDocumentEdit(suggestion.edit) })) } : {}),
        ...(serverPath === undefined ? {} : { serverPath }),
      });

    // Object rules first: where one (or oc's typing, in discoveryFindings) reports a path, the schema's finding there is redundant.
    for (const rule of rules) {
      if (rule.kinds !== '*' && !rule.kinds.includes(object.kind)) continue;
      if (effectiveSeverity(rule, config) === undefined) continue;
      try {
        rule.check?.({
          object,
          config,
          // The rule's own `check` is typed by its messages (RuleContext): its descriptor is a message of the rule.
          report: (descriptor: ReportDescriptor) =>
            report(ruleMessage(rule, descriptor), descriptor.path, 'value', undefined, descriptor, serverPathFor(rule, descriptor.messageId, object, descriptor.path)),
        });
      } catch (error) {
        report(ruleMessage(internalError, { messageId: 'rule', data: { rule: rule.id, error: errorText(error) } }), []);
      }
    }
    dropFindingsAtPlaceholders(found);
    // Not a spread: code compiled for the element kinds of the arrays seen so far (empty ones, then
    // some with findings) is thrown away when a new one comes, and with it this whole function's.
    const ruleFindings = found.concat(discoveryFindings);
    const validator = schemaSet.validators[object.kind];
    if (!validator) return found;

    // An apiVersion oc cannot map is api-version-mapping's (or legacy-api-version's) finding: the schema judges the rest of the object.
    const apiVersion = object.value.apiVersion;
    const value = typeof apiVersion === 'string' && apiVersion !== '' ? { ...object.value, apiVersion: IMAGE_API_VERSION } : object.value;
    const context: SchemaErrorContext = {
      value,
      kind: object.kind,
      inTemplate: object.inTemplate,
      nodeAt: (path) => locator.entry(document, inDocument(path))?.value,
      schemaAt: (path) => schemaIndex.at(object.kind, path),
    };
    const problems = !validator(value) ? schemaProblems(validator.errors ?? [], context) : [];
    const discarded = discardedBeforeValidation(object);
    for (const problem of problems.concat(nullStringProblems(context), decodingProblems(context))) {
      const flags = rulesById.get(problem.ruleId)?.flags;
      if (flags?.schema && coveredByRule(problem, ruleFindings, inDocument(problem.path))) continue;
      if (!flags?.decoding && discarded.some((prefix) => startsWith(problem.path, prefix))) continue;
      if (problem.ruleId === unknownField.id && absorbMisspeltKey(inDocument(problem.path), ruleFindings, document.value)) continue;
      report(problem, problem.path, problem.target, problem.locateAt, problem);
    }
    return found;
  }
}

/** What makes two findings the same to the reader: the rule's words, the place in the text and the fix (paths and owners aside). */
function sharedNodeKey(finding: Finding, words: string): string {
  const { ruleId, messageId, documentIndex, line, column, endLine, endColumn, fix } = finding;
  const edit = fix ? `${fix.range[0]}-${fix.range[1]}:${fix.text.length}:${fix.text}` : '';
  return `${documentIndex} ${line}:${column}-${endLine}:${endColumn} ${ruleId} ${messageId} ${edit.length}:${edit}${words}`;
}

/** The finding's message id or a suggestion's that `messages` lacks, if one does. */
function unknownMessageIdOf(item: PendingFinding, messages: object): string | undefined {
  if (!Object.hasOwn(messages, item.messageId)) return item.messageId;
  return item.suggest?.find((suggestion) => !Object.hasOwn(messages, suggestion.messageId))?.messageId;
}

/** Whether a finding of the rule with this message id is reported only in a text that holds a Kubernetes object. */
function isManifestsOnly(rule: RuleDefinition | undefined, messageId: string): boolean {
  const only = rule?.flags?.manifestsOnly;
  return only === true || (only?.includes(messageId) ?? false);
}

/** The path the server reports this finding of the rule at, if it reports a field error. */
function serverPathFor(rule: RuleDefinition, messageId: string, object: ManifestObject, path: readonly PathSegment[]): string | undefined {
  const excluded = rule.flags?.noServerPath;
  if (rule.category !== 'server' || excluded === true || excluded?.includes(messageId)) return undefined;
  return rule.flags?.streamServerPath?.includes(messageId) ? streamServerPathOf(object, path) : serverPathOf(object, path);
}

/** A value holding an unrendered placeholder gets that finding alone: what else fails there follows from it. */
function dropFindingsAtPlaceholders(found: PendingFinding[]): void {
  if (!found.some((finding) => finding.ruleId === unrenderedPlaceholder.id)) return;
  const placeholderPaths = found.filter((finding) => finding.ruleId === unrenderedPlaceholder.id).map((finding) => finding.path ?? []);
  const kept = found.filter(
    (finding) =>
      finding.ruleId === unrenderedPlaceholder.id ||
      !placeholderPaths.some((path) => finding.path !== undefined && finding.path.length === path.length && startsWith(finding.path, path)),
  );
  found.splice(0, found.length, ...kept);
}

/**
 * The index of the document an offset is in: the last one whose root starts at or before it.
 * Only for texts with inline directives, which the complete reader reads: its `source()` costs nothing.
 */
function documentAt(documents: readonly ReadDocument[], offset: number): number {
  let index = 0;
  for (const document of documents) {
    const root = document.source();
    if (root && root.range.start <= offset) index = document.index;
  }
  return index;
}

/** The innermost object of the document whose position contains `path`. */
function ownerOf(objects: readonly ManifestObject[], documentIndex: number, path: readonly PathSegment[]): ManifestObject | undefined {
  let owner: ManifestObject | undefined;
  for (const object of objects) {
    if (object.documentIndex !== documentIndex || object.pathPrefix.length > path.length) continue;
    if (!object.pathPrefix.every((segment, index) => segment === path[index])) continue;
    if (!owner || object.pathPrefix.length > owner.pathPrefix.length) owner = object;
  }
  return owner;
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/** A schema finding at a path a rule reported is redundant; so is a missing field the rule reported inside. */
function coveredByRule(problem: SchemaProblem, ruleFindings: readonly PendingFinding[], path: readonly PathSegment[]): boolean {
  return ruleFindings.some(
    (finding) => finding.path && (problem.ruleId === schemaRequired.id ? startsWith(finding.path, path) : startsWith(finding.path, path) && finding.path.length === path.length),
  );
}

/**
 * A rule reporting a missing field the author wrote with another spelling (`Kind:` for `kind:`)
 * has found the same mistake as the unknown-field check: point the rule's finding at the
 * misspelt key and drop the unknown-field warning.
 */
function absorbMisspeltKey(unknownPath: PathSegment[], ruleFindings: readonly PendingFinding[], documentValue: unknown): boolean {
  const written = String(unknownPath.at(-1));
  const parent = unknownPath.slice(0, -1);
  const missing = ruleFindings.find(
    (finding) =>
      finding.path !== undefined &&
      finding.locateAt === undefined &&
      finding.path.length === unknownPath.length &&
      startsWith(finding.path, parent) &&
      valueAt(documentValue, finding.path) === undefined &&
      closestMatch(written, [String(finding.path.at(-1))]) !== undefined,
  );
  if (!missing) return false;
  missing.locateAt = unknownPath;
  missing.target = 'key';
  return true;
}
