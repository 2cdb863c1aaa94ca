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
      this.directives.push({ ...parsed, line, column: col });
    }
    this.directives.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  isSuppressed(finding: Pick<Finding, 'ruleId' | 'line' | 'column'>): boolean {
    let allDisabled = false;
    const disabled = new Set<string>();
    const enabledDespiteAll = new Set<string>();
    const applies = (directive: Directive): boolean => directive.ruleIds === undefined || directive.ruleIds.includes(finding.ruleId);
    for (const directive of this.directives) {
      if (directive.type === 'disable-next-line') {
        if (directive.line + 1 === finding.line && applies(directive)) return true;
        continue;
      }
      if (directive.type === 'disable-line') {
        if (directive.line === finding.line && applies(directive)) return true;
        continue;
      }
      const before = directive.line < finding.line || (directive.line === finding.line && directive.column <= finding.column);
      if (!before) continue;
      if (directive.ruleIds === undefined) {
        allDisabled = directive.type === 'disable';
        disabled.clear();
        enabledDespiteAll.clear();
      } else if (directive.type === 'disable') {
        for (const id of directive.ruleIds) {
          disabled.add(id);
          enabledDespiteAll.delete(id);
        }
      } else {
        for (const id of directive.ruleIds) {
          disabled.delete(id);
          enabledDespiteAll.add(id);
        }
      }
    }
    return disabled.has(finding.ruleId) || (allDisabled && !enabledDespiteAll.has(finding.ruleId));
  }
}
