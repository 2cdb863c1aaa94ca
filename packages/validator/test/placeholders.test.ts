import { describe, expect, it } from 'vitest';
import { findPlaceholder, hasTemplateAction } from '../src/placeholders.js';
import { chartDirectoryCandidates } from '../src/helm-chart.js';
import { validate } from '../src/index.js';

describe('findPlaceholder', () => {
  it.each([
    ['{{ .Values.image }}', false, 'template-action', '{{ .Values.image }}'],
    ['quay.io/org/app:{{tag}}', false, 'template-action', '{{tag}}'],
    ['{% if x %}a{% endif %}', false, 'template-action', '{% if x %}'],
    ['$REGISTRY/org/app', false, 'variable', '$REGISTRY'],
    ['${REGISTRY}/org/app', false, 'variable', '${REGISTRY}'],
    ['${REGISTRY:-quay.io}/org/app', false, 'variable', '${REGISTRY:-quay.io}'],
    ['${{REPLICAS}}', false, 'variable', '${{REPLICAS}}'],
    ['$REGISTRY/org/app:${TAG}', true, 'variable', '$REGISTRY'],
    ['docker.io/[YOUR_DOCKER_ID]/app', false, 'fill-in', '[YOUR_DOCKER_ID]'],
    ['[your-repo]', false, 'fill-in', '[your-repo]'],
    ['<CHANGE_ME>', false, 'fill-in', '<CHANGE_ME>'],
    ['registry.example.com/<your-team>/app', false, 'fill-in', '<your-team>'],
  ])('%s (in a Template: %s) is a %s placeholder', (value, inTemplate, kind, text) => {
    expect(findPlaceholder(value, inTemplate)).toEqual({ kind, text });
  });

  it('in a Template, takes ${NAME} and ${{NAME}} for parameters only when the Template declares NAME', () => {
    const declared = new Set(['TAG']);
    expect(findPlaceholder('quay.io/org/app:${TAG}', true, declared)).toBeUndefined();
    expect(findPlaceholder('quay.io/org/app:${TAGS}', true, declared)).toEqual({ kind: 'undeclared-parameter', text: '${TAGS}', parameter: 'TAGS' });
    expect(findPlaceholder('${{REPLICAS}}', true, declared)).toEqual({ kind: 'undeclared-parameter', text: '${{REPLICAS}}', parameter: 'REPLICAS' });
  });

  it.each([
    ['quay.io/org/app:1.0', false],
    ['quay.io/org/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', false],
    ['${REGISTRY}/org/app:${TAG}', true],
    ['${{REPLICAS}}', true],
    ['costs $5', false],
    ['[a]', false],
  ])('%s (in a Template: %s) holds none', (value, inTemplate) => {
    expect(findPlaceholder(value, inTemplate)).toBeUndefined();
  });
});

describe('hasTemplateAction', () => {
  it('finds Go-template actions, not Template parameters', () => {
    expect(hasTemplateAction('metadata:\n  name: {{ include "app.fullname" . }}\n')).toBe(true);
    expect(hasTemplateAction('{{- if .Values.enabled }}\nkind: ImageStream\n{{- end }}\n')).toBe(true);
    expect(hasTemplateAction('replicas: ${{REPLICAS}}\n')).toBe(false);
    expect(hasTemplateAction('name: ${NAME}\n')).toBe(false);
  });
});

describe('chartDirectoryCandidates', () => {
  it('names the parent of every templates/ directory on the way to the file', () => {
    expect(chartDirectoryCandidates('/repo/charts/app/templates/is.yaml')).toEqual(['/repo/charts/app']);
    expect(chartDirectoryCandidates('/repo/charts/app/templates/sub/is.yaml')).toEqual(['/repo/charts/app']);
    expect(chartDirectoryCandidates('C:\\repo\\chart\\templates\\is.yaml')).toEqual(['C:\\repo\\chart']);
    expect(chartDirectoryCandidates('templates/is.yaml')).toEqual(['.']);
    expect(chartDirectoryCandidates('/templates/is.yaml')).toEqual(['/']);
    expect(chartDirectoryCandidates('/repo/my-templates/is.yaml')).toEqual([]);
    expect(chartDirectoryCandidates('/repo/deploy/is.yaml')).toEqual([]);
  });
});

describe('templates for other tools', () => {
  it('are not validated when their template actions make the YAML invalid', () => {
    const helm = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: {{ include "app.fullname" . }}\n';
    expect(validate(helm)).toEqual({ findings: [], objects: [], skipped: {}, unrenderedTemplate: true });
    const jinja = '{% if stream %}\nkind: ImageStream\n{% endif %}\n';
    expect(validate(jinja).unrenderedTemplate).toBe(true);
  });

  it('are validated when the YAML is valid, or when the YAML is invalid for another reason', () => {
    const quoted = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: "{{ .Release.Name }}"\n';
    expect(validate(quoted).unrenderedTemplate).toBeUndefined();
    expect(validate(quoted).findings.map((finding) => finding.ruleId)).toEqual(['unrendered-placeholder']);
    const broken = 'kind: ImageStream\nmetadata:\n  name: [broken\n';
    expect(validate(broken).findings.map((finding) => finding.ruleId)).toEqual(['yaml-syntax']);
  });
});

describe('unrendered-placeholder and the rules it stands in for', () => {
  it('is the only finding for a placeholder value that other rules would reject too', () => {
    const text = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: <CHANGE_ME>\nspec:\n  dockerImageRepository: $REGISTRY/app\n';
    expect(validate(text).findings.map((finding) => `${finding.ruleId} ${finding.path}`)).toEqual([
      'unrendered-placeholder metadata.name',
      'unrendered-placeholder spec.dockerImageRepository',
    ]);
  });

  it('leaves the value to the other rules when turned off', () => {
    const text = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: <CHANGE_ME>\n';
    const findings = validate(text, { config: { rules: { 'unrendered-placeholder': 'off' } } }).findings;
    expect(findings.map((finding) => finding.ruleId)).toContain('imagestream-name');
  });
});
