import { readFile } from 'node:fs/promises';
import { closestMatch } from '@ocp-image/validator';
import { UsageError } from '../errors.js';
import { resolveKind } from '../kinds.js';
import { writeStdout } from '../output.js';

/** The parts of `@ocp-image/schemas/model.json` that `explain` reads. */
interface TypeExpression {
  scalar?: string;
  ref?: string;
  array?: TypeExpression;
  map?: TypeExpression;
}

interface ModelField {
  name: string;
  type: TypeExpression;
  required: boolean;
  description?: string;
  enum?: string[];
  /** Values the API reference lists where the schema has no enum. */
  documentedValues?: string[];
  format?: string;
}

interface ModelType {
  name: string;
  description?: string;
  shape: 'object' | 'scalar';
  scalar?: string;
  open?: boolean;
  fields: ModelField[];
}

interface Model {
  group: string;
  version: string;
  kinds: { kind: string; description?: string; type: string }[];
  types: ModelType[];
}

const wrapWidth = 80;

function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && indent.length + line.length + 1 + word.length > wrapWidth) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line === '' ? '' : indent + line);
  }
  return lines.join('\n');
}

class Explainer {
  private readonly types: Map<string, ModelType>;

  constructor(private readonly model: Model) {
    this.types = new Map(model.types.map((type) => [type.name, type]));
  }

  /** `<string>`, `<[]TagReference>`, `<map[string]string>` as `oc explain` writes them. */
  label(expression: TypeExpression): string {
    if (expression.array) return `[]${this.label(expression.array)}`;
    if (expression.map) return `map[string]${this.label(expression.map)}`;
    if (expression.ref) {
      const type = this.types.get(expression.ref);
      return type?.shape === 'scalar' ? (type.scalar ?? 'string') : expression.ref;
    }
    return expression.scalar ?? 'Object';
  }

  /** The object type behind a field (through arrays and maps), if it has fields. */
  objectType(expression: TypeExpression): ModelType | undefined {
    const inner = expression.array ?? expression.map;
    if (inner) return this.objectType(inner);
    const type = expression.ref ? this.types.get(expression.ref) : undefined;
    return type?.shape === 'object' ? type : undefined;
  }

  fieldLine(field: ModelField, indent: string): string {
    return `${indent}${field.name}\t<${this.label(field.type)}>${field.required ? ' -required-' : ''}`;
  }

  fields(type: ModelType, recursive: boolean): string {
    if (type.fields.length === 0) return type.open ? '  <any fields>\n' : '  <none>\n';
    if (!recursive) {
      return type.fields
        .map((field) => `${this.fieldLine(field, '  ')}\n${field.description ? `${wrap(field.description, '    ')}\n` : ''}`)
        .join('\n');
    }
    const lines: string[] = [];
    const walk = (current: ModelType, depth: number, ancestors: Set<string>) => {
      for (const field of current.fields) {
        lines.push(this.fieldLine(field, '  '.repeat(depth)));
        const child = this.objectType(field.type);
        // A type that contains itself (directly or not) is listed once, not unrolled forever.
        if (child && !ancestors.has(child.name)) walk(child, depth + 1, new Set([...ancestors, child.name]));
      }
    };
    walk(type, 1, new Set([type.name]));
    return `${lines.join('\n')}\n`;
  }

  explain(query: string, recursive: boolean): string {
    const [kindPart = '', ...segments] = query.split('.');
    const kindName = resolveKind(kindPart, this.model.kinds.map((kind) => kind.kind));
    const kind = this.model.kinds.find((candidate) => candidate.kind === kindName);
    let type = kind ? this.types.get(kind.type) : undefined;
    if (!kind || !type) throw new Error(`the model has no type for kind ${kindName}`);

    let field: ModelField | undefined;
    const walked = [kindName];
    for (const rawSegment of segments) {
      const segment = rawSegment.replace(/\[\d*\]$/, '');
      if (!type) {
        throw new UsageError(`${walked.join('.')} is <${field ? this.label(field.type) : 'scalar'}> and has no field "${segment}".`);
      }
      const next: ModelField | undefined = type.fields.find((candidate) => candidate.name === segment);
      if (!next) {
        const suggestion = closestMatch(segment, type.fields.map((candidate) => candidate.name));
        const hint = suggestion ? `; did you mean "${suggestion}"?` : '.';
        const where = walked.length > 1 ? `${walked.join('.')} (${type.name})` : walked.join('.');
        throw new UsageError(`Field "${segment}" does not exist in ${where}${hint}`);
      }
      field = next;
      walked.push(segment);
      type = this.objectType(next.type);
    }

    let output = `GROUP:      ${this.model.group}\nKIND:       ${kindName}\nVERSION:    ${this.model.version}\n\n`;
    if (field) output += `FIELD: ${field.name} <${this.label(field.type)}>${field.required ? ' -required-' : ''}\n\n`;
    const listValues = (values: readonly string[]) => values.map((value) => `    ${value === '' ? '""' : value}`).join('\n');
    // Documented values the schema does not enforce (the server checks them, if at all, per use).
    if (field?.enum) output += `ENUM:\n${listValues(field.enum)}\n\n`;
    else if (field?.documentedValues) output += `VALUES:\n${listValues(field.documentedValues)}\n\n`;
    if (field?.format) output += `FORMAT:     ${field.format}\n\n`;
    const description = field ? field.description : (kind.description ?? type?.description);
    output += `DESCRIPTION:\n${description ? wrap(description, '    ') : '    <empty>'}\n`;
    if (type) output += `\nFIELDS:\n${this.fields(type, recursive)}`;
    return output;
  }
}

/** `ocp-image explain <Kind>[.field.path] [--recursive]`, offline, from the generated model. */
export async function runExplain(query: string, options: { recursive?: boolean }): Promise<number> {
  const model = JSON.parse(await readFile(new URL(import.meta.resolve('@ocp-image/schemas/model.json')), 'utf8')) as Model;
  await writeStdout(new Explainer(model).explain(query, options.recursive === true));
  return 0;
}
