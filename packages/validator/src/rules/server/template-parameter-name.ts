import { quote } from '../utils/message.js';
import { array, isRecord } from '../utils/object.js';
import { defineRule } from '../define.js';

/** openshift-apiserver pkg/template/apis/template/validation ParameterNameRegexp. */
const PARAMETER_NAME = /^[a-zA-Z0-9_]+$/;

export default defineRule({
  id: 'template-parameter-name',
  category: 'server',
  severity: 'error',
  description: 'Every Template parameter needs a name of letters, digits and underscores.',
  source:
    'openshift-apiserver pkg/template/apis/template/validation/validation.go ValidateParameter (name required, ^[a-zA-Z0-9_]+$), called by ValidateTemplate on create and ValidateProcessedTemplate when oc process sends the Template',
  kinds: ['Template'],
  messages: {
    required: 'parameters[{{index}}] has no name: the server rejects the Template ("parameters[{{index}}].name: Required value") on oc apply and oc process alike; give it a name.',
    invalid:
      'Template parameter name {{value}} does not match ^[a-zA-Z0-9_]+$, so the server rejects the Template on oc apply and oc process alike, and `${…}` references could not name it{{hint}}.',
  },
  check({ object, report }) {
    (array(object.value, 'parameters') ?? []).forEach((parameter, index) => {
      if (!isRecord(parameter)) return;
      const name = parameter['name'];
      if (name === undefined || name === null || name === '') {
        report({ path: ['parameters', index, 'name'], messageId: 'required', data: { index } });
        return;
      }
      if (typeof name !== 'string' || PARAMETER_NAME.test(name)) return;
      const fixed = name.split(/[^a-zA-Z0-9_]+/).filter(Boolean).join('_');
      report({ path: ['parameters', index, 'name'], messageId: 'invalid', data: { value: quote(name), hint: fixed ? `; write ${quote(fixed)}` : '' } });
    });
  },
});
