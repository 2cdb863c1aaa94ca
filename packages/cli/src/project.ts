import { readFileSync } from 'node:fs';

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
