// `prepack`: refuses to pack a CLI whose bundle is missing or older than its inputs. An installed
// launcher trusts dist/bundle/ without checking (inputs.json is not packed), so a stale bundle
// would ship code that differs from dist/. Read-only, so packing can run beside the tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const launcher = fileURLToPath(new URL('../bin/ocp-image.js', import.meta.url));
const run = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8', env: { ...process.env, OCP_IMAGE_DEBUG: '1', OCP_IMAGE_NO_BUNDLE: '', NODE_DISABLE_COMPILE_CACHE: '1' } });
const build = /^ocp-image: running (.*)$/m.exec(run.stderr)?.[1];
if (run.status !== 0 || !build?.startsWith('dist/bundle/')) {
  console.error(`@ocp-image/cli: not packed, the launcher runs ${build ?? `nothing (${run.stderr.trim()})`}; run \`npm run build\` first`);
  process.exit(1);
}
