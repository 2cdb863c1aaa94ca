import { DNS1123_SUBDOMAIN_MAX_LENGTH, dns1123SubdomainProblems, sanitizeName } from './kubernetes-names.js';
import { caseHint } from './support.js';
import { didYouMean, quote } from '../utils/message.js';
import { isRecord, isTemplateValue, record, string } from '../utils/object.js';
import { defineRule } from '../define.js';

const isSubdomain = (text: string) => dns1123SubdomainProblems(text).length === 0;

export default defineRule({
  id: 'template-name',
  category: 'server',
  severity: 'error',
  description: 'A Template that oc apply creates needs metadata.name, a DNS-1123 subdomain.',
  source:
    'openshift-apiserver pkg/template/apis/template/validation/validation.go ValidateTemplate: ValidateObjectMeta with ValidateTemplateName = NameIsDNSSubdomain (registry/template/strategy.go Validate, on create); oc process does not validate the name',
  kinds: ['Template'],
  messages: {
    required: 'The Template has no metadata.name (and no metadata.generateName): oc apply creates the Template and the server requires a name.{{hint}}',
    invalid: 'The Template name {{value}} is not a DNS-1123 subdomain: {{reason}}; oc apply creates the Template and the server rejects it.{{hint}}',
  },
  check({ object, report }) {
    const metadata = record(object.value, 'metadata');
    const rawName = isRecord(metadata) ? metadata['name'] : undefined;
    const name = string(metadata, 'name');
    if ((rawName === undefined || rawName === null || rawName === '') && !string(metadata, 'generateName')) {
      report({ path: ['metadata', 'name'], messageId: 'required', data: { hint: caseHint(metadata, 'name') } });
      return;
    }
    if (!name || isTemplateValue(object, name)) return;
    const problems = dns1123SubdomainProblems(name);
    if (problems.length === 0) return;
    report({
      path: ['metadata', 'name'],
      messageId: 'invalid',
      data: { value: quote(name), reason: problems.join('; '), hint: didYouMean(sanitizeName(name, DNS1123_SUBDOMAIN_MAX_LENGTH, isSubdomain)) },
    });
  },
});
