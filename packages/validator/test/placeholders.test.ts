import { describe, expect, it } from 'vitest';
import { findPlaceholder, hasTemplateAction } from '../src/placeholders.js';
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
