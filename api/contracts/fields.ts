// The contract's fields, all read from ONE place: api/schemas/contrat.schema.json. The users' roles (a
// `code<X>` field with an `email<X>` sibling), the labels of messages (the fields' titles) and the order of
// fields are derived from it. Only the rules name fields (the four pairs of rule 3, the two dates of rule 4),
// and those names are checked against the schema when this module loads.
import contratSchemaJson from '../schemas/contrat.schema.json';
import { EMAILS_ARE_CASE_INSENSITIVE } from '../assumptions';

export interface PropertySchema {
  type?: string;
  title?: string;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
}

export interface ObjectSchema {
  properties: Record<string, PropertySchema>;
  required: string[];
}

/** The contract's JSON Schema, the single source of its fields. */
export const contratSchema = contratSchemaJson as unknown as ObjectSchema & Record<string, unknown>;

/** The contract's fields, in the schema's order. */
export const CONTRACT_FIELDS: readonly string[] = Object.keys(contratSchema.properties);

const FIELD_ORDER = new Map<string, number>(CONTRACT_FIELDS.map((field, i) => [field, i]));

/** A field's place in the schema ('' before every field, unknown fields after them). */
export function fieldOrder(field: string): number {
  if (field === '') return -1;
  return FIELD_ORDER.get(field) ?? CONTRACT_FIELDS.length;
}

/** The field's name, after checking that the schema has it. */
export function requireField(field: string): string {
  if (!FIELD_ORDER.has(field)) throw new Error(`contract rules: the contract schema has no field "${field}"`);
  return field;
}

export const CONTRACT_ID_FIELD = requireField('codeContrat');
export const START_DATE_FIELD = requireField('dateDebut');
export const END_DATE_FIELD = requireField('dateFin');

/** A user's role: a `code<X>` property whose `email<X>` sibling exists in the schema. */
export interface Role {
  codeField: string;
  emailField: string;
  /** e.g. "apprenant", from the code field's title "Code de l'apprenant". */
  label: string;
}

/** Strips "Code du " / "Code de l'" / "Code de la " from a title, keeping what the code identifies. */
function entityLabel(codeField: string): string {
  const title = contratSchema.properties[codeField]?.title ?? codeField;
  return title.replace(/^Code (?:de la |de l'|du |des |de )/i, '');
}

export const ROLES: readonly Role[] = CONTRACT_FIELDS.flatMap((field) => {
  const match = /^code(.+)$/.exec(field);
  if (!match) return [];
  const emailField = `email${match[1]}`;
  return FIELD_ORDER.has(emailField) ? [{ codeField: field, emailField, label: entityLabel(field) }] : [];
});

/** Rule 3's entities, whose code/name pairs are one-to-one (the platform's wording: site, période, formation, année). */
const ONE_TO_ONE_ENTITIES = ['Site', 'Periode', 'Annee', 'Formation'] as const;

export interface CodeNamePair {
  codeField: string;
  nameField: string;
  label: string;
}

export const ONE_TO_ONE_PAIRS: readonly CodeNamePair[] = ONE_TO_ONE_ENTITIES.map((entity) => ({
  codeField: requireField(`code${entity}`),
  nameField: requireField(`nom${entity}`),
  label: entityLabel(`code${entity}`),
}));

/** An email as the platform compares it (api/assumptions.ts). */
export function normaliseEmail(email: string): string {
  return EMAILS_ARE_CASE_INSENSITIVE ? email.trim().toLowerCase() : email;
}

/** A usable text value of a field: a non-empty string, else undefined (its schema error says why). */
export function text(row: Record<string, unknown>, field: string): string | undefined {
  const value = row[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
