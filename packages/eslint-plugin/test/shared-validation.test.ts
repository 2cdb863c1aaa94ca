import { afterEach, describe, expect, it, vi } from 'vitest';
import * as validator from '@ocp-image/validator';
import type { Linter } from 'eslint';
import plugin from '../src/index.js';
import { lint } from './support.js';

// Count the validator's runs without changing what it returns.
vi.mock('@ocp-image/validator', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@ocp-image/validator')>();
  return { ...actual, validate: vi.fn(actual.validate) };
});
const validate = vi.mocked(validator.validate);

// An apiVersion oc cannot map and an unknown field: findings of two different rules.
const imageStream = `apiVersion: v1
kind: ImageStream
metadata:
  name: app
  colour: blue
spec:
  tags:
    - name: latest
      from:
        kind: DockerImage
        name: quay.io/example/app:1.0
`;

afterEach(() => validate.mockClear());

describe('one validation per file, shared by all rules', () => {
  it('validates a file once however many rules are on', () => {
    const ruleCount = Object.keys(plugin.rules).length;
    expect(ruleCount).toBeGreaterThan(1);
    const messages = lint(imageStream, 'stream.yaml');
    expect(validate).toHaveBeenCalledTimes(1);
    expect(validate.mock.calls[0]?.[0]).toBe(imageStream);
    expect(validate.mock.calls[0]?.[1]).toMatchObject({ filePath: 'stream.yaml' });
    const findings = validate.mock.results[0]?.value as validator.ValidationResult;
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.map((message) => message.ruleId)).toEqual(findings.findings.map((finding) => `ocp-image/${finding.ruleId}`));
  });

  it('validates a file with ESLint directives once too: its comments come with that validation', () => {
    const messages = lint(`# eslint-disable-next-line ocp-image/api-version-mapping\n${imageStream}`, 'stream.yaml');
    expect(validate).toHaveBeenCalledTimes(1);
    expect(messages.map((message) => message.ruleId)).toEqual(['ocp-image/unknown-field']);
  });

  it('validates each file of a run once', () => {
    lint(imageStream, 'first.yaml');
    lint(imageStream, 'second.yaml');
    lint(JSON.stringify({ apiVersion: 'image.openshift.io/v1', kind: 'ImageStream', metadata: { name: 'x' } }), 'third.json');
    expect(validate.mock.calls.map((call) => call[1]?.filePath)).toEqual(['first.yaml', 'second.yaml', 'third.json']);
  });

  it('validates a file that does not parse once, for its fatal errors, and runs no rule', () => {
    const messages = lint('kind: [ImageStream\n', 'broken.yaml');
    expect(messages.every((message) => message.fatal)).toBe(true);
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('validates again only for rules whose options differ', () => {
    const withLimits: Linter.Config[] = [
      ...(plugin.configs.all as Linter.Config[]),
      { files: ['**/*.yaml'], rules: { 'ocp-image/input-too-large': ['error', { limits: { maxDepth: 3 } }] } },
    ];
    const messages = lint(imageStream, 'stream.yaml', withLimits);
    expect(validate).toHaveBeenCalledTimes(2);
    const configs = validate.mock.calls.map((call) => JSON.stringify(call[1]?.config));
    // Opt-in rules are always asked for: ESLint shows their findings only where they are turned on.
    expect(configs.sort()).toEqual(['{"rules":{"unused-disable-directive":"warn"},"limits":{"maxDepth":3}}', '{"rules":{"unused-disable-directive":"warn"}}']);
    // Only the rule with the tighter limit sees the document as too deep; the others keep their findings.
    const ruleIds = messages.map((message) => message.ruleId);
    expect(ruleIds).toContain('ocp-image/input-too-large');
    expect(ruleIds).toContain('ocp-image/api-version-mapping');
  });
});
