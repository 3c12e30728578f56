// The Campus Skills API's payloads as JSON Schemas: the one source of the contract's fields and of every body
// the API takes or answers. The Make app builds its inputs and outputs from them; the sandbox validates with them.
import absencesRequest from './absences-request.schema.json';
import contractChangesRequest from './contract-changes-request.schema.json';
import contractDiff from './contract-diff.schema.json';
import contractPage from './contract-page.schema.json';
import contractsRequest from './contracts-request.schema.json';
import contrat from './contrat.schema.json';
import grades from './grades.schema.json';
import groupCalendarRequest from './group-calendar-request.schema.json';
import syncTotalResponse from './sync-total-response.schema.json';
import syncValidInvalidResponse from './sync-valid-invalid-response.schema.json';
import tokenTest from './token-test.schema.json';
import trainingProgress from './training-progress.schema.json';
import v1Formation from './v1-formation.schema.json';
import v1FormationsRequest from './v1-formations-request.schema.json';
import v1Groupe from './v1-groupe.schema.json';
import v1GroupsRequest from './v1-groups-request.schema.json';
import v1Site from './v1-site.schema.json';
import v1SitesRequest from './v1-sites-request.schema.json';

/** A JSON Schema as read from a file: its `$id` names it, `$ref`s name other schemas by their `$id`. */
export type SchemaDocument = { $id: string; title?: string; [key: string]: unknown };

export const apiSchemas: Record<string, SchemaDocument> = Object.fromEntries(
  [
    absencesRequest,
    contractChangesRequest,
    contractDiff,
    contractPage,
    contractsRequest,
    contrat,
    grades,
    groupCalendarRequest,
    syncTotalResponse,
    syncValidInvalidResponse,
    tokenTest,
    trainingProgress,
    v1Formation,
    v1FormationsRequest,
    v1Groupe,
    v1GroupsRequest,
    v1Site,
    v1SitesRequest,
  ].map((schema) => [schema.$id, schema as SchemaDocument]),
);

export function apiSchema(id: string): SchemaDocument {
  const schema = apiSchemas[id];
  if (!schema) throw new Error(`unknown API schema '${id}' (known: ${Object.keys(apiSchemas).join(', ')})`);
  return schema;
}
