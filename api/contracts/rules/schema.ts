// The contract's JSON Schema: required fields, types, formats. Every other rule reads only what passes here
// or reports nothing of it (a malformed date is this rule's; a date that does not exist is rule 4's).
import { compileApiSchema } from '../../schemas/validator';
import { contratSchema } from '../fields';
import { schemaErrorDetail } from '../schemaWording';
import type { ViolationList } from '../violations';

/** Lengths in UTF-16 units are exact when the schema's only length rules are "not empty". */
const LENGTH_RULES_ARE_EMPTINESS_ONLY = Object.values(contratSchema.properties).every(
  (property) => (property.minLength ?? 0) <= 1 && property.maxLength === undefined,
);

const validateContract = compileApiSchema('contrat.schema.json', { unicode: !LENGTH_RULES_ARE_EMPTINESS_ONLY });

/** Validates a row that may not even be an object (the caller passes the raw candidate). */
export function checkSchema(candidate: unknown, index: number, codeContrat: string | undefined, found: ViolationList): void {
  if (validateContract(candidate)) return;
  for (const error of validateContract.errors ?? []) {
    const { field, detail } = schemaErrorDetail(error, candidate);
    found.add(index, codeContrat, field, 'schema', detail);
  }
}
