// The API payload schemas: the single source of the contract's fields and of every module's data shape.
import contrat from './contrat.schema.json';
import contractList from './contract-list.schema.json';
import diffResult from './diff-result.schema.json';
import grades from './grades.schema.json';
import syncResult from './sync-result.schema.json';
import tokenTest from './token-test.schema.json';
import connectionTest from './connection-test.schema.json';
import { schemaToParameters, propertyToParameter, type JsonSchema } from '../../sdk/params/fromJsonSchema';
import type { Parameter } from '../../sdk/types';

export const schemas: Record<string, JsonSchema> = Object.fromEntries(
  [contrat, contractList, diffResult, grades, syncResult, tokenTest, connectionTest].map((schema) => [
    schema.$id,
    schema as JsonSchema,
  ]),
);

export function schemaById(id: string): JsonSchema {
  const schema = schemas[id];
  if (!schema) throw new Error(`unknown schema '${id}' (known: ${Object.keys(schemas).join(', ')})`);
  return schema;
}

/** A schema's fields as a module's output interface. */
export function interfaceOf(schemaId: string): Parameter[] {
  return schemaToParameters(schemaById(schemaId), { purpose: 'output', resolve: schemaById });
}

/** The `contrats` input: an array of contract collections, Make's "Target structure type" in an Array aggregator. */
export function contratsInput(help: string): Parameter {
  return propertyToParameter(
    'contrats',
    { type: 'array', title: 'Contrats', description: help, minItems: 1, items: { $ref: 'contrat.schema.json' } },
    true,
    { purpose: 'input', resolve: schemaById },
  );
}
