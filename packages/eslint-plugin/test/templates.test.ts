import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eslintWithConfig } from './support.js';

const quotedTemplate = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: "{{ .Release.Name }}"\n';
const brokenTemplate = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: {{ include "app.fullname" . }}\n';

let repository: string;
beforeAll(async () => {
  repository = await mkdtemp(path.join(os.tmpdir(), 'ocp-image-eslint-'));
  const files: Record<string, string> = {
    'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
    'charts/app/templates/quoted.yaml': quotedTemplate,
    'other/templates/quoted.yaml': quotedTemplate,
    'other/broken.yaml': brokenTemplate,
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.join(repository, path.dirname(name)), { recursive: true });
    await writeFile(path.join(repository, name), text);
  }
});
afterAll(() => rm(repository, { recursive: true, force: true }));

describe('templates for other tools in ESLint, as the CLI skips them', () => {
  it('reports nothing for a Helm chart template or for template actions that make a file invalid YAML', async () => {
    const results = await eslintWithConfig(repository, 'recommended').lintFiles(['.']);
    const messages = Object.fromEntries(
      results.map((result) => [path.relative(repository, result.filePath), result.messages.map((message) => message.ruleId ?? 'fatal')]),
    );
    expect(messages).toEqual({
      'charts/app/Chart.yaml': [],
      'charts/app/templates/quoted.yaml': [],
      // Not below a chart: valid YAML, and the placeholder is reported as the CLI reports it.
      'other/templates/quoted.yaml': ['ocp-image/unrendered-placeholder'],
      'other/broken.yaml': [],
    });
  });
});
