import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDirectory, makeTempDirectory, parseJsonOutput, runCli } from './helpers.js';

// A GitOps repository as users have them: a Helm chart, an Ansible role and plain manifests.
const chartTemplate = [
  'apiVersion: image.openshift.io/v1',
  'kind: ImageStream',
  'metadata:',
  '  name: {{ include "app.fullname" . }}',
  'spec:',
  '  tags:',
  '  - name: {{ .Values.tag | quote }}',
  '    from: {kind: DockerImage, name: "{{ .Values.image }}"}',
  '',
].join('\n');
// Valid YAML, but below templates/ beside Chart.yaml: still a Go template, skipped.
const quotedChartTemplate = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: "{{ .Release.Name }}"\n';
const jinjaTemplate = '{% if with_stream %}\napiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: {{ stream_name }}\n{% endif %}\n';
const misspelt = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: app\nspec:\n  tags:\n  - name: latest\n    referencePolcy: {type: Local}\n';
// templates/ without Chart.yaml next to it is an ordinary directory.
const notAChart = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: "{{ name }}"\n';

let repository: string;
let removeRepository: () => Promise<void>;
beforeAll(async () => {
  ({ directory: repository, remove: removeRepository } = await makeTempDirectory());
  const files: Record<string, string> = {
    'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
    'charts/app/values.yaml': 'tag: "1.0"\nimage: quay.io/org/app:1.0\n',
    'charts/app/templates/imagestream.yaml': chartTemplate,
    'charts/app/templates/streams/quoted.yaml': quotedChartTemplate,
    'roles/app/templates/imagestream.yaml': jinjaTemplate,
    'deploy/imagestream.yaml': misspelt,
    'docs/templates/example.yaml': notAChart,
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.join(repository, path.dirname(name)), { recursive: true });
    await writeFile(path.join(repository, name), text);
  }
});
afterAll(() => removeRepository());

const notice = (count: number) =>
  `ocp-image: skipped ${count === 1 ? '1 file that is a template' : `${count} files that are templates`} for another tool ` +
  "(below a Helm chart's templates/, or with {{ }} actions that are not YAML); validate the rendered output instead: helm template <chart> | ocp-image validate -\n";

describe('templates for other tools', () => {
  it('skips Helm chart templates and Jinja templates that are not YAML, with one notice for the run', async () => {
    const result = await runCli(['validate', '--format', 'json', '.'], { cwd: repository });
    expect(result.stderr).toBe(notice(3));
    const files = parseJsonOutput(result.stdout).map((file) => file.filePath);
    expect(files).toEqual(['charts/app/Chart.yaml', 'charts/app/values.yaml', 'deploy/imagestream.yaml', 'docs/templates/example.yaml']);
    const findings = parseJsonOutput(result.stdout).flatMap((file) => file.messages.map((message) => `${file.filePath} ${message.ruleId}`));
    // The misspelt field is an error, as `oc apply` rejects it; a placeholder outside a chart is reported.
    expect(findings).toEqual(['deploy/imagestream.yaml unknown-field', 'docs/templates/example.yaml unrendered-placeholder']);
    expect(result.code).toBe(1);
  });

  it('skips chart templates named one by one, as a pre-commit hook passes them', async () => {
    const result = await runCli(['validate', 'charts/app/templates/imagestream.yaml', 'charts/app/templates/streams/quoted.yaml'], { cwd: repository });
    expect(result).toMatchObject({ code: 0, stderr: notice(2) });
  });

  it('says nothing about templates when there were none, and nothing with --quiet', async () => {
    const [plain, quiet] = await Promise.all([
      runCli(['validate', 'deploy/'], { cwd: repository }),
      runCli(['validate', '--quiet', '.'], { cwd: repository }),
    ]);
    expect(plain.stderr).toBe('');
    expect(quiet.stderr).toBe('');
  });

  it('skips a chart template read from standard input under its --stdin-filename', async () => {
    const named = await runCli(['validate', '-', '--stdin-filename', 'charts/app/templates/quoted.yaml'], { cwd: repository, input: quotedChartTemplate });
    expect(named).toMatchObject({ code: 0, stderr: notice(1) });
    const unnamed = await runCli(['validate', '--format', 'json', '-'], { cwd: repository, input: quotedChartTemplate });
    expect(parseJsonOutput(unnamed.stdout)[0]?.messages.map((message) => message.ruleId)).toEqual(['unrendered-placeholder']);
  });
});

describe('recipes: validate what helm and kustomize render', () => {
  // What `helm template release charts/app` and `kustomize build overlays/prod` print: several
  // documents, other kinds, `# Source:` comments. Piped in, they are checked like any file.
  it.each([
    ['helm template release charts/app | ocp-image validate -', 'helm-template.yaml', 'unknown-field', 'spec.tags[0].referencePolcy'],
    ['kustomize build overlays/prod | ocp-image validate -', 'kustomize-build.yaml', 'schema-type', 'spec.tags[0].importPolicy.scheduled'],
  ])('%s', async (_recipe, fixture, ruleId, findingPath) => {
    const rendered = await readFile(path.join(fixturesDirectory, 'rendered', fixture));
    const result = await runCli(['validate', '--format', 'json', '-'], { input: rendered });
    expect(result.stderr).toBe('');
    const [file] = parseJsonOutput(result.stdout);
    expect(file?.filePath).toBe('<stdin>');
    expect(file?.messages.map((message) => `${message.ruleId} ${message.path}`)).toEqual([`${ruleId} ${findingPath}`]);
    expect(result.code).toBe(1);
  });
});

describe('kustomize patches', () => {
  // An overlay's patches are fragments kustomize merges into the base's resources: no from.kind
  // (the base has it), and strategic-merge directives oc does not know.
  const base = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: app\nspec:\n  tags:\n  - name: latest\n    from: {kind: DockerImage, name: quay.io/org/app:latest}\n';
  const patch = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: app\nspec:\n  tags:\n  - name: latest\n    from:\n      name: quay.io/org/app:1.0\n';
  const deletion = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: app\nspec:\n  tags:\n  - name: old\n    $patch: delete\n';
  let overlays: string;
  let removeOverlays: () => Promise<void>;
  beforeAll(async () => {
    ({ directory: overlays, remove: removeOverlays } = await makeTempDirectory());
    const files: Record<string, string> = {
      'base/kustomization.yaml': 'resources:\n- imagestream.yaml\n',
      'base/imagestream.yaml': base,
      'overlays/prod/kustomization.yml': 'resources:\n- ../../base\npatches:\n- path: patches/tag.yaml\n- target: {kind: ImageStream}\n  patch: |-\n    - op: remove\n      path: /spec/tags/1\npatchesStrategicMerge:\n- delete-old.yaml\n',
      'overlays/prod/patches/tag.yaml': patch,
      'overlays/prod/delete-old.yaml': deletion,
      // Not listed as a patch: a manifest like any other.
      'overlays/prod/extra.yaml': patch,
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.join(overlays, path.dirname(name)), { recursive: true });
      await writeFile(path.join(overlays, name), text);
    }
  });
  afterAll(() => removeOverlays());

  const patchNotice = (count: number) =>
    `ocp-image: skipped ${count === 1 ? '1 file that is a kustomize patch' : `${count} files that are kustomize patches`} ` +
    '(listed under patches in a kustomization.yaml); validate the built output instead: kustomize build <directory> | ocp-image validate -\n';

  it('skips the files a kustomization lists as patches, in walks, by name and from standard input, with one notice', async () => {
    const walked = await runCli(['validate', '--format', 'json', '.'], { cwd: overlays });
    expect(walked.stderr).toBe(patchNotice(2));
    const findings = parseJsonOutput(walked.stdout).flatMap((file) => file.messages.map((message) => `${file.filePath} ${message.ruleId}`));
    expect(findings).toEqual(['overlays/prod/extra.yaml tag-from-kind']);
    expect(walked.code).toBe(1);
    const named = await runCli(['validate', 'overlays/prod/patches/tag.yaml', 'base/imagestream.yaml'], { cwd: overlays });
    expect(named).toMatchObject({ code: 0, stderr: patchNotice(1) });
    const piped = await runCli(['validate', '-', '--stdin-filename', 'delete-old.yaml'], { cwd: path.join(overlays, 'overlays/prod'), input: deletion });
    expect(piped).toMatchObject({ code: 0, stderr: patchNotice(1) });
  });
});
