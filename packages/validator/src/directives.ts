/**
 * Inline directives in YAML comments, in the style of ESLint's:
 *   # ocp-image-disable-next-line rule-a, rule-b -- why
 *   # ocp-image-disable-line rule-a          (at the end of the line it applies to)
 *   # ocp-image-disable rule-a   …   # ocp-image-enable rule-a
 * Without rule ids a directive applies to every rule.
 */
import type { LineCounter } from 'yaml';
import type { Finding } from './types.js';

type DirectiveType = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

interface Directive {
  type: DirectiveType;
  line: number;
  column: number;
  /** Undefined: all rules. */
  ruleIds: string[] | undefined;
  /** Where the comment is in the text. */
  range: { start: number; end: number };
  /** The rule ids (or '' for "all rules") that suppressed at least one finding. */
  used: Set<string>;
}

/** A disable directive, or one rule id of it, that suppressed nothing. */
export interface UnusedDirective {
  type: DirectiveType;
  /** The rule id that suppressed nothing; undefined for a directive without rule ids. */
  ruleId: string | undefined;
  range: { start: number; end: number };
}

// After the directive: one whitespace character, then anything (CR and U+2028 included). An
// ambiguous `\s+(.*)$` here backtracked quadratically on a long comment ending in such a character.
const DIRECTIVE = /^#\s*ocp-image-(disable-next-line|disable-line|disable|enable)(?:\s([\s\S]*))?$/;

export function parseDirective(comment: string): Pick<Directive, 'type' | 'ruleIds'> | undefined {
  const match = DIRECTIVE.exec(comment.trim());
  if (!match) return undefined;
  // Everything after ` -- ` is a free-text reason.
  const list = (match[2] ?? '').split(/(?:^|\s)--(?:\s|$)/)[0] ?? '';
  const ruleIds = list.split(/[\s,]+/).filter((id) => id !== '');
  return { type: match[1] as DirectiveType, ruleIds: ruleIds.length > 0 ? ruleIds : undefined };
}

export class Directives {
  private readonly directives: Directive[] = [];

  constructor(comments: readonly { offset: number; text: string }[], lines: () => LineCounter) {
    for (const comment of comments) {
      const parsed = parseDirective(comment.text);
      if (!parsed) continue;
      const { line, col } = lines().linePos(comment.offset);
      this.directives.push({ ...parsed, line, column: col, range: { start: comment.offset, end: comment.offset + comment.text.length }, used: new Set() });
    }
    this.directives.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /** True when a directive turns the finding off; that directive (and rule id) then counts as used. */
  isSuppressed(finding: Pick<Finding, 'ruleId' | 'line' | 'column'>): boolean {
    const responsible = this.suppressing(finding);
    responsible?.used.add(responsible.ruleIds === undefined ? '' : finding.ruleId);
    return responsible !== undefined;
  }

  /** Disable directives, or rule ids in them, that suppressed no finding (ESLint's unused directives). */
  unused(): UnusedDirective[] {
    const unused: UnusedDirective[] = [];
    for (const directive of this.directives) {
      if (directive.type === 'enable') continue;
      if (directive.ruleIds === undefined) {
        if (directive.used.size === 0) unused.push({ type: directive.type, ruleId: undefined, range: directive.range });
        continue;
      }
      for (const ruleId of directive.ruleIds) if (!directive.used.has(ruleId)) unused.push({ type: directive.type, ruleId, range: directive.range });
    }
    return unused;
  }

  /** The directive that turns the finding off, if any. */
  private suppressing(finding: Pick<Finding, 'ruleId' | 'line' | 'column'>): Directive | undefined {
    let allDisabledBy: Directive | undefined;
    const disabledBy = new Map<string, Directive>();
    const enabledDespiteAll = new Set<string>();
    const applies = (directive: Directive): boolean => directive.ruleIds === undefined || directive.ruleIds.includes(finding.ruleId);
    for (const directive of this.directives) {
      if (directive.type === 'disable-next-line') {
        if (directive.line + 1 === finding.line && applies(directive)) return directive;
        continue;
      }
      if (directive.type === 'disable-line') {
        if (directive.line === finding.line && applies(directive)) return directive;
        continue;
      }
      const before = directive.line < finding.line || (directive.line === finding.line && directive.column <= finding.column);
      if (!before) continue;
      if (directive.ruleIds === undefined) {
        allDisabledBy = directive.type === 'disable' ? directive : undefined;
        disabledBy.clear();
        enabledDespiteAll.clear();
      } else if (directive.type === 'disable') {
        for (const id of directive.ruleIds) {
          disabledBy.set(id, directive);
          enabledDespiteAll.delete(id);
        }
      } else {
        for (const id of directive.ruleIds) {
          disabledBy.delete(id);
          enabledDespiteAll.add(id);
        }
      }
    }
    return disabledBy.get(finding.ruleId) ?? (enabledDespiteAll.has(finding.ruleId) ? undefined : allDisabledBy);
  }
}
