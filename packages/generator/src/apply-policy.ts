import { documentedValues } from './documented-values.js';
import type { TypeModel } from './model.js';
import type { MergeReport } from './report.js';
import { enumDecisions, fieldFormats, generalDeviations, requiredNotEnforced } from './server-policy.js';

/**
 * Turns what the documents say into what the schemas enforce: required fields the server does
 * not enforce become optional, listed values become enums only where the server enforces them.
 * Every change is recorded as a deviation; a policy entry that matches nothing is an error.
 */
export function applyServerPolicy(types: Map<string, TypeModel>, report: MergeReport): void {
  for (const deviation of generalDeviations) report.deviation(deviation);
  for (const entry of fieldFormats) {
    const field = types.get(entry.type)?.fields.find((f) => f.name === entry.field);
    if (!field) throw new Error(`server policy: format for unknown field ${entry.type}.${entry.field}`);
    field.format = entry.format;
  }
  for (const entry of requiredNotEnforced) {
    const field = types.get(entry.type)?.fields.find((f) => f.name === entry.field);
    if (!field?.documentedRequired) throw new Error(`server policy: ${entry.type}.${entry.field} is not documented as required`);
    field.required = false;
    report.deviation({ subject: `${entry.type}.${entry.field}`, documents: 'required', schemas: 'optional', reason: entry.reason });
  }

  const decided = new Set<string>();
  for (const type of types.values()) {
    for (const field of type.fields) {
      if (type.origin !== 'documents') continue;
      const values = documentedValues(field.description);
      if (!values) continue;
      field.documentedValues = values;
      const subject = `${type.name}.${field.name}`;
      const decision = enumDecisions.find((d) => d.type === type.name && d.field === field.name);
      if (!decision) throw new Error(`server policy: ${subject} lists values (${values.join(', ')}) but has no enum decision`);
      decided.add(subject);
      if (decision.accepted) {
        field.enum = decision.accepted;
        const added = decision.accepted.filter((v) => !values.includes(v));
        report.deviation({
          subject,
          documents: `values ${values.map((v) => JSON.stringify(v)).join(', ')}`,
          schemas: `enum ${decision.accepted.map((v) => JSON.stringify(v)).join(', ')}${added.length ? ` (added ${added.map((v) => JSON.stringify(v)).join(', ')})` : ''}`,
          reason: decision.reason,
        });
      } else {
        report.deviation({
          subject,
          documents: `values ${values.map((v) => JSON.stringify(v)).join(', ')}`,
          schemas: 'no enum (values kept as documentation)',
          reason: decision.reason,
        });
      }
    }
  }
  for (const decision of enumDecisions) {
    if (!decided.has(`${decision.type}.${decision.field}`)) throw new Error(`server policy: enum decision for ${decision.type}.${decision.field} matches no documented values`);
  }
}
