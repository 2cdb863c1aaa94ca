import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eslintWithConfig } from './support.js';

const quotedTemplate = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: "{{ .Release.Name }}"\n';
const brokenTemplate = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: {{ include "app.fullname" . }}\n';
const tagPatch = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: app\nspec:\n  tags:\n  - name: latest\n    from:\n      name: quay.io/org/app:1.0\n';

let repository: string;
beforeAll(async () => {
  repository = await mkdtemp(path.join(os.tmpdir(), 'ocp-image-eslint-'));
  const files: Record<string, string> = {
    'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
    'charts/app/templates/quoted.yaml': quotedTemplate,
    'other/templates/quoted.yaml': quotedTemplate,
    'other/broken.yaml': brokenTemplate,
    // A kustomize overlay: its patch leaves out from.kind (the base has it), an unlisted file does not.
    'overlay/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: patches/tag.yaml\n',
    'overlay/patches/tag.yaml': tagPatch,
    'overlay/patches/unlisted.yaml': tagPatch,
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.join(repository, path.dirname(name)), { recursive: true });
    await writeFile(path.join(repository, name), text);
  }
});
afterAll(() => rm(repository, { recursive: true, force: true }));

describe('templates for other tools in ESLint, as the CLI skips them', () => {
  it('reports nothing for a Helm chart template, for template actions that make a file invalid YAML, or for a kustomize patch', async () => {
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
      'overlay/kustomization.yaml': [],
      'overlay/patches/tag.yaml': [],
      'overlay/patches/unlisted.yaml': ['ocp-image/tag-from-kind'],
    });
  });
});
