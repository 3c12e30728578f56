// The one converter from a JSON Schema to Make parameter specs. Every mappable parameter list and every
// interface that describes API data goes through here, so a field added to a schema appears everywhere.
import type { Parameter, ParameterType } from '../types';

/** The subset of draft-07 the app's schemas use. */
export interface JsonSchema {
  $id?: string;
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: Array<string | number>;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  /** Our extension: a long text, shown as a multi-line field in Make. */
  'x-multiline'?: boolean;
  [key: string]: unknown;
}

/** Finds a schema by its `$id`, for `$ref`s. */
export type SchemaResolver = (ref: string) => JsonSchema;

export interface ConversionOptions {
  /** `input`: a mappable parameter list (required flags, validation rules, help). `output`: an interface. */
  purpose: 'input' | 'output';
  resolve: SchemaResolver;
}

export class SchemaConversionError extends Error {}

/** The fields of an object schema, as a Make parameter list. */
export function schemaToParameters(schema: JsonSchema, options: ConversionOptions): Parameter[] {
  const object = deref(schema, options.resolve);
  if (!object.properties) {
    throw new SchemaConversionError(`schema ${object.$id ?? object.title ?? '?'} has no properties to convert`);
  }
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).map(([name, property]) =>
    propertyToParameter(name, property, required.has(name), options),
  );
}

/** One property as a Make parameter. */
export function propertyToParameter(
  name: string,
  property: JsonSchema,
  required: boolean,
  options: ConversionOptions,
): Parameter {
  const schema = deref(property, options.resolve);
  const parameter: Parameter = { name, type: makeType(name, schema), label: schema.title ?? name };
  const forInput = options.purpose === 'input';
  if (forInput) {
    if (!schema.description) throw new SchemaConversionError(`property '${name}' has no description (it becomes the field's help)`);
    parameter.help = schema.description;
    if (required) parameter.required = true;
  }
  if (schema['x-multiline'] && forInput) parameter.multiline = true;
  if (schema.enum) {
    parameter.options = schema.enum.map((value) => ({ label: String(value), value }));
  }
  if (parameter.type === 'array' && schema.items) {
    const items = deref(schema.items, options.resolve);
    parameter.spec = items.properties
      ? schemaToParameters(items, options)
      : propertyToParameter('value', items, false, options);
  }
  if (parameter.type === 'collection' && schema.properties) {
    parameter.spec = schemaToParameters(schema, options);
  }
  if (forInput) {
    const validate = validationOf(schema);
    if (validate) parameter.validate = validate;
  }
  return parameter;
}

function makeType(name: string, schema: JsonSchema): ParameterType {
  if (schema.enum) return 'select';
  const type = primaryType(schema);
  switch (type) {
    case 'string':
      if (schema.format === 'email') return 'email';
      if (schema.format === 'uri') return 'url';
      return 'text';
    case 'integer':
      return schema.minimum !== undefined && schema.minimum >= 0 ? 'uinteger' : 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      return 'collection';
    default:
      throw new SchemaConversionError(`property '${name}' has no convertible type (${JSON.stringify(schema.type)})`);
  }
}

/** `["number", "null"]` is a nullable number: Make has no null type, the field is just optional. */
function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type;
}

function validationOf(schema: JsonSchema): Parameter['validate'] | undefined {
  const rules: NonNullable<Exclude<Parameter['validate'], boolean>> = {};
  if (schema.pattern !== undefined) rules.pattern = schema.pattern;
  // Make's `min`/`max` mean a length for text and a value for numbers.
  const min = schema.minLength ?? (schema.minimum !== undefined && schema.minimum > 0 ? schema.minimum : undefined);
  const max = schema.maxLength ?? schema.maximum;
  if (min !== undefined && !(schema.minLength === 1 && primaryType(schema) === 'string')) rules.min = min;
  if (max !== undefined) rules.max = max;
  if (schema.minItems !== undefined) rules.minItems = schema.minItems;
  if (schema.maxItems !== undefined) rules.maxItems = schema.maxItems;
  return Object.keys(rules).length > 0 ? rules : undefined;
}

function deref(schema: JsonSchema, resolve: SchemaResolver): JsonSchema {
  return schema.$ref ? deref(resolve(schema.$ref), resolve) : schema;
}
