import type { RuleDefinition } from '@ocp-image/validator';

/**
 * Rules about the file itself, before any YAML is read. The validator works on text and never
 * sees files, so these live in the CLI; they appear in `ocp-image rules`, the SARIF rule table
 * and `--rule`/config severities like every other rule.
 */
export const fileReadRule: RuleDefinition<'failed'> = {
  id: 'file-read',
  category: 'syntax',
  severity: 'error',
  description: 'The file could not be read (permissions, a vanished file, an I/O error); it was not validated.',
  source: 'ocp-image CLI',
  kinds: '*',
  messages: { failed: 'Cannot read the file: {{reason}}.' },
};

export const fileEncodingRule: RuleDefinition<'binary' | 'utf16' | 'utf32' | 'invalidUtf8'> = {
  id: 'file-encoding',
  category: 'syntax',
  severity: 'error',
  description: 'Manifests must be UTF-8 text (a leading byte order mark is fine); binary and other encodings are not validated.',
  source: 'YAML 1.2 §5.2 and kubectl/oc, which read manifests as UTF-8 text',
  kinds: '*',
  messages: {
    binary: 'Binary file: NUL byte at {{line}}:{{column}}; a manifest must be UTF-8 text.',
    utf16: 'The file is UTF-16 encoded (byte order mark {{bom}}); save it as UTF-8.',
    utf32: 'The file is UTF-32 encoded (byte order mark {{bom}}); save it as UTF-8.',
    invalidUtf8: 'Invalid UTF-8: byte 0x{{byte}} at {{line}}:{{column}} is not part of a UTF-8 character; save the file as UTF-8.',
  },
};

export const fileRules: readonly RuleDefinition[] = [fileReadRule, fileEncodingRule];

/** Fills `{{name}}` placeholders, as the validator's messages do. */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => (name in data ? String(data[name]) : placeholder));
}
