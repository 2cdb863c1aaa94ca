/**
 * JSON files that are never manifests, which the CLI (as ignore patterns below every other source,
 * named files included: pre-commit passes a staged tsconfig.json by name) and the ESLint configs
 * both leave out: JSONC configs (their comments and trailing commas are syntax errors to oc, so a
 * repository's tsconfig.json would fail every run) and npm's lock file (large, and read for
 * nothing). Globs that are also .gitignore lines.
 */
export const notManifestFiles: readonly string[] = [
  '**/tsconfig*.json',
  '**/jsconfig*.json',
  '**/.vscode/**/*.json',
  '**/.devcontainer/**/*.json',
  '**/devcontainer.json',
  // Tools whose JSON config files take comments too.
  '**/.eslintrc.json',
  '**/tslint.json',
  '**/.babelrc.json',
  '**/api-extractor.json',
  '**/typedoc.json',
  '**/.markdownlint.json',
  '**/cspell.json',
  '**/.cspell.json',
  '**/turbo.json',
  '**/package-lock.json',
];
