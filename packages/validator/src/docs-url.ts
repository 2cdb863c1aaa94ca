/** The project's home. Every front end links a rule to its page `docs/rules/<id>.md` there:
 *  the CLI's `rules` command and SARIF `helpUri`, and the ESLint rules' `meta.docs.url`. */
export const repositoryUrl = 'https://github.com/ocp-image/ocp-image';

export function ruleDocsUrl(ruleId: string): string {
  return `${repositoryUrl}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
