/**
 * The CLI works with the network denied and code generation from strings disabled, and tries
 * neither. A preload (`--import`, which Node also runs in every worker thread) replaces every way
 * to reach the network or start a program with a function that records the attempt and throws;
 * Node's own `--disallow-code-generation-from-strings` makes `eval` and `new Function` throw.
 * Every command and output format then runs on real manifests (the built CLI, bundle included).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, makeTempDirectory, parseJsonOutput } from './helpers.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** Replaces the network, DNS, process and fetch entry points; each call is logged and throws. */
const DENY_PRELOAD = `
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const attempts = process.env.OCP_IMAGE_TEST_ATTEMPTS;
const loaded = process.env.OCP_IMAGE_TEST_LOADED;
appendFileSync(loaded, (isMainThread ? 'main' : 'worker') + '\\n');

function deny(name) {
  return function denied() {
    appendFileSync(attempts, name + ' ' + (new Error().stack ?? '').split('\\n').slice(2, 4).join(' | ') + '\\n');
    throw new Error('network and processes are denied in this test: ' + name);
  };
}

const targets = {
  'node:net': ['connect', 'createConnection', 'createServer'],
  'node:tls': ['connect', 'createServer'],
  'node:dns': ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt', 'reverse'],
  'node:http': ['request', 'get', 'createServer'],
  'node:https': ['request', 'get', 'createServer'],
  'node:http2': ['connect', 'createServer', 'createSecureServer'],
  'node:dgram': ['createSocket'],
  'node:child_process': ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
};
for (const [specifier, names] of Object.entries(targets)) {
  const module = require(specifier);
  for (const name of names) module[name] = deny(specifier + ' ' + name);
}
const net = require('node:net');
net.Socket.prototype.connect = deny('net.Socket#connect');
const dnsPromises = require('node:dns').promises;
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dnsPromises[name] = deny('dns.promises ' + name);
globalThis.fetch = deny('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = deny('WebSocket');
syncBuiltinESMExports();
`;

let workspace: string;
let remove: () => Promise<void>;
let preload: string;
let attemptsLog: string;
let loadedLog: string;

beforeAll(async () => {
  ({ directory: workspace, remove } = await makeTempDirectory());
  preload = path.join(workspace, 'deny-network.mjs');
  attemptsLog = path.join(workspace, 'attempts.log');
  loadedLog = path.join(workspace, 'loaded.log');
  await writeFile(preload, DENY_PRELOAD);
  // Enough files for worker threads to start under --jobs 2.
  await cp(examples, path.join(workspace, 'examples'), { recursive: true });
  await mkdir(path.join(workspace, 'many'));
  const example = await readFile(path.join(examples, 'imagestream-ruby.yaml'), 'utf8');
  for (let index = 0; index < 60; index++) await writeFile(path.join(workspace, 'many', `stream-${index}.yaml`), example);
});
afterAll(() => remove());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function guardedCli(args: readonly string[], input = ''): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, OCP_IMAGE_TEST_ATTEMPTS: attemptsLog, OCP_IMAGE_TEST_LOADED: loadedLog, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disallow-code-generation-from-strings', '--import', preload, cliPath, ...args], { cwd: workspace, env });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(input);
  });
}

async function attempts(): Promise<string> {
  return existsSync(attemptsLog) ? readFile(attemptsLog, 'utf8') : '';
}

describe('with the network denied and code generation disallowed', () => {
  it(
    'every format of validate works, in the main thread and in worker threads, and nothing tried the network',
    async () => {
      for (const format of ['stylish', 'json', 'sarif', 'junit', 'github', 'compact']) {
        // In worker threads for every format; in the main thread once.
        for (const jobs of format === 'json' ? ['1', '2'] : ['2']) {
          const run = await guardedCli(['validate', '--format', format, '--jobs', jobs, 'examples', 'many']);
          expect(run.stderr, `${format} --jobs ${jobs}`).not.toMatch(/internal error|EvalError|denied/);
          expect([0, 1], `${format} --jobs ${jobs}: ${run.stderr}`).toContain(run.code);
          expect(run.stdout.length).toBeGreaterThan(0);
          if (format === 'json') expect(parseJsonOutput(run.stdout)).toHaveLength(66);
        }
      }
      expect(await attempts()).toBe('');
      // The preload really ran, in the main thread and in workers.
      const loaded = (await readFile(loadedLog, 'utf8')).split('\n');
      expect(loaded).toContain('main');
      expect(loaded).toContain('worker');
    },
    300_000,
  );

  it(
    'findings are the real ones: the example with mistakes still reports them',
    async () => {
      const run = await guardedCli(['validate', '--format', 'json', 'examples']);
      const results = parseJsonOutput(run.stdout);
      expect(results.some((result) => result.errorCount > 0)).toBe(true);
      expect(run.code).toBe(1);
    },
    120_000,
  );

  it(
    'standard input, explain, schema and rules work too',
    async () => {
      const example = await readFile(path.join(examples, 'imagestream-ruby.yaml'), 'utf8');
      const runs = await Promise.all([
        guardedCli(['validate', '-', '--stdin-filename', 'piped.yaml'], example),
        guardedCli(['explain', 'ImageStream.spec.tags', '--recursive']),
        guardedCli(['schema', 'ImageStream', '--strict']),
        guardedCli(['rules', '--format', 'json']),
      ]);
      for (const run of runs) {
        expect(run.stderr).not.toMatch(/internal error|EvalError|denied/);
        expect([0, 1]).toContain(run.code);
        expect(run.stdout.length).toBeGreaterThan(0);
      }
      expect(await attempts()).toBe('');
    },
    120_000,
  );

  it('the guards work: a denied call is recorded and code generation throws', async () => {
    const probe = path.join(workspace, 'probe.mjs');
    await writeFile(
      probe,
      `import net from 'node:net';\nlet generated = 'ran';\ntry { generated = String(new Function('return 1')()); } catch (error) { generated = error.name; }\ntry { net.connect(80, 'example.com'); } catch {}\nprocess.stdout.write(generated);\n`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, OCP_IMAGE_TEST_ATTEMPTS: attemptsLog, OCP_IMAGE_TEST_LOADED: loadedLog };
    const child = spawn(process.execPath, ['--disallow-code-generation-from-strings', '--import', preload, probe], { cwd: workspace, env });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    await new Promise((resolve) => child.on('close', resolve));
    expect(Buffer.concat(output).toString()).toBe('EvalError');
    expect(await attempts()).toMatch(/^node:net connect /);
    await writeFile(attemptsLog, '');
  });
});
