// The French wording of a JSON Schema error on a contract: what a school reads when a field is missing,
// mistyped or malformed.
import type { ErrorObject } from 'ajv';
import { pointerSegments } from '../../lib/paths';
import { showValue } from '../../lib/values';
import { contratSchema, END_DATE_FIELD, START_DATE_FIELD } from './fields';

function fieldTitle(field: string): string {
  const title = contratSchema.properties[field]?.title;
  return title ? ` (${title})` : '';
}

/** The field at fault and the French detail of one ajv error on a contract. */
export function schemaErrorDetail(error: ErrorObject, candidate: unknown): { field: string; detail: string } {
  const pathField = String(pointerSegments(error.instancePath)[0] ?? '');
  const row = (candidate ?? {}) as Record<string, unknown>;
  const value = pathField ? row[pathField] : candidate;
  switch (error.keyword) {
    case 'required': {
      const field = String((error.params as { missingProperty: string }).missingProperty);
      return { field, detail: `champ obligatoire manquant${fieldTitle(field)}.` };
    }
    case 'additionalProperties': {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      return { field, detail: `champ inconnu (valeur ${showValue(row[field])}) : vérifiez son nom.` };
    }
    case 'type':
      return {
        field: pathField,
        detail: pathField
          ? `doit être une chaîne de caractères, reçu ${showValue(value)}.`
          : `un contrat doit être un objet, reçu ${showValue(value)}.`,
      };
    case 'minLength':
      return { field: pathField, detail: `ne doit pas être vide (reçu ${showValue(value)}).` };
    case 'pattern':
      return {
        field: pathField,
        detail:
          pathField === START_DATE_FIELD || pathField === END_DATE_FIELD
            ? `la valeur ${showValue(value)} n'est pas une date au format JJ/MM/AAAA.`
            : `la valeur ${showValue(value)} n'a pas le format attendu.`,
      };
    case 'format':
      return {
        field: pathField,
        detail:
          (error.params as { format?: string }).format === 'email'
            ? `la valeur ${showValue(value)} n'est pas une adresse email valide.`
            : `la valeur ${showValue(value)} n'a pas le format attendu.`,
      };
    default:
      return { field: pathField, detail: `la valeur ${showValue(value)} est invalide (${error.message ?? error.keyword}).` };
  }
}
