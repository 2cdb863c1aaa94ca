// A throwaway npm registry for the end-to-end test: verdaccio on 127.0.0.1 at a free port, its
// storage in a directory of the caller's, and no uplinks — it serves only what is published to
// it and never asks the public registry for anything.
// startRegistry() runs this file as a child process (the tests' own npm runs block their thread),
// which starts verdaccio and prints its port on stdout.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Verdaccio's configuration: anyone may publish and read @ocp-image/*; nothing else is served. */
function configuration(storage) {
  return {
    storage,
    auth: { htpasswd: { file: path.join(storage, 'htpasswd'), max_users: 10 } },
    uplinks: {},
    packages: { '@ocp-image/*': { access: '$all', publish: '$authenticated' } },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
    web: { enable: false },
  };
}

/**
 * Starts the registry with its storage in `storage`. Resolves to its URL, an auth token of a user
 * made for the test, and `stop()`.
 */
export async function startRegistry(storage) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), storage], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /^ocp-image-e2e-registry listening on (\d+)$/m.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`verdaccio exited ${code} before listening:\n${output}`)));
  });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  // npm publish needs a login; verdaccio creates the user on this first request (npm adduser's).
  const response = await fetch(new URL('-/user/org.couchdb.user:e2e', url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'e2e', password: 'e2e-password', type: 'user', roles: [] }),
  });
  if (!response.ok) {
    await stop();
    throw new Error(`verdaccio did not create the test user: ${response.status} ${await response.text()}`);
  }
  const { token } = await response.json();
  return { url, token, stop, output: () => output };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [storage] = process.argv.slice(2);
  const configFile = path.join(storage, 'config.yaml');
  // JSON is YAML: verdaccio reads it as its config file, relative paths against the file.
  writeFileSync(configFile, JSON.stringify(configuration(storage)));
  const { runServer } = await import('verdaccio');
  const server = await runServer(configFile);
  server.listen(0, '127.0.0.1', () => console.log(`ocp-image-e2e-registry listening on ${server.address().port}`));
}
