import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real yaml-language-server (the Red Hat YAML extension's server) over stdio, on a project that
// has @ocp-image/schemas installed and a manifest with the modeline docs/editor.md documents (a
// modeline applies to the YAML document it is in).

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const serverPath = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml-language-server/package.json')), 'bin/yaml-language-server');
const modeline = '# yaml-language-server: $schema=../node_modules/@ocp-image/schemas/generated/schemas/index.json';

const manifest = [
  modeline,
  'apiVersion: image.openshift.io/v1',
  'kind: ImageStream',
  'metadata:',
  '  name: app',
  'spec:',
  '  tags:',
  '  - name: latest',
  '    from:',
  '      kind: DockerImage',
  '      name: quay.io/org/app:latest',
  '    referencePolicy:',
  '      type: Local',
  '    importPolicy:',
  '      scheduled: "yes"',
  '  - ',
  '---',
  modeline,
  '# The cluster image configuration: another API group, not checked.',
  'apiVersion: config.openshift.io/v1',
  'kind: Image',
  'metadata:',
  '  name: cluster',
  'spec:',
  '  registrySources:',
  '    insecureRegistries: [registry.example.com]',
  '',
].join('\n');
const lineOf = (text: string) => manifest.split('\n').findIndex((line) => line.includes(text));

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

/** A minimal LSP client: Content-Length framing, requests with ids, the server's requests answered. */
class LanguageClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly waiters: { method: string; accept: (params: unknown) => boolean; resolve: (params: unknown) => void }[] = [];
  readonly notifications: Message[] = [];

  constructor(
    private readonly server: ChildProcessWithoutNullStreams,
    private readonly settings: unknown,
  ) {
    server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result)));
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The first notification `method` whose params `accept` takes, already received or still to come. */
  notification(method: string, accept: (params: unknown) => boolean): Promise<unknown> {
    const seen = this.notifications.find((message) => message.method === method && accept(message.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve) => this.waiters.push({ method, accept, resolve }));
  }

  private send(message: Message): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else if (message.id !== undefined) {
      // The server asks for its settings (one answer per item) or registers capabilities.
      const items = (message.params as { items?: unknown[] } | undefined)?.items;
      const result = message.method === 'workspace/configuration' ? (items ?? []).map(() => (this.settings as { yaml: unknown }).yaml) : null;
      this.send({ id: message.id, result });
    } else {
      this.notifications.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.method === message.method && waiter.accept(message.params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message.params);
        }
      }
    }
  }
}

interface Diagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  severity: number;
}

let project: string;
let server: ChildProcessWithoutNullStreams;
let client: LanguageClient;
let documentUri: string;

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'ocp-image-yamlls-'));
  await mkdir(path.join(project, 'node_modules/@ocp-image'), { recursive: true });
  await symlink(packageRoot, path.join(project, 'node_modules/@ocp-image/schemas'), 'dir');
  await mkdir(path.join(project, 'deploy'));
  const documentPath = path.join(project, 'deploy/imagestream.yaml');
  await writeFile(documentPath, manifest);
  documentUri = pathToFileURL(documentPath).href;

  // No schema store: the server would fetch its catalogue from the network.
  const settings = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: {} } };
  server = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
  client = new LanguageClient(server, settings);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(project).href,
    capabilities: {
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        publishDiagnostics: {},
      },
      workspace: { configuration: true },
    },
  });
  client.notify('initialized', {});
  client.notify('workspace/didChangeConfiguration', { settings });
  client.notify('textDocument/didOpen', { textDocument: { uri: documentUri, languageId: 'yaml', version: 1, text: manifest } });
}, 60_000);

afterAll(async () => {
  server?.kill();
  await rm(project, { recursive: true, force: true });
});

describe('yaml-language-server with the generated index schema and the documented modeline', () => {
  it('reports what the schema rejects, at its position, and nothing on another API group', async () => {
    const { diagnostics } = (await client.notification(
      'textDocument/publishDiagnostics',
      (params) => (params as { uri: string; diagnostics: unknown[] }).uri === documentUri && (params as { diagnostics: unknown[] }).diagnostics.length > 0,
    )) as { diagnostics: Diagnostic[] };
    expect(diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.severity])).toEqual([
      [lineOf('scheduled: "yes"'), 17, 1],
    ]);
    expect(diagnostics[0]?.message).toMatch(/boolean/);
  }, 60_000);

  it("shows the reference's description, with what each documented value means, on hover", async () => {
    const line = lineOf('type: Local');
    const onKey = (await client.request('textDocument/hover', { textDocument: { uri: documentUri }, position: { line, character: 7 } })) as {
      contents: { value: string };
    };
    expect(onKey.contents.value).toContain('Type determines how the image pull spec should be transformed');
    expect(onKey.contents.value).toContain('Local, indicating that the pull spec should point to the integrated container image registry');
    const onSpec = (await client.request('textDocument/hover', { textDocument: { uri: documentUri }, position: { line: lineOf('spec:'), character: 1 } })) as {
      contents: { value: string };
    };
    expect(onSpec.contents.value).toMatch(/\w/);
  }, 60_000);

  it('completes the fields of a tag and offers the snippet for a new tag', async () => {
    const emptyItem = manifest.split('\n').findIndex((text, index) => index > lineOf('type: Local') && text === '  - ');
    const completion = (await client.request('textDocument/completion', {
      textDocument: { uri: documentUri },
      position: { line: emptyItem, character: 4 },
    })) as { items: { label: string; insertText?: string }[] };
    const labels = completion.items.map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['name', 'from', 'importPolicy', 'referencePolicy', 'New tag']));
    expect(completion.items.find((item) => item.label === 'New tag')?.insertText).toMatch(/kind: DockerImage/);
  }, 60_000);
});
