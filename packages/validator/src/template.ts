/**
 * OpenShift Template parameters: `${NAME}` is replaced by the parameter's text, `${{NAME}}` by
 * its JSON value (so it may stand for a number, a boolean or an object). Values holding them are
 * only valid after `oc process`; the validator does not format-check them, and type-checks only
 * that a value with `${NAME}` (text after processing) sits where the API wants a string.
 * Syntax from openshift/library-go `template/templateprocessing` (`[a-zA-Z0-9_]+`).
 */
const PARAMETER_REFERENCE = /\$\{\{?[a-zA-Z0-9_]+\}?\}/;
const NON_STRING_PARAMETER = /^\$\{\{[a-zA-Z0-9_]+\}\}$/;

/** True for a string that holds a template parameter reference anywhere (`${TAG}`, `quay.io/x:${TAG}`, `${{INSECURE}}`). */
export function isTemplateParameterValue(value: unknown): value is string {
  return typeof value === 'string' && PARAMETER_REFERENCE.test(value);
}

/** True for a value that is exactly one `${{NAME}}` reference: after processing it may be any JSON value. */
export function isNonStringTemplateParameter(value: unknown): value is string {
  return typeof value === 'string' && NON_STRING_PARAMETER.test(value);
}
