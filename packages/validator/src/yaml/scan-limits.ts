/**
 * The input limits, enforced while the `yaml` package's lexer and parser scan the text: a token
 * budget and a nesting depth, so that no input makes the reader use unbounded memory or stack.
 */
import { CST, Lexer, Parser } from 'yaml';
import type { CheckedMessage, InputLimits } from '../types.js';
import { ruleMessage } from '../rules/define.js';
import { inputTooLarge } from '../rules/pipeline.js';

const FLOW_OPEN = new Set(['[', '{']);
const FLOW_CLOSE = new Set([']', '}']);
/** Lexer tokens that stand for no source text. */
const CONTROL_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * The offset of the first flow collection (`[`/`{`) nested deeper than `limit`, if any. The lexer
 * is linear and knows scalars, so brackets inside strings do not count.
 */
export function flowNestingBeyond(text: string, limit: number): number | undefined {
  let openers = 0;
  for (let index = 0; index < text.length && openers <= limit; index++) {
    const char = text[index];
    if (char === '[' || char === '{') openers++;
  }
  if (openers <= limit) return undefined;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (FLOW_OPEN.has(token)) {
      if (++depth > limit) return offset;
    } else if (FLOW_CLOSE.has(token)) {
      depth = Math.max(0, depth - 1);
    }
    if (!CONTROL_TOKENS.has(token)) offset += token.length;
  }
  return undefined;
}

export interface BoundedParse {
  tokens: CST.Token[];
  /** Set when the token budget ran out or the document nested too deep: the rest of the text was dropped. */
  stopped?: { problem: CheckedMessage; offset: number };
}

/**
 * Feeds the parser one lexical token at a time. The parser's memory grows with the tokens, so
 * reading stops where the input holds more tokens than the node budget. It stops too where a
 * document nests deeper than the depth limit: the parser and the composer recurse once per level
 * (the parser when it closes the open levels, at the next document or a misplaced token), so a
 * stack overflow there would depend on the caller's stack, and so would the findings.
 */
export function parseBounded(text: string, limits: InputLimits, budget: { tokens: number }): BoundedParse {
  const parser = new Parser();
  const result: BoundedParse = { tokens: [] };
  // The parser's stack holds the document, the open collections and at most one scalar.
  const maxStack = limits.maxDepth + 3;
  for (const lexeme of new Lexer().lex(text)) {
    const start = parser.offset;
    if (!CONTROL_TOKENS.has(lexeme) && ++budget.tokens > limits.maxNodes) {
      result.stopped = { problem: ruleMessage(inputTooLarge, { messageId: 'tokens', data: { limit: limits.maxNodes } }), offset: start };
      return result;
    }
    for (const token of parser.next(lexeme)) result.tokens.push(token);
    if (parser.stack.length > maxStack) {
      result.stopped = { problem: ruleMessage(inputTooLarge, { messageId: 'depth', data: { limit: limits.maxDepth } }), offset: start };
      return result;
    }
  }
  for (const token of parser.end()) result.tokens.push(token);
  return result;
}

/** The tokens parseBounded counts against the budget in a text it reads whole. */
export function yamlTokens(text: string): number {
  let count = 0;
  for (const lexeme of new Lexer().lex(text)) if (!CONTROL_TOKENS.has(lexeme)) count++;
  return count;
}
