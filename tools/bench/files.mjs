// The manifest files under the given paths, in a stable order (what the floor and library scripts read).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function manifestFiles(paths) {
  const files = [];
  const walk = (path) => {
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    else if (/\.(ya?ml|json)$/.test(path)) files.push(path);
  };
  paths.forEach(walk);
  return files;
}
