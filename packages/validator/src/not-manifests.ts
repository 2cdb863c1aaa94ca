/**
 * JSON files that are never manifests, which the CLI's directory and glob walks and the ESLint
 * configs both leave out: JSONC configs (their comments and trailing commas are syntax errors to
 * oc, so a repository's tsconfig.json would fail every run) and npm's lock file (large, and read
 * for nothing). A file named explicitly is still checked. Globs relative to the walked directory.
 * Its own module (and package subpath) so that the CLI's main thread can read it without loading
 * the validator.
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
