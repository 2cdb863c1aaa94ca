import { findPlaceholder } from '../../placeholders.js';
import type { PathSegment } from '../../types.js';
import { defineRule } from '../define.js';
import { closestMatch } from '../../suggest.js';
import { didYouMean, quote } from '../utils/message.js';
import { isRecord } from '../utils/object.js';

/** Free text the server stores without checking it: a placeholder there is not rejected (nor in
 *  the top-level `status`, which the server drops). */
const UNCHECKED_FIELDS = new Set(['annotations', 'dockerImageMetadata', 'dockerImageConfig', 'dockerImageManifest']);

/**
 * Calls `visit` with every string value of `value` and its path (one stack for the whole walk: copy
 * it to keep it), leaving out the fields the server does not check.
 */
function visitStrings(value: unknown, path: PathSegment[], visit: (text: string, path: readonly PathSegment[]) => void): void {
  if (typeof value === 'string') {
    visit(value, path);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      visitStrings(value[index], path, visit);
      path.pop();
    }
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (UNCHECKED_FIELDS.has(key) || (path.length === 0 && key === 'status')) continue;
      path.push(key);
      visitStrings(value[key], path, visit);
      path.pop();
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
  // Which check rejects the unfilled value depends on the field, and some only fail later.
  flags: { noServerPath: true },
  messages: {
    templateAction:
      '{{value}} holds the template action {{placeholder}}, which only Helm or Jinja (Ansible) can fill in; the server would reject it as written. Validate the rendered output (`helm template … | ocp-image validate -`) or leave the file out (ignores).',
    variable:
      '{{value}} holds the variable {{placeholder}}, which nothing replaces before `oc apply`{{templateHint}}; the server would reject it as written. Substitute it first (`envsubst < file | ocp-image validate -`) or leave the file out (ignores).',
    fillIn: '{{value}} holds the fill-in marker {{placeholder}}; the server would reject it as written. Write the real value, or leave the file out (ignores).',
    undeclaredParameter:
      '{{value}} holds {{placeholder}}, but the Template declares no parameter {{parameter}}: `oc process` leaves it as written, and the server would reject it. Declare the parameter under parameters, or correct the name.{{hint}}',
  },
  check({ object, report }) {
    visitStrings(object.value, [], (text, at) => {
      const placeholder = findPlaceholder(text, object.inTemplate, object.templateParameters);
      if (!placeholder) return;
      const path = [...at];
      const data = { value: quote(text), placeholder: quote(placeholder.text) };
      if (placeholder.parameter !== undefined) {
        const meant = closestMatch(placeholder.parameter, object.templateParameters ?? []);
        report({ path, messageId: 'undeclaredParameter', data: { ...data, parameter: quote(placeholder.parameter), hint: didYouMean(meant) } });
      } else if (placeholder.kind === 'template-action') {
        report({ path, messageId: 'templateAction', data });
      } else if (placeholder.kind === 'fill-in') {
        report({ path, messageId: 'fillIn', data });
      } else {
        const templateHint = placeholder.text.startsWith('${') && !object.inTemplate ? ' (only an OpenShift Template fills in `${NAME}`, with `oc process`)' : '';
        report({ path, messageId: 'variable', data: { ...data, templateHint } });
      }
    });
  },
});
