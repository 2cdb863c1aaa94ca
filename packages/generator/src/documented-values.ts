/**
 * Values a description lists explicitly ("one of True, False, Unknown", "Valid values are A, B,
 * and C", "The default value is Source … may also specify Local"). Only these phrasings count;
 * anything vaguer is not a list of values.
 */
export function documentedValues(description: string): string[] | undefined {
  const text = description.replace(/\s+/g, ' ');
  const listed = /\b(?:one of|[Vv]alid values are|possible values are)\s+(.+?)(?:\.\s|\.$|;|$)/.exec(text);
  if (listed?.[1]) return splitList(listed[1]);
  const defaulted = /\b[Tt]he default value is (\w+)\b.*?\bmay also specify (\w+)\b/.exec(text);
  if (defaulted?.[1] && defaulted[2]) return [defaulted[1], defaulted[2]];
  const alternatives = /, ([A-Z]\w+) or ([A-Z]\w+)\.?$/.exec(text);
  if (alternatives?.[1] && alternatives[2]) return [alternatives[1], alternatives[2]];
  const only = /\bcurrently only ([A-Z]\w+)\b/.exec(text);
  if (only?.[1]) return [only[1]];
  return undefined;
}

function splitList(list: string): string[] {
  return list
    .split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

/**
 * What each of `values` means, in the description's own words ("The default value is Source,
 * indicating …. The user may also specify Local, indicating …"); the empty value is the default.
 * Undefined unless every value is explained.
 */
export function enumValueMeanings(description: string, values: readonly string[]): string[] | undefined {
  const text = description.replace(/\s+/g, ' ');
  const defaultValue = /\b[Tt]he default value is (\w+)\b/.exec(text)?.[1];
  const meanings = values.map((value) => {
    if (value === '') return defaultValue ? `Not set: the default, ${defaultValue}.` : undefined;
    const lead = `${value}, indicating `;
    const start = text.indexOf(lead);
    if (start === -1) return undefined;
    const clause = text.slice(start + lead.length).replace(/^that /, '');
    const end = clause.indexOf('. ');
    return `${value}: ${(end === -1 ? clause : clause.slice(0, end)).replace(/\.$/, '')}.`;
  });
  return meanings.every((meaning) => meaning !== undefined) ? meanings : undefined;
}
