import { readFileSync } from 'node:fs';

const versions = new Map<string, string>();

/** A package's version, read on demand so plain runs do not pay for it. */
export function packageVersion(name: '@ocp-image/cli' | '@ocp-image/validator'): string {
  let version = versions.get(name);
  if (version === undefined) {
    // Resolved by package name, so it works from dist/ and from the bundle in dist/bundle/ alike.
    const manifest = JSON.parse(readFileSync(new URL(import.meta.resolve(`${name}/package.json`)), 'utf8')) as { version: string };
    version = manifest.version;
    versions.set(name, version);
  }
  return version;
}

/** The CLI package's version. */
export function cliVersion(): string {
  return packageVersion('@ocp-image/cli');
}
