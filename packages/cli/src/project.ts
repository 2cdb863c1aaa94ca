import { readFileSync } from 'node:fs';
import { fileRules } from './file-rules.js';

/** The project's home; rule pages live under `docs/rules/<id>.md` there. The ESLint plugin links
 *  to the same pages (its own copy of this URL is in packages/eslint-plugin/src/docs-url.ts). */
export const repositoryUrl = 'https://github.com/ocp-image/ocp-image';

export function ruleDocsUrl(ruleId: string): string {
  // The CLI's own file rules are documented with the command, not in the validator's rule pages.
  if (fileRules.some((rule) => rule.id === ruleId)) return `${repositoryUrl}/blob/main/docs/cli.md#files-that-cannot-be-read`;
  return `${repositoryUrl}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

let cachedVersion: string | undefined;

/** The CLI package's version, read on demand so plain runs do not pay for it. */
export function cliVersion(): string {
  if (cachedVersion === undefined) {
    // Resolved by package name, so it works from dist/ and from the bundle in dist/bundle/ alike.
    const manifest = JSON.parse(readFileSync(new URL(import.meta.resolve('@ocp-image/cli/package.json')), 'utf8')) as { version: string };
    cachedVersion = manifest.version;
  }
  return cachedVersion;
}
