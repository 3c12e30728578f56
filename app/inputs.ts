// A field of an API request schema as a module input: the schema gives the name, type, label and validation;
// the module gives the help, which says how to fill the field in Make (the schema's description says what the
// API expects).
import type { Parameter } from '../sdk/types';
import { propertyToParameter, type JsonSchema } from '../sdk/params/fromJsonSchema';
import { schemaById } from './schemas';

/** The property at `path` (dotted, through `properties`) of a schema. */
export function schemaProperty(schemaId: string, path: string): JsonSchema {
  let schema = schemaById(schemaId);
  for (const name of path.split('.')) {
    const next = schema.properties?.[name];
    if (next === undefined) throw new Error(`${schemaId} has no property '${path}'`);
    schema = next;
  }
  return schema;
}

/** `property` (a schema) as the input `name`, required or not, with `help`. */
export function inputOf(name: string, property: JsonSchema, required: boolean, help: string): Parameter {
  return propertyToParameter(name, { ...property, description: help }, required, { purpose: 'input', resolve: schemaById });
}

/** A copy of an array or collection input whose fields (its `spec`) get these changes, by field name. */
export function withFields(input: Parameter, changes: Record<string, Partial<Parameter>>): Parameter {
  if (!Array.isArray(input.spec)) throw new Error(`input '${input.name}' has no fields`);
  const names = new Set(input.spec.map((field) => field.name));
  for (const name of Object.keys(changes)) if (!names.has(name)) throw new Error(`input '${input.name}' has no field '${name}'`);
  return { ...input, spec: input.spec.map((field) => ({ ...field, ...changes[field.name] })) };
}
