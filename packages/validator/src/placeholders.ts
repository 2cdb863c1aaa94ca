/**
 * Text another tool was meant to replace before the manifest reaches `oc`: template actions of
 * Helm (Go templates) or Ansible (Jinja), shell or envsubst variables, and fill-in markers of
 * examples. `oc apply` sends them as written and the server rejects them where it checks the field.
 */

export type PlaceholderKind = 'template-action' | 'variable' | 'undeclared-parameter' | 'fill-in';

export interface Placeholder {
  kind: PlaceholderKind;
  /** The placeholder as written, e.g. `{{ .Values.image }}`, `$REGISTRY`, `<your-registry>`. */
  text: string;
  /** An undeclared Template parameter's name. */
  parameter?: string;
}

/** `{{ … }}` (Go templates, Jinja expressions) or `{% … %}` (Jinja statements); not a Template's `${{NAME}}`. */
const TEMPLATE_ACTION = /(?<!\$)\{\{[^{}]*\}\}|\{%[^{}]*%\}/;
/** `$NAME` or `${NAME}` (with a shell default such as `${NAME:-x}`), as envsubst and shells expand
 *  them, and a Template's `${{NAME}}` outside a Template. */
const VARIABLE = /\$\{\{[a-zA-Z0-9_]+\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}$]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*/g;
/** A Template parameter as `oc process` substitutes it (openshift/library-go templateprocessing). */
const TEMPLATE_PARAMETER = /^\$\{\{?([a-zA-Z0-9_]+)\}?\}$/;
/** `[YOUR_REPO]`, `[your-tag]`, `<CHANGE_ME>`, `<your-registry>`: markers of examples to fill in. */
const FILL_IN = /\[(?:[A-Z][A-Z0-9_-]*|[Yy][Oo][Uu][Rr][\w-]*)\]|<[A-Za-z][\w.-]*>/;

const MAY_HOLD_PLACEHOLDER = /[{$[<]/;

/**
 * The first placeholder in `value`, or undefined. In an OpenShift Template, `${NAME}` and
 * `${{NAME}}` are parameters that `oc process` fills in, not placeholders — when the Template
 * declares NAME (`declared`, if known): it leaves any other as written.
 */
export function findPlaceholder(value: string, inTemplate: boolean, declared?: ReadonlySet<string>): Placeholder | undefined {
  // Every placeholder has one of these characters; most values have none (one scan instead of three).
  if (!MAY_HOLD_PLACEHOLDER.test(value)) return undefined;
  const action = TEMPLATE_ACTION.exec(value);
  if (action) return { kind: 'template-action', text: action[0] };
  for (const match of value.matchAll(VARIABLE)) {
    const parameter = inTemplate ? TEMPLATE_PARAMETER.exec(match[0])?.[1] : undefined;
    if (parameter === undefined) return { kind: 'variable', text: match[0] };
    if (declared && !declared.has(parameter)) return { kind: 'undeclared-parameter', text: match[0], parameter };
  }
  const fillIn = FILL_IN.exec(value);
  if (fillIn) return { kind: 'fill-in', text: fillIn[0] };
  return undefined;
}

/** A template action (`{{ … }}` of Go templates and Jinja, `{% … %}` of Jinja) anywhere in a file's text. */
export function hasTemplateAction(text: string): boolean {
  return /(?<!\$)\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\}/.test(text);
}

