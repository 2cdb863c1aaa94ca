/** How values are quoted: in YAML/JSON source written by fixes, and in messages. Every quoting is here. */

/** A string as a YAML (and JSON) double-quoted scalar: JSON's escapes are YAML's too. */
export function yamlDoubleQuoted(text: string): string {
  return JSON.stringify(text);
}

/** A string as a YAML single-quoted scalar: nothing is escaped but the quote itself, doubled. */
export function yamlSingleQuoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A string as a YAML scalar that keeps its text exactly: double quotes, or single ones when the text holds `"` or `\` (nothing to escape then). */
export function yamlQuoted(text: string): string {
  return text.includes('"') || text.includes('\\') ? yamlSingleQuoted(text) : yamlDoubleQuoted(text);
}

/** User input as it may stand inside quotes or backticks in a one-line message: shortened when long (inputs can be huge), line breaks and control characters escaped. */
export function messageEscaped(text: string, limit = 100): string {
  return JSON.stringify(shortened(text, limit)).slice(1, -1);
}

/** User input as it stands inside backticks in a one-line message: shortened like `messageEscaped`, only its line breaks and control characters escaped (quotes and backslashes are as written). */
export function messageCode(text: string, limit = 100): string {
  return shortened(text, limit).replace(/[\p{Cc}\u2028\u2029]/gu, (character) =>
    character < ' ' ? JSON.stringify(character).slice(1, -1) : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Inputs can be huge: a message shows the first `limit` characters. */
function shortened(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** A value quoted for a message: `"…"` around `messageEscaped(text)`. */
export function messageQuoted(text: string, limit = 100): string {
  return `"${messageEscaped(text, limit)}"`;
}
