/** The project's home, as in the CLI (`packages/cli/src/project.ts`): its `rules` command, SARIF
 *  `helpUri` and these ESLint `meta.docs.url` links all point to `docs/rules/<id>.md` there. */
const repositoryUrl = 'https://github.com/ocp-image/ocp-image';

export function ruleDocsUrl(ruleId: string): string {
  return `${repositoryUrl}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
