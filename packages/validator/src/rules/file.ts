/**
 * Rules about the file itself, before any YAML is read. `validate()` works on text and never sees
 * files, so front ends that read files (the CLI) report these; they are in the registry so that
 * severities, `ocp-image rules`, SARIF rule tables and the docs treat them like every other rule.
 */
import type { RuleDefinition } from '../types.js';
import { defineRule } from './define.js';

export const fileReadRule = defineRule({
  id: 'file-read',
  category: 'syntax',
  severity: 'error',
  description: 'The file, or a directory met in a walk or glob, could not be read (permissions, a vanished file, an I/O error); it was not validated.',
  source: 'ocp-image CLI',
  kinds: '*',
  docs: { appliesTo: 'every file the CLI reads' },
  flags: { fileLevel: true },
  messages: {
    failed: 'Cannot read the file: {{reason}}.',
    directory: 'Cannot read the directory: {{reason}}; the files in it were not checked.',
  },
});

export const fileEncodingRule = defineRule({
  id: 'file-encoding',
  category: 'syntax',
  severity: 'error',
  description:
    'A file oc cannot read as text: NUL bytes (binary) or UTF-32, and such a file is not validated; or, after a UTF-8 byte order mark, bytes that are not UTF-8 (or not UTF-16, in a document that starts with the bytes of its mark) in a document go-yaml reads, which fails that document.',
  source: 'cli-runtime FileVisitor (x/text BOMOverride: UTF-8, or UTF-16 after its byte order mark) and go-yaml v2, which rejects NUL and ill-formed UTF-8',
  kinds: '*',
  docs: { appliesTo: 'every file the CLI reads' },
  // Front ends that read bytes report it; `validate` and `decode` too, for the bytes `DecodedBytes.illFormedUtf8` names.
  flags: { fileLevel: true, parseFatal: true },
  messages: {
    binary: 'Binary file: NUL byte at {{line}}:{{column}}; a manifest must be UTF-8 or UTF-16 text.',
    utf32: 'The file is UTF-32 encoded (byte order mark {{bom}}), which oc reads as UTF-16 or UTF-8 and fails on; save it as UTF-8.',
    invalidUtf8AfterBom:
      'Invalid UTF-8 in document {{document}} (counted from 0): after a UTF-8 byte order mark oc passes the bytes on unchecked, and go-yaml stops at them ("{{problem}}"); save the file as UTF-8.',
    invalidUtf16AfterBom:
      'Invalid UTF-16 in document {{document}} (counted from 0): after a UTF-8 byte order mark oc passes the bytes on unchecked, go-yaml reads a document that starts with the bytes FE FF or FF FE as UTF-16, and stops at these ("{{problem}}"); save the file as UTF-8.',
    fixWouldReplaceBytes:
      'Not fixed: the file holds bytes that are not {{encoding}} characters (oc reads each as U+FFFD, the first at {{line}}:{{column}}), and writing the fixed text would replace them too; repair the encoding first.',
  },
});

export const fileSymlinkSkippedRule = defineRule({
  id: 'file-symlink-skipped',
  category: 'syntax',
  severity: 'warning',
  description:
    'A symbolic link met while walking a directory or expanding a glob is not followed, so what it leads to was not checked.',
  source: 'ocp-image CLI',
  kinds: '*',
  docs: { appliesTo: 'symbolic links the CLI meets in a directory or a glob' },
  flags: { fileLevel: true },
  messages: {
    directory:
      'Symbolic link to the directory {{target}}, not followed in a directory or glob (a link can loop or lead out of the tree): the manifests there were not checked; name the directory on the command line to check them.',
    file: 'Symbolic link to {{target}}, not followed in a directory or glob (a link can lead out of the tree): the file was not checked; name the link on the command line to check it.',
    loop: 'Symbolic link loop: {{target}} leads back to the link itself or to a directory that holds it; not followed.',
    dangling: 'Dangling symbolic link: its target {{target}} does not exist; nothing was checked.',
    unresolvable: 'Symbolic link to {{target}} that cannot be resolved: {{reason}}; nothing was checked.',
  },
});

export const fileRules: readonly RuleDefinition[] = [fileReadRule, fileEncodingRule, fileSymlinkSkippedRule];
