import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI, exactly as `npx ocp-image` runs it. */
export const cliPath = fileURLToPath(new URL('../bin/ocp-image.js', import.meta.url));
export const fixturesDirectory = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const projectFixture = path.join(fixturesDirectory, 'project');
export const sharedDirectory = fileURLToPath(new URL('../../../../shared/', import.meta.url));

if (!existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url)))) {
  throw new Error('packages/cli/dist is missing: run `npx tsc -b packages/cli` (or `npm run build`) before the CLI tests.');
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** Run as this user (and its group): root's tests use it to meet permissions that stop users. */
  user?: { uid: number; gid: number };
}

/** Variables that change the CLI's output; tests set them explicitly when they want them. */
const outputAffectingVariables = ['NO_COLOR', 'FORCE_COLOR', 'OCP_IMAGE_DEBUG', 'NODE_OPTIONS'];

/** Below the tests' 60 s timeout, so a stuck run reports its output. */
const cliTimeoutMs = 55_000;

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of outputAffectingVariables) delete env[name];
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: options.cwd ?? projectFixture, env, stdio: 'pipe', ...options.user });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
    // A CLI that never ends should fail its test with what it printed, not leave it hanging.
    const watchdog = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ocp-image ${args.join(' ')} did not finish in ${cliTimeoutMs / 1000} s\nstdout: ${text(stdout)}\nstderr: ${text(stderr)}`));
    }, cliTimeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(watchdog);
      resolve({ code, stdout: text(stdout), stderr: text(stderr) });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh directory under the system temp directory, removed by the returned function. */
export async function makeTempDirectory(): Promise<{ directory: string; remove: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'ocp-image-cli-'));
  return { directory, remove: () => rm(directory, { recursive: true, force: true }) };
}

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  path: string;
  documentIndex: number;
  kind: string | null;
  name: string | null;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

export function parseJsonOutput(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}
