import { findPlaceholder } from '../../placeholders.js';
import type { PathSegment } from '../../types.js';
import { defineRule } from '../define.js';
import { isRecord, quote } from './support.js';

/** Free text the server stores without checking it: a placeholder there is not rejected (nor in
 *  the top-level `status`, which the server drops). */
const UNCHECKED_FIELDS = new Set(['annotations', 'dockerImageMetadata', 'dockerImageConfig', 'dockerImageManifest']);

/** Every string value of `value` with its path, leaving out the fields the server does not check. */
function* stringValues(value: unknown, path: PathSegment[]): Generator<{ text: string; path: PathSegment[] }> {
  if (typeof value === 'string') {
    yield { text: value, path };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* stringValues(item, [...path, index]);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (!UNCHECKED_FIELDS.has(key) && !(path.length === 0 && key === 'status')) yield* stringValues(item, [...path, key]);
    }
  }
}

export default defineRule({
  id: 'unrendered-placeholder',
  category: 'server',
  severity: 'error',
  description:
    'Values must not hold placeholders that another tool was meant to replace: `{{ … }}` (Helm, Jinja), `$VAR` and `${VAR}` (shell, envsubst; `${VAR}` is a parameter only inside a Template), `[YOUR_X]`, `<your-x>`.',
  source:
    '`oc apply` sends the text as written; the API server then rejects it where it checks the field (an image reference fails openshift/library-go reference.Parse, a name fails its DNS or path-segment check, a label value its pattern). Template parameters are replaced by `oc process` (openshift/library-go pkg/template/templateprocessing), nothing else is.',
  kinds: '*',
  messages: {
    templateAction:
      '{{value}} holds the template action {{placeholder}}, which only Helm or Jinja (Ansible) can fill in; the server would reject it as written. Validate the rendered output (`helm template … | ocp-image validate -`) or leave the file out (ignores).',
    variable:
      '{{value}} holds the variable {{placeholder}}, which nothing replaces before `oc apply`{{templateHint}}; the server would reject it as written. Substitute it first (`envsubst < file | ocp-image validate -`) or leave the file out (ignores).',
    fillIn: '{{value}} holds the fill-in marker {{placeholder}}; the server would reject it as written. Write the real value, or leave the file out (ignores).',
  },
  check({ object, report }) {
    for (const { text, path } of stringValues(object.value, [])) {
      const placeholder = findPlaceholder(text, object.inTemplate);
      if (!placeholder) continue;
      const data = { value: quote(text), placeholder: quote(placeholder.text) };
      if (placeholder.kind === 'template-action') {
        report({ path, messageId: 'templateAction', data });
      } else if (placeholder.kind === 'fill-in') {
        report({ path, messageId: 'fillIn', data });
      } else {
        const templateHint = placeholder.text.startsWith('${') && !object.inTemplate ? ' (only an OpenShift Template fills in `${NAME}`, with `oc process`)' : '';
        report({ path, messageId: 'variable', data: { ...data, templateHint } });
      }
    }
  },
});
