/** The typed rule registry: message ids and data checked at compile time, fixes and suggestions carried to findings. */
import { describe, expect, it } from 'vitest';
import { defineRule, ruleMessage } from '../src/rules/define.js';
import { messageText } from '../src/rules/index.js';
import { inputTooLarge, yamlSyntax } from '../src/rules/pipeline.js';
import type { CheckedMessage } from '../src/types.js';
import { applyFixes } from '../src/fixes.js';
import { validate } from '../src/validate.js';
import { compileSchemaSet, engineWith } from './helpers.js';

const thingSchemas = compileSchemaSet(
  {
    Thing: {
      type: 'object',
      properties: { apiVersion: { const: 'image.openshift.io/v1' }, kind: { const: 'Thing' }, metadata: { type: 'object' }, spec: { type: 'object' } },
      required: ['apiVersion', 'kind'],
    },
  },
  ['Thing'],
);

const typed = defineRule({
  id: 'typed-example',
  category: 'lint',
  severity: 'warning',
  description: 'An example.',
  source: 'test',
  kinds: ['Thing'],
  fixable: 'code',
  hasSuggestions: true,
  messages: {
    named: 'The mode {{value}} is not lower case.',
    plain: 'No placeholders here.',
    lowerIt: 'Write {{value}} in lower case.',
    dropIt: 'Remove the mode.',
  },
  check({ object, report }) {
    const spec = object.value['spec'] as Record<string, unknown> | undefined;
    const mode = spec?.['mode'];
    if (typeof mode !== 'string' || mode === mode.toLowerCase()) return;
    report({
      path: ['spec', 'mode'],
      messageId: 'named',
      data: { value: mode },
      fix: { type: 'replace', path: ['spec', 'mode'], value: mode.toLowerCase() },
      suggest: [{ messageId: 'lowerIt', data: { value: mode }, edit: { type: 'replace', path: ['spec', 'mode'], value: mode.toLowerCase() } }],
    });
    if (mode === 'NEVER') {
      // @ts-expect-error -- data must name exactly the message's placeholders
      report({ path: [], messageId: 'named', data: { other: 1 } });
      // @ts-expect-error -- a message id the rule does not have
      report({ path: [], messageId: 'missing' });
      // @ts-expect-error -- a message without placeholders takes no data
      report({ path: [], messageId: 'plain', data: { value: 1 } });
    }
  },
});

const broken = defineRule({
  id: 'broken-example',
  category: 'lint',
  severity: 'warning',
  description: 'Reports a message id it does not have.',
  source: 'test',
  kinds: ['Thing'],
  messages: { real: 'Real.' },
  flags: {
    // @ts-expect-error -- a flag names only message ids the rule has
    noServerPath: ['made-up'],
  },
  check({ report }) {
    report({ path: [], messageId: 'made-up' as 'real' });
  },
});

const brokenSuggestion = defineRule({
  id: 'broken-suggestion-example',
  category: 'lint',
  severity: 'warning',
  description: 'Offers a suggestion with a message id it does not have.',
  source: 'test',
  kinds: ['Thing'],
  hasSuggestions: true,
  messages: { real: 'Real.' },
  check({ report }) {
    report({ path: [], messageId: 'real', suggest: [{ messageId: 'made-up-suggestion' as 'real', edit: { type: 'remove', path: ['spec'] } }] });
  },
});

const validateThing = engineWith(thingSchemas, [typed, broken, brokenSuggestion]);
const manifest = '# keep me\r\napiVersion: image.openshift.io/v1\r\nkind: Thing\r\nspec:\r\n  mode: "LOUD"  # and me\r\n';

describe('registry v2', () => {
  it('carries messageId, data, a text edit and suggestions to the finding', () => {
    const finding = validateThing(manifest).findings.find((item) => item.ruleId === typed.id);
    expect(finding).toMatchObject({
      messageId: 'named',
      data: { value: 'LOUD' },
      message: 'The mode LOUD is not lower case.',
      fix: { range: [manifest.indexOf('"LOUD"'), manifest.indexOf('"LOUD"') + 6], text: '"loud"' },
      suggestions: [{ messageId: 'lowerIt', data: { value: 'LOUD' }, desc: 'Write LOUD in lower case.' }],
    });
    // Only the value's characters change: quoting style, comments and CRLF line ends stay.
    expect(applyFixes(manifest, validateThing(manifest).findings).output).toBe(manifest.replace('"LOUD"', '"loud"'));
  });

  it('reports an unknown message id as an internal error instead of showing the id as text', () => {
    const finding = validateThing(manifest).findings.find((item) => item.message.includes(broken.id));
    expect(finding).toMatchObject({ ruleId: 'internal-error', messageId: 'rule' });
    expect(finding?.message).toContain('no message "made-up"');
  });

  it('reports a suggestion with an unknown message id as an internal error instead of dropping it', () => {
    const finding = validateThing(manifest).findings.find((item) => item.message.includes(brokenSuggestion.id));
    expect(finding).toMatchObject({ ruleId: 'internal-error', messageId: 'rule' });
    expect(finding?.message).toContain('no message "made-up-suggestion"');
    expect(finding?.suggestions).toBeUndefined();
  });

  it('reports of the reading pipeline and the front ends are typed by their rule too (ruleMessage)', () => {
    const tab = ruleMessage(yamlSyntax, { messageId: 'tab' });
    expect(messageText(tab)).toBe(yamlSyntax.messages.tab);
    expect(messageText(ruleMessage(inputTooLarge, { messageId: 'aliases', data: { limit: 3 } }))).toBe('More than 3 alias (*name) uses; this document was not validated.');
    // Only ruleMessage makes a CheckedMessage, the type every pipeline problem (ReadProblem, DiscoveryProblem, SchemaProblem) extends.
    // @ts-expect-error -- a rule id and message id written by hand are not a checked message
    const handWritten: CheckedMessage = { ruleId: yamlSyntax.id, messageId: 'tab', data: {} };
    // @ts-expect-error -- a message id the rule does not have
    const unknown = ruleMessage(yamlSyntax, { messageId: 'made-up' });
    // @ts-expect-error -- data must name exactly the message's placeholders
    ruleMessage(inputTooLarge, { messageId: 'aliases', data: { count: 3 } });
    // Forced past the compiler (JavaScript callers), an unknown message is said to be a bug, never shown as its id.
    expect(messageText(unknown)).toBe(`Rule yaml-syntax failed on this object (no message "made-up"); please report this bug. Other findings are unaffected.`);
    expect(messageText(handWritten)).toBe(yamlSyntax.messages.tab);
  });

  it('drops a fix the rule does not declare fixable', () => {
    const quiet = engineWith(thingSchemas, [{ ...typed, fixable: undefined, hasSuggestions: false }]);
    const finding = quiet(manifest).findings.find((item) => item.ruleId === typed.id);
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggestions).toBeUndefined();
  });

  it('fixes the legacy apiVersion in the style it was written', () => {
    const yaml = 'apiVersion: v1 # old\nkind: ImageStream\nmetadata:\n  name: a\n';
    expect(applyFixes(yaml, validate(yaml).findings).output).toBe(yaml.replace('v1 #', 'image.openshift.io/v1 #'));
    const json = '{"apiVersion": "v1", "kind": "ImageStream", "metadata": {"name": "a"}}';
    expect(applyFixes(json, validate(json).findings).output).toBe(json.replace('"v1"', '"image.openshift.io/v1"'));
  });
});
