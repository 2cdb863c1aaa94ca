/**
 * What must hold for every input, valid or hostile: findings point inside the text, name a rule of
 * the registry, carry a one-line message, and nothing failed inside the validator.
 */
import { LINE_BREAK } from '../../src/index.js';


/** The part of a finding (library `Finding` or CLI JSON message) the invariants look at. */
export interface LocatedFinding {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  documentIndex?: number;
}

/** Lines as the validator counts them: LF, CRLF, a lone CR, LS and PS end a line; a leading byte order mark is no column (as in editors and ESLint). */
export function linesOf(text: string): string[] {
  return (text.startsWith('\uFEFF') ? text.slice(1) : text).split(LINE_BREAK);
}

/**
 * C0 control characters (line breaks, ESC, NUL…) copied from the input would let it forge output
 * lines (`::error` workflow commands in GitHub logs) or terminal escapes. Tab is harmless.
 */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x09) return true;
  }
  return false;
}

function splitsSurrogatePair(line: string, column: number): boolean {
  const before = line.charCodeAt(column - 2);
  const at = line.charCodeAt(column - 1);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

/** Why the finding's position is not inside `lines`, or undefined when it is. */
export function positionProblem(lines: readonly string[], finding: LocatedFinding): string | undefined {
  const { line, column, endLine, endColumn } = finding;
  if (![line, column, endLine, endColumn].every(Number.isInteger)) return 'positions must be integers';
  if (line < 1 || line > lines.length) return `line ${line} is outside 1..${lines.length}`;
  if (endLine < line || endLine > lines.length) return `endLine ${endLine} is outside ${line}..${lines.length}`;
  const startText = lines[line - 1] ?? '';
  const endText = lines[endLine - 1] ?? '';
  if (column < 1 || column > startText.length + 1) return `column ${column} is outside 1..${startText.length + 1} of line ${line}`;
  if (endLine === line && endColumn <= column) return `endColumn ${endColumn} is not after column ${column}`;
  // An empty range is widened to one column, which may be the one just past the line's end.
  const widenedEmpty = endLine === line && endColumn === column + 1;
  if (endColumn < 1 || (endColumn > endText.length + 1 && !widenedEmpty)) return `endColumn ${endColumn} is outside 1..${endText.length + 1} of line ${endLine}`;
  if (splitsSurrogatePair(startText, column) || splitsSurrogatePair(endText, endColumn)) return 'a position splits a surrogate pair';
  return undefined;
}

/** Every way `findings` break the invariants for `text`; empty when all hold. */
export function invariantViolations(text: string, findings: readonly LocatedFinding[], ruleIds: ReadonlySet<string>): string[] {
  const lines = linesOf(text);
  const violations: string[] = [];
  for (const finding of findings) {
    const where = `${finding.ruleId} at ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} (${JSON.stringify(finding.message.slice(0, 200))})`;
    if (!ruleIds.has(finding.ruleId)) violations.push(`unknown rule id: ${where}`);
    if (finding.ruleId === 'internal-error') violations.push(`the validator failed: ${where}`);
    if (finding.message.trim() === '') violations.push(`empty message: ${where}`);
    if (hasControlCharacter(finding.message)) violations.push(`message with a control character: ${where}`);
    if (finding.documentIndex !== undefined && !(Number.isInteger(finding.documentIndex) && finding.documentIndex >= 0)) {
      violations.push(`documentIndex ${finding.documentIndex}: ${where}`);
    }
    const problem = positionProblem(lines, finding);
    if (problem) violations.push(`${problem}: ${where}`);
  }
  return violations;
}
