// The modules' output shapes (what a Make user maps), apart from the API's payloads (api/schemas), which they
// reference. Every mappable parameter list and interface is built from one of the two.
import absencesResult from './absences-result.schema.json';
import connectionTest from './connection-test.schema.json';
import contractChangesResult from './contract-changes-result.schema.json';
import deleteAllResult from './delete-all-result.schema.json';
import diffResult from './diff-result.schema.json';
import groupCalendarResult from './group-calendar-result.schema.json';
import safeSyncResult from './safe-sync-result.schema.json';
import syncResult from './sync-result.schema.json';
import v1FormationsResult from './v1-formations-result.schema.json';
import v1GroupsResult from './v1-groups-result.schema.json';
import v1SitesResult from './v1-sites-result.schema.json';
import { apiSchemas } from '../../api/schemas';
import { schemaToParameters, propertyToParameter, type JsonSchema } from '../../sdk/params/fromJsonSchema';
import type { Parameter } from '../../sdk/types';

/** The modules' own output schemas. */
export const moduleSchemas: Record<string, JsonSchema> = Object.fromEntries(
  [
    absencesResult,
    connectionTest,
    contractChangesResult,
    deleteAllResult,
    diffResult,
    groupCalendarResult,
    safeSyncResult,
    syncResult,
    v1FormationsResult,
    v1GroupsResult,
    v1SitesResult,
  ].map((schema) => [schema.$id, schema as JsonSchema]),
);

/** Every schema a module may use: the API's payloads and the modules' output shapes. */
export const schemas: Record<string, JsonSchema> = { ...(apiSchemas as Record<string, JsonSchema>), ...moduleSchemas };

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
