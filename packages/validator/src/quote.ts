/** How values are quoted: in YAML/JSON source written by fixes, and in messages. */

/** A string as a YAML scalar that keeps its text exactly: double quotes, or single ones when the text holds `"` or `\`. */
export function yamlQuoted(text: string): string {
  return text.includes('"') || text.includes('\\') ? `'${text.replaceAll("'", "''")}'` : `"${text}"`;
}

/** A value quoted for a message, shortened when long (inputs can be huge). */
export function messageQuoted(text: string, limit = 100): string {
  return JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…` : text);
}
