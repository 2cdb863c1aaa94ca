// `prepack` / `postpack` of every public package: the package's tarball carries the repository's
// LICENSE, copied in for packing and removed after, so the repository holds one copy.
// usage (in a package directory): node ../../tools/release/license.mjs copy|remove
import { copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [action] = process.argv.slice(2);
if (action === 'copy') copyFileSync(fileURLToPath(new URL('../../LICENSE', import.meta.url)), 'LICENSE');
else if (action === 'remove') rmSync('LICENSE', { force: true });
else {
  console.error('usage: license.mjs copy|remove');
  process.exit(2);
}
